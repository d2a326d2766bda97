// What keeps a Terraform or Pulumi resource's data when it is destroyed, as the
// DeletionPolicy / UpdateReplacePolicy the deployment controls read (AT-DEP-001, AT-DEP-002).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import statefulDeletionPolicy from '../../../../src/controls/deployment/statefulDeletionPolicy.js';
import statefulUpdateReplacePolicy from '../../../../src/controls/deployment/statefulUpdateReplacePolicy.js';
import type { Control } from '../../../../src/controls/api.js';
import type { Finding } from '../../../../src/model/types.js';
import { render } from '../../../../src/model/value.js';
import { loadTerraformModule } from '../../../../src/sources/terraform/module.js';
import { terraformPlanSource } from '../../../../src/sources/terraform/plan.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import type { TfResource } from '../../../../src/sources/terraform/types.js';
import { evaluate } from '../../../../src/engine/scan.js';
import { scanPulumi, scanTerraform } from '../../../controls/deployment/formats.js';
import { tfFindings, tfResources } from '../../../helpers/tf.js';

const both = [statefulDeletionPolicy, statefulUpdateReplacePolicy];
const verdicts = (fs: Finding[]) => fs.map((f) => [f.controlId, f.resource.id, f.status, f.location.line]);
const of = (input: TfResource[], control: Control) => tfFindings(input, control).map((f) => [f.resource.id, f.status, f.location.line, f.evidence[0]?.origin]);

test('provider settings the provider reads when deleting: deletion protection and final snapshots keep the data, at their argument', () => {
  const input = tfResources('db.tf', {
    'aws_db_instance.protected': { engine: 'postgres', deletion_protection: true, skip_final_snapshot: true }, // 1-4
    'aws_db_instance.snapshot': { engine: 'postgres' }, // 5, 6
    'aws_rds_cluster.skipped': { engine: 'aurora-postgresql', skip_final_snapshot: true }, // 7-9
    'aws_dynamodb_table.t': { name: 't', deletion_protection_enabled: true }, // 10-12
    'aws_cognito_user_pool.p': { name: 'users', deletion_protection: 'ACTIVE' }, // 13-15
    'aws_ebs_volume.v': { availability_zone: 'eu-west-1a', final_snapshot: true }, // 16-18
    'aws_cloudwatch_log_group.l': { name: 'app', skip_destroy: true }, // 19-21
  });
  assert.deepEqual(of(input, statefulDeletionPolicy), [
    ['aws_db_instance.protected', 'pass', 3, 'aws_db_instance.protected.deletion_protection'],
    // skip_final_snapshot left out: the provider takes a final snapshot, located at the resource.
    ['aws_db_instance.snapshot', 'pass', 5, 'aws_db_instance.snapshot.skip_final_snapshot'],
    ['aws_rds_cluster.skipped', 'fail', 7, 'aws_rds_cluster.skipped'],
    ['aws_dynamodb_table.t', 'pass', 12, 'aws_dynamodb_table.t.deletion_protection_enabled'],
    ['aws_cognito_user_pool.p', 'pass', 15, 'aws_cognito_user_pool.p.deletion_protection'],
    ['aws_ebs_volume.v', 'pass', 18, 'aws_ebs_volume.v.final_snapshot'],
    ['aws_cloudwatch_log_group.l', 'pass', 21, 'aws_cloudwatch_log_group.l.skip_destroy'],
  ]);
  // Deletion protection and a final snapshot act on a replacement too.
  assert.deepEqual(of(input, statefulUpdateReplacePolicy).map((x) => x[1]), ['pass', 'pass', 'fail', 'pass', 'pass', 'pass', 'pass']);
  const [protectedDb, snapshot, skipped] = tfFindings(input, statefulDeletionPolicy);
  assert.match(protectedDb!.message, /^the resource and its data are kept when its resource block is removed or terraform destroy runs \(deletion_protection is on: AWS refuses to delete the resource\)$/);
  assert.match(snapshot!.evidence[0]!.note ?? '', /^the AWS provider's default when skip_final_snapshot is not set: a final snapshot is taken/);
  assert.equal(snapshot!.evidence[0]!.value, '"Snapshot"');
  // The failure says what to do in Terraform, not CloudFormation.
  assert.match(skipped!.message, /^nothing keeps the data: Terraform deletes the resource with its data when its resource block is removed or terraform destroy runs\. To keep it, set deletion_protection = true, or leave skip_final_snapshot false/);
  assert.doesNotMatch(skipped!.message, /DeletionPolicy|CloudFormation/);
});

test('a setting known only when Terraform runs makes the verdict unknown, naming it; a definite one elsewhere still decides', () => {
  const input = tfResources('db.tf', {
    'aws_rds_cluster.c': { engine: 'aurora-mysql', skip_final_snapshot: true, deletion_protection: { unknown: 'var.protect' } }, // 1-4
    'aws_db_instance.d': { engine: 'mysql', deletion_protection: { unknown: 'var.protect' } }, // 5-7
  });
  const fs = tfFindings(input, statefulDeletionPolicy);
  assert.deepEqual(fs.map((f) => [f.resource.id, f.status, f.location.line]), [['aws_rds_cluster.c', 'unknown', 4], ['aws_db_instance.d', 'pass', 5]]);
  assert.deepEqual(fs[0]!.dependsOn, ['var.protect']);
  assert.match(fs[0]!.message, /^cannot tell whether the data is kept when its resource block is removed or terraform destroy runs: deletion_protection is not known \(var\.protect has no value\)$/);
});

test('lifecycle prevent_destroy refuses replacements and terraform destroy, not the removal of its block', () => {
  // A reader that keeps the lifecycle block among the values (as plan JSON shapes blocks).
  const input = tfResources('s3.tf', {
    'aws_s3_bucket.kept': { bucket: 'kept', lifecycle: [{ prevent_destroy: true }] }, // 1, 2, 3, 4, 5
    'aws_s3_bucket.bare': { bucket: 'bare' }, // 6, 7
  });
  assert.deepEqual(of(input, statefulUpdateReplacePolicy), [
    ['aws_s3_bucket.kept', 'pass', 5, 'aws_s3_bucket.kept.lifecycle[0].prevent_destroy'],
    ['aws_s3_bucket.bare', 'fail', 6, 'aws_s3_bucket.bare'],
  ]);
  const del = tfFindings(input, statefulDeletionPolicy);
  assert.deepEqual(del.map((f) => [f.status, f.location.line]), [['fail', 5], ['fail', 6]]);
  assert.match(del[0]!.message, /^lifecycle \{ prevent_destroy = true \} refuses terraform destroy, but removing the resource block removes the setting with it/);
  assert.match(del[0]!.message, /removed block \(lifecycle \{ destroy = false \}, Terraform 1\.7\+\) or terraform state rm/);
  assert.match(del[1]!.message, /lifecycle \{ prevent_destroy = true \} also stops terraform destroy and replacements$/);
  assert.match(tfFindings(input, statefulUpdateReplacePolicy)[1]!.message, /To keep it, add lifecycle \{ prevent_destroy = true \}/);
});

test('the HCL reader keeps the lifecycle block apart from the arguments, located, and the controls judge it', () => {
  const main = [
    'resource "aws_s3_bucket" "b" {', //     1
    '  bucket = "data"', //                   2
    '  lifecycle {', //                       3
    '    prevent_destroy = true', //          4
    '  }', //                                 5
    '}', //                                   6
    'resource "aws_db_instance" "db" {', //   7
    '  engine              = "postgres"', //  8
    '  skip_final_snapshot = true', //        9
    '  lifecycle {', //                       10
    '    prevent_destroy = true', //          11
    '  }', //                                 12
    '}', //                                   13
    '',
  ].join('\n');
  const fs = scanTerraform({ 'main.tf': main }, both);
  assert.deepEqual(verdicts(fs), [
    ['AT-DEP-001', 'aws_s3_bucket.b', 'fail', 4], ['AT-DEP-002', 'aws_s3_bucket.b', 'pass', 4],
    ['AT-DEP-001', 'aws_db_instance.db', 'fail', 11], ['AT-DEP-002', 'aws_db_instance.db', 'pass', 11],
  ]);
  assert.equal(fs[1]!.evidence[0]!.origin, 'aws_s3_bucket.b.lifecycle.prevent_destroy');
  // The lifecycle block is not an argument of the resource: it is the resource's lifecycle.
  const dir = mkdtempSync(join(tmpdir(), 'attest-keep-'));
  writeFileSync(join(dir, 'main.tf'), main);
  const b = loadTerraformModule(dir, [join(dir, 'main.tf')], {}).resources.find((r) => r.address === 'aws_s3_bucket.b')!;
  assert.deepEqual([...b.values.props.keys()], ['bucket']);
  assert.equal(render(b.lifecycle?.props.get('prevent_destroy')), 'true');
  assert.deepEqual(b.lifecycle?.keyLocs.get('prevent_destroy'), { file: join(dir, 'main.tf'), line: 4, column: 5, path: 'aws_s3_bucket.b.lifecycle.prevent_destroy' });
  assert.equal(translate([b]).resources[0]!.properties.props.has('Lifecycle'), false);
});

/** A plan with one bucket, as terraform show -json writes it (trimmed). */
const PLAN = JSON.stringify({
  format_version: '1.2',
  planned_values: { root_module: { resources: [
    { address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', values: { bucket: 'data', force_destroy: false } },
    { address: 'aws_db_instance.db', mode: 'managed', type: 'aws_db_instance', name: 'db', values: { engine: 'postgres', deletion_protection: false, skip_final_snapshot: false } },
  ] } },
}, null, 2);

test('plan JSON does not record lifecycle: whether a replacement is refused cannot be told, a provider setting still decides', () => {
  const load = terraformPlanSource.load(PLAN, 'plan.json', {});
  const fs = evaluate(load.templates, load.sources, { controls: both, params: {}, today: '2026-01-01' }).findings;
  assert.deepEqual(fs.map((f) => [f.controlId, f.resource.id, f.status]), [
    ['AT-DEP-001', 'aws_s3_bucket.b', 'fail'], ['AT-DEP-002', 'aws_s3_bucket.b', 'unknown'],
    ['AT-DEP-001', 'aws_db_instance.db', 'pass'], ['AT-DEP-002', 'aws_db_instance.db', 'pass'],
  ]);
  assert.match(fs[1]!.message, /plan and state JSON do not record lifecycle \{ prevent_destroy \}; scan the configuration/);
  assert.equal(fs[3]!.evidence[0]!.origin, 'aws_db_instance.db.skip_final_snapshot');
});

const STACK = (entries: object[]) => JSON.stringify({
  version: 3,
  deployment: { manifest: { time: '2026-01-01T00:00:00Z', magic: 'x', version: 'v3.150.0' }, resources: entries },
}, null, 2);
const URN = 'urn:pulumi:dev::shop';

test('Pulumi stack export: protect and retainOnDelete keep the data, located at the option; nothing set fails in Pulumi\'s words', () => {
  const text = STACK([
    { urn: `${URN}::aws:s3/bucketV2:BucketV2::protected`, custom: true, id: 'a', type: 'aws:s3/bucketV2:BucketV2', protect: true, outputs: { bucket: 'a' } },
    { urn: `${URN}::aws:dynamodb/table:Table::retained`, custom: true, id: 'b', type: 'aws:dynamodb/table:Table', retainOnDelete: true, outputs: { name: 'b' } },
    { urn: `${URN}::aws:efs/fileSystem:FileSystem::open`, custom: true, id: 'c', type: 'aws:efs/fileSystem:FileSystem', outputs: { encrypted: true } },
    { urn: `${URN}::aws-native:s3:Bucket::native`, custom: true, id: 'd', type: 'aws-native:s3:Bucket', protect: true, outputs: { bucketName: 'd' } },
  ]);
  const fs = scanPulumi('state', text, [statefulDeletionPolicy]);
  assert.deepEqual(fs.map((f) => [f.resource.id, f.status, f.evidence[0]?.origin]), [
    ['protected', 'pass', `${URN}::aws:s3/bucketV2:BucketV2::protected.protect`],
    ['retained', 'pass', `${URN}::aws:dynamodb/table:Table::retained.retainOnDelete`],
    ['open', 'fail', `${URN}::aws:efs/fileSystem:FileSystem::open`],
    ['native', 'pass', `${URN}::aws-native:s3:Bucket::native.protect`],
  ]);
  assert.ok(fs.every((f) => f.location.line > 1));
  assert.match(fs[0]!.message, /it leaves the program or the stack is destroyed \(resource option protect: Pulumi refuses to delete or replace the resource/);
  assert.match(fs[2]!.message, /^nothing keeps the data: Pulumi deletes the resource with its data when it leaves the program or the stack is destroyed\. To keep it, set the resource option protect: true .* or retainOnDelete: true/);
  // The option is a setting of the resource, not one of its properties.
  const ur = scanPulumi('state', text, [statefulUpdateReplacePolicy]);
  assert.deepEqual(ur.map((f) => f.status), ['pass', 'pass', 'fail', 'pass']);
});

test('Pulumi preview: the new state of each step carries protect as the stack export does', () => {
  const preview = JSON.stringify({
    steps: [
      { op: 'create', urn: `${URN}::aws:rds/instance:Instance::db`, newState: { urn: `${URN}::aws:rds/instance:Instance::db`, custom: true, type: 'aws:rds/instance:Instance', protect: true, inputs: { engine: 'postgres', skipFinalSnapshot: true } } },
      { op: 'create', urn: `${URN}::aws:rds/instance:Instance::scratch`, newState: { urn: `${URN}::aws:rds/instance:Instance::scratch`, custom: true, type: 'aws:rds/instance:Instance', inputs: { engine: 'postgres', skipFinalSnapshot: true } } },
    ],
    changeSummary: { create: 2 },
  }, null, 2);
  const fs = scanPulumi('preview', preview, [statefulDeletionPolicy]);
  assert.deepEqual(fs.map((f) => [f.resource.id, f.status, f.evidence[0]?.origin]), [
    ['db', 'pass', `${URN}::aws:rds/instance:Instance::db.protect`],
    // A Pulumi AWS Classic database follows the Terraform provider: no final snapshot when told to skip it.
    ['scratch', 'fail', `${URN}::aws:rds/instance:Instance::scratch`],
  ]);
  assert.match(fs[1]!.message, /To keep it, set the resource option protect: true/);
});

test('Pulumi YAML: options protect and retainOnDelete, an expression among them unknown', () => {
  const program = [
    'name: shop', //                          1
    'runtime: yaml', //                       2
    'config:', //                             3
    '  isProd:', //                           4
    '    type: boolean', //                   5
    'resources:', //                          6
    '  data:', //                             7
    '    type: aws:s3:BucketV2', //           8
    '    options:', //                        9
    '      protect: true', //                 10
    '  logs:', //                             11
    '    type: aws:cloudwatch:LogGroup', //   12
    '    options:', //                        13
    '      retainOnDelete: ${isProd}', //     14
    '',
  ].join('\n');
  const fs = scanPulumi('yaml', program, [statefulDeletionPolicy]);
  assert.deepEqual(fs.map((f) => [f.resource.id, f.status, f.location.line, f.evidence[0]?.origin]), [
    ['data', 'pass', 10, 'resources.data.options.protect'],
    ['logs', 'unknown', 14, 'resources.logs.options.retainOnDelete'],
  ]);
  assert.deepEqual(fs[1]!.dependsOn, ['isProd']);
});
