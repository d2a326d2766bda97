import { decide, defineControl, type Outcome } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-R53-001',
  title: 'Route 53 public hosted zones log DNS queries',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::Route53::HostedZone'],
  rationale: 'Query logs show which names of a public zone are being looked up, from which resolver locations and with which answers: the trace of reconnaissance against the domain, of subdomain enumeration, and of clients still using retired names. Private zones log queries through Resolver query logging instead, which is configured on the VPC.',
  remediation: 'Set QueryLoggingConfig.CloudWatchLogsLogGroupArn to a log group in us-east-1 that Route 53 may write to.',
  remediationTerraform: 'Declare an aws_route53_query_log with zone_id set to the zone and cloudwatch_log_group_arn naming a log group in us-east-1 that Route 53 may write to.',
  references: { checkov: ['CKV2_AWS_39'] },
  evaluate(r): Outcome {
    const vpcs = r.get('VPCs');
    const priv = decide(vpcs, isPresent);
    if (priv === true) return r.notApplicable('a private hosted zone (associated with VPCs): its queries are logged by Route 53 Resolver query logging');
    if (priv !== false) return r.unknown('cannot tell whether the zone is private', priv.unknown, r.locate('VPCs'), [r.evidence('VPCs')]);
    return r.expect('QueryLoggingConfig.CloudWatchLogsLogGroupArn', isPresent, {
      pass: 'DNS queries for the zone are logged to CloudWatch Logs',
      fail: 'no query logging configuration: queries for the public zone are not logged',
      unknown: 'query logging depends on a deploy-time value',
    });
  },
});
