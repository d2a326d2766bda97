import { defineControl } from '../api.js';
import { isFalse } from '../predicates.js';

export default defineControl({
  id: 'AT-MQ-001',
  title: 'Amazon MQ brokers are not publicly accessible',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  rationale: 'A publicly accessible broker gets an internet-facing endpoint for its wire protocols and web console, so only broker credentials stand between the internet and the queues. Keeping it private confines connections to the VPC and networks connected to it.',
  remediation: 'Set PubliclyAccessible: false on the broker, with SubnetIds in private subnets.',
  remediationTerraform: 'Leave publicly_accessible on the aws_mq_broker unset or false (the provider sends false) and put subnet_ids in private subnets.',
  references: { checkov: ['CKV_AWS_69'], trivy: ['AVD-AWS-0072'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('PubliclyAccessible', isFalse, {
      pass: 'the broker is reachable only from private networks',
      fail: 'PubliclyAccessible is not false: the broker has an internet-facing endpoint (the property is required in CloudFormation)',
      unknown: 'public accessibility depends on a deploy-time value',
    });
  },
});
