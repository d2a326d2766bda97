import assert from 'node:assert/strict';
import { test } from 'node:test';
import secretsCustomerKey from '../../../../src/controls/data-protection/secretsCustomerKey.js';
import secretsRotation from '../../../../src/controls/data-protection/secretsRotation.js';
import noPlaintextSecrets from '../../../../src/controls/deployment/noPlaintextSecrets.js';
import taggedResources from '../../../../src/controls/resource-governance/taggedResources.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import { propLoc, tfFindings, tfResources } from '../../../helpers/tf.js';

test('aws_secretsmanager_secret: key, replicas and tags', () => {
  const input = tfResources('sm.tf', {
    'aws_secretsmanager_secret.s': { // 1
      name: 'db', // 2
      kms_key_id: { ref: 'aws_kms_key.sm', attr: 'arn' }, // 3
      replica: [{ region: 'eu-central-1' }], // 4, 5, 6
      tags: { app: 'api' }, // 7, 8
    },
  });
  const s = translate(input).resources[0]!;
  assert.equal(s.type, 'AWS::SecretsManager::Secret');
  assert.equal(render(getPath(s.properties, 'ReplicaRegions')), '[{Region: "eu-central-1"}]');
  assert.deepEqual(propLoc(s, 'KmsKeyId'), { file: 'sm.tf', line: 3, column: 3, path: 'aws_secretsmanager_secret.s.kms_key_id' });
  assert.deepEqual(tfFindings(input, secretsCustomerKey).map((f) => [f.status, f.location.line]), [['pass', 3]]);
  assert.deepEqual(tfFindings(input, taggedResources).map((f) => [f.status, f.location.line]), [['pass', 7]]);
  const aws = tfResources('sm.tf', { 'aws_secretsmanager_secret.s': { name: 'db', kms_key_id: 'alias/aws/secretsmanager' } });
  assert.deepEqual(tfFindings(aws, secretsCustomerKey).map((f) => [f.status, f.location.line]), [['fail', 3]]);
});

test('aws_secretsmanager_secret_rotation is the RotationSchedule that references the secret', () => {
  const input = tfResources('sm.tf', {
    'aws_secretsmanager_secret.s': { name: 'db' }, // 1, 2
    'aws_secretsmanager_secret_rotation.r': { // 3
      secret_id: { ref: 'aws_secretsmanager_secret.s', attr: 'id' }, // 4
      rotation_lambda_arn: { ref: 'aws_lambda_function.rotate', attr: 'arn' }, // 5
      rotation_rules: [{ automatically_after_days: 30 }], // 6, 7, 8
    },
    'aws_secretsmanager_secret.other': { name: 'other' }, // 9, 10
  });
  const out = translate(input);
  const r = out.resources[1]!;
  assert.equal(r.type, 'AWS::SecretsManager::RotationSchedule');
  assert.equal(render(getPath(r.properties, 'RotationRules')), '{AutomaticallyAfterDays: 30}');
  const f = tfFindings(input, secretsRotation);
  assert.deepEqual(f.map((x) => [x.resource.id, x.status]), [['aws_secretsmanager_secret.s', 'pass'], ['aws_secretsmanager_secret.other', 'fail']]);
  assert.deepEqual([f[0]!.evidence[0]!.file, f[0]!.evidence[0]!.line, f[0]!.evidence[0]!.origin], ['sm.tf', 4, 'aws_secretsmanager_secret_rotation.r.secret_id']);
  assert.equal(f[0]!.location.line, 4);
});

test('provider v3 inline rotation is noted, and the secret is not taken as rotated', () => {
  const input = tfResources('sm.tf', { 'aws_secretsmanager_secret.s': { name: 'db', rotation_lambda_arn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate' } });
  const out = translate(input);
  assert.equal(out.notes.length, 1);
  assert.equal(out.notes[0]!.line, 3);
  assert.deepEqual(tfFindings(input, secretsRotation).map((f) => f.status), ['fail']);
});

test('the secret value written in aws_secretsmanager_secret_version is the secret\'s SecretString', () => {
  const literal = tfResources('sm.tf', {
    'aws_secretsmanager_secret.s': { name: 'db' }, // 1, 2
    'aws_secretsmanager_secret_version.v': { secret_id: 'db', secret_string: '{"password":"hunter22"}' }, // 3, 4, 5
  });
  const s = translate(literal).resources[0]!;
  assert.deepEqual(propLoc(s, 'SecretString'), { file: 'sm.tf', line: 5, column: 3, path: 'aws_secretsmanager_secret_version.v.secret_string' });
  let f = tfFindings(literal, noPlaintextSecrets);
  assert.deepEqual(f.map((x) => [x.status, x.location.line]), [['fail', 5]]);
  assert.ok(!JSON.stringify(f[0]!.evidence).includes('hunter22'), 'the secret is not repeated in the evidence');

  const generated = tfResources('sm.tf', {
    'aws_secretsmanager_secret.s': { name: 'db' },
    'aws_secretsmanager_secret_version.v': { secret_id: { ref: 'aws_secretsmanager_secret.s', attr: 'id' }, secret_string: { ref: 'random_password.db', attr: 'result' } },
  });
  f = tfFindings(generated, noPlaintextSecrets);
  assert.deepEqual(f.map((x) => x.status), ['pass']);
  // No version in the scan: nothing says what the value is.
  assert.deepEqual(tfFindings(tfResources('sm.tf', { 'aws_secretsmanager_secret.s': { name: 'db' } }), noPlaintextSecrets).map((x) => x.status), ['not_applicable']);
});

test('secret policies and SSM parameters', () => {
  const out = translate(tfResources('sm.tf', {
    'aws_secretsmanager_secret_policy.p': { secret_arn: { ref: 'aws_secretsmanager_secret.s', attr: 'arn' }, policy: '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"*"}]}', block_public_policy: true },
    'aws_ssm_parameter.p': { name: '/app/url', type: 'String', value: 'https://example.com', tags: { app: 'api' } },
  }));
  const [policy, param] = out.resources;
  assert.equal(policy!.type, 'AWS::SecretsManager::ResourcePolicy');
  assert.equal(render(getPath(policy!.properties, 'ResourcePolicy')), '{Statement: [{Effect: "Deny", Principal: "*", Action: "*"}]}');
  assert.equal(param!.type, 'AWS::SSM::Parameter');
  assert.equal(render(getPath(param!.properties, 'Tags')), '{app: "api"}');
  assert.equal(render(getPath(param!.properties, 'Value')), '"https://example.com"');
});
