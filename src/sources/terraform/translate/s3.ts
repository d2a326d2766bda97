// S3: `aws_s3_bucket` and the resources AWS provider v4+ split out of it. Inline blocks
// of the legacy (v3) bucket are read too, an attachment overriding them as it does in AWS.
import type { Value } from '../../../model/types.js';
import { boolTo, CfnBuilder, jsonDocument, mapScalar, type Attachment, type TfView, type Translator } from './api.js';
import { nested, wholeResource } from './blocks.js';
import { blockList, copy, copyAll } from './copy.js';

/** `rule { apply_server_side_encryption_by_default { … } bucket_key_enabled }` blocks as CloudFormation's ServerSideEncryptionConfiguration. */
function encryption(tf: TfView, out: CfnBuilder, rulesAt: string): void {
  // A plan marks the bucket's encryption "known only after apply" when it is left to AWS or
  // to a split resource: unknown, never "not set" (a split resource still overrides it).
  const whole = tf.get(rulesAt);
  if (whole?.k === 'unknown') {
    out.put('BucketEncryption.ServerSideEncryptionConfiguration', whole, tf.locate(rulesAt));
    return;
  }
  const rules = tf.blocks(rulesAt);
  if (!rules.length) return;
  const items: Value[] = rules.map((rule) => {
    const b = new CfnBuilder(rule);
    b.set('ServerSideEncryptionByDefault.SSEAlgorithm', 'apply_server_side_encryption_by_default.sse_algorithm')
      .set('ServerSideEncryptionByDefault.KMSMasterKeyID', 'apply_server_side_encryption_by_default.kms_master_key_id')
      .set('BucketKeyEnabled', 'bucket_key_enabled');
    return b.properties;
  });
  const at = tf.locate(rulesAt);
  out.put('BucketEncryption.ServerSideEncryptionConfiguration', { k: 'list', items, loc: at }, at);
}

/** Versioning: v4 `versioning_configuration { status }`, v3 `versioning { enabled }`. */
const versioningStatus = (v: Value) => mapScalar(v, (s) => (s === 'Disabled' ? 'Suspended' : s));

/** Logging: `target_bucket` names the destination bucket (by name or by reference). */
function logging(out: CfnBuilder, at: string): void {
  const under = at ? `${at}.` : '';
  out.set('LoggingConfiguration.DestinationBucketName', `${under}target_bucket`)
    .set('LoggingConfiguration.LogFilePrefix', `${under}target_prefix`);
}

/**
 * Replication: v4 `aws_s3_bucket_replication_configuration` (`rule` blocks) or the v3 inline
 * `replication_configuration` (`rules` blocks), as CloudFormation's ReplicationConfiguration.
 */
function replication(tf: TfView, out: CfnBuilder, under: string, rules: string): void {
  copy(out, 'ReplicationConfiguration.Role', `${under}role`);
  blockList(tf, out, 'ReplicationConfiguration.Rules', `${under}${rules}`, (b) => {
    copyAll(b, {
      Id: 'id', Status: 'status', Prefix: 'prefix', Priority: 'priority', 'Filter.Prefix': 'filter.prefix',
      'Destination.Bucket': 'destination.bucket', 'Destination.StorageClass': 'destination.storage_class', 'Destination.Account': 'destination.account',
      'DeleteMarkerReplication.Status': 'delete_marker_replication.status',
    });
  });
}

const bucket: Translator = {
  tfType: 'aws_s3_bucket',
  cfnType: 'AWS::S3::Bucket',
  build(tf, out) {
    out.set('BucketName', 'bucket').tags()
      .set('AccessControl', 'acl', aclName)
      .set('ObjectLockEnabled', 'object_lock_enabled');
    if (tf.get('server_side_encryption_configuration')) encryption(tf, out, 'server_side_encryption_configuration.rule');
    out.set('VersioningConfiguration.Status', 'versioning.enabled', boolTo('Enabled', 'Suspended'));
    // A `dynamic "logging"` block over a value not known yet may or may not be written: the
    // whole configuration is unknown, not a configured one with an unknown destination.
    const lg = tf.get('logging');
    const lgUnknown = lg?.k === 'unknown' ? lg : lg?.k === 'list' && lg.items[0]?.k === 'unknown' ? lg.items[0] : undefined;
    if (lgUnknown) out.put('LoggingConfiguration', lgUnknown, tf.locate('logging'));
    else if (lg) logging(out, 'logging');
    blockList(tf, out, 'LifecycleConfiguration.Rules', 'lifecycle_rule', (b) => { copy(b, 'Id', 'id'); copy(b, 'Status', 'enabled', boolTo('Enabled', 'Disabled')); });
    if (tf.get('replication_configuration')) {
      nested(tf, out, 'ReplicationConfiguration', 'replication_configuration');
      replication(tf, out, 'replication_configuration.', 'rules');
    }
  },
};

/** Terraform canned ACL names (`public-read`) as CloudFormation's (`PublicRead`). */
const aclName = (v: Value) => mapScalar(v, (s) => (typeof s === 'string' ? s.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') : s));

const onBucket = { ownerTypes: ['aws_s3_bucket'], ownerArg: 'bucket', ownerKey: 'bucket' };

const attachments: Attachment[] = [
  { tfType: 'aws_s3_bucket_server_side_encryption_configuration', ...onBucket, build: (tf, out) => encryption(tf, out, 'rule') },
  { tfType: 'aws_s3_bucket_versioning', ...onBucket, build: (_tf, out) => { out.set('VersioningConfiguration.Status', 'versioning_configuration.status', versioningStatus); } },
  { tfType: 'aws_s3_bucket_logging', ...onBucket, build: (_tf, out) => logging(out, '') },
  {
    // The whole configuration is this resource: it replaces whatever the bucket said.
    tfType: 'aws_s3_bucket_replication_configuration', ...onBucket,
    build: (tf, out) => { wholeResource(tf, out, 'ReplicationConfiguration'); replication(tf, out, '', 'rule'); },
  },
  { tfType: 'aws_s3_bucket_acl', ...onBucket, build: (_tf, out) => { out.set('AccessControl', 'acl', aclName); } },
  {
    tfType: 'aws_s3_bucket_public_access_block', ...onBucket,
    build: (tf, out) => {
      // The block is the resource: a setting it leaves out (false in AWS) is reported there.
      const at = tf.locate('');
      out.put('PublicAccessBlockConfiguration', { k: 'object', props: new Map(), keyLocs: new Map(), loc: at }, at);
      out.set('PublicAccessBlockConfiguration.BlockPublicAcls', 'block_public_acls')
        .set('PublicAccessBlockConfiguration.BlockPublicPolicy', 'block_public_policy')
        .set('PublicAccessBlockConfiguration.IgnorePublicAcls', 'ignore_public_acls')
        .set('PublicAccessBlockConfiguration.RestrictPublicBuckets', 'restrict_public_buckets');
    },
  },
  {
    tfType: 'aws_s3_bucket_object_lock_configuration', ...onBucket,
    build: (tf, out) => {
      // The configuration is this resource, the rule and its retention their blocks: a setting left out is reported there.
      wholeResource(tf, out, 'ObjectLockConfiguration');
      nested(tf, out, 'ObjectLockConfiguration.Rule', 'rule');
      nested(tf, out, 'ObjectLockConfiguration.Rule.DefaultRetention', 'rule.default_retention');
      out.set('ObjectLockConfiguration.ObjectLockEnabled', 'object_lock_enabled')
        .set('ObjectLockConfiguration.Rule.DefaultRetention.Mode', 'rule.default_retention.mode')
        .set('ObjectLockConfiguration.Rule.DefaultRetention.Days', 'rule.default_retention.days')
        .set('ObjectLockConfiguration.Rule.DefaultRetention.Years', 'rule.default_retention.years');
    },
  },
];

/** `aws_s3_bucket_policy` stays a resource of its own, as `AWS::S3::BucketPolicy` does. */
const policy: Translator = {
  tfType: 'aws_s3_bucket_policy',
  cfnType: 'AWS::S3::BucketPolicy',
  build(_tf, out) {
    out.set('Bucket', 'bucket').set('PolicyDocument', 'policy', jsonDocument);
  },
};

export const s3 = { translators: [bucket, policy], attachments };
