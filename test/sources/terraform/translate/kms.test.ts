import assert from 'node:assert/strict';
import { test } from 'node:test';
import kmsKeyDeletionWindow from '../../../../src/controls/data-protection/kmsKeyDeletionWindow.js';
import kmsKeyEnabled from '../../../../src/controls/data-protection/kmsKeyEnabled.js';
import kmsKeyPolicyFullAccessRootOnly from '../../../../src/controls/data-protection/kmsKeyPolicyFullAccessRootOnly.js';
import kmsKeyPolicyNoWildcardPrincipal from '../../../../src/controls/data-protection/kmsKeyPolicyNoWildcardPrincipal.js';
import kmsKeyRotation from '../../../../src/controls/data-protection/kmsKeyRotation.js';
import type { Control } from '../../../../src/controls/api.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import type { TfResource } from '../../../../src/sources/terraform/types.js';
import { propLoc, tfFindings, tfResources } from '../../../helpers/tf.js';

const verdicts = (input: TfResource[], control: Control) => tfFindings(input, control).map((f) => [f.status, f.location.line]);

const openPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
    { Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt'], Resource: '*' },
  ],
});

test('aws_kms_key: rotation, deletion window, enabled flag and policy at their arguments', () => {
  const input = tfResources('kms.tf', {
    'aws_kms_key.k': { // 1
      description: 'data', // 2
      enable_key_rotation: true, // 3
      deletion_window_in_days: 7, // 4
      is_enabled: false, // 5
      policy: openPolicy, // 6
      tags: { team: 'sec' }, // 7, 8
    },
  });
  const k = translate(input).resources[0]!;
  assert.equal(k.type, 'AWS::KMS::Key');
  assert.deepEqual(propLoc(k, 'EnableKeyRotation'), { file: 'kms.tf', line: 3, column: 3, path: 'aws_kms_key.k.enable_key_rotation' });
  assert.deepEqual(propLoc(k, 'PendingWindowInDays'), { file: 'kms.tf', line: 4, column: 3, path: 'aws_kms_key.k.deletion_window_in_days' });
  // The JSON text becomes the policy object, every part located at the argument.
  const st = getPath(k.properties, 'KeyPolicy.Statement');
  assert.equal(st?.k === 'list' && st.items.length, 2);
  assert.equal(st?.k === 'list' && render(getPath(st.items[1], 'Principal')), '"*"');
  assert.equal(st?.k === 'list' && st.items[1]!.loc.line, 6);
  assert.deepEqual(verdicts(input, kmsKeyRotation), [['pass', 3]]);
  assert.deepEqual(verdicts(input, kmsKeyDeletionWindow), [['fail', 4]]);
  assert.deepEqual(verdicts(input, kmsKeyEnabled), [['fail', 5]]);
  assert.deepEqual(verdicts(input, kmsKeyPolicyNoWildcardPrincipal), [['fail', 6]]);
  assert.deepEqual(verdicts(input, kmsKeyPolicyFullAccessRootOnly), [['pass', 6]]);

  const bare = tfResources('kms.tf', { 'aws_kms_key.k': { description: 'x' } });
  assert.deepEqual(verdicts(bare, kmsKeyRotation), [['fail', 1]]);
  assert.deepEqual(verdicts(bare, kmsKeyDeletionWindow), [['pass', 1]]);
  assert.deepEqual(verdicts(bare, kmsKeyEnabled), [['pass', 1]]);
  assert.deepEqual(verdicts(bare, kmsKeyPolicyNoWildcardPrincipal), [['pass', 1]]);
});

test('asymmetric and imported keys cannot rotate: rotation is not applicable', () => {
  const input = tfResources('kms.tf', {
    'aws_kms_key.sign': { customer_master_key_spec: 'ECC_NIST_P256', key_usage: 'SIGN_VERIFY' },
    'aws_kms_external_key.byok': { description: 'imported' },
  });
  const out = translate(input);
  assert.equal(render(getPath(out.resources[1]!.properties, 'Origin')), '"EXTERNAL"');
  assert.deepEqual(tfFindings(input, kmsKeyRotation).map((f) => [f.resource.id, f.status]), [['aws_kms_key.sign', 'not_applicable'], ['aws_kms_external_key.byok', 'not_applicable']]);
});

test('aws_kms_key_policy replaces the key policy; a policy from a data source stays unknown', () => {
  const input = tfResources('kms.tf', {
    'aws_kms_key.k': { description: 'x', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] }) }, // 1-3
    'aws_kms_key_policy.p': { key_id: { ref: 'aws_kms_key.k', attr: 'id' }, policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/ops' }, Action: 'kms:*', Resource: '*' }] }) }, // 4-6
  });
  const k = translate(input).resources[0]!;
  assert.deepEqual(propLoc(k, 'KeyPolicy'), { file: 'kms.tf', line: 6, column: 3, path: 'aws_kms_key_policy.p.policy' });
  assert.deepEqual(verdicts(input, kmsKeyPolicyFullAccessRootOnly), [['fail', 6]]);

  const fromData = tfResources('kms.tf', { 'aws_kms_key.k': { policy: { unknown: 'data.aws_iam_policy_document.key' } } });
  const f = tfFindings(fromData, kmsKeyPolicyNoWildcardPrincipal);
  assert.deepEqual(f.map((x) => [x.status, x.location.line, x.dependsOn]), [['unknown', 2, ['data.aws_iam_policy_document.key']]]);
});

test('aws_kms_alias points at its key', () => {
  const out = translate(tfResources('kms.tf', { 'aws_kms_alias.a': { name: 'alias/data', target_key_id: { ref: 'aws_kms_key.k', attr: 'key_id' } } }));
  const a = out.resources[0]!;
  assert.equal(a.type, 'AWS::KMS::Alias');
  assert.equal(render(getPath(a.properties, 'TargetKeyId')), 'aws_kms_key.k.key_id');
  assert.deepEqual(propLoc(a, 'AliasName'), { file: 'kms.tf', line: 2, column: 3, path: 'aws_kms_alias.a.name' });
});

test('a key in a custom key store carries the store\'s origin, located at the store argument', () => {
  const out = translate(tfResources('kms.tf', {
    'aws_kms_key.hsm': { custom_key_store_id: { ref: 'aws_kms_custom_key_store.hsm', attr: 'id' } }, // 1, 2
    'aws_kms_key.xks': { custom_key_store_id: 'cks-1234', xks_key_id: 'ext-key-1' }, // 3, 4, 5
    'aws_kms_external_key.e': { key_spec: 'RSA_2048', key_usage: 'ENCRYPT_DECRYPT' },
  }));
  const [hsm, xks, ext] = out.resources;
  assert.equal(render(getPath(hsm!.properties, 'Origin')), '"AWS_CLOUDHSM"');
  assert.equal(propLoc(hsm!, 'Origin')?.line, 2);
  assert.equal(render(getPath(xks!.properties, 'Origin')), '"EXTERNAL_KEY_STORE"');
  assert.equal(propLoc(xks!, 'Origin')?.line, 5);
  assert.equal(render(getPath(ext!.properties, 'KeySpec')), '"RSA_2048"');
  // KMS cannot rotate material it does not hold: rotation is not applicable to either store's keys.
  const keys = tfResources('kms.tf', {
    'aws_kms_key.hsm': { custom_key_store_id: { ref: 'aws_kms_custom_key_store.hsm', attr: 'id' } },
    'aws_kms_key.xks': { custom_key_store_id: 'cks-1234', xks_key_id: 'ext-key-1' },
  });
  assert.deepEqual(tfFindings(keys, kmsKeyRotation).map((f) => [f.resource.id, f.status, f.message]), [
    ['aws_kms_key.hsm', 'not_applicable', 'keys in a custom key store (Origin AWS_CLOUDHSM) cannot rotate automatically'],
    ['aws_kms_key.xks', 'not_applicable', 'keys in a custom key store (Origin EXTERNAL_KEY_STORE) cannot rotate automatically'],
  ]);
});

test('a principal of the account Terraform deploys into (the caller identity\'s account id) is the account root', () => {
  const doc = (principal: string) => JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'kms:*', Resource: '*' }] });
  const input = tfResources('kms.tf', {
    // jsonencode keeps the account id as a placeholder in the text.
    'aws_kms_key.text': { policy: doc('arn:aws:iam::${data.aws_caller_identity.current.account_id}:root') }, // 1, 2
    'aws_kms_key.module': { policy: doc('arn:aws:iam::${module.core.data.aws_caller_identity.this.account_id}:root') }, // 3, 4
    // The caller's own ARN is a principal, not the account.
    'aws_kms_key.caller': { policy: doc('${data.aws_caller_identity.current.arn}') }, // 5, 6
  });
  assert.deepEqual(tfFindings(input, kmsKeyPolicyFullAccessRootOnly).map((f) => [f.resource.id, f.status]), [
    ['aws_kms_key.text', 'pass'], ['aws_kms_key.module', 'pass'], ['aws_kms_key.caller', 'fail'],
  ]);
});
