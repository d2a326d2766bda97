import assert from 'node:assert/strict';
import { test } from 'node:test';
import ebsVolumeEncrypted from '../../../../src/controls/data-protection/ebsVolumeEncrypted.js';
import ecrImmutableTags from '../../../../src/controls/data-protection/ecrImmutableTags.js';
import ecrKmsEncryption from '../../../../src/controls/data-protection/ecrKmsEncryption.js';
import ecrScanOnPush from '../../../../src/controls/data-protection/ecrScanOnPush.js';
import efsEncrypted from '../../../../src/controls/data-protection/efsEncrypted.js';
import backupPlanRetention from '../../../../src/controls/resilience/backupPlanRetention.js';
import efsBackupPolicy from '../../../../src/controls/resilience/efsBackupPolicy.js';
import taggedResources from '../../../../src/controls/resource-governance/taggedResources.js';
import type { Control } from '../../../../src/controls/api.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import type { TfResource } from '../../../../src/sources/terraform/types.js';
import { propLoc, tfFindings, tfResources } from '../../../helpers/tf.js';

const verdicts = (input: TfResource[], control: Control) => tfFindings(input, control).map((f) => [f.resource.id, f.status, f.location.line]);

test('aws_efs_file_system: encryption, tags, and backups from aws_efs_backup_policy', () => {
  const input = tfResources('efs.tf', {
    'aws_efs_file_system.fs': { encrypted: true, kms_key_id: { ref: 'aws_kms_key.efs', attr: 'arn' }, tags: { Name: 'shared' } }, // 1-5
    'aws_efs_backup_policy.fs': { file_system_id: { ref: 'aws_efs_file_system.fs', attr: 'id' }, backup_policy: [{ status: 'ENABLED' }] }, // 6-10
    'aws_efs_file_system.bare': {}, // 11
  });
  const out = translate(input);
  assert.deepEqual(out.notes, []);
  const fs = out.resources[0]!;
  assert.equal(render(getPath(fs.properties, 'FileSystemTags')), '[{Key: "Name", Value: "shared"}]');
  assert.deepEqual(propLoc(fs, 'BackupPolicy.Status'), { file: 'efs.tf', line: 10, column: 3, path: 'aws_efs_backup_policy.fs.backup_policy[0].status' });
  assert.deepEqual(verdicts(input, efsEncrypted), [['aws_efs_file_system.fs', 'pass', 2], ['aws_efs_file_system.bare', 'fail', 11]]);
  assert.deepEqual(verdicts(input, efsBackupPolicy), [['aws_efs_file_system.fs', 'pass', 10], ['aws_efs_file_system.bare', 'fail', 11]]);
  // The tags land in FileSystemTags, where the tagging control looks on a file system.
  assert.deepEqual(verdicts(input, taggedResources), [['aws_efs_file_system.fs', 'pass', 4], ['aws_efs_file_system.bare', 'fail', 11]]);
  assert.equal(tfFindings(input, taggedResources)[0]!.evidence[0]!.origin, 'aws_efs_file_system.fs.tags');
});

test('a One Zone file system is backed up unless a backup policy turns it off', () => {
  const oneZone = tfResources('efs.tf', { 'aws_efs_file_system.fs': { availability_zone_name: 'eu-west-1a' } });
  const f = tfFindings(oneZone, efsBackupPolicy);
  assert.deepEqual(f.map((x) => [x.status, x.location.line, x.evidence[0]?.origin]), [['pass', 2, 'aws_efs_file_system.fs.availability_zone_name']]);
  assert.match(f[0]!.evidence[0]!.note ?? '', /One Zone/);
  const off = tfResources('efs.tf', {
    'aws_efs_file_system.fs': { availability_zone_name: 'eu-west-1a' }, // 1, 2
    'aws_efs_backup_policy.fs': { file_system_id: { ref: 'aws_efs_file_system.fs', attr: 'id' }, backup_policy: [{ status: 'DISABLED' }] }, // 3-7
  });
  assert.deepEqual(verdicts(off, efsBackupPolicy), [['aws_efs_file_system.fs', 'fail', 7]]);
  // An Availability Zone from a variable may be null (a Regional file system): no default is assumed.
  assert.deepEqual(verdicts(tfResources('efs.tf', { 'aws_efs_file_system.fs': { availability_zone_name: { unknown: 'var.az' } } }), efsBackupPolicy), [['aws_efs_file_system.fs', 'fail', 1]]);
});

test('aws_ebs_volume: encrypted, or a KMS key that implies it', () => {
  const input = tfResources('ebs.tf', {
    'aws_ebs_volume.a': { availability_zone: 'eu-west-1a', size: 10, encrypted: true }, // 1-4
    'aws_ebs_volume.b': { availability_zone: 'eu-west-1a', kms_key_id: { ref: 'aws_kms_key.ebs', attr: 'arn' } }, // 5-7
    'aws_ebs_volume.c': { availability_zone: 'eu-west-1a', encrypted: false }, // 8-10
  });
  assert.equal(translate(input).resources[0]!.type, 'AWS::EC2::Volume');
  assert.deepEqual(verdicts(input, ebsVolumeEncrypted), [['aws_ebs_volume.a', 'pass', 4], ['aws_ebs_volume.b', 'pass', 7], ['aws_ebs_volume.c', 'fail', 10]]);
});

test('aws_ecr_repository: tag immutability, scan on push, KMS encryption; policies merge by repository name', () => {
  const input = tfResources('ecr.tf', {
    'aws_ecr_repository.r': { // 1
      name: 'api', // 2
      image_tag_mutability: 'IMMUTABLE', // 3
      image_scanning_configuration: [{ scan_on_push: true }], // 4, 5, 6
      encryption_configuration: [{ encryption_type: 'KMS', kms_key: { ref: 'aws_kms_key.ecr', attr: 'arn' } }], // 7, 8, 9, 10
    },
    'aws_ecr_repository_policy.p': { repository: 'api', policy: '{"Statement":[]}' }, // 11-13
    'aws_ecr_repository.bare': { name: 'bare' }, // 14, 15
  });
  const out = translate(input);
  assert.deepEqual(out.notes, []);
  assert.equal(render(getPath(out.resources[0]!.properties, 'RepositoryPolicyText')), '{Statement: []}');
  assert.deepEqual(verdicts(input, ecrImmutableTags), [['aws_ecr_repository.r', 'pass', 3], ['aws_ecr_repository.bare', 'fail', 14]]);
  assert.deepEqual(verdicts(input, ecrScanOnPush), [['aws_ecr_repository.r', 'pass', 6], ['aws_ecr_repository.bare', 'fail', 14]]);
  assert.deepEqual(verdicts(input, ecrKmsEncryption), [['aws_ecr_repository.r', 'pass', 9], ['aws_ecr_repository.bare', 'fail', 14]]);
});

test('aws_backup_plan: each rule\'s lifecycle decides retention', () => {
  const input = tfResources('backup.tf', {
    'aws_backup_plan.p': { // 1
      name: 'daily', // 2
      rule: [ // 3
        { rule_name: 'short', target_vault_name: 'v', schedule: 'cron(0 5 * * ? *)', lifecycle: [{ delete_after: 3 }] }, // item 4, 5, 6, 7, lifecycle 8, item 9, delete_after 10
        { rule_name: 'forever', target_vault_name: 'v' }, // item 11, 12, 13
      ],
      tags: { team: 'ops' }, // 14, 15
    },
  });
  const p = translate(input).resources[0]!;
  assert.equal(render(getPath(p.properties, 'BackupPlan.BackupPlanName')), '"daily"');
  assert.equal(render(getPath(p.properties, 'BackupPlanTags')), '{team: "ops"}');
  const f = tfFindings(input, backupPlanRetention);
  assert.deepEqual(f.map((x) => [x.status, x.location.line]), [['fail', 10], ['pass', 11]]);
  assert.match(f[0]!.message, /^short /);
  assert.equal(f[0]!.evidence[0]!.origin, 'aws_backup_plan.p.rule[0].lifecycle[0].delete_after');
});

test('tags applied by the provider\'s default_tags count: plan JSON and Pulumi state hold them in tags_all', () => {
  const input = tfResources('plan.json', {
    'aws_efs_file_system.fs': { encrypted: true, tags: {}, tags_all: { owner: 'core' } }, // 1, 2, 3, 4, 5
    'aws_ebs_volume.v': { availability_zone: 'eu-west-1a', tags_all: { owner: 'core' } }, // 6, 7, 8, 9
    'aws_ebs_volume.own': { availability_zone: 'eu-west-1a', tags: { team: 'data' }, tags_all: { unknown: 'var.default_tags' } }, // 10-14
    'aws_ebs_volume.none': { availability_zone: 'eu-west-1a', tags_all: {} }, // 15, 16, 17
  });
  const fs = tfFindings(input, taggedResources);
  assert.deepEqual(fs.map((f) => [f.resource.id, f.status, f.location.line, f.evidence[0]?.origin]), [
    ['aws_efs_file_system.fs', 'pass', 4, 'aws_efs_file_system.fs.tags_all'],
    ['aws_ebs_volume.v', 'pass', 8, 'aws_ebs_volume.v.tags_all'],
    // The resource's own tags prove it is tagged, whatever the defaults turn out to be.
    ['aws_ebs_volume.own', 'pass', 12, 'aws_ebs_volume.own.tags'],
    ['aws_ebs_volume.none', 'fail', 17, 'aws_ebs_volume.none.tags_all'],
  ]);
});
