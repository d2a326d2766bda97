import assert from 'node:assert/strict';
import { test } from 'node:test';
import backupVaultLock from '../../../../src/controls/resilience/backupVaultLock.js';
import dmsReplicationNotPublic from '../../../../src/controls/network/dmsReplicationNotPublic.js';
import firehoseEncrypted from '../../../../src/controls/data-protection/firehoseEncrypted.js';
import mqNotPublic from '../../../../src/controls/network/mqNotPublic.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import { classify } from '../../../../src/sources/pulumi/tokens.js';
import { analytics } from '../../../../src/sources/terraform/translate/analytics.js';
import { propLoc, tfFindings, tfResources } from '../../../helpers/tf.js';

test('aws_glue_security_configuration: the s3_encryption block as the S3Encryptions list', () => {
  const out = translate(tfResources('glue.tf', {
    'aws_glue_security_configuration.c': { // 1
      name: 'etl', // 2
      encryption_configuration: [{ // 3 (key), 4 (block)
        cloudwatch_encryption: [{ cloudwatch_encryption_mode: 'DISABLED' }], // 5 (key), 6 (block), 7
        job_bookmarks_encryption: [{ job_bookmarks_encryption_mode: 'CSE-KMS', kms_key_arn: 'arn:k' }],
        s3_encryption: [{ s3_encryption_mode: 'SSE-KMS', kms_key_arn: 'arn:k' }],
      }],
    },
  }));
  const r = out.resources[0]!;
  assert.equal(r.type, 'AWS::Glue::SecurityConfiguration');
  assert.equal(render(getPath(r.properties, 'EncryptionConfiguration.S3Encryptions')), '[{S3EncryptionMode: "SSE-KMS", KmsKeyArn: "arn:k"}]');
  assert.equal(render(getPath(r.properties, 'EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode')), '"CSE-KMS"');
  assert.deepEqual(propLoc(r, 'EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode'),
    { file: 'glue.tf', line: 7, column: 3, path: 'aws_glue_security_configuration.c.encryption_configuration[0].cloudwatch_encryption[0].cloudwatch_encryption_mode' });
});

test('provider defaults: MQ brokers and DMS replication instances are private when publicly_accessible is left out', () => {
  const input = tfResources('main.tf', {
    'aws_mq_broker.b': { broker_name: 'b', engine_type: 'ActiveMQ' }, // 1-3
    'aws_dms_replication_instance.d': { replication_instance_id: 'd', publicly_accessible: true }, // 4-6
    'aws_dms_replication_instance.e': { replication_instance_id: 'e' }, // 7, 8
  });
  assert.deepEqual(tfFindings(input, mqNotPublic).map((f) => [f.resource.id, f.status, f.location.line]), [['aws_mq_broker.b', 'pass', 1]]);
  assert.deepEqual(tfFindings(input, dmsReplicationNotPublic).map((f) => [f.resource.id, f.status, f.location.line]), [
    ['aws_dms_replication_instance.d', 'fail', 6], ['aws_dms_replication_instance.e', 'pass', 7],
  ]);
});

test('aws_kinesis_firehose_delivery_stream: server-side encryption only when enabled, the source stream as DeliveryStreamType', () => {
  const input = tfResources('firehose.tf', {
    'aws_kinesis_firehose_delivery_stream.on': { name: 'on', server_side_encryption: [{ enabled: true }] },
    'aws_kinesis_firehose_delivery_stream.off': { name: 'off', server_side_encryption: [{ enabled: false, key_type: 'CUSTOMER_MANAGED_CMK' }] },
    'aws_kinesis_firehose_delivery_stream.src': { name: 'src', kinesis_source_configuration: [{ kinesis_stream_arn: 'arn:s' }] },
    // Plan JSON: blocks left out are empty lists, unset arguments null.
    'aws_kinesis_firehose_delivery_stream.plan': { name: 'plan', kinesis_source_configuration: [], msk_source_configuration: [], server_side_encryption: [] },
  });
  const out = translate(input);
  assert.equal(render(getPath(out.resources[0]!.properties, 'DeliveryStreamEncryptionConfigurationInput.KeyType')), '"AWS_OWNED_CMK"');
  assert.equal(getPath(out.resources[1]!.properties, 'DeliveryStreamEncryptionConfigurationInput'), undefined);
  assert.equal(render(getPath(out.resources[2]!.properties, 'DeliveryStreamType')), '"KinesisStreamAsSource"');
  assert.deepEqual(tfFindings(input, firehoseEncrypted).map((f) => [f.resource.id, f.status]), [
    ['aws_kinesis_firehose_delivery_stream.on', 'pass'], ['aws_kinesis_firehose_delivery_stream.off', 'fail'], ['aws_kinesis_firehose_delivery_stream.src', 'not_applicable'],
    ['aws_kinesis_firehose_delivery_stream.plan', 'fail'],
  ]);
});

test('aws_backup_vault_lock_configuration locks the vault it names, by reference or by name', () => {
  const input = tfResources('backup.tf', {
    'aws_backup_vault.a': { name: 'a' }, // 1, 2
    'aws_backup_vault.b': { name: 'b' }, // 3, 4
    'aws_backup_vault.c': { name: 'c' }, // 5, 6
    'aws_backup_vault_lock_configuration.a': { backup_vault_name: { ref: 'aws_backup_vault.a', attr: 'name' }, min_retention_days: 7 }, // 7-9
    'aws_backup_vault_lock_configuration.b': { backup_vault_name: 'b' }, // 10, 11
  });
  assert.deepEqual(tfFindings(input, backupVaultLock).map((f) => [f.resource.id, f.status]), [
    ['aws_backup_vault.a', 'pass'], ['aws_backup_vault.b', 'pass'], ['aws_backup_vault.c', 'fail'],
  ]);
  const a = translate(input).resources.find((r) => r.id === 'aws_backup_vault.a')!;
  assert.equal(render(getPath(a.properties, 'LockConfiguration.MinRetentionDays')), '7');
});

test('FSx Terraform types become AWS::FSx::FileSystem with their FileSystemType', () => {
  const out = translate(tfResources('fsx.tf', {
    'aws_fsx_windows_file_system.w': { storage_capacity: 32, automatic_backup_retention_days: 7 },
    'aws_fsx_lustre_file_system.l': { storage_capacity: 1200, deployment_type: 'PERSISTENT_2' },
    'aws_fsx_ontap_file_system.o': { storage_capacity: 1024 },
    'aws_fsx_openzfs_file_system.z': { storage_capacity: 64 },
  }));
  assert.deepEqual(out.resources.map((r) => [r.type, render(getPath(r.properties, 'FileSystemType'))]), [
    ['AWS::FSx::FileSystem', '"WINDOWS"'], ['AWS::FSx::FileSystem', '"LUSTRE"'], ['AWS::FSx::FileSystem', '"ONTAP"'], ['AWS::FSx::FileSystem', '"OPENZFS"'],
  ]);
  assert.equal(render(getPath(out.resources[0]!.properties, 'WindowsConfiguration.AutomaticBackupRetentionDays')), '7');
  assert.equal(render(getPath(out.resources[1]!.properties, 'LustreConfiguration.DeploymentType')), '"PERSISTENT_2"');
});

test('Pulumi AWS Classic tokens of the analytics types name the Terraform types translated here', () => {
  const tfType = (token: string) => { const k = classify(token); return k.kind === 'classic' ? k.tfType : k.kind; };
  const translated = new Set(analytics.translators.map((t) => t.tfType));
  for (const token of [
    'aws:fsx/openZfsFileSystem:OpenZfsFileSystem', 'aws:fsx/windowsFileSystem:WindowsFileSystem', 'aws:fsx/lustreFileSystem:LustreFileSystem',
    'aws:fsx/ontapFileSystem:OntapFileSystem', 'aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream', 'aws:msk/cluster:Cluster',
    'aws:mq/broker:Broker', 'aws:athena/workgroup:Workgroup', 'aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration',
    'aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings', 'aws:sagemaker/notebookInstance:NotebookInstance',
    'aws:dms/replicationInstance:ReplicationInstance', 'aws:memorydb/cluster:Cluster', 'aws:backup/vault:Vault', 'aws:transfer/server:Server',
  ]) assert.ok(translated.has(tfType(token)), `${token} -> ${tfType(token)}`);
  assert.equal(tfType('aws:fsx/openZfsFileSystem:OpenZfsFileSystem'), 'aws_fsx_openzfs_file_system');
});
