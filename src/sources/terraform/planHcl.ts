// A plan (`terraform show -json`) scanned together with the configuration it was planned
// from: the plan's resolved values, each located at the HCL argument that wrote it.
//
// Plans are text files, read before folders; each registers here under the scan's options
// object (one per scan, so nothing outlives the scan). The folder reader then recognises the
// root folder a plan came from (its `configuration` declares exactly the folder's resource,
// data and module blocks) and hands both to `mapOntoConfiguration`: the plan's unit is
// rebuilt with HCL locations, and the folder is not assessed a second time: the plan, which
// holds the values Terraform resolved, supersedes it (a source note on the plan says so).
// A resource the configuration does not show (one in a remote module) keeps its place in the
// plan file.
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Loc, ObjectValue, SourceInfo, Template, Value } from '../../model/types.js';
import type { ParsedFile } from './hcl/ast.js';
import { markSensitive, plainValue } from './located.js';
import type { ModuleLoad } from './module.js';
import type { PlanRead } from './plan.js';
import { applySuppressions } from './suppressions.js';
import type { TfResource } from './types.js';
import { unitTemplate } from './unit.js';

export interface PlanEntry {
  /** Display path of the plan file. */
  file: string;
  read: PlanRead;
  template: Template;
  source: SourceInfo;
  /** Set once mapped onto a folder's configuration. */
  mappedTo?: string;
}

const plans = new WeakMap<object, PlanEntry[]>();

export function registerPlan(scan: object | undefined, e: PlanEntry): void {
  if (!scan) return;
  let l = plans.get(scan);
  if (!l) plans.set(scan, (l = []));
  l.push(e);
}

/** The plans read so far in this scan. */
export function plansOf(scan: object): PlanEntry[] {
  return plans.get(scan) ?? [];
}

/** What a root folder declares, in the words of a plan's configuration. */
export function declaredBlocks(files: ParsedFile[]): { blocks: Set<string>; calls: Set<string> } {
  const blocks = new Set<string>();
  const calls = new Set<string>();
  for (const f of files) {
    for (const b of f.body.items) {
      if (b.kind !== 'block') continue;
      const l = b.labels.map((x) => x.value);
      if (b.type === 'resource' && l.length >= 2) blocks.add(`${l[0]}.${l[1]}`);
      else if (b.type === 'data' && l.length >= 2) blocks.add(`data.${l[0]}.${l[1]}`);
      else if (b.type === 'module' && l[0]) calls.add(l[0]);
    }
  }
  return { blocks, calls };
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Whether a plan was made from a folder declaring `declared`: the same blocks and module calls, and at least one. */
export function plannedFrom(e: PlanEntry, declared: { blocks: Set<string>; calls: Set<string> }): boolean {
  const c = e.read.config;
  if (!c || c.blocks.size + c.calls.size === 0) return false;
  return sameSet(c.blocks, declared.blocks) && sameSet(c.calls, declared.calls);
}

/** The real folder a plan file is in. */
export function planDir(e: PlanEntry): string {
  const dir = dirname(resolve(e.file));
  try { return realpathSync(dir); } catch { return dir; }
}

/**
 * Rebuild a plan's unit with every value located where the configuration writes it. The
 * plan's values are kept; only their places change. `folder` is the folder's display name.
 */
export function mapOntoConfiguration(e: PlanEntry, folder: string, m: ModuleLoad): void {
  const exact = new Map<string, TfResource>();
  const byBlock = new Map<string, TfResource>();
  for (const r of m.resources) {
    exact.set(r.address, r);
    const b = blockAddress(r.address);
    if (!byBlock.has(b)) byBlock.set(b, r);
  }
  let outside = 0;
  const resources = e.read.resources.map((p) => {
    const h = exact.get(p.address) ?? byBlock.get(blockAddress(p.address));
    if (!h) { outside++; return p; }
    return relocated(p, h);
  });
  const notes = [...e.read.notes];
  notes.push({
    file: e.file, line: 1, column: 1,
    message: `planned from the configuration in ${folder}, scanned alongside: findings point at its .tf lines and carry the plan's resolved values; the folder is not assessed separately (this plan supersedes it)` +
      (outside ? `; ${outside} resource${outside === 1 ? '' : 's'} the scanned configuration does not show (remote modules) keep their place in the plan` : ''),
  });
  const files = [...new Set([e.file, ...m.files])];
  const { template, source } = unitTemplate({ file: e.file, format: 'terraform-plan', files, resources, errors: e.read.errors, notes });
  applySuppressions(template, m.suppressions);
  Object.assign(e.template, template);
  // The source object stays the one already listed; its figures are the same, its notes grow.
  e.source.errors = source.errors;
  if (source.warnings) e.source.warnings = source.warnings;
  e.mappedTo = folder;
}

/** `module.a[0].aws_x.b["k"]` -> `module.a.aws_x.b`: the configuration block an instance comes from. */
function blockAddress(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '');
}

/** A plan resource placed where its block is written, its values where their arguments are. */
function relocated(p: TfResource, h: TfResource): TfResource {
  // Without default_tags the configuration writes no tags_all: the plan's is the resource's own tags, written at `tags`.
  const hv = h.values.props.has('tags_all') || !h.values.props.has('tags') ? h.values
    : { ...h.values, props: new Map([...h.values.props, ['tags_all', h.values.props.get('tags')!]]), keyLocs: new Map([...h.values.keyLocs, ['tags_all', h.values.keyLocs.get('tags') ?? h.loc]]) };
  const values = place(p.values, hv, h.loc) as ObjectValue;
  const out: TfResource = { ...p, file: h.file, loc: plain(h.loc), values };
  // The configuration shows the lifecycle block the plan does not record (or that there is none).
  if (h.lifecycle) out.lifecycle = h.lifecycle;
  else delete out.lifecycle;
  return out;
}

/** A location without the path of the reader it came from (the translators add the path). */
function plain(l: Loc): Loc {
  return { file: l.file, line: l.line, column: l.column };
}

/**
 * The plan value `p` with every location taken from the configuration value `h` written for
 * it; where the configuration writes nothing for a part (a provider default, a computed
 * attribute), that part is located at the nearest enclosing place the configuration writes.
 */
function place(p: Value, h: Value | undefined, at: Loc): Value {
  const here = h ? plain(h.loc) : at;
  switch (p.k) {
    case 'object': {
      const hObj = h?.k === 'object' ? h : undefined;
      const props = new Map<string, Value>();
      const keyLocs = new Map<string, Loc>();
      for (const [k, v] of p.props) {
        const hv = hObj?.props.get(k);
        const kl = hObj?.keyLocs.get(k);
        const keyAt = kl ? plain(kl) : here;
        props.set(k, place(v, hv, keyAt));
        keyLocs.set(k, keyAt);
      }
      return { k: 'object', props, keyLocs, loc: here };
    }
    case 'list': {
      const hItems = h?.k === 'list' ? h.items : undefined;
      const matched = hItems ? matchItems(p.items, hItems) : [];
      return { k: 'list', items: p.items.map((x, i) => place(x, matched[i], here)), loc: here };
    }
    case 'unknown':
      return { ...p, loc: here, ...(p.alts ? { alts: p.alts.map((a) => place(a, undefined, here)) } : {}) };
    case 'scalar': {
      // A JSON text the configuration writes as a structure (jsonencode, a heredoc): the plan's
      // text, each part located where the configuration writes it.
      const written = h && (h.k === 'scalar' || h.k === 'unknown') ? h.json : undefined;
      if (written && typeof p.v === 'string') {
        let parsed: unknown;
        try { parsed = JSON.parse(p.v); } catch { return { ...p, loc: here }; }
        const json = place(plainValue(parsed, here), written, here);
        return { ...p, loc: here, json: p.sensitive ? markSensitive(json) : json };
      }
      return { ...p, loc: here };
    }
    default:
      return { ...p, loc: here };
  }
}

/**
 * Which configuration element each plan element came from. Terraform orders a set of blocks
 * (security group rules) by its own key, not as written: an element is paired with the
 * written one whose known scalars agree best, the same position winning a tie.
 */
function matchItems(ps: Value[], hs: Value[]): (Value | undefined)[] {
  const used = new Set<number>();
  return ps.map((p, i) => {
    let best = -1;
    let bestScore = -Infinity;
    for (let j = 0; j < hs.length; j++) {
      if (used.has(j)) continue;
      const s = agreement(p, hs[j]!) * 2 + (i === j ? 1 : 0);
      if (s > bestScore) { best = j; bestScore = s; }
    }
    if (best < 0) return undefined;
    // Scalars are paired only when equal or at the same position among as many.
    const hp = hs[best]!;
    if (p.k === 'scalar' && hp.k === 'scalar' && p.v !== hp.v && !(best === i && ps.length === hs.length)) return undefined;
    used.add(best);
    return hp;
  });
}

/** How far two values agree: +1 for each equal scalar, -1 for each that differs (known on both sides). */
function agreement(p: Value, h: Value, depth = 0): number {
  if (p.k === 'scalar' && h.k === 'scalar') return p.v === h.v ? 1 : -1;
  if (depth > 3) return 0;
  if (p.k === 'object' && h.k === 'object') {
    let n = 0;
    for (const [k, v] of p.props) { const hv = h.props.get(k); if (hv) n += agreement(v, hv, depth + 1); }
    return n;
  }
  if (p.k === 'list' && h.k === 'list') {
    let n = 0;
    for (let i = 0; i < Math.min(p.items.length, h.items.length); i++) n += agreement(p.items[i]!, h.items[i]!, depth + 1);
    return n;
  }
  return 0;
}

/** A plan whose configuration is scanned but has errors: it keeps its own locations, and the folder is assessed as well. */
export function keptUnmapped(e: PlanEntry, folder: string): void {
  (e.source.warnings ??= []).push({
    file: e.file, line: 1, column: 1,
    message: `planned from the configuration in ${folder}, which has errors: findings point into the plan, and the folder is assessed separately`,
  });
}
