import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-CT-008',
  title: 'CloudTrail trails notify an SNS topic when they deliver log files',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  rationale: 'A notification for each log file delivered lets a log pipeline or SIEM pick the files up at once and lets monitoring notice when deliveries stop.',
  remediation: 'Set SnsTopicName to a topic whose policy allows cloudtrail.amazonaws.com to publish.',
  remediationTerraform: 'Set sns_topic_name on the aws_cloudtrail to an aws_sns_topic whose aws_sns_topic_policy allows cloudtrail.amazonaws.com to publish.',
  references: {},
  evaluate(r) {
    return r.expect('SnsTopicName', isPresent, {
      pass: 'the trail notifies an SNS topic of each log file delivery',
      fail: 'the trail sends no SNS notification when it delivers log files',
      unknown: 'the SNS topic depends on a value not known statically',
    }, 'not set');
  },
});
