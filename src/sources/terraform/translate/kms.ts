// KMS keys (their policy inline or from aws_kms_key_policy) and aliases.
import { jsonDocument, type Attachment, type Translator } from './api.js';
import { copy, copyAll, firstWritten, written } from './copy.js';

const key: Translator = {
  tfType: 'aws_kms_key',
  cfnType: 'AWS::KMS::Key',
  build(tf, out) {
    copyAll(out, {
      Description: 'description', KeyUsage: 'key_usage', KeySpec: 'customer_master_key_spec',
      EnableKeyRotation: 'enable_key_rotation', RotationPeriodInDays: 'rotation_period_in_days',
      Enabled: 'is_enabled', PendingWindowInDays: 'deletion_window_in_days', MultiRegion: 'multi_region',
      BypassPolicyLockoutSafetyCheck: 'bypass_policy_lockout_safety_check',
    });
    copy(out, 'KeyPolicy', 'policy', jsonDocument);
    // A key in a custom key store is created with the store's origin (the provider derives it
    // from the store arguments); such keys cannot rotate automatically.
    const store = firstWritten(tf, 'xks_key_id', 'custom_key_store_id');
    const origin = store === 'xks_key_id' ? 'EXTERNAL_KEY_STORE' : 'AWS_CLOUDHSM';
    if (written(tf, store)) copy(out, 'Origin', store, (v) => (v.k === 'unknown' ? v : { k: 'scalar', v: origin, loc: v.loc }));
    out.tags();
  },
};

/**
 * A key whose material the owner imports. CloudFormation says so with Origin EXTERNAL, which
 * here is the resource type itself: the value is located at the resource.
 */
const externalKey: Translator = {
  tfType: 'aws_kms_external_key',
  cfnType: 'AWS::KMS::Key',
  build(tf, out) {
    out.put('Origin', { k: 'scalar', v: 'EXTERNAL', loc: tf.resource.loc, via: 'the resource type aws_kms_external_key (imported key material)' }, { ...tf.resource.loc, path: tf.address });
    copyAll(out, {
      Description: 'description', Enabled: 'enabled', PendingWindowInDays: 'deletion_window_in_days', MultiRegion: 'multi_region',
      KeySpec: 'key_spec', KeyUsage: 'key_usage', BypassPolicyLockoutSafetyCheck: 'bypass_policy_lockout_safety_check',
    });
    copy(out, 'KeyPolicy', 'policy', jsonDocument);
    out.tags();
  },
};

const alias: Translator = {
  tfType: 'aws_kms_alias',
  cfnType: 'AWS::KMS::Alias',
  build(_tf, out) {
    copyAll(out, { AliasName: 'name', TargetKeyId: 'target_key_id' });
  },
};

/** `aws_kms_key_policy` replaces the key's policy, as KeyPolicy does in CloudFormation. */
const keyPolicy: Attachment = {
  tfType: 'aws_kms_key_policy',
  ownerTypes: ['aws_kms_key', 'aws_kms_external_key'],
  ownerArg: 'key_id',
  build(_tf, out) {
    copy(out, 'KeyPolicy', 'policy', jsonDocument);
    copy(out, 'BypassPolicyLockoutSafetyCheck', 'bypass_policy_lockout_safety_check');
  },
};

export const kms: { translators: Translator[]; attachments: Attachment[] } = { translators: [key, externalKey, alias], attachments: [keyPolicy] };
