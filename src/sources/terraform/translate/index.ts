// Terraform-shaped resources into the controls' vocabulary. Each service family registers
// its translators and attachments; a resource type no translator knows is returned as
// untranslated, so the report can list it instead of dropping it silently.
import type { ObjectValue, Resource, Value } from '../../../model/types.js';
import type { TfResource } from '../types.js';
import { CfnBuilder, TfView, toResource, type Attachment, type TranslateNote, type Translator } from './api.js';
import { audit } from './audit.js';
import { compute } from './compute.js';
import { databases } from './databases.js';
import { edge } from './edge.js';
import { iam } from './iam.js';
import { identity } from './identity.js';
import { keepAttributes } from './keep.js';
import { kms } from './kms.js';
import { messaging } from './messaging.js';
import { network } from './network.js';
import { s3 } from './s3.js';
import { search } from './search.js';
import { secrets } from './secrets.js';
import { storage } from './storage.js';
import { analytics } from './analytics.js';
import { workloads } from './workloads.js';
import { governance } from './governance.js';
import { build } from './build.js';

export type { Attachment, TranslateNote, Translator } from './api.js';

/** Every family's translators and attachments. */
const FAMILIES: { translators: Translator[]; attachments: Attachment[] }[] = [s3, databases, audit, kms, messaging, secrets, storage, search, iam, network, compute, edge, identity,
  analytics,
  workloads,
  governance,
  build,
];

const TRANSLATORS = new Map<string, Translator>();
const ATTACHMENTS = new Map<string, Attachment>();
for (const f of FAMILIES) {
  for (const t of f.translators) {
    if (TRANSLATORS.has(t.tfType)) throw new Error(`two translators for ${t.tfType}`);
    TRANSLATORS.set(t.tfType, t);
  }
  for (const a of f.attachments) {
    if (ATTACHMENTS.has(a.tfType) || TRANSLATORS.has(a.tfType)) throw new Error(`two translations for ${a.tfType}`);
    ATTACHMENTS.set(a.tfType, a);
  }
}

/** Terraform types Attest translates (as a resource or as part of another). */
export function translatedTypes(): string[] {
  return [...TRANSLATORS.keys(), ...ATTACHMENTS.keys()].sort();
}

export interface Translated {
  resources: Resource[];
  /** Managed resources of types no translator knows (data sources are not listed). */
  untranslated: TfResource[];
  notes: TranslateNote[];
}

/**
 * Translate one scan unit's resources (a root module with its called modules, a plan, a
 * stack). Owners are translated first so attachments can merge into them, in input order.
 */
export function translate(resources: TfResource[]): Translated {
  const out: Translated = { resources: [], untranslated: [], notes: [] };
  const built = new Map<string, { tf: TfResource; builder: CfnBuilder; resource: Resource }>();
  const pending: TfResource[] = [];
  for (const tf of resources) {
    if (tf.mode !== 'managed') continue;
    const t = TRANSLATORS.get(tf.type);
    if (!t) {
      if (ATTACHMENTS.has(tf.type)) pending.push(tf);
      else out.untranslated.push(tf);
      continue;
    }
    const view = new TfView(tf);
    const builder = new CfnBuilder(view);
    t.build(view, builder);
    const resource = toResource(tf, typeof t.cfnType === 'string' ? t.cfnType : t.cfnType(view), builder.properties);
    keepAttributes(view, resource.attributes);
    built.set(tf.address, { tf, builder, resource });
    out.resources.push(resource);
    out.notes.push(...builder.notes);
    for (const part of t.parts?.(view) ?? []) {
      const at = part.at ?? (part.view ? part.view.locate('') : tf.loc);
      const b = new CfnBuilder(part.view ?? view, { k: 'object', props: new Map(), keyLocs: new Map(), loc: at });
      part.build(b);
      const r = toResource(tf, part.cfnType, b.properties);
      r.id = `${tf.address}${part.suffix}`;
      r.loc = { file: at.file, line: at.line, column: at.column, path: r.id };
      r.refs.add(tf.address);
      out.resources.push(r);
      out.notes.push(...b.notes);
    }
  }
  for (const tf of pending) {
    const a = ATTACHMENTS.get(tf.type)!;
    const view = new TfView(tf);
    const owners = ownerValues(view, a).map((o) => ownerOf(view, a, o.arg, o.v, built));
    const ownerIds = new Set(owners.flatMap((o) => ('resource' in o ? [o.resource.id] : [])));
    for (const owner of owners) {
      if ('missing' in owner) {
        out.notes.push({ file: tf.loc.file, line: tf.loc.line, column: tf.loc.column, message: owner.missing });
        mayConfigure(view, a, built, owner.missing);
        continue;
      }
      // An attachment whose count/for_each is not decided may not exist: its settings are
      // only possible on its owner, never taken as made (a public access block under
      // `count = var.enabled ? 1 : 0` must not pass the bucket).
      const ownerCondition = built.get(owner.resource.id)?.tf.condition;
      if (tf.condition && tf.condition.name !== ownerCondition?.name) {
        mayConfigureOne(view, a, owner.resource, `${tf.address} may set it (it exists only when condition ${tf.condition.name} holds)`, tf.condition.params);
        for (const ref of tf.refs) if (!ownerIds.has(ref)) owner.resource.refs.add(ref);
        continue;
      }
      const builder = new CfnBuilder(view, owner.resource.properties);
      a.build(view, builder);
      // The attachment's own references become its owner's (a role attached policy), not those between co-owners.
      for (const ref of tf.refs) if (!ownerIds.has(ref)) owner.resource.refs.add(ref);
      out.notes.push(...builder.notes);
    }
  }
  return out;
}

/**
 * The values naming an attachment's owners: one per element of a list argument
 * (`roles = [...]` of aws_iam_policy_attachment). With several owner arguments, those not
 * written name no owner; a single one not written leaves the owner untold.
 */
function ownerValues(view: TfView, a: Attachment): { arg: string; v: Value | undefined }[] {
  const args = typeof a.ownerArg === 'string' ? [a.ownerArg] : a.ownerArg;
  const out: { arg: string; v: Value | undefined }[] = [];
  for (const arg of args) {
    const v = view.get(arg);
    if (v?.k === 'list') out.push(...v.items.map((item) => ({ arg, v: item })));
    else if (v !== undefined || args.length === 1) out.push({ arg, v });
  }
  return out;
}

/** The translated resource an attachment configures, or why it cannot be told. */
function ownerOf(view: TfView, a: Attachment, arg: string, v: Value | undefined, built: Map<string, { tf: TfResource; resource: Resource }>): { resource: Resource } | { missing: string } {
  const what = `${view.address} configures ${a.ownerTypes.join(' or ')}`;
  if (v?.k === 'ref') {
    const hit = built.get(v.resource);
    if (hit && a.ownerTypes.includes(hit.tf.type)) return hit;
    return { missing: `${what} ${v.resource}, which is not among the scanned resources; its settings are not applied to any resource` };
  }
  if (v?.k === 'scalar' && a.ownerKey) {
    const matches = [...built.values()].filter((b) => a.ownerTypes.includes(b.tf.type) && (() => {
      const key = new TfView(b.tf).get(a.ownerKey!);
      return key?.k === 'scalar' && key.v === v.v;
    })());
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) return { missing: `${what} named ${JSON.stringify(v.v)}, and ${matches.length} scanned resources have that name; its settings are not applied to any resource` };
    return { missing: `${what} named ${JSON.stringify(v.v)}, which is not among the scanned resources; its settings are not applied to any resource` };
  }
  const why = v?.k === 'unknown' ? `: ${v.reason}` : v === undefined ? ` (${arg} is not set)` : '';
  return { missing: `cannot tell which resource ${view.address} configures${why}; its settings are not applied to any resource, so controls may fail on a setting it makes` };
}

/**
 * An attachment whose owner cannot be told may configure any resource of its owner types in
 * the unit: each property it would set becomes, on every candidate, either the value it has
 * or the attachment's, so a control decides only where both agree. Dropping the attachment
 * instead could pass a bucket that a public ACL resource opens. A list the attachment appends
 * to (managed policies of a role) keeps its items, the appended ones each possibly there, so a
 * control reading items one by one still sees what may be added.
 */
function mayConfigure(view: TfView, a: Attachment, built: Map<string, { tf: TfResource; resource: Resource }>, why: string): void {
  const reason = `${view.address} may set it (${why.replace(/; its settings.*$/, '')})`;
  for (const { tf, resource } of built.values()) {
    if (a.ownerTypes.includes(tf.type)) mayConfigureOne(view, a, resource, reason, []);
  }
}

/** The attachment's settings on `resource` as possible only: each property it writes is either what the resource has or the attachment's value. */
function mayConfigureOne(view: TfView, a: Attachment, resource: Resource, reason: string, params: string[]): void {
  const props = resource.properties;
  const trial = new CfnBuilder(view, copyObject(props));
  a.build(view, trial);
  for (const key of trial.written) {
    const v = trial.properties.props.get(key);
    if (v === undefined) continue;
    const at = trial.properties.keyLocs.get(key) ?? v.loc;
    const had = props.props.get(key);
    const kept = had === undefined ? [] : had.k === 'list' ? had.items : undefined;
    if (kept && v.k === 'list' && kept.every((item, i) => v.items[i] === item)) {
      const added = v.items.slice(kept.length).map((item): Value => ({ k: 'unknown', loc: item.loc, params, alts: [{ k: 'absent', loc: item.loc }, item], reason }));
      props.props.set(key, { k: 'list', items: [...kept, ...added], loc: had?.loc ?? v.loc });
      if (!had) props.keyLocs.set(key, at);
      continue;
    }
    props.props.set(key, { k: 'unknown', loc: at, params, alts: [had ?? { k: 'absent', loc: props.loc }, v], reason });
    props.keyLocs.set(key, at);
  }
  resource.refs.add(view.address);
}

/** A copy of an object's nested objects and lists, so a trial build leaves the original as it was. */
function copyObject(o: ObjectValue): ObjectValue {
  const copy = (v: Value): Value => (v.k === 'object' ? copyObject(v) : v.k === 'list' ? { ...v, items: [...v.items] } : v);
  return { ...o, props: new Map([...o.props].map(([k, v]) => [k, copy(v)])), keyLocs: new Map(o.keyLocs) };
}
