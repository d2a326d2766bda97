// Translators for the governance pack's Terraform types. Identity and operations (wave C): IAM, CIS CloudWatch alarms, SNS/SQS, Config, SSM, S3 extras, EFS, ECR, CloudTrail extras, Macie, Inspector.
import type { Attachment, Translator } from './api.js';
import { blockList, copyAll } from './copy.js';

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

const translators: Translator[] = [
  metricFilter,
];

const attachments: Attachment[] = [
];

export const governance: { translators: Translator[]; attachments: Attachment[] } = { translators, attachments };
