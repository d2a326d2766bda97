// Audit and detection: CloudTrail, CloudWatch log groups and alarms, AWS Config, GuardDuty,
// Security Hub, and Directory Service directories (whose admin password controls read).
import type { Value } from '../../../model/types.js';
import { CfnBuilder, jsonDocument, type Attachment, type TfView, type Translator } from './api.js';
import { blockList, copy, copyAll, pairList, written } from './copy.js';
import { providerDefault } from './defaults.js';

const trail: Translator = {
  tfType: 'aws_cloudtrail',
  cfnType: 'AWS::CloudTrail::Trail',
  build(tf, out) {
    copyAll(out, {
      TrailName: 'name', S3BucketName: 's3_bucket_name', S3KeyPrefix: 's3_key_prefix', SnsTopicName: 'sns_topic_name',
      IsLogging: 'enable_logging', IsMultiRegionTrail: 'is_multi_region_trail', IsOrganizationTrail: 'is_organization_trail',
      IncludeGlobalServiceEvents: 'include_global_service_events', EnableLogFileValidation: 'enable_log_file_validation',
      KMSKeyId: 'kms_key_id', CloudWatchLogsLogGroupArn: 'cloud_watch_logs_group_arn', CloudWatchLogsRoleArn: 'cloud_watch_logs_role_arn',
    });
    // IsLogging is required in CloudFormation; the provider starts logging unless told not to.
    providerDefault(out, 'IsLogging', 'enable_logging', true);
    blockList(tf, out, 'EventSelectors', 'event_selector', (b, sel) => {
      copyAll(b, { ReadWriteType: 'read_write_type', IncludeManagementEvents: 'include_management_events', ExcludeManagementEventSources: 'exclude_management_event_sources' });
      blockList(sel, b, 'DataResources', 'data_resource', (d) => copyAll(d, { Type: 'type', Values: 'values' }));
    });
    blockList(tf, out, 'AdvancedEventSelectors', 'advanced_event_selector', (b, sel) => {
      copy(b, 'Name', 'name');
      blockList(sel, b, 'FieldSelectors', 'field_selector', (f) => copyAll(f, {
        Field: 'field', Equals: 'equals', NotEquals: 'not_equals', StartsWith: 'starts_with', NotStartsWith: 'not_starts_with', EndsWith: 'ends_with', NotEndsWith: 'not_ends_with',
      }));
    });
    blockList(tf, out, 'InsightSelectors', 'insight_selector', (b) => copy(b, 'InsightType', 'insight_type'));
    out.tags();
  },
};

const logGroup: Translator = {
  tfType: 'aws_cloudwatch_log_group',
  cfnType: 'AWS::Logs::LogGroup',
  build(_tf, out) {
    // retention_in_days = 0 is Terraform's "never expire", which CloudFormation says by leaving the
    // property out; it is kept as written so the finding points at it.
    copyAll(out, { LogGroupName: 'name', RetentionInDays: 'retention_in_days', KmsKeyId: 'kms_key_id', LogGroupClass: 'log_group_class' });
    out.tags();
  },
};

const recorder: Translator = {
  tfType: 'aws_config_configuration_recorder',
  cfnType: 'AWS::Config::ConfigurationRecorder',
  build(tf, out) {
    copyAll(out, { Name: 'name', RoleARN: 'role_arn' });
    const group = tf.get('recording_group');
    if (group?.k === 'unknown') out.put('RecordingGroup', group, tf.locate('recording_group'));
    else if (written(tf, 'recording_group')) {
      copyAll(out, {
        'RecordingGroup.AllSupported': 'recording_group.all_supported',
        'RecordingGroup.IncludeGlobalResourceTypes': 'recording_group.include_global_resource_types',
        'RecordingGroup.ResourceTypes': 'recording_group.resource_types',
        'RecordingGroup.ExclusionByResourceTypes.ResourceTypes': 'recording_group.exclusion_by_resource_types.resource_types',
        'RecordingGroup.RecordingStrategy.UseOnly': 'recording_group.recording_strategy.use_only',
      });
      // The provider sends all_supported = true unless written; with resource_types listed that
      // default is rejected by AWS, so it is assumed only without them.
      if (!written(tf, 'recording_group.resource_types')) providerDefault(out, 'RecordingGroup.AllSupported', 'recording_group.all_supported', true);
    }
    copy(out, 'RecordingMode.RecordingFrequency', 'recording_mode.recording_frequency');
    blockList(tf, out, 'RecordingMode.RecordingModeOverrides', 'recording_mode.recording_mode_override', (b) => copyAll(b, {
      Description: 'description', RecordingFrequency: 'recording_frequency', ResourceTypes: 'resource_types',
    }));
  },
};

const configRule: Translator = {
  tfType: 'aws_config_config_rule',
  cfnType: 'AWS::Config::ConfigRule',
  build(tf, out) {
    copyAll(out, {
      ConfigRuleName: 'name', Description: 'description', MaximumExecutionFrequency: 'maximum_execution_frequency',
      'Source.Owner': 'source.owner', 'Source.SourceIdentifier': 'source.source_identifier',
      'Scope.ComplianceResourceTypes': 'scope.compliance_resource_types', 'Scope.ComplianceResourceId': 'scope.compliance_resource_id',
      'Scope.TagKey': 'scope.tag_key', 'Scope.TagValue': 'scope.tag_value',
    });
    copy(out, 'InputParameters', 'input_parameters', jsonDocument);
    blockList(tf, out, 'Source.SourceDetails', 'source.source_detail', (b) => copyAll(b, {
      EventSource: 'event_source', MessageType: 'message_type', MaximumExecutionFrequency: 'maximum_execution_frequency',
    }));
    blockList(tf, out, 'EvaluationModes', 'evaluation_mode', (b) => copy(b, 'Mode', 'mode'));
  },
};

const detector: Translator = {
  tfType: 'aws_guardduty_detector',
  cfnType: 'AWS::GuardDuty::Detector',
  build(_tf, out) {
    copyAll(out, {
      Enable: 'enable', FindingPublishingFrequency: 'finding_publishing_frequency',
      'DataSources.S3Logs.Enable': 'datasources.s3_logs.enable',
      'DataSources.Kubernetes.AuditLogs.Enable': 'datasources.kubernetes.audit_logs.enable',
      'DataSources.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes': 'datasources.malware_protection.scan_ec2_instance_with_findings.ebs_volumes.enable',
    });
    // Enable is required in CloudFormation; the provider enables the detector unless told not to.
    providerDefault(out, 'Enable', 'enable', true);
    out.tags();
  },
};

/**
 * `aws_guardduty_detector_feature` adds one entry to the detector's Features list, as
 * CloudFormation writes them inline. The list stays located where its first entry is written.
 */
function feature(tf: TfView, out: CfnBuilder): void {
  const b = new CfnBuilder(tf);
  copyAll(b, { Name: 'name', Status: 'status' });
  blockList(tf, b, 'AdditionalConfiguration', 'additional_configuration', (c) => copyAll(c, { Name: 'name', Status: 'status' }));
  const had = out.properties.props.get('Features');
  if (had?.k === 'list') {
    had.items.push(b.properties);
    return;
  }
  const at = tf.locate('name');
  const items: Value[] = had ? [had, b.properties] : [b.properties];
  out.put('Features', { k: 'list', items, loc: at }, at);
}

const hub: Translator = {
  tfType: 'aws_securityhub_account',
  cfnType: 'AWS::SecurityHub::Hub',
  build(_tf, out) {
    copyAll(out, { EnableDefaultStandards: 'enable_default_standards', AutoEnableControls: 'auto_enable_controls', ControlFindingGenerator: 'control_finding_generator' });
  },
};

const standard: Translator = {
  tfType: 'aws_securityhub_standards_subscription',
  cfnType: 'AWS::SecurityHub::Standard',
  build(_tf, out) {
    copy(out, 'StandardsArn', 'standards_arn');
  },
};

const ALARM_ACTIONS = {
  ActionsEnabled: 'actions_enabled', AlarmActions: 'alarm_actions', OKActions: 'ok_actions', InsufficientDataActions: 'insufficient_data_actions',
};

const metricAlarm: Translator = {
  tfType: 'aws_cloudwatch_metric_alarm',
  cfnType: 'AWS::CloudWatch::Alarm',
  build(tf, out) {
    copyAll(out, {
      AlarmName: 'alarm_name', AlarmDescription: 'alarm_description', ...ALARM_ACTIONS,
      MetricName: 'metric_name', Namespace: 'namespace', Statistic: 'statistic', ExtendedStatistic: 'extended_statistic', Unit: 'unit',
      Period: 'period', EvaluationPeriods: 'evaluation_periods', DatapointsToAlarm: 'datapoints_to_alarm', Threshold: 'threshold',
      ThresholdMetricId: 'threshold_metric_id', ComparisonOperator: 'comparison_operator', TreatMissingData: 'treat_missing_data',
      EvaluateLowSampleCountPercentile: 'evaluate_low_sample_count_percentiles',
    });
    copy(out, 'Dimensions', 'dimensions', (v) => pairList(v, 'Name', 'Value'));
    blockList(tf, out, 'Metrics', 'metric_query', (b) => {
      copyAll(b, {
        Id: 'id', Expression: 'expression', Label: 'label', ReturnData: 'return_data', Period: 'period', AccountId: 'account_id',
        'MetricStat.Metric.MetricName': 'metric.metric_name', 'MetricStat.Metric.Namespace': 'metric.namespace',
        'MetricStat.Period': 'metric.period', 'MetricStat.Stat': 'metric.stat', 'MetricStat.Unit': 'metric.unit',
      });
      copy(b, 'MetricStat.Metric.Dimensions', 'metric.dimensions', (v) => pairList(v, 'Name', 'Value'));
    });
    out.tags();
  },
};

const compositeAlarm: Translator = {
  tfType: 'aws_cloudwatch_composite_alarm',
  cfnType: 'AWS::CloudWatch::CompositeAlarm',
  build(_tf, out) {
    copyAll(out, {
      AlarmName: 'alarm_name', AlarmDescription: 'alarm_description', AlarmRule: 'alarm_rule', ...ALARM_ACTIONS,
      ActionsSuppressor: 'actions_suppressor.alarm', ActionsSuppressorExtensionPeriod: 'actions_suppressor.extension_period',
      ActionsSuppressorWaitPeriod: 'actions_suppressor.wait_period',
    });
    out.tags();
  },
};

/**
 * `aws_directory_service_directory` is a Simple AD unless `type` says otherwise. An AD
 * Connector has no CloudFormation type; it keeps a name of the same shape so it is counted
 * (not evaluated) rather than read as a directory it is not.
 */
const directory: Translator = {
  tfType: 'aws_directory_service_directory',
  cfnType: (tf) => {
    const t = tf.get('type');
    const s = t?.k === 'scalar' ? t.v : undefined;
    if (s === 'MicrosoftAD') return 'AWS::DirectoryService::MicrosoftAD';
    if (s === 'ADConnector') return 'AWS::DirectoryService::ADConnector';
    return 'AWS::DirectoryService::SimpleAD';
  },
  build(tf, out) {
    copyAll(out, {
      Name: 'name', ShortName: 'short_name', Password: 'password', Size: 'size', Edition: 'edition', Description: 'description',
      EnableSso: 'enable_sso', 'VpcSettings.VpcId': 'vpc_settings.vpc_id', 'VpcSettings.SubnetIds': 'vpc_settings.subnet_ids',
    });
    const t = tf.get('type');
    if (t && t.k !== 'scalar') out.note(`${tf.address}: the directory type is not known (${t.k === 'unknown' ? t.reason : 'not a literal'}); it is read as a Simple AD, the provider's default`, tf.locate('type'));
  },
};

/**
 * CloudWatch Logs vended-log delivery (standard logging v2 of CloudFront and other services):
 * a source names what logs, a destination where, and a delivery pairs them; a control reads
 * logging as configured only when all three are there.
 */
const deliverySource: Translator = {
  tfType: 'aws_cloudwatch_log_delivery_source',
  cfnType: 'AWS::Logs::DeliverySource',
  build(_tf, out) { copyAll(out, { Name: 'name', LogType: 'log_type', ResourceArn: 'resource_arn' }); out.tags(); },
};

const deliveryDestination: Translator = {
  tfType: 'aws_cloudwatch_log_delivery_destination',
  cfnType: 'AWS::Logs::DeliveryDestination',
  build(_tf, out) {
    copyAll(out, { Name: 'name', OutputFormat: 'output_format', DestinationResourceArn: 'delivery_destination_configuration.destination_resource_arn' });
    out.tags();
  },
};

const delivery: Translator = {
  tfType: 'aws_cloudwatch_log_delivery',
  cfnType: 'AWS::Logs::Delivery',
  build(_tf, out) { copyAll(out, { DeliverySourceName: 'delivery_source_name', DeliveryDestinationArn: 'delivery_destination_arn' }); out.tags(); },
};

const attachments: Attachment[] = [
  { tfType: 'aws_guardduty_detector_feature', ownerTypes: ['aws_guardduty_detector'], ownerArg: 'detector_id', build: feature },
];

export const audit: { translators: Translator[]; attachments: Attachment[] } = {
  translators: [trail, logGroup, recorder, configRule, detector, hub, standard, metricAlarm, compositeAlarm, directory, deliverySource, deliveryDestination, delivery],
  attachments,
};
