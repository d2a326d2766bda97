// Writing command output. A reader that goes away (`attest scan … | head -c 100`) makes the
// next write fail with EPIPE, which Node reports as an 'error' event on process.stdout: left
// unhandled it kills the process with a stack trace and exit code 1, whatever the scan found.
import { closeSync, openSync, writeSync } from 'node:fs';

const failed = new WeakMap<NodeJS.WritableStream, NodeJS.ErrnoException>();
const watched = new WeakSet<NodeJS.WritableStream>();
/** Streams whose failure a writer was handed (writeChunks), and so reported itself. */
const handed = new WeakSet<NodeJS.WritableStream>();

/** Record write errors on `stream` instead of crashing; `writeChunks` hands them to its caller, `unreportedFailure` to main. */
export function watchOutput(stream: NodeJS.WritableStream): void {
  if (watched.has(stream)) return;
  watched.add(stream);
  stream.on('error', (e: NodeJS.ErrnoException) => { if (!failed.has(stream)) failed.set(stream, e); });
}

/** A closed reader: the output is no longer wanted, which is not a failure of the command. */
export const isClosedReader = (e: NodeJS.ErrnoException | undefined) => e?.code === 'EPIPE' || e?.code === 'ERR_STREAM_DESTROYED';

/**
 * Write every chunk to a watched stream, waiting for it to drain so memory stays bounded;
 * stops at the first write error and returns it (undefined when everything was handed to
 * the stream).
 */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<NodeJS.ErrnoException | undefined> {
  watchOutput(stream);
  const settle = () => new Promise<void>((done) => {
    const finish = () => { stream.off('drain', finish); stream.off('error', finish); done(); };
    stream.on('drain', finish);
    stream.on('error', finish);
  });
  for (const chunk of chunks) {
    if (failed.has(stream)) break;
    if (!stream.write(chunk)) await settle();
  }
  const failure = await settled(stream);
  if (failure) handed.add(stream);
  return failure;
}

/** The first write error of a watched stream, once the writes already made have their outcome. */
async function settled(stream: NodeJS.WritableStream): Promise<NodeJS.ErrnoException | undefined> {
  // The error of a failed write is emitted on a later tick: wait for the last write's outcome.
  if (!failed.has(stream)) await new Promise<void>((done) => stream.write('', () => setImmediate(done)));
  return failed.get(stream);
}

/**
 * After a command: a write error on `stream` that no writer reported and that is not a closed
 * reader (a full disk: ENOSPC) — the output was lost, so the command must not exit 0.
 */
export async function unreportedFailure(stream: NodeJS.WritableStream): Promise<NodeJS.ErrnoException | undefined> {
  if (!watched.has(stream) || handed.has(stream)) return undefined;
  const failure = await settled(stream);
  return failure && !isClosedReader(failure) ? failure : undefined;
}

/** Write every chunk to FILE (created or truncated); the error code when that fails. */
export function writeChunksToFile(file: string, chunks: Iterable<string>): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'w');
    for (const chunk of chunks) writeSync(fd, chunk);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
