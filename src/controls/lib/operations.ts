// Helpers shared by the operations pack: per-item checks over lists such as ECS
// ContainerDefinitions, secret detection in literal values, and Lambda property paths
// that differ between AWS::Lambda::Function and AWS::Serverless::Function.
import type { Evidence, Loc, Value } from '../../model/types.js';
import { asString, prop } from '../../model/value.js';
import { decide, evidenceAt, type Outcome, type ResourceContext, type Verdict } from '../api.js';

export interface Item {
  value: Value;
  index: number;
  /** Dotted evidence path of the item, e.g. `Properties.ContainerDefinitions[0]`. */
  path: string;
  /** Display name (`Name` of a container, or `#index`). */
  name: string;
}

/** Items of a list property; `unknown` when the list itself is decided at deploy time. */
export function itemsOf(r: ResourceContext, listPath: string): { items: Item[]; unknown?: Value } {
  const v = r.get(listPath);
  if (!v) return { items: [] };
  if (v.k === 'unknown') return { items: [], unknown: v };
  const list = v.k === 'list' ? v.items : [v];
  return {
    items: list.map((value, index) => ({
      value, index, path: `Properties.${listPath}[${index}]`,
      name: asString(prop(value, 'Name')) ?? `#${index}`,
    })),
  };
}

/** Location of `key` in an item, or of the item when the key is missing. */
export function keyAt(item: Value, key: string): Loc {
  return item.k === 'object' ? item.keyLocs.get(key) ?? item.loc : item.loc;
}

export interface ItemCheck {
  verdict: Verdict;
  evidence: Evidence;
  at: Loc;
}

/**
 * Check every item of a list: any failing item fails (located at the first), any
 * undecidable item makes it unknown, otherwise pass. `none` is returned when the list
 * is absent or empty.
 */
export function everyItem(
  r: ResourceContext,
  listPath: string,
  check: (item: Item) => ItemCheck,
  msg: { pass: string; fail: (names: string[]) => string; unknown: string; none: () => Outcome },
): Outcome {
  const { items, unknown } = itemsOf(r, listPath);
  if (unknown) return r.unknown(`${listPath} is only known at deploy time`, unknown, undefined, [r.evidence(listPath, unknown)]);
  if (items.length === 0) return msg.none();
  const results = items.map((it) => {
    if (it.value.k === 'unknown') {
      return { item: it, c: { verdict: { unknown: it.value } as Verdict, evidence: evidenceAt(it.path, it.value, it.value.loc), at: it.value.loc } };
    }
    return { item: it, c: check(it) };
  });
  const failed = results.filter((x) => x.c.verdict === false);
  if (failed.length) return r.fail(msg.fail(failed.map((x) => x.item.name)), failed[0].c.at, failed.map((x) => x.c.evidence));
  const unk = results.find((x) => x.c.verdict !== true);
  if (unk) {
    const u = (unk.c.verdict as { unknown: Value & { k: 'unknown' } }).unknown;
    return r.unknown(`${msg.unknown} (${unk.item.name})`, u, unk.c.at, results.map((x) => x.c.evidence));
  }
  return r.pass(msg.pass, results[0].c.at, results.map((x) => x.c.evidence));
}

/** Check one key of an item with `test` (alternatives of `Fn::If` are tried). */
export function itemKey(item: Item, key: string, test: (v: Value | undefined) => Verdict, note?: string): ItemCheck {
  const v = prop(item.value, key);
  const at = keyAt(item.value, key);
  return { verdict: decide(v, test), evidence: evidenceAt(`${item.path}.${key}`, v, at, note), at };
}

/** Names of environment variables, parameters or properties that usually hold credentials. */
const SECRET_NAME = /(pass(word|wd|phrase)?|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth[_-]?key|client[_-]?secret)/i;
/** Names that match SECRET_NAME but conventionally hold a reference, not the secret. */
const REFERENCE_NAME = /(_arn|_ARN|Arn|_name|_NAME|Name|_id|_ID|_param|_PARAM|_path|_PATH|_url|_URL|_file|_FILE|_ttl|_TTL|_length|_LENGTH|_expiry|_EXPIRY|_header|_HEADER)$/;

/** Credential identifiers that end like a reference name but are part of a long-lived credential. */
const CREDENTIAL_ID_NAME = /access[_-]?key[_-]?id$/i;

export function looksSecretName(name: string): boolean {
  return CREDENTIAL_ID_NAME.test(name) || (SECRET_NAME.test(name) && !REFERENCE_NAME.test(name));
}

/** `{{resolve:secretsmanager:...}}` or `{{resolve:ssm-secure:...}}`: resolved by CloudFormation at deploy time. */
export function isDynamicSecretRef(s: string): boolean {
  return /^\s*\{\{resolve:(secretsmanager|ssm-secure):/.test(s);
}

/**
 * Whether a value written for a secret exposes it in the template:
 * - literal text (or a parameter default) -> exposed
 * - dynamic reference, resource reference -> not exposed
 * - parameter without default -> supplied at deploy time, not in the template
 * Returns undefined when the value is empty / not a secret at all.
 */
export function secretExposure(v: Value | undefined, noEcho: (param: string) => boolean): { exposed: boolean; why: string } | undefined {
  if (!v) return undefined;
  if (v.k === 'ref') return { exposed: false, why: 'taken from another resource' };
  if (v.k === 'unknown') {
    if (v.params.length && !v.alts) {
      const open = v.params.filter((p) => !noEcho(p));
      return { exposed: false, why: `supplied at deploy time through parameter ${v.params.join(', ')}${open.length ? ` (not NoEcho: consider NoEcho: true)` : ''}` };
    }
    const exposedAlt = (v.alts ?? []).map((a) => secretExposure(a, noEcho)).find((x) => x?.exposed);
    return exposedAlt ?? { exposed: false, why: 'decided at deploy time' };
  }
  if (v.k !== 'scalar' || v.v === null || String(v.v).trim() === '') return undefined;
  const s = String(v.v);
  if (isDynamicSecretRef(s)) return { exposed: false, why: 'dynamic reference resolved by CloudFormation at deploy time' };
  if (/\{\{resolve:ssm:/.test(s)) return { exposed: true, why: 'plain SSM parameter (ssm, not ssm-secure): stored unencrypted and shown in the stack' };
  if (v.via && v.via.startsWith('parameter ') && v.via.endsWith('set by --param')) {
    return { exposed: false, why: `supplied at deploy time (${v.via})` };
  }
  if (v.via) return { exposed: true, why: `written in the template as the ${v.via}` };
  return { exposed: true, why: 'written in the template as a literal value' };
}

/** NoEcho lookup for the template of a resource. */
export function noEchoOf(r: ResourceContext): (p: string) => boolean {
  const t = r.graph.template(r.resource);
  return (p) => !!t?.parameters.get(p)?.noEcho;
}

export const LAMBDA_TYPES = ['AWS::Lambda::Function', 'AWS::Serverless::Function'];

/** Resources whose deletion or replacement destroys data. */
export const STATEFUL_TYPES = [
  'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster', 'AWS::Redshift::Cluster',
  'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable', 'AWS::S3::Bucket', 'AWS::EFS::FileSystem',
  'AWS::EC2::Volume', 'AWS::KMS::Key', 'AWS::Cognito::UserPool', 'AWS::Logs::LogGroup',
];

/** Types that accept the Snapshot deletion policy. */
const SNAPSHOT_TYPES = new Set(['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster', 'AWS::Redshift::Cluster', 'AWS::EC2::Volume', 'AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup']);

/**
 * Check a DeletionPolicy / UpdateReplacePolicy attribute: Retain, RetainExceptOnCreate or
 * (where supported) Snapshot keep the data. `def` is CloudFormation's default when absent.
 */
export function checkKeepPolicy(r: ResourceContext, attr: 'DeletionPolicy' | 'UpdateReplacePolicy', def: string): Outcome {
  const a = r.resource.attributes;
  const v = a.props.get(attr);
  const at = a.keyLocs.get(attr) ?? r.resource.loc;
  const effective = (x: Value | undefined) => (x ? asString(x) : def);
  const ok = (s: string | undefined) => s === 'Retain' || s === 'RetainExceptOnCreate' || (s === 'Snapshot' && SNAPSHOT_TYPES.has(r.type));
  const note = v ? undefined : `not set: CloudFormation uses ${def}`;
  const ev = [evidenceAt(attr, v, at, note)];
  const d = decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : ok(effective(x))));
  if (d === true) return r.pass(`${attr} ${effective(v)} keeps the data when the resource is ${attr === 'DeletionPolicy' ? 'deleted from the stack' : 'replaced'}`, at, ev);
  if (d === false) {
    const s = effective(v);
    const why = s === 'Snapshot' ? `Snapshot is not supported for ${r.type} (CloudFormation deletes it)` : `${s} destroys the data`;
    return r.fail(`${attr} is ${v ? s : `not set (default ${def})`}: ${why} when the resource is ${attr === 'DeletionPolicy' ? 'removed from the template or the stack is deleted' : 'replaced by an update'}`, at, ev);
  }
  return r.unknown(`cannot tell the ${attr}`, d.unknown, at, ev);
}

/** CloudFormation's default DeletionPolicy for a resource. */
export function defaultDeletionPolicy(r: ResourceContext): string {
  if (r.type === 'AWS::RDS::DBCluster') return 'Snapshot';
  if (r.type === 'AWS::RDS::DBInstance' && !r.get('DBClusterIdentifier')) return 'Snapshot';
  return 'Delete';
}
