// A JSON document written in a heredoc (`policy = <<EOF … EOF`): its parts located at their
// own lines in the file, so a finding on one statement points at that statement, not at the
// argument. Lines map one to one when the rendered text has as many lines as the heredoc's
// body (an interpolation does not span lines); a column is exact where the line was not
// changed by an interpolation, else the line's first character.
import type { Loc, Value } from '../../../model/types.js';
import { parseJson } from '../../cloudformation/parseJson.js';
import type { Node } from '../../cloudformation/node.js';

/** The located structure of a JSON heredoc's text, or undefined when it is not JSON or its lines cannot be told. */
export function heredocJson(rendered: Extract<Value, { k: 'scalar' }>, tpl: { line: number; pos: number; end: number }, file: string, text: string): Value | undefined {
  if (typeof rendered.v !== 'string' || !/^\s*[[{]/.test(rendered.v)) return undefined;
  const raw = text.slice(tpl.pos, tpl.end);
  const opener = raw.indexOf('\n');
  if (opener < 0) return undefined;
  // The body: after the opener's line, up to the closing delimiter's line.
  const bodyLines = raw.slice(opener + 1).split('\n').slice(0, -1);
  const lines = rendered.v.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length !== bodyLines.length) return undefined;
  const p = parseJson(rendered.v, file);
  if (p.errors.length || !p.root) return undefined;
  const first = tpl.line + 1;
  const place = (l: Loc): Loc => {
    const rawLine = bodyLines[l.line - 1] ?? '';
    const line = lines[l.line - 1] ?? '';
    const strip = rawLine.length - line.length;
    const column = strip >= 0 && rawLine.slice(strip) === line ? l.column + strip : rawLine.search(/\S/) + 1 || 1;
    return { file, line: first + l.line - 1, column };
  };
  const refs = rendered.refs ?? [];
  const value = (n: Node): Value => {
    if (n.t === 'l') return { k: 'list', items: n.items.map(value), loc: place(n.loc) };
    if (n.t === 'm') {
      const props = new Map<string, Value>();
      const keyLocs = new Map<string, Loc>();
      for (const [k, v] of n.props) { props.set(k, value(v)); keyLocs.set(k, place(n.keyLocs.get(k) ?? n.loc)); }
      return { k: 'object', props, keyLocs, loc: place(n.loc) };
    }
    const out: Extract<Value, { k: 'scalar' }> = { k: 'scalar', v: n.v, loc: place(n.loc) };
    // A `${…}` placeholder names the resource it stands for.
    const mine = typeof n.v === 'string' ? refs.filter((r) => n.v!.toString().includes('${' + r)) : [];
    if (mine.length) out.refs = mine;
    if (rendered.sensitive) out.sensitive = true;
    return out;
  };
  return value(p.root);
}
