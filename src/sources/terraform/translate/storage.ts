// Storage: EFS file systems (backup and file system policies split out), EBS volumes, ECR
// repositories (policies split out), AWS Backup plans.
import { jsonDocument, type Attachment, type Translator } from './api.js';
import { blockList, copy, copyAll } from './copy.js';

const fileSystem: Translator = {
  tfType: 'aws_efs_file_system',
  cfnType: 'AWS::EFS::FileSystem',
  build(tf, out) {
    copyAll(out, {
      Encrypted: 'encrypted', KmsKeyId: 'kms_key_id', PerformanceMode: 'performance_mode', ThroughputMode: 'throughput_mode',
      ProvisionedThroughputInMibps: 'provisioned_throughput_in_mibps', AvailabilityZoneName: 'availability_zone_name',
      'FileSystemProtection.ReplicationOverwriteProtection': 'protection.replication_overwrite',
    });
    blockList(tf, out, 'LifecyclePolicies', 'lifecycle_policy', (b) => copyAll(b, {
      TransitionToIA: 'transition_to_ia', TransitionToPrimaryStorageClass: 'transition_to_primary_storage_class', TransitionToArchive: 'transition_to_archive',
    }));
    // EFS names its tags FileSystemTags in CloudFormation.
    out.tags('FileSystemTags');
    // EFS turns automatic backups on for a One Zone file system created without saying
    // otherwise (CreateFileSystem's Backup defaults to true with an Availability Zone, and the
    // provider does not send it); an aws_efs_backup_policy overrides this.
    const az = tf.get('availability_zone_name');
    if (az?.k === 'scalar' && typeof az.v === 'string' && az.v !== '') {
      const at = { ...tf.locate('availability_zone_name'), path: tf.origin('availability_zone_name') };
      out.put('BackupPolicy.Status', { k: 'scalar', v: 'ENABLED', loc: at, via: 'EFS\'s default for a One Zone file system (availability_zone_name is set)' }, at);
    }
  },
};

const onFileSystem = { ownerTypes: ['aws_efs_file_system'], ownerArg: 'file_system_id' };

const volume: Translator = {
  tfType: 'aws_ebs_volume',
  cfnType: 'AWS::EC2::Volume',
  build(_tf, out) {
    // Left out, `encrypted` follows the account's EBS encryption-by-default setting, as in CloudFormation.
    copyAll(out, {
      AvailabilityZone: 'availability_zone', Size: 'size', VolumeType: 'type', Iops: 'iops', Throughput: 'throughput',
      Encrypted: 'encrypted', KmsKeyId: 'kms_key_id', SnapshotId: 'snapshot_id', MultiAttachEnabled: 'multi_attach_enabled', OutpostArn: 'outpost_arn',
    });
    out.tags();
  },
};

const repository: Translator = {
  tfType: 'aws_ecr_repository',
  cfnType: 'AWS::ECR::Repository',
  build(tf, out) {
    copyAll(out, {
      RepositoryName: 'name', ImageTagMutability: 'image_tag_mutability', EmptyOnDelete: 'force_delete',
      'ImageScanningConfiguration.ScanOnPush': 'image_scanning_configuration.scan_on_push',
      'EncryptionConfiguration.EncryptionType': 'encryption_configuration.encryption_type',
      'EncryptionConfiguration.KmsKey': 'encryption_configuration.kms_key',
    });
    blockList(tf, out, 'ImageTagMutabilityExclusionFilters', 'image_tag_mutability_exclusion_filter', (b) => copyAll(b, {
      ImageTagMutabilityExclusionFilterType: 'filter_type', ImageTagMutabilityExclusionFilterValue: 'filter',
    }));
    out.tags();
  },
};

const onRepository = { ownerTypes: ['aws_ecr_repository'], ownerArg: 'repository', ownerKey: 'name' };

const backupPlan: Translator = {
  tfType: 'aws_backup_plan',
  cfnType: 'AWS::Backup::BackupPlan',
  build(tf, out) {
    copy(out, 'BackupPlan.BackupPlanName', 'name');
    blockList(tf, out, 'BackupPlan.BackupPlanRule', 'rule', (b, rule) => {
      copyAll(b, {
        RuleName: 'rule_name', TargetBackupVault: 'target_vault_name', ScheduleExpression: 'schedule',
        ScheduleExpressionTimezone: 'schedule_expression_timezone', StartWindowMinutes: 'start_window', CompletionWindowMinutes: 'completion_window',
        EnableContinuousBackup: 'enable_continuous_backup', RecoveryPointTags: 'recovery_point_tags',
        'Lifecycle.DeleteAfterDays': 'lifecycle.delete_after', 'Lifecycle.MoveToColdStorageAfterDays': 'lifecycle.cold_storage_after',
        'Lifecycle.OptInToArchiveForSupportedResources': 'lifecycle.opt_in_to_archive_for_supported_resources',
      });
      blockList(rule, b, 'CopyActions', 'copy_action', (c) => copyAll(c, {
        DestinationBackupVaultArn: 'destination_vault_arn',
        'Lifecycle.DeleteAfterDays': 'lifecycle.delete_after', 'Lifecycle.MoveToColdStorageAfterDays': 'lifecycle.cold_storage_after',
      }));
    });
    blockList(tf, out, 'BackupPlan.AdvancedBackupSettings', 'advanced_backup_setting', (b) => copyAll(b, { BackupOptions: 'backup_options', ResourceType: 'resource_type' }));
    // AWS::Backup::BackupPlan keeps its tags as a map, as Terraform does.
    copy(out, 'BackupPlanTags', 'tags');
  },
};

const attachments: Attachment[] = [
  { tfType: 'aws_efs_backup_policy', ...onFileSystem, build: (_tf, out) => copy(out, 'BackupPolicy.Status', 'backup_policy.status') },
  {
    tfType: 'aws_efs_file_system_policy', ...onFileSystem,
    build: (_tf, out) => {
      copy(out, 'FileSystemPolicy', 'policy', jsonDocument);
      copy(out, 'BypassPolicyLockoutSafetyCheck', 'bypass_policy_lockout_safety_check');
    },
  },
  { tfType: 'aws_ecr_repository_policy', ...onRepository, build: (_tf, out) => copy(out, 'RepositoryPolicyText', 'policy', jsonDocument) },
  // CloudFormation holds the lifecycle policy as JSON text, so the text stays as written.
  { tfType: 'aws_ecr_lifecycle_policy', ...onRepository, build: (_tf, out) => copy(out, 'LifecyclePolicy.LifecyclePolicyText', 'policy') },
];

export const storage: { translators: Translator[]; attachments: Attachment[] } = { translators: [fileSystem, volume, repository, backupPlan], attachments };
