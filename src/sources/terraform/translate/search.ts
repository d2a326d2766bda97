// OpenSearch and legacy Elasticsearch domains, with access policies inline or split out.
import { jsonDocument, type Attachment, type Translator } from './api.js';
import { blocksAsMap, copy, copyAll, written } from './copy.js';
import { providerDefault } from './defaults.js';
import { nested } from './blocks.js';

const domain = (tfType: string, cfnType: string, versionArg: string, versionProp: string, clusterProp: string): Translator => ({
  tfType, cfnType,
  build(tf, out) {
    // Each option object is located at its block, so a setting the block leaves out is reported there.
    for (const [cfn, block] of [
      ['EncryptionAtRestOptions', 'encrypt_at_rest'], ['NodeToNodeEncryptionOptions', 'node_to_node_encryption'],
      ['DomainEndpointOptions', 'domain_endpoint_options'], ['AdvancedSecurityOptions', 'advanced_security_options'],
      ['EBSOptions', 'ebs_options'], ['VPCOptions', 'vpc_options'], [clusterProp, 'cluster_config'],
    ] as const) nested(tf, out, cfn, block);
    copyAll(out, {
      DomainName: 'domain_name', [versionProp]: versionArg,
      'EncryptionAtRestOptions.Enabled': 'encrypt_at_rest.enabled', 'EncryptionAtRestOptions.KmsKeyId': 'encrypt_at_rest.kms_key_id',
      'NodeToNodeEncryptionOptions.Enabled': 'node_to_node_encryption.enabled',
      'DomainEndpointOptions.EnforceHTTPS': 'domain_endpoint_options.enforce_https',
      'DomainEndpointOptions.TLSSecurityPolicy': 'domain_endpoint_options.tls_security_policy',
      'DomainEndpointOptions.CustomEndpointEnabled': 'domain_endpoint_options.custom_endpoint_enabled',
      'DomainEndpointOptions.CustomEndpoint': 'domain_endpoint_options.custom_endpoint',
      'DomainEndpointOptions.CustomEndpointCertificateArn': 'domain_endpoint_options.custom_endpoint_certificate_arn',
      'AdvancedSecurityOptions.Enabled': 'advanced_security_options.enabled',
      'AdvancedSecurityOptions.InternalUserDatabaseEnabled': 'advanced_security_options.internal_user_database_enabled',
      'AdvancedSecurityOptions.AnonymousAuthEnabled': 'advanced_security_options.anonymous_auth_enabled',
      'AdvancedSecurityOptions.MasterUserOptions.MasterUserARN': 'advanced_security_options.master_user_options.master_user_arn',
      'AdvancedSecurityOptions.MasterUserOptions.MasterUserName': 'advanced_security_options.master_user_options.master_user_name',
      'AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword': 'advanced_security_options.master_user_options.master_user_password',
      'EBSOptions.EBSEnabled': 'ebs_options.ebs_enabled', 'EBSOptions.VolumeSize': 'ebs_options.volume_size',
      'EBSOptions.VolumeType': 'ebs_options.volume_type', 'EBSOptions.Iops': 'ebs_options.iops', 'EBSOptions.Throughput': 'ebs_options.throughput',
      'VPCOptions.SubnetIds': 'vpc_options.subnet_ids', 'VPCOptions.SecurityGroupIds': 'vpc_options.security_group_ids',
      AdvancedOptions: 'advanced_options',
      [`${clusterProp}.InstanceType`]: 'cluster_config.instance_type', [`${clusterProp}.InstanceCount`]: 'cluster_config.instance_count',
      [`${clusterProp}.DedicatedMasterEnabled`]: 'cluster_config.dedicated_master_enabled',
      [`${clusterProp}.DedicatedMasterType`]: 'cluster_config.dedicated_master_type', [`${clusterProp}.DedicatedMasterCount`]: 'cluster_config.dedicated_master_count',
      [`${clusterProp}.ZoneAwarenessEnabled`]: 'cluster_config.zone_awareness_enabled',
      [`${clusterProp}.ZoneAwarenessConfig.AvailabilityZoneCount`]: 'cluster_config.zone_awareness_config.availability_zone_count',
      [`${clusterProp}.WarmEnabled`]: 'cluster_config.warm_enabled', [`${clusterProp}.WarmType`]: 'cluster_config.warm_type',
      [`${clusterProp}.WarmCount`]: 'cluster_config.warm_count',
    });
    // Within a written domain_endpoint_options block the provider sends enforce_https = true
    // unless told otherwise; without the block nothing is sent and AWS's own default applies.
    if (written(tf, 'domain_endpoint_options') && tf.get('domain_endpoint_options')?.k !== 'unknown') providerDefault(out, 'DomainEndpointOptions.EnforceHTTPS', 'domain_endpoint_options.enforce_https', true);
    copy(out, 'AccessPolicies', 'access_policies', jsonDocument);
    // A log_publishing_options block without `enabled` publishes (the provider's default is
    // true), where CloudFormation's Enabled defaults to false.
    blocksAsMap(tf, out, 'LogPublishingOptions', 'log_publishing_options', 'log_type', (b) => {
      copyAll(b, { CloudWatchLogsLogGroupArn: 'cloudwatch_log_group_arn', Enabled: 'enabled' });
      providerDefault(b, 'Enabled', 'enabled', true);
    });
    out.tags();
  },
});

const attachments: Attachment[] = [
  { tfType: 'aws_opensearch_domain_policy', ownerTypes: ['aws_opensearch_domain'], ownerArg: 'domain_name', ownerKey: 'domain_name', build: (_tf, out) => copy(out, 'AccessPolicies', 'access_policies', jsonDocument) },
  { tfType: 'aws_elasticsearch_domain_policy', ownerTypes: ['aws_elasticsearch_domain'], ownerArg: 'domain_name', ownerKey: 'domain_name', build: (_tf, out) => copy(out, 'AccessPolicies', 'access_policies', jsonDocument) },
];

export const search: { translators: Translator[]; attachments: Attachment[] } = {
  translators: [
    domain('aws_opensearch_domain', 'AWS::OpenSearchService::Domain', 'engine_version', 'EngineVersion', 'ClusterConfig'),
    domain('aws_elasticsearch_domain', 'AWS::Elasticsearch::Domain', 'elasticsearch_version', 'ElasticsearchVersion', 'ElasticsearchClusterConfig'),
  ],
  attachments,
};
