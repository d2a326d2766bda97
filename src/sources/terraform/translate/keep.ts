// What keeps a resource's data when the tool managing it destroys the resource, written as
// the CloudFormation attributes the controls read: DeletionPolicy (the resource is removed
// from the code, or everything is destroyed) and UpdateReplacePolicy (a change that cannot
// be made in place replaces it). Terraform and Pulumi resources never carry those attributes;
// what plays their part differs by format:
// - Provider settings, read by the provider when it deletes the resource (from the state, so
//   they hold even after the resource's code is removed): deletion protection (AWS refuses
//   the delete), a final snapshot (RDS, DocumentDB, Neptune, Redshift take one unless
//   skip_final_snapshot is true; EBS with final_snapshot = true), a log group's skip_destroy.
// - Terraform's `lifecycle { prevent_destroy = true }`: Terraform refuses a plan that
//   destroys the resource (terraform destroy, a replacement), but the setting lives in the
//   resource block, so removing the block removes the protection: it does not keep the data
//   when the resource is removed from the configuration.
// - Pulumi's resource options, kept in the stack's state: `protect` (Pulumi refuses to delete
//   the resource, for any reason, until it is unprotected) and `retainOnDelete` (Pulumi
//   forgets it instead of deleting it, also when replacing it).
// Each attribute is located at the setting that decides it, its path the setting as written,
// and says in `via` what the setting does, in the format's words.
import type { Loc, ObjectValue, Scalar, Value } from '../../../model/types.js';
import type { TfView } from './api.js';

type Policy = 'Retain' | 'Snapshot' | 'Delete';
type Unknown = Extract<Value, { k: 'unknown' }>;

interface Keeper {
  /** The setting as written, undefined when it is not. */
  value: Value | undefined;
  /** Where it is written (or would be: the resource), its path the setting as written. */
  at: Loc;
  /** The setting's name as written, for messages. */
  name: string;
  keeps(s: Scalar): boolean;
  /** Whether the setting left out keeps the data (a provider default). */
  absent: boolean;
  /** What the setting does, in the format's words (for evidence). */
  says(written: boolean): string;
  /** The attribute value it stands for, on deletion and on replacement; undefined where it does not act. */
  deletion?: Policy;
  replacement?: Policy;
}

const isTrue = (s: Scalar) => s === true || s === 'true';
const isFalse = (s: Scalar) => s === false || s === 'false';

/** The argument's name as the format writes it (`skip_final_snapshot`, Pulumi's `skipFinalSnapshot`). */
function written(tf: TfView, path: string): string {
  const base = tf.origin('');
  const o = tf.origin(path);
  const name = o.startsWith(`${base}.`) ? o.slice(base.length + 1) : path;
  // Pulumi names an argument it does not hold by the bridge's rule: camelCase.
  return tf.resource.origin ? name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()) : name;
}

function setting(tf: TfView, path: string): Pick<Keeper, 'value' | 'at' | 'name'> {
  return { value: tf.get(path), at: { ...tf.locate(path), path: tf.origin(path) }, name: written(tf, path) };
}

/** AWS refuses to delete the resource while deletion protection is on, whoever asks. */
function deletionProtection(tf: TfView, path: string, on: (s: Scalar) => boolean = isTrue): Keeper {
  const s = setting(tf, path);
  return {
    ...s, keeps: on, absent: false, deletion: 'Retain', replacement: 'Retain',
    says: () => `${s.name} is on: AWS refuses to delete the resource`,
  };
}

/** The provider takes a final snapshot before deleting unless told to skip it (and refuses to delete without final_snapshot_identifier). */
function finalSnapshot(tf: TfView): Keeper {
  const s = setting(tf, 'skip_final_snapshot');
  const id = written(tf, 'final_snapshot_identifier');
  return {
    ...s, keeps: (x) => !isTrue(x), absent: true, deletion: 'Snapshot', replacement: 'Snapshot',
    says: (w) => `${w ? `${s.name} is false` : `the AWS provider's default when ${s.name} is not set`}: a final snapshot is taken before the database is deleted, and without ${id} the provider refuses to delete it`,
  };
}

/** A provider setting off unless turned on. */
function optIn(tf: TfView, path: string, policy: Policy, what: string): Keeper {
  const s = setting(tf, path);
  return { ...s, keeps: isTrue, absent: false, deletion: policy, replacement: policy, says: () => `${s.name} is true: ${what}` };
}

/** What the provider does on delete, per Terraform type (AWS Classic Pulumi resources follow the same provider). */
const PROVIDER: Record<string, (tf: TfView) => Keeper[]> = {
  aws_db_instance: (tf) => [deletionProtection(tf, 'deletion_protection'), finalSnapshot(tf)],
  aws_rds_cluster: (tf) => [deletionProtection(tf, 'deletion_protection'), finalSnapshot(tf)],
  aws_docdb_cluster: (tf) => [deletionProtection(tf, 'deletion_protection'), finalSnapshot(tf)],
  aws_neptune_cluster: (tf) => [deletionProtection(tf, 'deletion_protection'), finalSnapshot(tf)],
  aws_redshift_cluster: (tf) => [finalSnapshot(tf)],
  aws_dynamodb_table: (tf) => [deletionProtection(tf, 'deletion_protection_enabled')],
  aws_cognito_user_pool: (tf) => [deletionProtection(tf, 'deletion_protection', (s) => s === 'ACTIVE')],
  aws_ebs_volume: (tf) => [optIn(tf, 'final_snapshot', 'Snapshot', 'a snapshot is taken before the volume is deleted')],
  aws_cloudwatch_log_group: (tf) => [optIn(tf, 'skip_destroy', 'Retain', 'the log group and its logs are removed from the state, not deleted')],
};

/** Terraform's lifecycle arguments and Pulumi's resource options. */
function lifecycleKeepers(lifecycle: ObjectValue): Keeper[] {
  const out: Keeper[] = [];
  const opt = (key: string, k: Omit<Keeper, 'value' | 'at' | 'name'>) => {
    if (!lifecycle.props.has(key)) return;
    const at = lifecycle.keyLocs.get(key) ?? lifecycle.loc;
    out.push({ value: lifecycle.props.get(key), at, name: key, ...k });
  };
  opt('prevent_destroy', {
    keeps: isTrue, absent: false, replacement: 'Retain',
    says: () => 'lifecycle { prevent_destroy = true }: Terraform refuses any plan that destroys the resource, a replacement included',
  });
  opt('protect', {
    keeps: isTrue, absent: false, deletion: 'Retain', replacement: 'Retain',
    says: () => 'resource option protect: Pulumi refuses to delete or replace the resource, even once it leaves the program, until it is unprotected',
  });
  opt('retainOnDelete', {
    keeps: isTrue, absent: false, deletion: 'Retain', replacement: 'Retain',
    says: () => 'resource option retainOnDelete: Pulumi leaves the resource in AWS when it deletes or replaces it',
  });
  return out;
}

/** Whether a keeper keeps the data: decided, or blocked by a value known only later. */
function judge(k: Keeper): boolean | Unknown {
  const v = k.value;
  const one = (x: Value): boolean | undefined => (x.k === 'absent' ? k.absent : x.k === 'scalar' ? (x.v === null ? k.absent : k.keeps(x.v)) : undefined);
  if (v === undefined) return k.absent;
  if (v.k === 'unknown') {
    const rs = (v.alts ?? []).map(one);
    if (rs.length && rs.every((r) => r === true)) return true;
    if (rs.length && rs.every((r) => r === false)) return false;
    return v;
  }
  if (v.k === 'ref') return { k: 'unknown', reason: `${v.resource}${v.attr ? `.${v.attr}` : ''} is known only after apply`, params: [], loc: v.loc };
  return one(v) ?? false;
}

function policyOf(keepers: Keeper[], on: 'deletion' | 'replacement'): Value | undefined {
  const judged = keepers.filter((k) => k[on]).map((k) => ({ k, j: judge(k) }));
  const hit = judged.find((x) => x.j === true);
  if (hit) return { k: 'scalar', v: hit.k[on]!, loc: hit.k.at, via: hit.k.says(hit.k.value !== undefined) };
  const u = judged.find((x) => typeof x.j === 'object');
  if (u) {
    const j = u.j as Unknown;
    return { k: 'unknown', reason: `${u.k.name} is not known (${j.reason})`, params: j.params, loc: u.k.at };
  }
  if (on === 'deletion') {
    // prevent_destroy written and true, nothing else keeping the data: the place the user may
    // take for protection is where the verdict belongs.
    const pd = keepers.find((k) => k.name === 'prevent_destroy' && judge(k) === true);
    if (pd) return { k: 'scalar', v: 'Delete', loc: pd.at, via: 'lifecycle { prevent_destroy = true } refuses terraform destroy, but removing the resource block removes the setting with it, and Terraform then destroys the resource' };
  }
  return undefined;
}

function write(attributes: ObjectValue, keepers: Keeper[]): void {
  for (const [attr, on] of [['DeletionPolicy', 'deletion'], ['UpdateReplacePolicy', 'replacement']] as const) {
    const v = policyOf(keepers, on);
    if (!v) continue;
    attributes.props.set(attr, v);
    attributes.keyLocs.set(attr, v.loc);
  }
}

/**
 * The lifecycle of a resource translated from Terraform or Pulumi AWS Classic, as
 * DeletionPolicy / UpdateReplacePolicy. The lifecycle is `TfResource.lifecycle`, or a
 * `lifecycle` block kept among the values by a reader that does so.
 */
export function keepAttributes(tf: TfView, attributes: ObjectValue): void {
  const keepers = [...(PROVIDER[tf.resource.type]?.(tf) ?? [])];
  const lifecycle = tf.resource.lifecycle;
  if (lifecycle) keepers.push(...lifecycleKeepers(lifecycle));
  else if (tf.get('lifecycle')) {
    const v = tf.get('lifecycle.prevent_destroy');
    if (v) {
      const at = tf.locate('lifecycle.prevent_destroy');
      keepers.push(...lifecycleKeepers({ k: 'object', props: new Map([['prevent_destroy', v]]), keyLocs: new Map([['prevent_destroy', at]]), loc: at }));
    }
  }
  write(attributes, keepers);
}

/** The resource options of a Pulumi resource already in CloudFormation's vocabulary (AWS Native). */
export function optionAttributes(options: ObjectValue | undefined, attributes: ObjectValue): void {
  if (options) write(attributes, lifecycleKeepers(options));
}
