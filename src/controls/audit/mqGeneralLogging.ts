import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-MQ-002',
  title: 'Amazon MQ brokers publish general logs to CloudWatch Logs',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  rationale: 'The general log records broker activity, connections and errors. Without it published to CloudWatch Logs, broker-side evidence of misuse or failures is unavailable to investigations and alarms.',
  remediation: 'Set Logs.General: true; the broker needs a resource policy allowing Amazon MQ to write to CloudWatch Logs.',
  remediationTerraform: 'Add logs { general = true } to the aws_mq_broker, with an aws_cloudwatch_log_resource_policy that lets Amazon MQ write to CloudWatch Logs.',
  references: { checkov: [], trivy: ['AVD-AWS-0071'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('Logs.General', isTrue, {
      pass: 'general logs are published to CloudWatch Logs',
      fail: 'Logs.General is not true: general broker logs are not published (the default)',
      unknown: 'general logging depends on a deploy-time value',
    }, 'default is false');
  },
});
