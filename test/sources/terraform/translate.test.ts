import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getPath, render } from '../../../src/model/value.js';
import { translate } from '../../../src/sources/terraform/translate/index.js';
import { tfFindings, tfResources } from '../../helpers/tf.js';

test('split S3 resources merge into their bucket, each property located at the Terraform argument that set it', () => {
  const input = tfResources('main.tf', {
    'aws_s3_bucket.logs': { bucket: 'acme-logs', tags: { team: 'core' } }, // lines 1-4
    'aws_s3_bucket_versioning.logs': { bucket: { ref: 'aws_s3_bucket.logs', attr: 'id' }, versioning_configuration: [{ status: 'Enabled' }] }, // 5-9
    'aws_s3_bucket_server_side_encryption_configuration.logs': { // 10
      bucket: 'acme-logs', // 11
      rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: { ref: 'aws_kms_key.k', attr: 'arn' } }] }], // rule 12, item 13, key 14, item 15, sse_algorithm 16
    },
  });
  const out = translate(input);
  assert.deepEqual(out.notes, []);
  assert.equal(out.resources.length, 1);
  const b = out.resources[0]!;
  assert.equal(b.type, 'AWS::S3::Bucket');
  assert.equal(b.sourceType, 'aws_s3_bucket');
  assert.equal(render(getPath(b.properties, 'VersioningConfiguration.Status')), '"Enabled"');
  const vs = getPath(b.properties, 'VersioningConfiguration')!;
  assert.equal(vs.k, 'object');
  assert.deepEqual(vs.k === 'object' && vs.keyLocs.get('Status'), { file: 'main.tf', line: 9, column: 3, path: 'aws_s3_bucket_versioning.logs.versioning_configuration[0].status' });
  const rules = getPath(b.properties, 'BucketEncryption.ServerSideEncryptionConfiguration');
  assert.equal(render(rules), '[{ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms", KMSMasterKeyID: aws_kms_key.k.arn}}]');
  const rule = rules?.k === 'list' ? rules.items[0] : undefined;
  const byDefault = getPath(rule, 'ServerSideEncryptionByDefault');
  assert.deepEqual(byDefault?.k === 'object' && byDefault.keyLocs.get('SSEAlgorithm'),
    { file: 'main.tf', line: 16, column: 3, path: 'aws_s3_bucket_server_side_encryption_configuration.logs.rule[0].apply_server_side_encryption_by_default[0].sse_algorithm' });
  assert.equal(render(getPath(b.properties, 'Tags')), '[{Key: "team", Value: "core"}]');
  assert.ok(b.refs.has('aws_kms_key.k'));
});

test('an attachment whose bucket cannot be told makes what it sets unknown on every bucket, with a note', () => {
  const out = translate(tfResources('main.tf', {
    'aws_s3_bucket.a': { bucket: 'a' },
    'aws_s3_bucket_acl.x': { bucket: { unknown: 'var.bucket' }, acl: 'public-read' },
  }));
  assert.equal(out.notes.length, 1);
  assert.match(out.notes[0]!.message, /^cannot tell which resource aws_s3_bucket_acl\.x configures: var\.bucket has no value/);
  const acl = getPath(out.resources[0]!.properties, 'AccessControl');
  assert.equal(acl?.k, 'unknown');
  assert.equal(render(acl?.k === 'unknown' ? acl.alts![1] : undefined), '"PublicRead"');
});

test('an attachment that may not exist (count undecided) makes what it sets possible only; one sharing its owner\'s condition applies', () => {
  const input = tfResources('main.tf', {
    'aws_s3_bucket.a': { bucket: 'a' },
    'aws_s3_bucket_public_access_block.a': { bucket: { ref: 'aws_s3_bucket.a', attr: 'id' }, block_public_acls: true },
  });
  input[1]!.condition = { name: 'var.enabled', state: 'unknown', params: ['var.enabled'] };
  let pab = getPath(translate(input).resources[0]!.properties, 'PublicAccessBlockConfiguration');
  assert.equal(pab?.k, 'unknown');
  assert.deepEqual(pab?.k === 'unknown' && [pab.params, pab.alts!.map((a) => a.k)], [['var.enabled'], ['absent', 'object']]);
  input[0]!.condition = { name: 'var.enabled', state: 'unknown', params: ['var.enabled'] };
  pab = getPath(translate(input).resources[0]!.properties, 'PublicAccessBlockConfiguration');
  assert.equal(pab?.k, 'object');
});

test('resource types no translator knows are returned, not dropped', () => {
  const out = translate(tfResources('main.tf', { 'aws_lightsail_instance.z': { name: 'example' } }));
  assert.deepEqual(out.untranslated.map((r) => r.address), ['aws_lightsail_instance.z']);
});

test('a bucket whose encryption is known only after apply is unknown to the encryption control, not failed; a split resource still decides', async () => {
  const { default: s3Encryption } = await import('../../../src/controls/data-protection/s3DefaultEncryption.js');
  const later = { unknown: 'aws_s3_bucket.b.server_side_encryption_configuration' };
  let f = tfFindings(tfResources('main.tf', { 'aws_s3_bucket.b': { bucket: 'b', server_side_encryption_configuration: later } }), s3Encryption);
  assert.deepEqual(f.map((x) => x.status), ['unknown']);
  f = tfFindings(tfResources('main.tf', {
    'aws_s3_bucket.b': { bucket: 'b', server_side_encryption_configuration: later }, // 1-3
    'aws_s3_bucket_server_side_encryption_configuration.b': { bucket: 'b', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] }, // 4-10
  }), s3Encryption);
  assert.deepEqual(f.map((x) => [x.status, x.location.line]), [['pass', 6]], 'at the rule list, as for CloudFormation');
});
