// Reports are produced as a sequence of chunks so that a report larger than V8's maximum
// string length (about 512 MiB) can still be written to a file or a pipe. The string form
// of every format is its chunks joined: one implementation per format.

/** The chunks as one string (for reports that fit in memory: the server's cache, tests). */
export function joinChunks(chunks: Iterable<string>): string {
  let s = '';
  for (const c of chunks) s += c;
  return s;
}

/**
 * The same text as `groups.flat().join('\n')`, in pieces of at most `per` lines, so a
 * renderer can build its output as line groups without ever joining all of them.
 */
export function* joinedLines(groups: Iterable<readonly string[]>, per = 200): Generator<string, void, undefined> {
  let first = true;
  for (const g of groups) {
    for (let i = 0; i < g.length; i += per) {
      const piece = g.slice(i, i + per).join('\n');
      yield first ? piece : '\n' + piece;
      first = false;
    }
  }
}
