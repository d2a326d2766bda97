// `terraform show -json` output: a plan (planned_values, resource_changes, configuration)
// or a state (values). Each resource instance the plan leaves in place becomes a TfResource,
// every value located where the JSON file writes it; what the plan knows only after apply
// is unknown there, or a reference when the configuration says which resource it comes from.
//
// When the HCL configuration the plan was made from is scanned alongside, a plan resource
// and the HCL block that declares it share `TfResource.address`: planHcl.ts maps the plan's
// values back to the HCL lines that wrote them (the folder reader does it, since folders are
// read after files). Otherwise locations point into the plan file.
import type { Loc, SourceError, Value } from '../../model/types.js';
import type { MapNode, Node } from '../cloudformation/node.js';
import { parseJson } from '../cloudformation/parseJson.js';
import type { SourceLoad, TextSource } from '../types.js';
import { isMap, keyAt, mapValue, markSensitive, member, text } from './located.js';
import { configIndex, referenceValue, resourceRefs, type ConfigIndex } from './planConfig.js';
import type { TfResource } from './types.js';
import { registerPlan } from './planHcl.js';
import { unitTemplate } from './unit.js';

export interface PlanRead {
  resources: TfResource[];
  errors: SourceError[];
  /** Read, but not evaluated faithfully (listed as warnings). */
  notes: SourceError[];
  /**
   * What the plan's `configuration` declares in its root module (resource and data blocks
   * by address, module calls by name), to recognise the folder it was planned from.
   * Absent when the document has no configuration (a state).
   */
  config?: { blocks: Set<string>; calls: Set<string> };
}

/** Plan actions after which the resource no longer exists: not assessed. */
const GONE = new Set(['delete', 'forget']);

export const terraformPlanSource: TextSource = {
  id: 'terraform-plan',
  title: 'Terraform plans and state (terraform show -json)',
  sniff(t, file) {
    if (!/^\s*(\uFEFF)?\{/.test(t) || !t.includes('"format_version"') || !t.includes('"terraform_version"')) return false;
    // The names alone could sit anywhere (a template's Metadata): they must be top-level keys.
    const root = parsed(t, file).root;
    return isMap(root) && root.props.has('format_version') && root.props.has('terraform_version') && (root.props.has('planned_values') || root.props.has('values'));
  },
  load(t, file, opts): SourceLoad {
    const r = readPlan(t, file);
    const { template, source } = unitTemplate({ file, format: 'terraform-plan', files: [file], resources: r.resources, errors: r.errors, notes: r.notes });
    // The folder reader, which runs after files are read, maps it onto its configuration when that is scanned too.
    registerPlan(opts, { file, read: r, template, source });
    return { sources: [source], templates: [template], skipped: [] };
  },
};

/** The resource instances of a plan or state, keyed (for later matching with HCL) by address. */
export function readPlan(t: string, file: string): PlanRead {
  const out: PlanRead = { resources: [], errors: [], notes: [] };
  const p = parsed(t, file);
  if (p.errors.length || !p.root) {
    out.errors.push(...(p.errors.length ? p.errors : [{ file, line: 1, column: 1, message: 'file is empty' }]));
    return out;
  }
  const root = p.root;
  const err = (at: Loc, message: string) => out.errors.push({ file, line: at.line, column: at.column, message });
  if (!isMap(root)) { err(root.loc, 'not a Terraform plan or state: the document is not a JSON object'); return out; }
  const version = text(root, 'format_version');
  if (version && !/^1\./.test(version)) {
    const at = keyAt(root, 'format_version');
    out.notes.push({ file, line: at.line, column: at.column, message: `format_version ${version} is newer than the 1.x Attest reads; values may be missed` });
  }
  const planned = member(root, 'planned_values') ?? member(root, 'values');
  if (!planned) {
    // `terraform show -json` of an empty state writes no values at all.
    if (!member(root, 'resource_changes')) return out;
    err(root.loc, 'Terraform plan without planned_values: write it with `terraform show -json plan.out`');
    return out;
  }
  const modRoot = member(planned, 'root_module');
  if (!modRoot) return out;

  const changes = changeIndex(member(root, 'resource_changes'));
  const configNode = member(root, 'configuration');
  const config = configIndex(configNode);
  const rootConfig = member(configNode, 'root_module');
  if (isMap(rootConfig)) {
    const blocks = new Set<string>();
    const rs = member(rootConfig, 'resources');
    if (rs?.t === 'l') for (const x of rs.items) { const a = text(x, 'address'); if (a) blocks.add(a); }
    const calls = member(rootConfig, 'module_calls');
    out.config = { blocks, calls: new Set(isMap(calls) ? calls.props.keys() : []) };
  }
  const nodes: { n: MapNode; module: string }[] = [];
  collect(modRoot, '', nodes, err);
  const instances = new Set<string>();
  for (const { n } of nodes) { const a = text(n, 'address'); if (a) instances.add(a); }
  for (const { n, module } of nodes) {
    const r = resource(n, module, changes, config, instances, err);
    if (r) out.resources.push(r);
  }
  return out;
}

/** Sniffing parses the file to see its top-level keys; reading it next reuses that parse. */
let lastParse: { text: string; file: string; result: ReturnType<typeof parseJson> } | undefined;
function parsed(t: string, file: string): ReturnType<typeof parseJson> {
  if (lastParse && lastParse.text === t && lastParse.file === file) return lastParse.result;
  const result = parseJson(t, file);
  lastParse = { text: t, file, result };
  return result;
}

/** Every resource node of a module and of its child modules, with its module address. */
function collect(mod: Node, module: string, out: { n: MapNode; module: string }[], err: (at: Loc, m: string) => void, depth = 0): void {
  if (!isMap(mod) || depth > 100) return;
  const rs = member(mod, 'resources');
  if (rs?.t === 'l') for (const n of rs.items) {
    if (isMap(n)) out.push({ n, module });
    else err(n.loc, 'a resource in the plan is not a JSON object');
  }
  const children = member(mod, 'child_modules');
  if (children?.t === 'l') for (const c of children.items) collect(c, text(c, 'address') ?? module, out, err, depth + 1);
}

interface Change { actions: string[]; afterUnknown?: Node }

function changeIndex(rc: Node | undefined): Map<string, Change> {
  const m = new Map<string, Change>();
  if (rc?.t !== 'l') return m;
  for (const c of rc.items) {
    const address = text(c, 'address');
    const change = member(c, 'change');
    if (!address || !change) continue;
    const acts = member(change, 'actions');
    const actions = acts?.t === 'l' ? acts.items.flatMap((a) => (a.t === 's' && typeof a.v === 'string' ? [a.v] : [])) : [];
    m.set(address, { actions, afterUnknown: member(change, 'after_unknown') });
  }
  return m;
}

function resource(n: MapNode, module: string, changes: Map<string, Change>, config: ConfigIndex, instances: Set<string>, err: (at: Loc, m: string) => void): TfResource | undefined {
  const address = text(n, 'address');
  const type = text(n, 'type');
  const name = text(n, 'name');
  if (!address || !type || !name) { err(n.loc, 'a resource in the plan has no address, type or name'); return undefined; }
  const change = changes.get(address);
  if (change && change.actions.length && change.actions.every((a) => GONE.has(a))) return undefined;
  const mode = text(n, 'mode') === 'data' ? 'data' : 'managed';
  const loc = keyAt(n, 'address');
  const vn = member(n, 'values');
  let values = isMap(vn) ? mapValue(withoutNulls(vn)) : { k: 'object' as const, props: new Map<string, Value>(), keyLocs: new Map<string, Loc>(), loc };
  const sens = member(n, 'sensitive_values');
  if (sens) values = sensitive(values, sens) as typeof values;
  const indexNode = member(n, 'index');
  const index = indexNode?.t === 's' && (typeof indexNode.v === 'string' || typeof indexNode.v === 'number') ? indexNode.v : undefined;
  const self = { address, module, ...(index !== undefined ? { index } : {}) };
  const exprs = config.resources.get(configAddress(module, mode, type, name));
  if (change?.afterUnknown) unknowns(values, change.afterUnknown, [], (path, at) => referenceValue(self, exprs, path, at, instances));
  // Neither a plan's nor a state's JSON records the lifecycle block: whether prevent_destroy is set cannot be seen.
  const at = { ...loc, path: `${address}.lifecycle.prevent_destroy` };
  const lifecycle: TfResource['lifecycle'] = {
    k: 'object', loc, keyLocs: new Map([['prevent_destroy', at]]),
    props: new Map<string, Value>([['prevent_destroy', { k: 'unknown', reason: 'plan and state JSON do not record lifecycle { prevent_destroy }; scan the configuration (.tf files) to see it', params: [], loc: at }]]),
  };
  return { address, type, name, module, mode, file: loc.file, loc, values, refs: resourceRefs(self, exprs, instances), lifecycle };
}

/** The address of the configuration block an instance comes from: module keys and instance key dropped. */
function configAddress(module: string, mode: string, type: string, name: string): string {
  const mod = module.replace(/\[[^\]]*\]/g, '');
  return `${mod ? mod + '.' : ''}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
}

/** Terraform writes an argument that is not set as null; the contract leaves it out. */
function withoutNulls(n: MapNode): MapNode {
  const out: MapNode = { t: 'm', props: new Map(), keyLocs: new Map(), loc: n.loc };
  for (const [k, v] of n.props) {
    if (v.t === 's' && v.v === null) continue;
    out.props.set(k, v.t === 'm' ? withoutNulls(v) : v.t === 'l' ? { ...v, items: v.items.map((i) => (i.t === 'm' ? withoutNulls(i) : i)) } : v);
    out.keyLocs.set(k, n.keyLocs.get(k)!);
  }
  return out;
}

/** Apply `sensitive_values` (the values' shape, `true` where sensitive) to the values. */
function sensitive(v: Value, s: Node): Value {
  if (s.t === 's') return s.v === true ? markSensitive(v) : v;
  if (s.t === 'm' && v.k === 'object') {
    const props = new Map(v.props);
    for (const [k, sv] of s.props) { const x = props.get(k); if (x) props.set(k, sensitive(x, sv)); }
    return { ...v, props };
  }
  if (s.t === 'l' && v.k === 'list') return { ...v, items: v.items.map((x, i) => (s.items[i] ? sensitive(x, s.items[i]!) : x)) };
  return v;
}

type Seg = string | number;

/**
 * Set each value `after_unknown` marks (`true`) to what `decide` makes of it: a reference
 * or an unknown. Containers missing from the values are created, located at the mark.
 */
function unknowns(v: Value, u: Node, path: Seg[], decide: (path: Seg[], at: Loc) => Value): void {
  if (u.t === 'm' && v.k === 'object') {
    for (const [k, un] of u.props) {
      const at = keyAt(u, k);
      if (un.t === 's') {
        if (un.v === true) { v.props.set(k, decide([...path, k], at)); v.keyLocs.set(k, at); }
        continue;
      }
      let cur = v.props.get(k);
      if (!cur) {
        if (!hasTrue(un)) continue;
        cur = un.t === 'm' ? { k: 'object', props: new Map(), keyLocs: new Map(), loc: un.loc } : { k: 'list', items: [], loc: un.loc };
        v.props.set(k, cur);
        v.keyLocs.set(k, at);
      }
      unknowns(cur, un, [...path, k], decide);
    }
  } else if (u.t === 'l' && v.k === 'list') {
    u.items.forEach((un, i) => {
      if (un.t === 's') {
        if (un.v === true) v.items[i] = decide([...path, i], un.loc);
        return;
      }
      let cur = v.items[i];
      if (!cur) {
        if (!hasTrue(un)) return;
        cur = un.t === 'm' ? { k: 'object', props: new Map(), keyLocs: new Map(), loc: un.loc } : { k: 'list', items: [], loc: un.loc };
        v.items[i] = cur;
      }
      unknowns(cur, un, [...path, i], decide);
    });
    // An unknown element written past the known ones leaves no hole behind.
    for (let i = 0; i < v.items.length; i++) if (!v.items[i]) v.items[i] = decide([...path, i], u.loc);
  }
}

function hasTrue(n: Node): boolean {
  if (n.t === 's') return n.v === true;
  if (n.t === 'l') return n.items.some(hasTrue);
  for (const v of n.props.values()) if (hasTrue(v)) return true;
  return false;
}
