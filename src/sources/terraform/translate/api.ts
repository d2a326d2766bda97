// How a Terraform-shaped resource becomes a resource in the controls' vocabulary
// (CloudFormation types and property names). A translator says, property by property,
// which Terraform argument decides which CloudFormation property; the builder keeps every
// value's own location and records, on each key it writes, the Terraform attribute path
// it came from, so evidence names the argument the user wrote.
import type { Loc, ObjectValue, Resource, Scalar, Value } from '../../../model/types.js';
import type { TfResource } from '../types.js';

/** A note about input that could not be translated faithfully (listed in the report, never silent). */
export interface TranslateNote {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface Translator {
  /** Terraform resource type read, e.g. `aws_s3_bucket`. */
  tfType: string;
  /** CloudFormation type produced; a function when one Terraform type maps to several (security group rules). */
  cfnType: string | ((tf: TfView) => string);
  build(tf: TfView, out: CfnBuilder): void;
  /**
   * Resources CloudFormation declares apart that Terraform writes inside this one (the
   * `route` blocks of aws_route_table are AWS::EC2::Route resources, each further CIDR of a
   * security group rule one more rule): each becomes a resource of its own referring to this one.
   */
  parts?(tf: TfView): Part[];
}

export interface Part {
  /** Appended to the resource's address to name the part, e.g. `.route[0]`. */
  suffix: string;
  cfnType: string;
  /** The block the part is written as, which its builder reads and where it is located; the whole resource when omitted. */
  view?: TfView;
  /** Where the part is written, when not a block of its own (one CIDR of a rule's list). */
  at?: Loc;
  build(out: CfnBuilder): void;
}

/**
 * A Terraform resource that configures another one (`aws_s3_bucket_versioning` sets the
 * versioning of an `aws_s3_bucket`): its settings are merged into the owner's
 * CloudFormation properties, where CloudFormation keeps them.
 */
export interface Attachment {
  tfType: string;
  /** Terraform types of the owner. */
  ownerTypes: string[];
  /**
   * The argument of the attachment naming its owner, e.g. `bucket`; several, or a list
   * argument, when it configures several resources (`roles`, `users` and `groups` of
   * aws_iam_policy_attachment), each then built in turn.
   */
  ownerArg: string | string[];
  /**
   * The owner's argument a literal value of `ownerArg` can match (`bucket = "my-logs"`
   * matches the `aws_s3_bucket` whose `bucket` is "my-logs").
   */
  ownerKey?: string;
  build(tf: TfView, out: CfnBuilder): void;
}

/** Read access to a Terraform resource's values by Terraform path (`versioning.enabled`). */
export class TfView {
  constructor(readonly resource: TfResource) {}

  get address(): string { return this.resource.address; }

  /**
   * The value at a dotted path. A nested block (a list of objects) met before the last
   * segment is entered at its first element, since the provider schema allows one; use
   * `blocks` for repeatable ones. A segment `name[2]` enters that element. A value not known
   * before apply met on the way is the answer: what it holds is not known.
   */
  get(path: string): Value | undefined {
    return this.at(path)?.v;
  }

  /** The elements of a repeatable nested block (or list) at `path`. */
  blocks(path: string): TfView[] {
    const v = this.at(path);
    if (!v || v.v.k !== 'list') return v && v.v.k === 'object' ? [this.sub(v.v, v.written)] : [];
    return v.v.items.map((item, i) => (item.k === 'object' ? this.sub(item, `${v.written}[${i}]`) : undefined)).filter((x): x is TfView => !!x);
  }

  /** Where `path` is written (its key), or the nearest enclosing place that is; carries the origin path. */
  locate(path: string): Loc {
    const found = this.walk(path);
    return { ...found.loc, path: this.origin(found.written) };
  }

  /** The attribute path as the user wrote it, prefixed with the resource address (in the reader's format when it has one: `TfResource.origin`). */
  origin(written: string): string {
    if (this.resource.origin) return this.resource.origin(written);
    return written ? `${this.resource.address}.${written}` : this.resource.address;
  }

  protected base(): ObjectValue { return this.resource.values; }
  protected prefix(): string { return ''; }

  private sub(v: ObjectValue, written: string): TfView {
    const parent = this;
    return new (class extends TfView {
      protected override base() { return v; }
      protected override prefix() { return written; }
    })(parent.resource);
  }

  private at(path: string): { v: Value; written: string } | undefined {
    const w = this.walk(path);
    return w.complete && w.v ? { v: w.v, written: w.written } : undefined;
  }

  /** Follow `path` as far as it is written: the value (when every segment exists), its key's location and the written path. */
  private walk(path: string): { v?: Value; loc: Loc; written: string; complete: boolean } {
    let cur: Value = this.base();
    let written = this.prefix();
    let loc: Loc = this.prefix() ? cur.loc : this.resource.loc;
    if (path === '') return { v: cur, loc, written, complete: true };
    const parts = path.split('.');
    for (let i = 0; i < parts.length; i++) {
      const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(parts[i]!);
      if (!m) throw new Error(`bad Terraform path ${path}`);
      const [, key, idx] = m;
      if (cur.k === 'list') {
        // A block entered at its first element, as the schema allows one.
        const first: Value | undefined = cur.items[0];
        if (!first) return { loc, written, complete: false };
        cur = first;
        written += '[0]';
        loc = first.loc;
      }
      // Whatever is inside a block not known before apply is not known either.
      if (cur.k === 'unknown') return { v: cur, loc, written, complete: true };
      if (cur.k !== 'object') return { loc, written, complete: false };
      const next: Value | undefined = cur.props.get(key!);
      const kl = cur.keyLocs.get(key!);
      if (next === undefined) return { loc, written, complete: false };
      // null is Terraform's "not set" (plan JSON writes every unset argument so); where it is
      // written is still the place that decides, so evidence points there.
      if (next.k === 'scalar' && next.v === null) return { loc: kl ?? next.loc, written: written ? `${written}.${key}` : key!, complete: false };
      written = written ? `${written}.${key}` : key!;
      loc = kl ?? next.loc;
      cur = next;
      if (idx !== undefined) {
        if (cur.k !== 'list') return { loc, written, complete: false };
        const item: Value | undefined = cur.items[Number(idx)];
        if (!item) return { loc, written, complete: false };
        written += `[${idx}]`;
        loc = item.loc;
        cur = item;
      }
    }
    return { v: cur, loc, written, complete: true };
  }
}

/** Builds a CloudFormation Properties object, each key located at the Terraform argument that decided it. */
export class CfnBuilder {
  readonly properties: ObjectValue;
  readonly notes: TranslateNote[] = [];
  /** Top-level properties written, so an attachment's effect can be told apart from what its owner had. */
  readonly written = new Set<string>();

  constructor(readonly tf: TfView, into?: ObjectValue) {
    this.properties = into ?? { k: 'object', props: new Map(), keyLocs: new Map(), loc: tf.resource.loc };
  }

  /**
   * Set CloudFormation property `cfnPath` (dotted, objects created as needed) from the
   * Terraform argument at `tfPath`, optionally converted. Nothing is written when the
   * argument is absent: the control then sees the property as not set, located at the resource.
   */
  set(cfnPath: string, tfPath: string, convert?: (v: Value) => Value | undefined): this {
    const v = this.tf.get(tfPath);
    if (v === undefined) return this;
    const out = convert ? convert(v) : v;
    if (out !== undefined) this.put(cfnPath, out, this.tf.locate(tfPath));
    return this;
  }

  /** Write a value at `cfnPath`, its key located at `at` (a Terraform argument's location). */
  put(cfnPath: string, v: Value, at: Loc): this {
    const parts = cfnPath.split('.');
    let obj = this.properties;
    for (const part of parts.slice(0, -1)) {
      let next = obj.props.get(part);
      if (!next || next.k !== 'object') {
        next = { k: 'object', props: new Map(), keyLocs: new Map(), loc: at };
        obj.props.set(part, next);
        obj.keyLocs.set(part, at);
      }
      obj = next;
    }
    const last = parts[parts.length - 1]!;
    obj.props.set(last, v);
    obj.keyLocs.set(last, at);
    this.written.add(parts[0]!);
    return this;
  }

  /**
   * Add `v` to the list at top-level property `cfnPath` (an attachment adding a managed
   * policy to a role): a new list, so a copy made before building keeps its own. A value
   * already there that is not a list (not known until apply) stays as the first item.
   */
  append(cfnPath: string, v: Value, at: Loc): this {
    const had = this.properties.props.get(cfnPath);
    const items = had === undefined || had.k === 'absent' ? [] : had.k === 'list' ? had.items : [had];
    const keyAt = had ? this.properties.keyLocs.get(cfnPath) ?? at : at;
    return this.put(cfnPath, { k: 'list', items: [...items, v], loc: had?.loc ?? at }, keyAt);
  }

  /** Terraform `tags = { k = v }` as CloudFormation `Tags: [{Key, Value}]`. */
  tags(cfnPath = 'Tags', tfPath = tagsPath(this.tf)): this {
    return this.set(cfnPath, tfPath, (v) => (v.k === 'object' ? tagList(v) : v));
  }

  note(message: string, at: Loc = this.tf.resource.loc): this {
    this.notes.push({ file: at.file, line: at.line, column: at.column, message });
    return this;
  }
}

/**
 * Where a resource's tags are: `tags`, or `tags_all` when `tags` names none and the input
 * holds it. Plan JSON and Pulumi state write `tags_all`, the tags AWS applies: the resource's
 * own and the provider's default_tags, which a configuration sets once in the provider block.
 */
export function tagsPath(tf: TfView): string {
  // The HCL reader writes tags_all too when the provider has default_tags: the tags AWS applies, when known.
  const all = tf.get('tags_all');
  if (all?.k === 'object' && all.props.size > 0) return 'tags_all';
  const own = tf.get('tags');
  if (own?.k === 'object' && own.props.size > 0) return 'tags';
  return all !== undefined ? 'tags_all' : 'tags';
}

/** `{a = "b"}` as `[{Key: "a", Value: "b"}]`, each element located at its key. */
export function tagList(v: ObjectValue): Value {
  const items: Value[] = [];
  for (const [k, val] of v.props) {
    const at = v.keyLocs.get(k) ?? v.loc;
    items.push({
      k: 'object', loc: at,
      props: new Map<string, Value>([['Key', { k: 'scalar', v: k, loc: at }], ['Value', val]]),
      keyLocs: new Map([['Key', at], ['Value', val.loc]]),
    });
  }
  return { k: 'list', items, loc: v.loc };
}

/**
 * Convert a scalar, keeping its location; an unknown value's alternatives are converted
 * too, so a control can still decide when all of them agree. Other shapes pass unchanged.
 */
export function mapScalar(v: Value, f: (s: Scalar) => Scalar): Value {
  if (v.k === 'scalar') return { ...v, v: f(v.v) };
  if (v.k === 'unknown' && v.alts) return { ...v, alts: v.alts.map((a) => mapScalar(a, f)) };
  return v;
}

/** A Terraform boolean as a CloudFormation enumeration (`true` -> "Enabled"). */
export const boolTo = (yes: Scalar, no: Scalar) => (v: Value) => mapScalar(v, (s) => (s === true || s === 'true' ? yes : s === false || s === 'false' ? no : s));

/** Wrap a value in a one-element list (CloudFormation lists where Terraform has one block). */
export function listOf(v: Value): Value {
  return v.k === 'list' ? v : { k: 'list', items: [v], loc: v.loc };
}

/** The translated resource, in the model every control reads. */
export function toResource(tf: TfResource, cfnType: string, properties: ObjectValue): Resource {
  const r: Resource = {
    id: tf.address,
    type: cfnType,
    sourceType: tf.type,
    file: tf.file,
    loc: { file: tf.loc.file, line: tf.loc.line, column: tf.loc.column, path: tf.origin ? tf.origin('') : tf.address },
    properties,
    attributes: { k: 'object', props: new Map(), keyLocs: new Map(), loc: tf.loc },
    dependsOn: [],
    refs: new Set(tf.refs),
    serverless: false,
  };
  if (tf.condition) r.condition = { name: tf.condition.name, state: 'unknown', params: tf.condition.params };
  return r;
}

/**
 * A JSON document written as a string (`policy = jsonencode({...})`, a heredoc) as the
 * object CloudFormation holds inline, every part located at the string. Text that is not
 * JSON stays as it is, so a control reports it rather than reading nothing.
 */
export function jsonDocument(v: Value): Value {
  // Written as a structure (jsonencode, a JSON heredoc): its parts where written, unknown parts alone unknown.
  if (v.k === 'unknown' && v.json) return v.json;
  if (v.k !== 'scalar' || typeof v.v !== 'string') return v;
  let parsed: unknown;
  try { parsed = JSON.parse(v.v); } catch { return v; }
  // A text sensitive through one of its parts hides that part; one marked sensitive as a whole (a sensitive variable) hides all.
  if (v.json && samePlain(parsed, v.json)) return v.sensitive && !anySensitive(v.json) ? markAll(v.json) : v.json;
  return fromJson(parsed, v);
}

/** Whether a located structure is the parsed text (it is, unless the text was changed after it was made). */
function samePlain(x: unknown, v: Value): boolean {
  if (v.k === 'scalar') return x === v.v;
  if (v.k === 'list') return Array.isArray(x) && x.length === v.items.length && v.items.every((i, n) => samePlain(x[n], i));
  if (v.k === 'object') {
    if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
    const keys = Object.keys(x);
    return keys.length === v.props.size && keys.every((k) => v.props.has(k) && samePlain((x as Record<string, unknown>)[k], v.props.get(k)!));
  }
  return false;
}

function anySensitive(v: Value): boolean {
  if (v.k === 'scalar') return !!v.sensitive;
  if (v.k === 'list') return v.items.some(anySensitive);
  if (v.k === 'object') return [...v.props.values()].some(anySensitive);
  return false;
}

/** A text marked sensitive hides every part of its document. */
function markAll(v: Value): Value {
  if (v.k === 'scalar') return { ...v, sensitive: true };
  if (v.k === 'list') return { ...v, items: v.items.map(markAll) };
  if (v.k === 'object') return { ...v, props: new Map([...v.props].map(([k, p]) => [k, markAll(p)])) };
  return v;
}

function fromJson(x: unknown, at: Extract<Value, { k: 'scalar' }>): Value {
  const loc = at.loc;
  if (Array.isArray(x)) return { k: 'list', items: x.map((i) => fromJson(i, at)), loc };
  if (x && typeof x === 'object') {
    const props = new Map<string, Value>();
    const keyLocs = new Map<string, Loc>();
    for (const [k, val] of Object.entries(x)) { props.set(k, fromJson(val, at)); keyLocs.set(k, loc); }
    return { k: 'object', props, keyLocs, loc };
  }
  return { k: 'scalar', v: x as Scalar, loc, ...(at.refs ? { refs: at.refs } : {}) };
}
