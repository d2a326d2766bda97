import { defineControl } from '../api.js';
import { asString } from '../../model/value.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-MQ-003',
  title: 'Amazon MQ for ActiveMQ brokers publish audit logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  rationale: 'The ActiveMQ audit log records management actions taken through JMX or the web console (creating and deleting destinations, changing users). Without it, administrative changes to the broker leave no trace. RabbitMQ brokers have no audit log, so the control does not apply to them.',
  remediation: 'Set Logs.Audit: true on ActiveMQ brokers.',
  remediationTerraform: 'Add logs { audit = true } to the aws_mq_broker (ActiveMQ brokers).',
  references: { checkov: [], trivy: ['AVD-AWS-0070'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    if (asString(r.get('EngineType'))?.toUpperCase() === 'RABBITMQ') return r.notApplicable('RabbitMQ brokers have no audit log');
    return r.expect('Logs.Audit', isTrue, {
      pass: 'audit logs are published to CloudWatch Logs',
      fail: 'Logs.Audit is not true: management actions on the broker are not logged (the default)',
      unknown: 'audit logging depends on a deploy-time value',
    }, 'default is false');
  },
});
