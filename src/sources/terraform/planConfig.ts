// The `configuration` part of a plan: for a value the plan knows only after apply, which
// resource it comes from (`bucket = aws_s3_bucket.logs.id`), so references survive into
// translation (an attachment finds its bucket) instead of becoming anonymous unknowns.
import type { Loc, Value } from '../../model/types.js';
import type { MapNode, Node } from '../cloudformation/node.js';
import { isMap, member, text } from './located.js';

export interface ConfigIndex {
  /** Configuration blocks by address, module keys dropped (`module.net.aws_subnet.a`). */
  resources: Map<string, MapNode>;
}

/** The instance a value belongs to. */
export interface Instance {
  address: string;
  /** Module instance address (`module.net[0]`), `''` for the root. */
  module: string;
  index?: string | number;
}

export function configIndex(cfg: Node | undefined): ConfigIndex {
  const resources = new Map<string, MapNode>();
  const walk = (mod: Node | undefined, prefix: string, depth: number) => {
    if (!isMap(mod) || depth > 100) return;
    const rs = member(mod, 'resources');
    if (rs?.t === 'l') for (const r of rs.items) {
      const a = text(r, 'address');
      if (a && isMap(r)) resources.set(prefix + a, r);
    }
    const calls = member(mod, 'module_calls');
    if (isMap(calls)) for (const [name, call] of calls.props) walk(member(call, 'module'), `${prefix}module.${name}.`, depth + 1);
  };
  walk(member(cfg, 'root_module'), '', 0);
  return { resources };
}

type Seg = string | number;

/** `rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id` */
export function pathText(path: Seg[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

/**
 * A value the plan knows only after apply: a reference when the configuration writes it as
 * one resource's attribute (`aws_kms_key.k.arn`) and that instance is in the plan, else unknown.
 */
export function referenceValue(self: Instance, cfg: MapNode | undefined, path: Seg[], at: Loc, instances: Set<string>): Value {
  const unknown = (more: string[] = []): Value => ({ k: 'unknown', reason: 'known only after apply', params: [`${self.address}.${pathText(path)}`, ...more], loc: at });
  let expr: Node | undefined = member(cfg, 'expressions');
  for (const s of path) {
    if (typeof s === 'number') expr = expr?.t === 'l' ? expr.items[s] : undefined;
    else expr = member(expr, s);
  }
  const refs = member(expr, 'references');
  if (refs?.t !== 'l') return unknown();
  const listed = refs.items.flatMap((r) => (r.t === 's' && typeof r.v === 'string' ? [{ ref: r.v, loc: r.loc }] : []));
  const all = listed.map((w) => w.ref);
  // Terraform lists each reference with the objects containing it (`aws_s3_bucket.b[0].id`,
  // `aws_s3_bucket.b[0]`, `aws_s3_bucket.b`): the containers add nothing.
  const written = listed.filter((w) => !all.some((o) => o !== w.ref && (o.startsWith(w.ref + '.') || o.startsWith(w.ref + '['))));
  const targets = new Map<string, { attr?: string; loc: Loc }>();
  const others: string[] = [];
  for (const w of written) {
    const t = parseRef(w.ref);
    if (t === 'index') continue;
    const addr = t && t.kind === 'managed' ? instanceOf(self, t, all, instances) : undefined;
    if (!addr) { others.push(t ? t.base : w.ref); continue; }
    const seen = targets.get(addr);
    if (!seen || (!seen.attr && t!.attr)) targets.set(addr, { ...(t!.attr ? { attr: t!.attr } : {}), loc: w.loc });
  }
  if (targets.size === 1 && !others.length) {
    const [resource, t] = [...targets][0]!;
    return { k: 'ref', resource, ...(t.attr ? { attr: t.attr } : {}), loc: t.loc };
  }
  return unknown([...new Set(others)]);
}

/** Every instance a resource's configuration refers to (arguments, count/for_each, depends_on). */
export function resourceRefs(self: Instance, cfg: MapNode | undefined, instances: Set<string>): Set<string> {
  const out = new Set<string>();
  if (!cfg) return out;
  const strings: string[] = [];
  const walk = (n: Node, depth: number) => {
    if (depth > 200) return;
    if (n.t === 'l') { for (const i of n.items) walk(i, depth + 1); return; }
    if (n.t !== 'm') return;
    for (const [k, v] of n.props) {
      if ((k === 'references' || k === 'depends_on') && v.t === 'l') {
        for (const r of v.items) if (r.t === 's' && typeof r.v === 'string') strings.push(r.v);
      } else walk(v, depth + 1);
    }
  };
  walk(cfg, 0);
  for (const s of strings) {
    const t = parseRef(s);
    if (!t || t === 'index' || t.kind !== 'managed') continue;
    const exact = instanceOf(self, t, strings, instances);
    if (exact) { out.add(exact); continue; }
    // A reference to every instance of a counted resource (`aws_subnet.a[*].id`).
    const base = modulePrefix(self) + t.base;
    for (const i of instances) if (i.startsWith(base + '[')) out.add(i);
  }
  out.delete(self.address);
  return out;
}

interface Target { kind: 'managed' | 'data'; base: string; key?: string; attr?: string }

const NOT_RESOURCES = new Set(['var', 'local', 'path', 'terraform', 'self', 'module']);

/** What a reference string names: a resource (with its instance key and attribute), an index variable, or nothing we follow. */
function parseRef(ref: string): Target | 'index' | undefined {
  if (/^(count\.index|each\.(key|value))$/.test(ref)) return 'index';
  const m = /^(data\.)?([A-Za-z][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?(?:\.([A-Za-z_][A-Za-z0-9_-]*))?/.exec(ref);
  if (!m) return undefined;
  const [, data, type, name, key, attr] = m;
  if (NOT_RESOURCES.has(type!) || type === 'count' || type === 'each' || !type!.includes('_')) return undefined;
  const base = `${data ? 'data.' : ''}${type}.${name}`;
  return { kind: data ? 'data' : 'managed', base, ...(key ? { key } : {}), ...(attr ? { attr } : {}) };
}

function modulePrefix(self: Instance): string {
  return self.module ? `${self.module}.` : '';
}

/** The planned instance a reference names, from the referring instance's module (and index, for `[count.index]`). */
function instanceOf(self: Instance, t: Target, all: string[], instances: Set<string>): string | undefined {
  const base = modulePrefix(self) + t.base;
  const candidates = t.key ? [base + t.key] : [base];
  if (!t.key && all.includes('count.index') && typeof self.index === 'number') candidates.push(`${base}[${self.index}]`);
  if (!t.key && (all.includes('each.key') || all.includes('each.value')) && typeof self.index === 'string') candidates.push(`${base}[${JSON.stringify(self.index)}]`);
  return candidates.find((c) => instances.has(c));
}
