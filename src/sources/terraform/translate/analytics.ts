// Translators for the analytics pack's Terraform types. Analytics and data platforms (wave A): DocumentDB, Neptune, MSK, MQ, Glue, Athena, EMR, SageMaker, DMS, FSx, MemoryDB, DAX, Transfer, Backup vaults.
// DocumentDB and Neptune clusters and DMS endpoints are translated in databases.ts, Kinesis streams in messaging.ts.
import type { Loc, Value } from '../../../model/types.js';
import { jsonDocument, type Attachment, type CfnBuilder, type TfView, type Translator } from './api.js';
import { blockList, blocksAsMap, copy, copyAll, written } from './copy.js';
import { providerDefault } from './defaults.js';
import { hasBlock, nested } from './blocks.js';

/** A literal CloudFormation value the Terraform type itself implies (the FSx file system type), located at the resource. */
function literal(out: CfnBuilder, cfnPath: string, v: string): void {
  const at: Loc = out.tf.locate('');
  out.put(cfnPath, { k: 'scalar', v, loc: at }, at);
}

/** DocumentDB and Neptune cluster parameter groups: `parameter` blocks as the Parameters map. */
const clusterParameterGroup = (tfType: string, cfnType: string): Translator => ({
  tfType, cfnType,
  build(tf, out) {
    copyAll(out, { Name: 'name', Family: 'family', Description: 'description' });
    blocksAsMap(tf, out, 'Parameters', 'parameter', 'name', 'value');
    out.tags();
  },
});

const mskCluster: Translator = {
  tfType: 'aws_msk_cluster',
  cfnType: 'AWS::MSK::Cluster',
  build(_tf, out) {
    copyAll(out, {
      ClusterName: 'cluster_name', KafkaVersion: 'kafka_version', NumberOfBrokerNodes: 'number_of_broker_nodes',
      'BrokerNodeGroupInfo.InstanceType': 'broker_node_group_info.instance_type',
      'BrokerNodeGroupInfo.ClientSubnets': 'broker_node_group_info.client_subnets',
      'BrokerNodeGroupInfo.SecurityGroups': 'broker_node_group_info.security_groups',
      'BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type': 'broker_node_group_info.connectivity_info.public_access.type',
      // Left out, both the provider and CloudFormation apply MSK's defaults (TLS, in-cluster encryption on).
      'EncryptionInfo.EncryptionInTransit.ClientBroker': 'encryption_info.encryption_in_transit.client_broker',
      'EncryptionInfo.EncryptionInTransit.InCluster': 'encryption_info.encryption_in_transit.in_cluster',
      'EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId': 'encryption_info.encryption_at_rest_kms_key_arn',
      'ClientAuthentication.Unauthenticated.Enabled': 'client_authentication.unauthenticated',
      'ClientAuthentication.Sasl.Iam.Enabled': 'client_authentication.sasl.iam',
      'ClientAuthentication.Sasl.Scram.Enabled': 'client_authentication.sasl.scram',
      'ClientAuthentication.Tls.CertificateAuthorityArnList': 'client_authentication.tls.certificate_authority_arns',
      'LoggingInfo.BrokerLogs.CloudWatchLogs.Enabled': 'logging_info.broker_logs.cloudwatch_logs.enabled',
      'LoggingInfo.BrokerLogs.CloudWatchLogs.LogGroup': 'logging_info.broker_logs.cloudwatch_logs.log_group',
      'LoggingInfo.BrokerLogs.Firehose.Enabled': 'logging_info.broker_logs.firehose.enabled',
      'LoggingInfo.BrokerLogs.Firehose.DeliveryStream': 'logging_info.broker_logs.firehose.delivery_stream',
      'LoggingInfo.BrokerLogs.S3.Enabled': 'logging_info.broker_logs.s3.enabled',
      'LoggingInfo.BrokerLogs.S3.Bucket': 'logging_info.broker_logs.s3.bucket',
    });
    // A tls block with no authority list still turns TLS client authentication on (AWS Private CA chosen later).
    out.tags();
  },
};

const mqBroker: Translator = {
  tfType: 'aws_mq_broker',
  cfnType: 'AWS::AmazonMQ::Broker',
  build(_tf, out) {
    copyAll(out, {
      BrokerName: 'broker_name', EngineType: 'engine_type', EngineVersion: 'engine_version', HostInstanceType: 'host_instance_type',
      DeploymentMode: 'deployment_mode', PubliclyAccessible: 'publicly_accessible', AutoMinorVersionUpgrade: 'auto_minor_version_upgrade',
      SubnetIds: 'subnet_ids', SecurityGroups: 'security_groups', AuthenticationStrategy: 'authentication_strategy',
      'Logs.General': 'logs.general', 'Logs.Audit': 'logs.audit',
      'EncryptionOptions.KmsKeyId': 'encryption_options.kms_key_id', 'EncryptionOptions.UseAwsOwnedKey': 'encryption_options.use_aws_owned_key',
    });
    // Both are required by the MQ API; the provider sends false for either when it is left out.
    providerDefault(out, 'PubliclyAccessible', 'publicly_accessible', false);
    providerDefault(out, 'AutoMinorVersionUpgrade', 'auto_minor_version_upgrade', false);
    out.tags();
  },
};

const glueSecurityConfiguration: Translator = {
  tfType: 'aws_glue_security_configuration',
  cfnType: 'AWS::Glue::SecurityConfiguration',
  build(tf, out) {
    copy(out, 'Name', 'name');
    const base = 'encryption_configuration';
    // CloudFormation holds the S3 settings as a list; Terraform as one block.
    blockList(tf, out, 'EncryptionConfiguration.S3Encryptions', `${base}.s3_encryption`, (b) => copyAll(b, { S3EncryptionMode: 's3_encryption_mode', KmsKeyArn: 'kms_key_arn' }));
    copyAll(out, {
      'EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode': `${base}.cloudwatch_encryption.cloudwatch_encryption_mode`,
      'EncryptionConfiguration.CloudWatchEncryption.KmsKeyArn': `${base}.cloudwatch_encryption.kms_key_arn`,
      'EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode': `${base}.job_bookmarks_encryption.job_bookmarks_encryption_mode`,
      'EncryptionConfiguration.JobBookmarksEncryption.KmsKeyArn': `${base}.job_bookmarks_encryption.kms_key_arn`,
    });
  },
};

const glueCatalogEncryption: Translator = {
  tfType: 'aws_glue_data_catalog_encryption_settings',
  cfnType: 'AWS::Glue::DataCatalogEncryptionSettings',
  build(_tf, out) {
    const s = 'data_catalog_encryption_settings';
    copyAll(out, {
      CatalogId: 'catalog_id',
      'DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode': `${s}.encryption_at_rest.catalog_encryption_mode`,
      'DataCatalogEncryptionSettings.EncryptionAtRest.SseAwsKmsKeyId': `${s}.encryption_at_rest.sse_aws_kms_key_id`,
      'DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted': `${s}.connection_password_encryption.return_connection_password_encrypted`,
      'DataCatalogEncryptionSettings.ConnectionPasswordEncryption.KmsKeyId': `${s}.connection_password_encryption.aws_kms_key_id`,
    });
  },
};

const athenaWorkgroup: Translator = {
  tfType: 'aws_athena_workgroup',
  cfnType: 'AWS::Athena::WorkGroup',
  build(tf, out) {
    const c = 'configuration';
    copyAll(out, {
      Name: 'name', State: 'state',
      'WorkGroupConfiguration.EnforceWorkGroupConfiguration': `${c}.enforce_workgroup_configuration`,
      'WorkGroupConfiguration.ResultConfiguration.OutputLocation': `${c}.result_configuration.output_location`,
      'WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption': `${c}.result_configuration.encryption_configuration.encryption_option`,
      'WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.KmsKey': `${c}.result_configuration.encryption_configuration.kms_key_arn`,
    });
    // The provider sends enforce_workgroup_configuration = true when a configuration block leaves it out.
    const cfg = tf.get(c);
    if (cfg !== undefined && cfg.k !== 'unknown' && !(cfg.k === 'scalar' && cfg.v === null) && !(cfg.k === 'list' && cfg.items.length === 0)) {
      providerDefault(out, 'WorkGroupConfiguration.EnforceWorkGroupConfiguration', `${c}.enforce_workgroup_configuration`, true);
    }
    out.tags();
  },
};

const emrSecurityConfiguration: Translator = {
  tfType: 'aws_emr_security_configuration',
  cfnType: 'AWS::EMR::SecurityConfiguration',
  build(_tf, out) {
    copy(out, 'Name', 'name');
    copy(out, 'SecurityConfiguration', 'configuration', jsonDocument);
  },
};

const emrCluster: Translator = {
  tfType: 'aws_emr_cluster',
  cfnType: 'AWS::EMR::Cluster',
  build(tf, out) {
    // The Kerberos settings are located at their block, which is what turns Kerberos on; a
    // block not known before apply (dynamic) may stand for none, so it stays unknown.
    const kerberos = tf.get('kerberos_attributes');
    const pending = kerberos?.k === 'unknown' ? kerberos : kerberos?.k === 'list' ? kerberos.items.find((i) => i.k === 'unknown') : undefined;
    if (pending) out.put('KerberosAttributes', pending, tf.locate('kerberos_attributes'));
    else nested(tf, out, 'KerberosAttributes', 'kerberos_attributes');
    copyAll(out, {
      Name: 'name', ReleaseLabel: 'release_label', SecurityConfiguration: 'security_configuration',
      ServiceRole: 'service_role', JobFlowRole: 'ec2_attributes.instance_profile',
      'Instances.Ec2SubnetId': 'ec2_attributes.subnet_id', 'Instances.Ec2SubnetIds': 'ec2_attributes.subnet_ids',
    });
    if (!pending) copyAll(out, { 'KerberosAttributes.Realm': 'kerberos_attributes.realm', 'KerberosAttributes.KdcAdminPassword': 'kerberos_attributes.kdc_admin_password' });
    out.tags();
  },
};

/**
 * The account's EMR block public access setting. CloudFormation has no resource for it; the
 * type below names the Terraform resource in the controls' vocabulary.
 */
const emrBlockPublicAccess: Translator = {
  tfType: 'aws_emr_block_public_access_configuration',
  cfnType: 'AWS::EMR::BlockPublicAccessConfiguration',
  build(tf, out) {
    copy(out, 'BlockPublicSecurityGroupRules', 'block_public_security_group_rules');
    blockList(tf, out, 'PermittedPublicSecurityGroupRuleRanges', 'permitted_public_security_group_rule_range', (b) => copyAll(b, { MinRange: 'min_range', MaxRange: 'max_range' }));
  },
};

const sagemakerNotebook: Translator = {
  tfType: 'aws_sagemaker_notebook_instance',
  cfnType: 'AWS::SageMaker::NotebookInstance',
  build(_tf, out) {
    // Left out, the provider sends "Enabled" for both access settings, as AWS applies in CloudFormation.
    copyAll(out, {
      NotebookInstanceName: 'name', InstanceType: 'instance_type', RoleArn: 'role_arn',
      DirectInternetAccess: 'direct_internet_access', RootAccess: 'root_access',
      KmsKeyId: 'kms_key_id', SubnetId: 'subnet_id', SecurityGroupIds: 'security_groups',
      PlatformIdentifier: 'platform_identifier', VolumeSizeInGB: 'volume_size',
    });
    out.tags();
  },
};

const sagemakerDomain: Translator = {
  tfType: 'aws_sagemaker_domain',
  cfnType: 'AWS::SageMaker::Domain',
  build(_tf, out) {
    copyAll(out, {
      DomainName: 'domain_name', AuthMode: 'auth_mode', VpcId: 'vpc_id', SubnetIds: 'subnet_ids',
      AppNetworkAccessType: 'app_network_access_type', KmsKeyId: 'kms_key_id',
    });
    out.tags();
  },
};

/** Glue jobs, crawlers and development endpoints: the security configuration they run with. */
const glueComponent = (tfType: string, cfnType: string, scProp: string): Translator => ({
  tfType, cfnType,
  build(_tf, out) {
    copyAll(out, { Name: 'name', Role: 'role_arn', [scProp]: 'security_configuration' });
    out.tags();
  },
});

const sagemakerEndpointConfig: Translator = {
  tfType: 'aws_sagemaker_endpoint_configuration',
  cfnType: 'AWS::SageMaker::EndpointConfig',
  build(_tf, out) {
    copyAll(out, { EndpointConfigName: 'name', KmsKeyId: 'kms_key_arn' });
    out.tags();
  },
};

const sagemakerModel: Translator = {
  tfType: 'aws_sagemaker_model',
  cfnType: 'AWS::SageMaker::Model',
  build(_tf, out) {
    copyAll(out, {
      ModelName: 'name', ExecutionRoleArn: 'execution_role_arn', EnableNetworkIsolation: 'enable_network_isolation',
      'VpcConfig.Subnets': 'vpc_config.subnets', 'VpcConfig.SecurityGroupIds': 'vpc_config.security_group_ids',
    });
    out.tags();
  },
};

const dmsReplicationInstance: Translator = {
  tfType: 'aws_dms_replication_instance',
  cfnType: 'AWS::DMS::ReplicationInstance',
  build(_tf, out) {
    copyAll(out, {
      ReplicationInstanceIdentifier: 'replication_instance_id', ReplicationInstanceClass: 'replication_instance_class',
      AllocatedStorage: 'allocated_storage', EngineVersion: 'engine_version', KmsKeyId: 'kms_key_arn',
      PubliclyAccessible: 'publicly_accessible', AutoMinorVersionUpgrade: 'auto_minor_version_upgrade', MultiAZ: 'multi_az',
      ReplicationSubnetGroupIdentifier: 'replication_subnet_group_id', VpcSecurityGroupIds: 'vpc_security_group_ids',
      AvailabilityZone: 'availability_zone',
    });
    // Unlike CloudFormation (where AWS makes an instance public unless told otherwise), the
    // provider sends false for both when they are left out.
    providerDefault(out, 'PubliclyAccessible', 'publicly_accessible', false);
    providerDefault(out, 'AutoMinorVersionUpgrade', 'auto_minor_version_upgrade', false);
    out.tags();
  },
};

const daxCluster: Translator = {
  tfType: 'aws_dax_cluster',
  cfnType: 'AWS::DAX::Cluster',
  build(_tf, out) {
    copyAll(out, {
      ClusterName: 'cluster_name', NodeType: 'node_type', ReplicationFactor: 'replication_factor', IAMRoleARN: 'iam_role_arn',
      'SSESpecification.SSEEnabled': 'server_side_encryption.enabled', ClusterEndpointEncryptionType: 'cluster_endpoint_encryption_type',
      SubnetGroupName: 'subnet_group_name', SecurityGroupIds: 'security_group_ids',
    });
    out.tags();
  },
};

const memorydbCluster: Translator = {
  tfType: 'aws_memorydb_cluster',
  cfnType: 'AWS::MemoryDB::Cluster',
  build(_tf, out) {
    copyAll(out, {
      ClusterName: 'name', NodeType: 'node_type', ACLName: 'acl_name', Engine: 'engine', EngineVersion: 'engine_version',
      TLSEnabled: 'tls_enabled', KmsKeyId: 'kms_key_arn', SnapshotRetentionLimit: 'snapshot_retention_limit',
      NumShards: 'num_shards', NumReplicasPerShard: 'num_replicas_per_shard', SubnetGroupName: 'subnet_group_name',
      SecurityGroupIds: 'security_group_ids', AutoMinorVersionUpgrade: 'auto_minor_version_upgrade',
    });
    // The provider's documented defaults: TLS on, no automatic snapshots.
    providerDefault(out, 'TLSEnabled', 'tls_enabled', true);
    providerDefault(out, 'SnapshotRetentionLimit', 'snapshot_retention_limit', 0);
    out.tags();
  },
};

const transferServer: Translator = {
  tfType: 'aws_transfer_server',
  cfnType: 'AWS::Transfer::Server',
  build(_tf, out) {
    copyAll(out, {
      Protocols: 'protocols', LoggingRole: 'logging_role', EndpointType: 'endpoint_type', IdentityProviderType: 'identity_provider_type',
      StructuredLogDestinations: 'structured_log_destinations', SecurityPolicyName: 'security_policy_name', Certificate: 'certificate',
    });
    out.tags();
  },
};

/**
 * A delivery stream. Terraform turns server-side encryption on with `enabled` in its block;
 * CloudFormation declares the encryption input, so the input exists only when it is on.
 */
const firehose: Translator = {
  tfType: 'aws_kinesis_firehose_delivery_stream',
  cfnType: 'AWS::KinesisFirehose::DeliveryStream',
  build(tf, out) {
    copy(out, 'DeliveryStreamName', 'name');
    // Plan JSON writes a block left out as an empty list: only a written block names a source.
    if (hasBlock(tf, 'kinesis_source_configuration')) {
      const at = tf.locate('kinesis_source_configuration');
      out.put('DeliveryStreamType', { k: 'scalar', v: 'KinesisStreamAsSource', loc: at }, at);
      copy(out, 'KinesisStreamSourceConfiguration.KinesisStreamARN', 'kinesis_source_configuration.kinesis_stream_arn');
    } else if (hasBlock(tf, 'msk_source_configuration')) {
      const at = tf.locate('msk_source_configuration');
      out.put('DeliveryStreamType', { k: 'scalar', v: 'MSKAsSource', loc: at }, at);
    }
    const enabled = tf.get('server_side_encryption.enabled');
    if (enabled?.k === 'unknown') out.put('DeliveryStreamEncryptionConfigurationInput', enabled, tf.locate('server_side_encryption.enabled'));
    else if (enabled?.k === 'scalar' && (enabled.v === true || enabled.v === 'true')) {
      const key = tf.get('server_side_encryption.key_type');
      if (key !== undefined && !(key.k === 'scalar' && key.v === null)) copy(out, 'DeliveryStreamEncryptionConfigurationInput.KeyType', 'server_side_encryption.key_type');
      else {
        const at = tf.locate('server_side_encryption.enabled');
        const v: Value = { k: 'scalar', v: 'AWS_OWNED_CMK', loc: at, via: "the AWS provider's default when server_side_encryption.key_type is not set" };
        out.put('DeliveryStreamEncryptionConfigurationInput.KeyType', v, at);
      }
      copy(out, 'DeliveryStreamEncryptionConfigurationInput.KeyARN', 'server_side_encryption.key_arn');
    }
    out.tags();
  },
};

const backupVault: Translator = {
  tfType: 'aws_backup_vault',
  cfnType: 'AWS::Backup::BackupVault',
  build(_tf, out) {
    copyAll(out, { BackupVaultName: 'name', EncryptionKeyArn: 'kms_key_arn' });
    // AWS::Backup::BackupVault keeps its tags as a map, as Terraform does.
    copy(out, 'BackupVaultTags', 'tags');
  },
};

/** FSx file systems: one CloudFormation type, the kind in FileSystemType. */
const fsx = (tfType: string, kind: string, conf: string, extra: Record<string, string> = {}): Translator => ({
  tfType,
  cfnType: 'AWS::FSx::FileSystem',
  build(_tf, out) {
    literal(out, 'FileSystemType', kind);
    copyAll(out, {
      KmsKeyId: 'kms_key_id', StorageCapacity: 'storage_capacity', SubnetIds: 'subnet_ids', SecurityGroupIds: 'security_group_ids',
      [`${conf}.AutomaticBackupRetentionDays`]: 'automatic_backup_retention_days',
      ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`${conf}.${k}`, v])),
    });
    out.tags();
  },
});

const attachments: Attachment[] = [
  {
    tfType: 'aws_backup_vault_lock_configuration', ownerTypes: ['aws_backup_vault'], ownerArg: 'backup_vault_name', ownerKey: 'name',
    build: (tf: TfView, out: CfnBuilder) => {
      // The lock exists once the resource does, even with every argument left out.
      const at = tf.locate('');
      out.put('LockConfiguration', { k: 'object', props: new Map(), keyLocs: new Map(), loc: at }, at);
      copyAll(out, {
        'LockConfiguration.MinRetentionDays': 'min_retention_days', 'LockConfiguration.MaxRetentionDays': 'max_retention_days',
        'LockConfiguration.ChangeableForDays': 'changeable_for_days',
      });
    },
  },
];

const translators: Translator[] = [
  clusterParameterGroup('aws_docdb_cluster_parameter_group', 'AWS::DocDB::DBClusterParameterGroup'),
  clusterParameterGroup('aws_neptune_cluster_parameter_group', 'AWS::Neptune::DBClusterParameterGroup'),
  mskCluster, mqBroker, glueSecurityConfiguration,
  glueComponent('aws_glue_job', 'AWS::Glue::Job', 'SecurityConfiguration'),
  glueComponent('aws_glue_crawler', 'AWS::Glue::Crawler', 'CrawlerSecurityConfiguration'),
  glueComponent('aws_glue_dev_endpoint', 'AWS::Glue::DevEndpoint', 'SecurityConfiguration'),
  glueCatalogEncryption, athenaWorkgroup, emrSecurityConfiguration, emrCluster, emrBlockPublicAccess,
  sagemakerNotebook, sagemakerDomain, sagemakerEndpointConfig, sagemakerModel, dmsReplicationInstance, daxCluster, memorydbCluster, transferServer,
  firehose, backupVault,
  fsx('aws_fsx_windows_file_system', 'WINDOWS', 'WindowsConfiguration'),
  fsx('aws_fsx_lustre_file_system', 'LUSTRE', 'LustreConfiguration', { DeploymentType: 'deployment_type' }),
  fsx('aws_fsx_ontap_file_system', 'ONTAP', 'OntapConfiguration', { DeploymentType: 'deployment_type' }),
  fsx('aws_fsx_openzfs_file_system', 'OPENZFS', 'OpenZFSConfiguration', { DeploymentType: 'deployment_type' }),
];

export const analytics: { translators: Translator[]; attachments: Attachment[] } = { translators, attachments };
