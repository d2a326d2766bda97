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

type KeepAttr = 'DeletionPolicy' | 'UpdateReplacePolicy';
type Tool = 'CloudFormation' | 'Terraform' | 'Pulumi';

/**
 * Terraform and Pulumi resources carry DeletionPolicy / UpdateReplacePolicy only as their
 * translation of what keeps the data in that format (provider settings, lifecycle
 * prevent_destroy, Pulumi's protect and retainOnDelete: src/sources/terraform/translate/keep.ts);
 * left out, the tool deletes the resource with its data. Messages speak the format's words.
 */
function toolOf(r: ResourceContext): Tool {
  const f = r.graph.template(r.resource)?.format;
  return f?.startsWith('terraform') ? 'Terraform' : f?.startsWith('pulumi') ? 'Pulumi' : 'CloudFormation';
}

const EVENT: Record<Exclude<Tool, 'CloudFormation'>, Record<KeepAttr, string>> = {
  Terraform: { DeletionPolicy: 'its resource block is removed or terraform destroy runs', UpdateReplacePolicy: 'a change forces its replacement' },
  Pulumi: { DeletionPolicy: 'it leaves the program or the stack is destroyed', UpdateReplacePolicy: 'a change forces its replacement' },
};

/** The provider settings that keep a resource's data when Terraform deletes it, per type. */
const TERRAFORM_SETTING: Record<string, string> = {
  'AWS::RDS::DBInstance': 'set deletion_protection = true, or leave skip_final_snapshot false and name the final snapshot (final_snapshot_identifier)',
  'AWS::RDS::DBCluster': 'set deletion_protection = true, or leave skip_final_snapshot false and name the final snapshot (final_snapshot_identifier)',
  'AWS::DocDB::DBCluster': 'set deletion_protection = true, or leave skip_final_snapshot false and name the final snapshot (final_snapshot_identifier)',
  'AWS::Neptune::DBCluster': 'set deletion_protection = true, or leave skip_final_snapshot false and name the final snapshot (final_snapshot_identifier)',
  'AWS::Redshift::Cluster': 'leave skip_final_snapshot false and name the final snapshot (final_snapshot_identifier)',
  'AWS::DynamoDB::Table': 'set deletion_protection_enabled = true',
  'AWS::Cognito::UserPool': 'set deletion_protection = "ACTIVE"',
  'AWS::EC2::Volume': 'set final_snapshot = true',
  'AWS::Logs::LogGroup': 'set skip_destroy = true',
};

function remedy(tool: Exclude<Tool, 'CloudFormation'>, type: string, attr: KeepAttr): string {
  if (tool === 'Pulumi') return 'set the resource option protect: true (Pulumi refuses to delete or replace it) or retainOnDelete: true (Pulumi leaves it in AWS)';
  const setting = TERRAFORM_SETTING[type];
  if (attr === 'UpdateReplacePolicy') return `add lifecycle { prevent_destroy = true } (Terraform then refuses a plan that replaces it)${setting ? `, or ${setting}` : ''}`;
  return setting ?? 'no argument of this resource keeps it once its block is removed: take it out of the configuration with a removed block (lifecycle { destroy = false }, Terraform 1.7+) or terraform state rm instead of deleting the block';
}

/**
 * Check a DeletionPolicy / UpdateReplacePolicy attribute: Retain, RetainExceptOnCreate or
 * (where supported) Snapshot keep the data. `def` is CloudFormation's default when absent.
 */
export function checkKeepPolicy(r: ResourceContext, attr: KeepAttr, def: string): Outcome {
  const tool = toolOf(r);
  if (tool !== 'CloudFormation') return checkTranslatedKeep(r, attr, tool);
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

/** The same check on a Terraform or Pulumi resource, whose attribute says in `via` which setting stands for it. */
function checkTranslatedKeep(r: ResourceContext, attr: KeepAttr, tool: Exclude<Tool, 'CloudFormation'>): Outcome {
  const a = r.resource.attributes;
  const v = a.props.get(attr);
  const at = a.keyLocs.get(attr) ?? r.resource.loc;
  const event = EVENT[tool][attr];
  const via = v?.k === 'scalar' ? v.via : undefined;
  // The setting is the evidence: its value, where it is written, and what it does.
  const shown = v?.k === 'scalar' ? { ...v, via: undefined } : v;
  const ev = [evidenceAt(attr, shown, at, via ?? (v ? undefined : `nothing set: ${tool} deletes the resource with its data`))];
  if (v?.k === 'unknown') return r.unknown(`cannot tell whether the data is kept when ${event}`, v, at, ev);
  const s = asString(v);
  if (s === 'Retain') return r.pass(`the resource and its data are kept when ${event} (${via})`, at, ev);
  if (s === 'Snapshot' && SNAPSHOT_TYPES.has(r.type)) return r.pass(`a snapshot keeps the data when ${event} (${via})`, at, ev);
  const why = via ?? `nothing keeps the data: ${tool} deletes the resource with its data when ${event}`;
  // prevent_destroy still guards against terraform destroy and replacements; say so where it is missing.
  const guard = tool === 'Terraform' && attr === 'DeletionPolicy' && !v ? '; lifecycle { prevent_destroy = true } also stops terraform destroy and replacements' : '';
  return r.fail(`${why}. To keep it, ${remedy(tool, r.type, attr)}${guard}`, at, ev);
}

/** CloudFormation's default DeletionPolicy for a resource. */
export function defaultDeletionPolicy(r: ResourceContext): string {
  if (r.type === 'AWS::RDS::DBCluster') return 'Snapshot';
  if (r.type === 'AWS::RDS::DBInstance' && !r.get('DBClusterIdentifier')) return 'Snapshot';
  return 'Delete';
}
