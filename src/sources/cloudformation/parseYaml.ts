import { LineCounter, parseDocument, visit, isAlias, isMap, isScalar, isSeq, type Alias, type Document, type Node as YNode, type Pair } from 'yaml';
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
      // The library compares every key with every earlier one (quadratic in a mapping's
      // size); duplicates are found below with a Map instead.
      uniqueKeys: false,
      // `<<` merge keys are expanded, as `aws cloudformation package` (PyYAML) and cfn-lint
      // do: reading `<<` as a literal key would hide every property merged through it.
      merge: true,
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
    errors.push({ ...p, message: `invalid YAML: ${firstLine(e.message)}` });
  }
  if (errors.length) return { errors };
  const aliasTarget = indexDocument(doc, at, errors);
  if (errors.length) return { errors };
  if (doc.contents == null) return { errors };

  const unknownTag = (tag: string, loc: Loc) =>
    errors.push({
      ...loc,
      message: tag.startsWith('!Rain::')
        ? `${tag} is a directive of the rain tool, not CloudFormation; run \`rain pkg\` and scan its output`
        : `unknown intrinsic function tag ${tag}; CloudFormation knows ${Object.keys(SHORT_TAGS).join(' ')}`,
    });

  const reportedTags = new Set<YNode>();
  let budget = 2_000_000; // node budget: guards against alias expansion bombs
  const walk = (n: YNode | null, depth: number): Node => {
    if (--budget < 0) throw new TemplateTooLarge();
    if (depth > 200) throw new TemplateTooDeep();
    if (n == null) return { t: 's', v: null, loc: { file, line: 1, column: 1 } };
    if (isAlias(n)) return walk(aliasTarget.get(n) ?? null, depth + 1);
    const loc = at(n.range?.[0] ?? 0);
    let out: Node;
    if (isScalar(n)) {
      const v = n.value;
      out = { t: 's', v: v === undefined ? null : typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : (v as string | number | boolean | null), loc };
    } else if (isMap(n)) {
      const m = mapNode(loc);
      const merged: YNode[] = [];
      for (const pair of n.items) {
        const kNode = pair.key as YNode | null;
        if (isMergeKey(kNode)) { for (const src of mergeSources(pair.value as YNode | null)) if (src) merged.push(src); continue; }
        const kLoc = kNode && kNode.range ? at(kNode.range[0]) : loc;
        const key = keyText(kNode);
        m.props.set(key, walk(pair.value as YNode | null, depth + 1));
        m.keyLocs.set(key, kLoc);
      }
      // YAML merge: keys written in the mapping win wherever they appear, then earlier
      // sources win over later ones. A merged key keeps the location the anchor gave it.
      for (const src of merged) {
        const sm = walk(src, depth + 1);
        if (sm.t !== 'm') continue;
        for (const [k, v] of sm.props) {
          if (m.props.has(k)) continue;
          m.props.set(k, v);
          m.keyLocs.set(k, sm.keyLocs.get(k)!);
        }
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
        // A node reached through several aliases or merges is one mistake in the file: report it once.
        if (!reportedTags.has(n)) { reportedTags.add(n); unknownTag(tag, loc); }
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

/**
 * One pass over the document in order: which node each alias names (the nearest anchor
 * of that name before it, as YAML defines), duplicate keys, and merge keys whose value is
 * not a mapping. Resolving aliases through this table keeps parsing linear; asking the
 * library walks the whole document once per alias.
 */
function indexDocument(doc: Document.Parsed, at: (offset: number) => Loc, errors: SourceError[]): Map<Alias, YNode> {
  const anchors = new Map<string, YNode>();
  const aliasTarget = new Map<Alias, YNode>();
  const merges: Pair[] = [];
  visit(doc, {
    Node(_k, n) {
      if (isAlias(n)) {
        const target = anchors.get(n.source);
        if (target) aliasTarget.set(n, target);
        return;
      }
      if (n.anchor) anchors.set(n.anchor, n);
      if (!isMap(n)) return;
      const seen = new Map<string, number>();
      for (const pair of n.items) {
        const kNode = pair.key as YNode | null;
        if (isMergeKey(kNode)) { merges.push(pair as Pair); continue; }
        const key = keyText(kNode);
        const start = kNode?.range?.[0] ?? n.range?.[0] ?? 0;
        const first = seen.get(key);
        if (first === undefined) { seen.set(key, start); continue; }
        errors.push({
          ...at(start),
          message: `invalid YAML: duplicate key ${key} in mapping (first at line ${at(first).line}; YAML requires unique keys; CloudFormation would silently keep only one)`,
        });
      }
    },
  });
  for (const pair of merges) {
    const value = pair.value as YNode | null;
    const bad = (n: YNode | null, what: string) => {
      const l = at(n?.range?.[0] ?? (pair.key as YNode).range?.[0] ?? 0);
      errors.push({ ...l, message: `invalid YAML: the merge key << takes a mapping, an alias of a mapping, or a list of them; here it has ${what}` });
    };
    for (const n of mergeSources(value)) {
      const target = isAlias(n) ? aliasTarget.get(n) ?? null : n;
      if (isMap(target)) continue;
      const kind = isSeq(target) ? 'a list' : target == null ? 'nothing' : 'a scalar';
      bad(n, isAlias(n) ? `an alias of ${kind}` : kind);
    }
  }
  return aliasTarget;
}

/** What a merge key's value merges: one mapping (or alias), or each item of a list. */
function mergeSources(value: YNode | null): (YNode | null)[] {
  return isSeq(value) ? (value.items as (YNode | null)[]) : [value];
}

/** A plain `<<` key; with `merge: true` the library resolves it to a symbol (a quoted "<<" stays a string). */
function isMergeKey(k: YNode | null): boolean {
  return isScalar(k) && typeof k.value === 'symbol';
}

function keyText(k: YNode | null): string {
  return isScalar(k) ? String(k.value) : String(k);
}

class TemplateTooLarge extends Error {}
class TemplateTooDeep extends Error {}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
