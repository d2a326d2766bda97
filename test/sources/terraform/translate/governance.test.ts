import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Resource } from '../../../../src/model/types.js';
import { getPath, render } from '../../../../src/model/value.js';
import { terraformTextUnit } from '../../../../src/sources/terraform/source.js';

function resources(text: string): Map<string, Resource> {
  const { template, source } = terraformTextUnit(text);
  assert.deepEqual(source.errors, []);
  return template.resources;
}

test('governance translators: each Terraform type becomes its resource type', () => {
  const rs = resources(`
resource "aws_cloudwatch_log_metric_filter" "f" {
  name           = "root"
  log_group_name = "cloudtrail"
  pattern        = "{ $.userIdentity.type = \\"Root\\" }"
  metric_transformation {
    name      = "RootUsage"
    namespace = "CIS"
    value     = "1"
  }
}
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length = 14
}
resource "aws_s3_account_public_access_block" "a" {
  block_public_acls = true
}
resource "aws_s3_access_point" "ap" {
  bucket = "b"
  name   = "ap"
}
resource "aws_efs_access_point" "e" {
  file_system_id = "fs-1"
  posix_user {
    uid = 1000
    gid = 1000
  }
}
resource "aws_config_delivery_channel" "c" {
  s3_bucket_name = "config"
}
resource "aws_config_configuration_recorder_status" "s" {
  name       = "default"
  is_enabled = true
}
resource "aws_config_configuration_aggregator" "g" {
  name = "org"
  account_aggregation_source {
    account_ids = ["111122223333"]
    all_regions = true
  }
}
resource "aws_macie2_account" "m" {}
resource "aws_inspector2_enabler" "i" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2"]
}
resource "aws_ssm_document" "d" {
  name            = "doc"
  document_type   = "Command"
  document_format = "YAML"
  content         = "schemaVersion: '2.2'"
}
`);
  const types = Object.fromEntries([...rs.values()].map((r) => [r.id, r.type]));
  assert.deepEqual(types, {
    'aws_cloudwatch_log_metric_filter.f': 'AWS::Logs::MetricFilter',
    'aws_iam_account_password_policy.p': 'AWS::IAM::AccountPasswordPolicy',
    'aws_s3_account_public_access_block.a': 'AWS::S3::AccountPublicAccessBlock',
    'aws_s3_access_point.ap': 'AWS::S3::AccessPoint',
    'aws_efs_access_point.e': 'AWS::EFS::AccessPoint',
    'aws_config_delivery_channel.c': 'AWS::Config::DeliveryChannel',
    'aws_config_configuration_recorder_status.s': 'AWS::Config::ConfigurationRecorderStatus',
    'aws_config_configuration_aggregator.g': 'AWS::Config::ConfigurationAggregator',
    'aws_macie2_account.m': 'AWS::Macie::Session',
    'aws_inspector2_enabler.i': 'AWS::InspectorV2::Enabler',
    'aws_ssm_document.d': 'AWS::SSM::Document',
  });
  const f = rs.get('aws_cloudwatch_log_metric_filter.f')!;
  assert.equal(render(getPath(f.properties, 'FilterPattern')), '"{ $.userIdentity.type = \\"Root\\" }"');
  assert.equal(render(getPath(f.properties, 'MetricTransformations')), '[{MetricName: "RootUsage", MetricNamespace: "CIS", MetricValue: "1"}]');
  assert.equal(render(getPath(rs.get('aws_efs_access_point.e')!.properties, 'PosixUser')), '{Uid: 1000, Gid: 1000}');
  assert.equal(render(getPath(rs.get('aws_config_configuration_aggregator.g')!.properties, 'AccountAggregationSources')), '[{AccountIds: ["111122223333"], AllAwsRegions: true}]');
  // YAML content stays text; JSON content would become the object CloudFormation holds.
  assert.equal(getPath(rs.get('aws_ssm_document.d')!.properties, 'Content')?.k, 'scalar');
});

test('S3 bucket attachments: ownership, lifecycle (split out or v3 inline), notifications', () => {
  const rs = resources(`
resource "aws_s3_bucket" "b" {
  bucket = "b"
  lifecycle_rule {
    id      = "old"
    enabled = false
  }
}
resource "aws_s3_bucket" "legacy" {
  bucket = "legacy"
  lifecycle_rule {
    id      = "expire"
    enabled = true
  }
}
resource "aws_s3_bucket_ownership_controls" "o" {
  bucket = aws_s3_bucket.b.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
resource "aws_s3_bucket_lifecycle_configuration" "l" {
  bucket = aws_s3_bucket.b.id
  rule {
    id     = "expire"
    status = "Enabled"
    expiration {
      days = 30
    }
  }
}
resource "aws_s3_bucket_notification" "n" {
  bucket      = aws_s3_bucket.b.id
  eventbridge = true
  queue {
    queue_arn = "arn:aws:sqs:eu-west-1:111122223333:q"
    events    = ["s3:ObjectCreated:*"]
  }
}
`);
  const b = rs.get('aws_s3_bucket.b')!;
  assert.equal(render(getPath(b.properties, 'OwnershipControls.Rules')), '[{ObjectOwnership: "BucketOwnerEnforced"}]');
  // The split-out configuration replaces the bucket's inline rules, as it does in AWS.
  assert.equal(render(getPath(b.properties, 'LifecycleConfiguration.Rules')), '[{Id: "expire", Status: "Enabled", ExpirationInDays: 30}]');
  assert.equal(render(getPath(b.properties, 'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled')), 'true');
  assert.equal(render(getPath(b.properties, 'NotificationConfiguration.QueueConfigurations')), '[{Queue: "arn:aws:sqs:eu-west-1:111122223333:q", Event: ["s3:ObjectCreated:*"]}]');
  assert.equal(render(getPath(rs.get('aws_s3_bucket.legacy')!.properties, 'LifecycleConfiguration.Rules')), '[{Id: "expire", Status: "Enabled"}]');
});

test('aws_sns_topic: <protocol>_failure_feedback_role_arn becomes a DeliveryStatusLogging entry', () => {
  const rs = resources(`
resource "aws_sns_topic" "t" {
  name                              = "t"
  sqs_failure_feedback_role_arn     = "arn:aws:iam::111122223333:role/f"
  lambda_success_feedback_role_arn  = "arn:aws:iam::111122223333:role/s"
  lambda_success_feedback_sample_rate = 10
}
`);
  assert.equal(render(getPath(rs.get('aws_sns_topic.t')!.properties, 'DeliveryStatusLogging'), 1000),
    '[{Protocol: "lambda", SuccessFeedbackRoleArn: "arn:aws:iam::111122223333:role/s", SuccessFeedbackSampleRate: 10}, {Protocol: "sqs", FailureFeedbackRoleArn: "arn:aws:iam::111122223333:role/f"}]');
});
