import { LineCounter, parseDocument, isAlias, isMap, isScalar, isSeq, type Document, type Node as YNode } from 'yaml';
import type { Loc, SourceError } from '../../model/types.js';
import { SHORT_TAGS, type Node, mapNode } from './node.js';

export interface ParseResult {
  root?: Node;
  errors: SourceError[];
}

/** Parse CloudFormation YAML into located nodes, rewriting short-form tags to long form. */
export function parseYaml(text: string, file: string): ParseResult {
  const lc = new LineCounter();
  const errors: SourceError[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter: lc,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      logLevel: 'silent',
    });
  } catch (e) {
    return { errors: [{ file, line: 1, column: 1, message: `YAML could not be read: ${(e as Error).message}` }] };
  }
  const at = (offset: number): Loc => {
    const p = lc.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  for (const e of doc.errors) {
    const p = at(e.pos[0]);
    const msg = e.code === 'DUPLICATE_KEY'
      ? 'duplicate key in mapping (YAML requires unique keys; CloudFormation would silently keep only one)'
      : firstLine(e.message);
    errors.push({ ...p, message: `invalid YAML: ${msg}` });
  }
  if (errors.length) return { errors };
  if (doc.contents == null) return { errors };

  const unknownTag = (tag: string, loc: Loc) =>
    errors.push({
      ...loc,
      message: tag.startsWith('!Rain::')
        ? `${tag} is a directive of the rain tool, not CloudFormation; run \`rain pkg\` and scan its output`
        : `unknown intrinsic function tag ${tag}; CloudFormation knows ${Object.keys(SHORT_TAGS).join(' ')}`,
    });

  let budget = 2_000_000; // node budget: guards against alias expansion bombs
  const walk = (n: YNode | null, depth: number): Node => {
    if (--budget < 0) throw new TemplateTooLarge();
    if (depth > 200) throw new TemplateTooDeep();
    if (n == null) return { t: 's', v: null, loc: { file, line: 1, column: 1 } };
    if (isAlias(n)) {
      const target = n.resolve(doc);
      return walk((target ?? null) as YNode | null, depth + 1);
    }
    const loc = at(n.range?.[0] ?? 0);
    let out: Node;
    if (isScalar(n)) {
      const v = n.value;
      out = { t: 's', v: v === undefined ? null : typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : (v as string | number | boolean | null), loc };
    } else if (isMap(n)) {
      const m = mapNode(loc);
      for (const pair of n.items) {
        const kNode = pair.key as YNode | null;
        const key = isScalar(kNode) ? String(kNode.value) : String(kNode);
        const kLoc = kNode && kNode.range ? at(kNode.range[0]) : loc;
        m.props.set(key, walk(pair.value as YNode | null, depth + 1));
        m.keyLocs.set(key, kLoc);
      }
      out = m;
    } else if (isSeq(n)) {
      out = { t: 'l', items: n.items.map((i) => walk(i as YNode | null, depth + 1)), loc };
    } else {
      out = { t: 's', v: null, loc };
    }
    const tag = n.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      // The node's range starts after its tag; locate the tag itself, as users read it.
      const start = n.range?.[0] ?? 0;
      const tagAt = text.lastIndexOf(tag, start);
      const loc = tagAt >= 0 && start - tagAt < 200 ? at(tagAt) : at(start);
      const fn = SHORT_TAGS[tag];
      if (!fn) {
        unknownTag(tag, loc);
        return out;
      }
      let arg = out;
      if (fn === 'Fn::GetAtt' && out.t === 's' && typeof out.v === 'string') {
        // `!GetAtt Res.Attr.Sub` splits at the first dot only
        const i = out.v.indexOf('.');
        arg = { t: 'l', loc, items: i < 0 ? [out] : [{ t: 's', v: out.v.slice(0, i), loc }, { t: 's', v: out.v.slice(i + 1), loc }] };
      }
      const w = mapNode(loc);
      w.props.set(fn, arg);
      w.keyLocs.set(fn, loc);
      return w;
    }
    return out;
  };
  try {
    return { root: walk(doc.contents as YNode, 0), errors };
  } catch (e) {
    if (e instanceof TemplateTooLarge) return { errors: [{ file, line: 1, column: 1, message: 'template expands to more than 2,000,000 nodes (YAML aliases?); refusing to evaluate it' }] };
    if (e instanceof TemplateTooDeep) return { errors: [{ file, line: 1, column: 1, message: 'template nests deeper than 200 levels; refusing to evaluate it' }] };
    throw e;
  }
}

class TemplateTooLarge extends Error {}
class TemplateTooDeep extends Error {}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
