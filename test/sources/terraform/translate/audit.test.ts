import assert from 'node:assert/strict';
import { test } from 'node:test';
import alarmHasActions from '../../../../src/controls/audit/alarmHasActions.js';
import cloudTrailCloudWatchLogs from '../../../../src/controls/audit/cloudTrailCloudWatchLogs.js';
import cloudTrailEncrypted from '../../../../src/controls/audit/cloudTrailEncrypted.js';
import cloudTrailGlobalEvents from '../../../../src/controls/audit/cloudTrailGlobalEvents.js';
import cloudTrailLogging from '../../../../src/controls/audit/cloudTrailLogging.js';
import cloudTrailLogValidation from '../../../../src/controls/audit/cloudTrailLogValidation.js';
import cloudTrailMultiRegion from '../../../../src/controls/audit/cloudTrailMultiRegion.js';
import configRecorderAllResources from '../../../../src/controls/audit/configRecorderAllResources.js';
import configRecorderGlobalResources from '../../../../src/controls/audit/configRecorderGlobalResources.js';
import guardDutyEnabled from '../../../../src/controls/audit/guardDutyEnabled.js';
import guardDutyS3Protection from '../../../../src/controls/audit/guardDutyS3Protection.js';
import logGroupEncrypted from '../../../../src/controls/audit/logGroupEncrypted.js';
import logGroupRetention from '../../../../src/controls/audit/logGroupRetention.js';
import securityHubStandards from '../../../../src/controls/audit/securityHubStandards.js';
import noPlaintextSecrets from '../../../../src/controls/deployment/noPlaintextSecrets.js';
import type { Control } from '../../../../src/controls/api.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import type { TfResource } from '../../../../src/sources/terraform/types.js';
import { propLoc, tfFindings, tfResources } from '../../../helpers/tf.js';

/** [status, line] of the one finding of `control`. */
const verdict = (input: TfResource[], control: Control): [string, number] => {
  const f = tfFindings(input, control);
  assert.equal(f.length, 1, JSON.stringify(f.map((x) => [x.status, x.message])));
  return [f[0]!.status, f[0]!.location.line];
};

test('aws_cloudtrail: every trail control reads the argument that decides it', () => {
  const trail = tfResources('trail.tf', {
    'aws_cloudtrail.t': { // 1
      name: 'org', // 2
      s3_bucket_name: { ref: 'aws_s3_bucket.logs', attr: 'id' }, // 3
      is_multi_region_trail: true, // 4
      enable_log_file_validation: true, // 5
      kms_key_id: { ref: 'aws_kms_key.trail', attr: 'arn' }, // 6
      cloud_watch_logs_group_arn: 'arn:aws:logs:eu-west-1:111122223333:log-group:trail:*', // 7
      cloud_watch_logs_role_arn: { ref: 'aws_iam_role.trail', attr: 'arn' }, // 8
      include_global_service_events: false, // 9
    },
  });
  const t = translate(trail).resources[0]!;
  assert.equal(t.type, 'AWS::CloudTrail::Trail');
  assert.deepEqual(propLoc(t, 'IsMultiRegionTrail'), { file: 'trail.tf', line: 4, column: 3, path: 'aws_cloudtrail.t.is_multi_region_trail' });
  assert.deepEqual(verdict(trail, cloudTrailMultiRegion), ['pass', 4]);
  assert.deepEqual(verdict(trail, cloudTrailLogValidation), ['pass', 5]);
  assert.deepEqual(verdict(trail, cloudTrailEncrypted), ['pass', 6]);
  assert.deepEqual(verdict(trail, cloudTrailCloudWatchLogs), ['pass', 7]);
  assert.deepEqual(verdict(trail, cloudTrailGlobalEvents), ['fail', 9]);
  // enable_logging is not written: the provider turns logging on.
  assert.deepEqual(verdict(trail, cloudTrailLogging), ['pass', 1]);
  assert.equal(tfFindings(trail, cloudTrailLogging)[0]!.evidence[0]!.origin, 'aws_cloudtrail.t.enable_logging');

  const bare = tfResources('trail.tf', { 'aws_cloudtrail.t': { name: 'x', enable_logging: false } });
  assert.deepEqual(verdict(bare, cloudTrailLogging), ['fail', 3]);
  assert.deepEqual(verdict(bare, cloudTrailMultiRegion), ['fail', 1]);
  assert.deepEqual(verdict(bare, cloudTrailLogValidation), ['fail', 1]);
  assert.deepEqual(verdict(bare, cloudTrailEncrypted), ['fail', 1]);
  assert.deepEqual(verdict(bare, cloudTrailCloudWatchLogs), ['fail', 1]);
  assert.deepEqual(verdict(bare, cloudTrailGlobalEvents), ['pass', 1]);
});

test('aws_cloudtrail event selectors become EventSelectors with their data resources', () => {
  const t = translate(tfResources('trail.tf', {
    'aws_cloudtrail.t': { // 1
      event_selector: [{ read_write_type: 'All', include_management_events: true, data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }],
      // event_selector 2, item 3, read_write_type 4, include 5, data_resource 6, item 7, type 8, values 9, item 10
    },
  })).resources[0]!;
  const sel = getPath(t.properties, 'EventSelectors');
  assert.equal(render(sel), '[{ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [{…}]}]');
  const data = sel?.k === 'list' ? getPath(sel.items[0], 'DataResources') : undefined;
  assert.equal(render(data), '[{Type: "AWS::S3::Object", Values: ["arn:aws:s3"]}]');
  assert.deepEqual(data?.k === 'list' && propLoc({ properties: data.items[0]! }, 'Type'),
    { file: 'trail.tf', line: 8, column: 3, path: 'aws_cloudtrail.t.event_selector[0].data_resource[0].type' });
});

test('aws_cloudwatch_log_group: retention and key', () => {
  const good = tfResources('logs.tf', { 'aws_cloudwatch_log_group.g': { name: '/app', retention_in_days: 30, kms_key_id: { ref: 'aws_kms_key.logs', attr: 'arn' } } });
  assert.deepEqual(verdict(good, logGroupRetention), ['pass', 3]);
  assert.deepEqual(verdict(good, logGroupEncrypted), ['pass', 4]);
  const bare = tfResources('logs.tf', { 'aws_cloudwatch_log_group.g': { name: '/app' } });
  assert.deepEqual(verdict(bare, logGroupRetention), ['fail', 1]);
  assert.deepEqual(verdict(bare, logGroupEncrypted), ['fail', 1]);
  // 0 is Terraform's "never expire".
  assert.deepEqual(verdict(tfResources('logs.tf', { 'aws_cloudwatch_log_group.g': { retention_in_days: 0 } }), logGroupRetention), ['fail', 2]);
});

test('aws_config_configuration_recorder: recording_group with the provider default for all_supported', () => {
  // No recording_group: every supported type, no global types (AWS's default, as in CloudFormation).
  const bare = tfResources('config.tf', { 'aws_config_configuration_recorder.r': { name: 'default', role_arn: { ref: 'aws_iam_role.config', attr: 'arn' } } });
  assert.deepEqual(verdict(bare, configRecorderAllResources), ['pass', 1]);
  assert.deepEqual(verdict(bare, configRecorderGlobalResources), ['fail', 1]);
  // recording_group written without all_supported: the provider sends all_supported = true.
  const global = tfResources('config.tf', { 'aws_config_configuration_recorder.r': { name: 'default', recording_group: [{ include_global_resource_types: true }] } });
  const r = translate(global).resources[0]!;
  assert.equal(render(getPath(r.properties, 'RecordingGroup')), '{IncludeGlobalResourceTypes: true, AllSupported: true}');
  // AllSupported is the provider's default: located at the recording_group block that leaves it out.
  assert.deepEqual(verdict(global, configRecorderAllResources), ['pass', 4]);
  assert.deepEqual(verdict(global, configRecorderGlobalResources), ['pass', 5]);
  // Selected types only.
  const some = tfResources('config.tf', { 'aws_config_configuration_recorder.r': { recording_group: [{ all_supported: false, resource_types: ['AWS::S3::Bucket'] }] } });
  assert.deepEqual(verdict(some, configRecorderAllResources), ['fail', 4]);
  const listed = tfResources('config.tf', { 'aws_config_configuration_recorder.r': { recording_group: [{ resource_types: ['AWS::S3::Bucket'] }] } });
  assert.equal(getPath(translate(listed).resources[0]!.properties, 'RecordingGroup.AllSupported'), undefined);
  assert.equal(verdict(listed, configRecorderAllResources)[0], 'fail');
  const excluded = tfResources('config.tf', {
    'aws_config_configuration_recorder.r': { recording_group: [{ all_supported: false, recording_strategy: [{ use_only: 'EXCLUSION_BY_RESOURCE_TYPES' }] }] },
  });
  assert.equal(verdict(excluded, configRecorderAllResources)[0], 'fail');
});

test('aws_config_config_rule: source and input parameters', () => {
  const r = translate(tfResources('config.tf', {
    'aws_config_config_rule.r': { name: 's3-public', source: [{ owner: 'AWS', source_identifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED' }], input_parameters: '{"maxDays":"90"}' },
  })).resources[0]!;
  assert.equal(r.type, 'AWS::Config::ConfigRule');
  assert.equal(render(getPath(r.properties, 'Source')), '{Owner: "AWS", SourceIdentifier: "S3_BUCKET_PUBLIC_READ_PROHIBITED"}');
  assert.equal(render(getPath(r.properties, 'InputParameters')), '{maxDays: "90"}');
});

test('aws_guardduty_detector with aws_guardduty_detector_feature: enabled by default, S3 protection from the feature', () => {
  const input = tfResources('gd.tf', {
    'aws_guardduty_detector.d': { finding_publishing_frequency: 'SIX_HOURS' }, // 1, 2
    'aws_guardduty_detector_feature.s3': { detector_id: { ref: 'aws_guardduty_detector.d', attr: 'id' }, name: 'S3_DATA_EVENTS', status: 'ENABLED' }, // 3-6
    'aws_guardduty_detector_feature.eks': { detector_id: { ref: 'aws_guardduty_detector.d', attr: 'id' }, name: 'EKS_AUDIT_LOGS', status: 'DISABLED' }, // 7-10
  });
  const out = translate(input);
  assert.deepEqual(out.notes, []);
  const d = out.resources[0]!;
  assert.equal(render(getPath(d.properties, 'Features')), '[{Name: "S3_DATA_EVENTS", Status: "ENABLED"}, {Name: "EKS_AUDIT_LOGS", Status: "DISABLED"}]');
  assert.deepEqual(propLoc(d, 'Features'), { file: 'gd.tf', line: 5, column: 3, path: 'aws_guardduty_detector_feature.s3.name' });
  assert.deepEqual(verdict(input, guardDutyEnabled), ['pass', 1]);
  // The S3 feature's own status decides: line 6, named as the user wrote it.
  assert.deepEqual(verdict(input, guardDutyS3Protection), ['pass', 6]);
  assert.equal(tfFindings(input, guardDutyS3Protection)[0]!.evidence[0]!.origin, 'aws_guardduty_detector_feature.s3.status');

  const off = tfResources('gd.tf', {
    'aws_guardduty_detector.d': { enable: false }, // 1, 2
    'aws_guardduty_detector_feature.s3': { detector_id: { ref: 'aws_guardduty_detector.d', attr: 'id' }, name: 'S3_DATA_EVENTS', status: 'DISABLED' }, // 3-6
  });
  assert.deepEqual(verdict(off, guardDutyEnabled), ['fail', 2]);
  // A disabled detector monitors nothing: its plans are AT-GD-001's finding, not this one's.
  assert.deepEqual(verdict(off, guardDutyS3Protection), ['not_applicable', 1]);
  assert.deepEqual(verdict(tfResources('gd.tf', {
    'aws_guardduty_detector.d': {}, // 1
    'aws_guardduty_detector_feature.s3': { detector_id: { ref: 'aws_guardduty_detector.d', attr: 'id' }, name: 'S3_DATA_EVENTS', status: 'DISABLED' }, // 2-5
  }), guardDutyS3Protection), ['fail', 5]);
  // Listed after another feature, the S3 entry is still the one located.
  const second = tfResources('gd.tf', {
    'aws_guardduty_detector.d': {}, // 1
    'aws_guardduty_detector_feature.eks': { detector_id: { ref: 'aws_guardduty_detector.d', attr: 'id' }, name: 'EKS_AUDIT_LOGS', status: 'ENABLED' }, // 2-5
    'aws_guardduty_detector_feature.s3': { detector_id: { ref: 'aws_guardduty_detector.d', attr: 'id' }, name: 'S3_DATA_EVENTS', status: 'DISABLED' }, // 6-9
  });
  assert.deepEqual(verdict(second, guardDutyS3Protection), ['fail', 9]);
  // The legacy datasources block.
  const legacy = tfResources('gd.tf', { 'aws_guardduty_detector.d': { datasources: [{ s3_logs: [{ enable: true }] }] } }); // 1, 2, 3, 4, 5, 6
  assert.deepEqual(verdict(legacy, guardDutyS3Protection), ['pass', 6]);
  // Not declared at all: CreateDetector enables the plans a new detector leaves out.
  assert.deepEqual(verdict(tfResources('gd.tf', { 'aws_guardduty_detector.d': {} }), guardDutyS3Protection), ['pass', 1]);
});

test('a detector feature whose detector is not scanned is noted, not applied', () => {
  const out = translate(tfResources('gd.tf', {
    'aws_guardduty_detector_feature.s3': { detector_id: { unknown: 'var.detector_id' }, name: 'S3_DATA_EVENTS', status: 'ENABLED' },
  }));
  assert.equal(out.resources.length, 0);
  assert.match(out.notes[0]!.message, /cannot tell which resource aws_guardduty_detector_feature\.s3 configures/);
});

test('Security Hub: a standards subscription counts as an enabled standard', () => {
  const hub = tfResources('sh.tf', {
    'aws_securityhub_account.a': { enable_default_standards: false }, // 1, 2
    'aws_securityhub_standards_subscription.cis': { standards_arn: 'arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/1.4.0' }, // 3, 4
  });
  const f = tfFindings(hub, securityHubStandards);
  assert.deepEqual(f.map((x) => [x.status, x.location.line]), [['pass', 4]], 'at the subscription that enables the standard');
  assert.match(f[0]!.message, /aws_securityhub_standards_subscription\.cis/);
  assert.deepEqual(verdict(tfResources('sh.tf', { 'aws_securityhub_account.a': { enable_default_standards: false } }), securityHubStandards), ['fail', 2]);
  assert.deepEqual(verdict(tfResources('sh.tf', { 'aws_securityhub_account.a': {} }), securityHubStandards), ['pass', 1]);
});

test('aws_cloudwatch_metric_alarm: actions and dimensions', () => {
  const input = tfResources('alarm.tf', {
    'aws_cloudwatch_metric_alarm.a': { alarm_name: 'cpu', alarm_actions: [{ ref: 'aws_sns_topic.ops', attr: 'arn' }], dimensions: { InstanceId: 'i-1' } }, // 1, 2, 3 (4), 5 (6)
    'aws_cloudwatch_metric_alarm.b': { alarm_name: 'mute' }, // 7, 8
    'aws_cloudwatch_composite_alarm.c': { alarm_name: 'all', alarm_rule: 'ALARM(cpu)', ok_actions: ['arn:aws:sns:eu-west-1:111122223333:ops'] }, // 9-13
  });
  const out = translate(input);
  assert.equal(render(getPath(out.resources[0]!.properties, 'Dimensions')), '[{Name: "InstanceId", Value: "i-1"}]');
  assert.equal(out.resources[2]!.type, 'AWS::CloudWatch::CompositeAlarm');
  assert.deepEqual(tfFindings(input, alarmHasActions).map((f) => [f.resource.id, f.status, f.location.line]), [
    ['aws_cloudwatch_metric_alarm.a', 'pass', 3], ['aws_cloudwatch_metric_alarm.b', 'fail', 7], ['aws_cloudwatch_composite_alarm.c', 'pass', 12],
  ]);
});

test('aws_directory_service_directory: the type decides the CloudFormation type; the admin password is checked', () => {
  const input = tfResources('ad.tf', {
    'aws_directory_service_directory.ms': { name: 'corp.example.com', type: 'MicrosoftAD', edition: 'Standard', password: 'Sup3rS3cret!' }, // 1-5
    'aws_directory_service_directory.simple': { name: 'simple.example.com', password: { ref: 'random_password.ad', attr: 'result' } }, // 6-8
    'aws_directory_service_directory.any': { name: 'x.example.com', type: { unknown: 'var.type' } }, // 9-11
  });
  const out = translate(input);
  assert.deepEqual(out.resources.map((r) => r.type), ['AWS::DirectoryService::MicrosoftAD', 'AWS::DirectoryService::SimpleAD', 'AWS::DirectoryService::SimpleAD']);
  assert.equal(out.notes.length, 1);
  assert.match(out.notes[0]!.message, /directory type is not known \(var\.type has no value\); it is read as a Simple AD/);
  assert.equal(out.notes[0]!.line, 11);
  const f = tfFindings(input, noPlaintextSecrets);
  assert.deepEqual(f.map((x) => [x.resource.id, x.status, x.location.line]), [
    ['aws_directory_service_directory.ms', 'fail', 5], ['aws_directory_service_directory.simple', 'pass', 8], ['aws_directory_service_directory.any', 'not_applicable', 9],
  ]);
});
