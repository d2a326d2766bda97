import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-MQ-004',
  title: 'Amazon MQ brokers apply minor version upgrades automatically',
  domain: 'deployment',
  severity: 'low',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  rationale: 'Minor engine versions carry security fixes for ActiveMQ and RabbitMQ. With automatic minor upgrades the broker receives them in its maintenance window instead of running a vulnerable version until someone upgrades it by hand.',
  remediation: 'Set AutoMinorVersionUpgrade: true.',
  remediationTerraform: 'Set auto_minor_version_upgrade = true on the aws_mq_broker; left out, the provider sends false.',
  references: { checkov: ['CKV_AWS_207'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('AutoMinorVersionUpgrade', isTrue, {
      pass: 'minor version upgrades are applied automatically',
      fail: 'AutoMinorVersionUpgrade is not true: the broker stays on its minor version until upgraded by hand',
      unknown: 'automatic minor upgrades depend on a deploy-time value',
    });
  },
});
