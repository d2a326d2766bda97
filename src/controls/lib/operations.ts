// Helpers shared by the operations pack: per-item checks over lists such as ECS
// ContainerDefinitions, and Lambda property paths that differ between
// AWS::Lambda::Function and AWS::Serverless::Function. Secret detection is in secrets.ts.
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
