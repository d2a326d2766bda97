// Translators for the governance pack's Terraform types. Identity and operations (wave C): IAM, CIS CloudWatch alarms, SNS/SQS, Config, SSM, S3 extras, EFS, ECR, CloudTrail extras, Macie, Inspector.
import { CfnBuilder, jsonDocument, type Attachment, type Part, type TfView, type Translator } from './api.js';
import { blockList, copy, copyAll, written } from './copy.js';
import { providerDefault } from './defaults.js';

/** SNS delivery status logging: `<protocol>_{success,failure}_feedback_*` arguments of aws_sns_topic as DeliveryStatusLogging entries. */
export function deliveryStatusLogging(tf: TfView, out: CfnBuilder): void {
  for (const p of ['application', 'firehose', 'http', 'lambda', 'sqs']) {
    if (!written(tf, `${p}_failure_feedback_role_arn`) && !written(tf, `${p}_success_feedback_role_arn`)) continue;
    const at = tf.locate(`${p}_failure_feedback_role_arn`);
    const b = new CfnBuilder(tf, { k: 'object', props: new Map(), keyLocs: new Map(), loc: at });
    b.put('Protocol', { k: 'scalar', v: p, loc: at }, at);
    copyAll(b, { FailureFeedbackRoleArn: `${p}_failure_feedback_role_arn`, SuccessFeedbackRoleArn: `${p}_success_feedback_role_arn`, SuccessFeedbackSampleRate: `${p}_success_feedback_sample_rate` });
    out.append('DeliveryStatusLogging', b.properties, at);
  }
}

/**
 * The inline `policy` argument of a topic or queue as the separate policy resource
 * CloudFormation declares (`<address>.policy`), so resource-policy controls read it. Only a
 * policy that is written and known: plans mark the computed argument "known after apply" on
 * every topic and queue, and an empty string is the provider's "no policy".
 */
export function inlinePolicy(cfnType: string): (tf: TfView) => Part[] {
  return (tf) => {
    const v = tf.get('policy');
    const known = v !== undefined && (v.k === 'object' || (v.k === 'scalar' && typeof v.v === 'string' && v.v.trim() !== ''));
    return known ? [{ suffix: '.policy', cfnType, at: tf.locate('policy'), build: (b: CfnBuilder) => copy(b, 'PolicyDocument', 'policy', jsonDocument) }] : [];
  };
}

/** A log metric filter: its pattern, the log group it reads, and the metric it publishes. */
const metricFilter: Translator = {
  tfType: 'aws_cloudwatch_log_metric_filter',
  cfnType: 'AWS::Logs::MetricFilter',
  build(tf, out) {
    copyAll(out, { FilterName: 'name', FilterPattern: 'pattern', LogGroupName: 'log_group_name' });
    blockList(tf, out, 'MetricTransformations', 'metric_transformation', (b) => copyAll(b, {
      MetricName: 'name', MetricNamespace: 'namespace', MetricValue: 'value', DefaultValue: 'default_value', Unit: 'unit',
    }));
  },
};

/**
 * The account's IAM password policy. CloudFormation cannot declare it; the resource keeps the
 * type name `AWS::IAM::AccountPasswordPolicy` and the parameter names of IAM's
 * UpdateAccountPasswordPolicy, so controls read it like any other resource.
 */
const passwordPolicy: Translator = {
  tfType: 'aws_iam_account_password_policy',
  cfnType: 'AWS::IAM::AccountPasswordPolicy',
  build(_tf, out) {
    copyAll(out, {
      MinimumPasswordLength: 'minimum_password_length', RequireSymbols: 'require_symbols', RequireNumbers: 'require_numbers',
      RequireUppercaseCharacters: 'require_uppercase_characters', RequireLowercaseCharacters: 'require_lowercase_characters',
      AllowUsersToChangePassword: 'allow_users_to_change_password', MaxPasswordAge: 'max_password_age',
      PasswordReusePrevention: 'password_reuse_prevention', HardExpiry: 'hard_expiry',
    });
  },
};

/**
 * The account-level S3 Block Public Access (S3 Control PutPublicAccessBlock). CloudFormation
 * cannot declare it; the type name `AWS::S3::AccountPublicAccessBlock` is Attest's, the
 * property names are the API's.
 */
const accountPublicAccessBlock: Translator = {
  tfType: 'aws_s3_account_public_access_block',
  cfnType: 'AWS::S3::AccountPublicAccessBlock',
  build(_tf, out) {
    copyAll(out, {
      AccountId: 'account_id', BlockPublicAcls: 'block_public_acls', BlockPublicPolicy: 'block_public_policy',
      IgnorePublicAcls: 'ignore_public_acls', RestrictPublicBuckets: 'restrict_public_buckets',
    });
  },
};

/** An S3 access point; a public access block left out is AWS's, all four settings on. */
const accessPoint: Translator = {
  tfType: 'aws_s3_access_point',
  cfnType: 'AWS::S3::AccessPoint',
  build(tf, out) {
    copyAll(out, {
      Name: 'name', Bucket: 'bucket', BucketAccountId: 'bucket_account_id', 'VpcConfiguration.VpcId': 'vpc_configuration.vpc_id',
      'PublicAccessBlockConfiguration.BlockPublicAcls': 'public_access_block_configuration.block_public_acls',
      'PublicAccessBlockConfiguration.BlockPublicPolicy': 'public_access_block_configuration.block_public_policy',
      'PublicAccessBlockConfiguration.IgnorePublicAcls': 'public_access_block_configuration.ignore_public_acls',
      'PublicAccessBlockConfiguration.RestrictPublicBuckets': 'public_access_block_configuration.restrict_public_buckets',
    });
    copy(out, 'Policy', 'policy', jsonDocument);
    // Inside a written block, the provider sends true for each setting left out (its documented default).
    if (written(tf, 'public_access_block_configuration') && tf.get('public_access_block_configuration')?.k !== 'unknown') {
      for (const [cfn, arg] of [['BlockPublicAcls', 'block_public_acls'], ['BlockPublicPolicy', 'block_public_policy'], ['IgnorePublicAcls', 'ignore_public_acls'], ['RestrictPublicBuckets', 'restrict_public_buckets']]) {
        providerDefault(out, `PublicAccessBlockConfiguration.${cfn}`, `public_access_block_configuration.${arg}`, true);
      }
    }
  },
};

/** An EFS access point: the POSIX identity it enforces and the directory it exposes. */
const efsAccessPoint: Translator = {
  tfType: 'aws_efs_access_point',
  cfnType: 'AWS::EFS::AccessPoint',
  build(_tf, out) {
    copyAll(out, {
      FileSystemId: 'file_system_id', 'PosixUser.Uid': 'posix_user.uid', 'PosixUser.Gid': 'posix_user.gid', 'PosixUser.SecondaryGids': 'posix_user.secondary_gids',
      'RootDirectory.Path': 'root_directory.path', 'RootDirectory.CreationInfo.OwnerUid': 'root_directory.creation_info.owner_uid',
      'RootDirectory.CreationInfo.OwnerGid': 'root_directory.creation_info.owner_gid', 'RootDirectory.CreationInfo.Permissions': 'root_directory.creation_info.permissions',
    });
    out.tags('AccessPointTags');
  },
};

const deliveryChannel: Translator = {
  tfType: 'aws_config_delivery_channel',
  cfnType: 'AWS::Config::DeliveryChannel',
  build(_tf, out) {
    copyAll(out, {
      Name: 'name', S3BucketName: 's3_bucket_name', S3KeyPrefix: 's3_key_prefix', S3KmsKeyArn: 's3_kms_key_arn', SnsTopicARN: 'sns_topic_arn',
      'ConfigSnapshotDeliveryProperties.DeliveryFrequency': 'snapshot_delivery_properties.delivery_frequency',
    });
  },
};

/**
 * Whether a configuration recorder runs. CloudFormation starts a recorder once its delivery
 * channel exists; Terraform starts it only through this resource, kept as
 * `AWS::Config::ConfigurationRecorderStatus` (Attest's name: CloudFormation has no such type).
 */
const recorderStatus: Translator = {
  tfType: 'aws_config_configuration_recorder_status',
  cfnType: 'AWS::Config::ConfigurationRecorderStatus',
  build(_tf, out) {
    copyAll(out, { Name: 'name', IsEnabled: 'is_enabled' });
  },
};

const aggregator: Translator = {
  tfType: 'aws_config_configuration_aggregator',
  cfnType: 'AWS::Config::ConfigurationAggregator',
  build(tf, out) {
    copy(out, 'ConfigurationAggregatorName', 'name');
    blockList(tf, out, 'AccountAggregationSources', 'account_aggregation_source', (b) => copyAll(b, { AccountIds: 'account_ids', AllAwsRegions: 'all_regions', AwsRegions: 'regions' }));
    copyAll(out, {
      'OrganizationAggregationSource.AllAwsRegions': 'organization_aggregation_source.all_regions',
      'OrganizationAggregationSource.AwsRegions': 'organization_aggregation_source.regions',
      'OrganizationAggregationSource.RoleArn': 'organization_aggregation_source.role_arn',
    });
    out.tags();
  },
};

const macie: Translator = {
  tfType: 'aws_macie2_account',
  cfnType: 'AWS::Macie::Session',
  build(_tf, out) {
    copyAll(out, { Status: 'status', FindingPublishingFrequency: 'finding_publishing_frequency' });
  },
};

/** Amazon Inspector activation; CloudFormation has no such type, `AWS::InspectorV2::Enabler` is Attest's name. */
const inspector: Translator = {
  tfType: 'aws_inspector2_enabler',
  cfnType: 'AWS::InspectorV2::Enabler',
  build(_tf, out) {
    copyAll(out, { AccountIds: 'account_ids', ResourceTypes: 'resource_types' });
  },
};

/**
 * An SSM document. JSON content becomes the object CloudFormation holds; YAML content stays
 * text. `permissions` (sharing, which CloudFormation cannot declare) is kept as `Permissions`
 * with the ModifyDocumentPermission names.
 */
const ssmDocument: Translator = {
  tfType: 'aws_ssm_document',
  cfnType: 'AWS::SSM::Document',
  build(tf, out) {
    copyAll(out, { Name: 'name', DocumentType: 'document_type', DocumentFormat: 'document_format', TargetType: 'target_type', VersionName: 'version_name' });
    const fmt = tf.get('document_format');
    const yaml = fmt?.k === 'scalar' && String(fmt.v).toUpperCase() === 'YAML';
    copy(out, 'Content', 'content', yaml ? undefined : jsonDocument);
    copyAll(out, { 'Permissions.Type': 'permissions.type', 'Permissions.AccountIds': 'permissions.account_ids' });
    out.tags();
  },
};

const subscription: Translator = {
  tfType: 'aws_sns_topic_subscription',
  cfnType: 'AWS::SNS::Subscription',
  build(_tf, out) {
    copyAll(out, { TopicArn: 'topic_arn', Protocol: 'protocol', Endpoint: 'endpoint', RawMessageDelivery: 'raw_message_delivery', SubscriptionRoleArn: 'subscription_role_arn' });
    copy(out, 'FilterPolicy', 'filter_policy', jsonDocument);
    copy(out, 'RedrivePolicy', 'redrive_policy', jsonDocument);
  },
};

const registryScanning: Translator = {
  tfType: 'aws_ecr_registry_scanning_configuration',
  cfnType: 'AWS::ECR::RegistryScanningConfiguration',
  build(tf, out) {
    copy(out, 'ScanType', 'scan_type');
    blockList(tf, out, 'Rules', 'rule', (b, rule) => {
      copy(b, 'ScanFrequency', 'scan_frequency');
      blockList(rule, b, 'RepositoryFilters', 'repository_filter', (f) => copyAll(f, { Filter: 'filter', FilterType: 'filter_type' }));
    });
  },
};

const translators: Translator[] = [
  registryScanning, subscription, metricFilter, passwordPolicy, accountPublicAccessBlock, accessPoint, efsAccessPoint, deliveryChannel, recorderStatus, aggregator, macie, inspector, ssmDocument,
];

const onBucket = { ownerTypes: ['aws_s3_bucket'], ownerArg: 'bucket', ownerKey: 'bucket' };

const attachments: Attachment[] = [
  {
    tfType: 'aws_s3_bucket_ownership_controls', ...onBucket,
    build: (tf, out) => blockList(tf, out, 'OwnershipControls.Rules', 'rule', (b) => copy(b, 'ObjectOwnership', 'object_ownership')),
  },
  {
    // The whole lifecycle configuration is this resource, as CloudFormation's LifecycleConfiguration.
    tfType: 'aws_s3_bucket_lifecycle_configuration', ...onBucket,
    build: (tf, out) => blockList(tf, out, 'LifecycleConfiguration.Rules', 'rule', (b) => copyAll(b, {
      Id: 'id', Status: 'status', Prefix: 'prefix', 'ExpirationInDays': 'expiration.days', 'ExpirationDate': 'expiration.date',
      'ExpiredObjectDeleteMarker': 'expiration.expired_object_delete_marker',
      'NoncurrentVersionExpiration.NoncurrentDays': 'noncurrent_version_expiration.noncurrent_days',
      'AbortIncompleteMultipartUpload.DaysAfterInitiation': 'abort_incomplete_multipart_upload.days_after_initiation',
    })),
  },
  {
    tfType: 'aws_s3_bucket_notification', ...onBucket,
    build: (tf, out) => {
      blockList(tf, out, 'NotificationConfiguration.LambdaConfigurations', 'lambda_function', (b) => copyAll(b, { Function: 'lambda_function_arn', Event: 'events' }));
      blockList(tf, out, 'NotificationConfiguration.QueueConfigurations', 'queue', (b) => copyAll(b, { Queue: 'queue_arn', Event: 'events' }));
      blockList(tf, out, 'NotificationConfiguration.TopicConfigurations', 'topic', (b) => copyAll(b, { Topic: 'topic_arn', Event: 'events' }));
      copy(out, 'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled', 'eventbridge');
    },
  },
];

export const governance: { translators: Translator[]; attachments: Attachment[] } = { translators, attachments };
