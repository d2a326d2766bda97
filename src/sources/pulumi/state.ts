// Pulumi's JSON documents: a stack export (`pulumi stack export`, or a backend's checkpoint
// file), which holds the deployed state of every resource, and a preview (`pulumi preview
// --json`), which holds the steps the next update would take. Secrets stay secret: an
// encrypted one is unknown, a decrypted one (`--show-secrets`) a sensitive value.
import type { Loc, ObjectValue, SourceError, SourceFormat, Value } from '../../model/types.js';
import type { MapNode, Node } from '../cloudformation/node.js';
import { parseJson } from '../cloudformation/parseJson.js';
import type { SourceLoad, TextSource } from '../types.js';
import { emptyObject, isMap, keyAt, markSensitive, member, plainValue, text } from '../terraform/located.js';
import { pulumiUnit, type PulumiResource } from './unit.js';

const SIG = '4dabf18193072939515e22adb298388d';
const SECRET = '1b47061264138c4ac30d75fd1eb44270';
const RESOURCE_REF = '5cf8f73096256a8f31e491e813e4eb8e';
const OUTPUT_VALUE = 'd0e6a833031e9bbcd3f4e8bde6ca49a4';
/** What the engine writes for a value it will know only after the update. */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** Steps after which the resource no longer exists: not assessed. */
const GONE = new Set(['delete', 'delete-replaced', 'discard', 'discard-replaced', 'remove-pending-replace', 'read-discard']);

const looksLikeJson = (t: string) => /^\s*(\uFEFF)?\{/.test(t);

export const pulumiStateSource: TextSource = {
  id: 'pulumi-state',
  title: 'Pulumi stack exports (pulumi stack export)',
  sniff(t, file) {
    if (!looksLikeJson(t) || (!t.includes('"deployment"') && !t.includes('"checkpoint"'))) return false;
    return deploymentOf(parsed(t, file).root) !== undefined;
  },
  load(t, file) {
    return readDocument(t, file, 'pulumi-state', (root) => stateResources(deploymentOf(root)!, file));
  },
};

export const pulumiPreviewSource: TextSource = {
  id: 'pulumi-preview',
  title: 'Pulumi previews (pulumi preview --json)',
  sniff(t, file) {
    if (!looksLikeJson(t) || !t.includes('"steps"')) return false;
    const root = parsed(t, file).root;
    const steps = member(root, 'steps');
    return steps?.t === 'l' && (steps.items.length === 0 ? !!member(root, 'changeSummary') : steps.items.some((s) => !!member(s, 'op') && !!member(s, 'urn')));
  },
  load(t, file) {
    return readDocument(t, file, 'pulumi-preview', (root) => previewResources(member(root, 'steps')!, file));
  },
};

/** Sniffing parses the file to see its shape; reading it next reuses that parse. */
let lastParse: { text: string; file: string; result: ReturnType<typeof parseJson> } | undefined;
function parsed(t: string, file: string): ReturnType<typeof parseJson> {
  if (lastParse && lastParse.text === t && lastParse.file === file) return lastParse.result;
  const result = parseJson(t, file);
  lastParse = { text: t, file, result };
  return result;
}

interface Read { resources: PulumiResource[]; errors: SourceError[] }

function readDocument(t: string, file: string, format: SourceFormat, read: (root: Node) => Read): SourceLoad {
  const p = parsed(t, file);
  if (p.errors.length || !p.root) return pulumiUnit(file, format, [], p.errors.length ? p.errors : [{ file, line: 1, column: 1, message: 'file is empty' }]);
  const r = read(p.root);
  return pulumiUnit(file, format, r.resources, r.errors);
}

/** `deployment` of a stack export, or `checkpoint.latest` of a backend's state file. */
function deploymentOf(root: Node | undefined): MapNode | undefined {
  const d = member(root, 'deployment') ?? member(member(root, 'checkpoint'), 'latest');
  return isMap(d) && member(d, 'resources')?.t === 'l' ? d : undefined;
}

/** One resource entry (state) with the values to read. */
interface Entry { n: MapNode; values: Node | undefined; }

function stateResources(d: MapNode, file: string): Read {
  const entries: Entry[] = [];
  for (const n of (member(d, 'resources') as Extract<Node, { t: 'l' }>).items) {
    // `delete`: left over from a replacement, to be deleted.
    if (!isMap(n) || isTrue(member(n, 'delete'))) continue;
    // The deployed state is the outputs (arguments and what the provider computed); a
    // resource without outputs yet (a failed create) has its inputs.
    const outputs = member(n, 'outputs');
    entries.push({ n, values: isMap(outputs) && outputs.props.size ? outputs : member(n, 'inputs') });
  }
  return resources(entries, file, { secretReason: 'a secret, encrypted in the stack export' });
}

function previewResources(steps: Node, file: string): Read {
  // A replacement is several steps of one URN: the last step that leaves it in place decides.
  const byUrn = new Map<string, Entry | undefined>();
  if (steps.t === 'l') for (const s of steps.items) {
    const urn = text(s, 'urn');
    const state = member(s, 'newState');
    if (!urn) continue;
    if (GONE.has(text(s, 'op') ?? '') || !isMap(state)) { if (!byUrn.get(urn)) byUrn.set(urn, undefined); continue; }
    // What the program declares; computed outputs are not known before the update.
    byUrn.set(urn, { n: state, values: member(state, 'inputs') });
  }
  return resources([...byUrn.values()].filter((e): e is Entry => !!e), file, { secretReason: 'a secret', redacted: true });
}

/** URN parts: `urn:pulumi:<stack>::<project>::<parent$type>::<name>`. */
function urnName(urn: string): { type: string; name: string } | undefined {
  const parts = urn.split('::');
  if (parts.length < 4 || !parts[0]!.startsWith('urn:pulumi:')) return undefined;
  const chain = parts[2]!;
  return { type: chain.slice(chain.lastIndexOf('$') + 1), name: parts.slice(3).join('::') };
}

function resources(entries: Entry[], file: string, secrets: { secretReason: string; redacted?: boolean }): Read {
  const errors: SourceError[] = [];
  const err = (at: Loc, message: string) => errors.push({ file, line: at.line, column: at.column, message });
  const parsedEntries: { e: Entry; urn: string; type: string; name: string }[] = [];
  for (const e of entries) {
    const urn = text(e.n, 'urn');
    const u = urn ? urnName(urn) : undefined;
    if (!urn || !u) { err(e.n.loc, 'a resource without a valid urn (urn:pulumi:<stack>::<project>::<type>::<name>)'); continue; }
    const type = text(e.n, 'type') ?? u.type;
    // Components group resources whose own entries follow; only custom resources exist in the cloud.
    const custom = member(e.n, 'custom');
    if (custom?.t === 's' && custom.v === false) continue;
    parsedEntries.push({ e, urn, type, name: u.name });
  }
  // Names repeat across types (a bucket and its encryption settings both called `logs`). The
  // state lists a resource before those depending on it, so the first keeps the name the
  // user gave and the later ones take their type (`<type>::logs`), or their URN if that repeats too.
  const byUrn = new Map<string, string>();
  const used = new Set<string>();
  for (const p of parsedEntries) {
    let a = p.name;
    if (used.has(a)) a = `${p.type}::${p.name}`;
    if (used.has(a)) a = p.urn;
    used.add(a);
    byUrn.set(p.urn, a);
  }
  const out: PulumiResource[] = [];
  for (const p of parsedEntries) {
    const address = byUrn.get(p.urn)!;
    const loc = keyAt(p.e.n, 'urn');
    const deps = propertyDeps(p.e.n);
    const ctx: Decode = { ...secrets, address: (u) => byUrn.get(u), origin: p.urn };
    let props: ObjectValue = emptyObject(p.e.values?.loc ?? loc);
    if (isMap(p.e.values)) {
      props = { k: 'object', props: new Map(), keyLocs: new Map(), loc: p.e.values.loc };
      for (const [k, v] of p.e.values.props) {
        let dv = decode(v, k, ctx);
        // A value the update computes from one other resource: that resource is what it names.
        const from = deps.get(k);
        if (dv.k === 'unknown' && from?.length === 1 && byUrn.has(from[0]!)) dv = { k: 'ref', resource: byUrn.get(from[0]!)!, loc: dv.loc };
        props.props.set(k, dv);
        props.keyLocs.set(k, keyAt(p.e.values, k));
      }
    }
    const refs = new Set<string>();
    for (const u of [...listOf(member(p.e.n, 'dependencies')), ...[...deps.values()].flat()]) { const a = byUrn.get(u); if (a) refs.add(a); }
    collectRefs(props, refs);
    const mode = isTrue(member(p.e.n, 'external')) ? 'data' : 'managed';
    const options = optionsOf(p.e.n, p.urn);
    out.push({ address, token: p.type, origin: p.urn, loc, props, refs, mode, ...(options ? { options } : {}) });
  }
  return { resources: out, errors };
}

/**
 * `protect` and `retainOnDelete` of a state entry (a preview step's new state has the same
 * shape). The engine writes each resource's own value, inherited from its parent included,
 * and only when true.
 */
function optionsOf(n: MapNode, urn: string): ObjectValue | undefined {
  let out: ObjectValue | undefined;
  for (const key of ['protect', 'retainOnDelete']) {
    const v = member(n, key);
    if (v?.t !== 's') continue;
    out ??= emptyObject(n.loc);
    out.props.set(key, { k: 'scalar', v: v.v, loc: v.loc });
    out.keyLocs.set(key, { ...keyAt(n, key), path: `${urn}.${key}` });
  }
  return out;
}

function isTrue(n: Node | undefined): boolean {
  return n?.t === 's' && n.v === true;
}

function listOf(n: Node | undefined): string[] {
  return n?.t === 'l' ? n.items.flatMap((i) => (i.t === 's' && typeof i.v === 'string' ? [i.v] : [])) : [];
}

function propertyDeps(n: MapNode): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const pd = member(n, 'propertyDependencies');
  if (isMap(pd)) for (const [k, v] of pd.props) m.set(k, listOf(v));
  return m;
}

function collectRefs(v: Value, out: Set<string>): void {
  if (v.k === 'ref') out.add(v.resource);
  else if (v.k === 'list') v.items.forEach((i) => collectRefs(i, out));
  else if (v.k === 'object') v.props.forEach((i) => collectRefs(i, out));
}

interface Decode {
  secretReason: string;
  /** A preview writes a secret as the text `[secret]` unless run with --show-secrets. */
  redacted?: boolean;
  address: (urn: string) => string | undefined;
  origin: string;
}

/** A property value with Pulumi's special values decoded; `path` is its Pulumi property path. */
function decode(n: Node, path: string, ctx: Decode): Value {
  const unknown = (reason: string): Value => ({ k: 'unknown', reason, params: [`${ctx.origin}.${path}`], loc: n.loc });
  if (n.t === 's') {
    if (n.v === UNKNOWN) return unknown('known only after the update');
    if (ctx.redacted && n.v === '[secret]') return unknown(ctx.secretReason);
    return { k: 'scalar', v: n.v, loc: n.loc };
  }
  if (n.t === 'l') return { k: 'list', items: n.items.map((i, x) => decode(i, `${path}[${x}]`, ctx)), loc: n.loc };
  const sig = text(n, SIG);
  if (sig === SECRET) {
    const plain = text(n, 'plaintext');
    if (plain === undefined) return unknown(ctx.secretReason);
    let x: unknown;
    try { x = JSON.parse(plain); } catch { x = plain; }
    return markSensitive(plainValue(x, n.loc));
  }
  if (sig === RESOURCE_REF) {
    const urn = text(n, 'urn');
    const a = urn ? ctx.address(urn) : undefined;
    return a ? { k: 'ref', resource: a, loc: n.loc } : unknown(`a reference to ${urn ?? 'a resource'} outside this stack`);
  }
  if (sig === OUTPUT_VALUE) {
    const v = member(n, 'value');
    if (!v) return unknown('known only after the update');
    const d = decode(v, path, ctx);
    return isTrue(member(n, 'secret')) ? markSensitive(d) : d;
  }
  if (sig !== undefined) return unknown('a file asset or archive, whose content is not read');
  const props = new Map<string, Value>();
  const keyLocs = new Map<string, Loc>();
  for (const [k, v] of n.props) { props.set(k, decode(v, `${path}.${k}`, ctx)); keyLocs.set(k, keyAt(n, k)); }
  return { k: 'object', props, keyLocs, loc: n.loc };
}
