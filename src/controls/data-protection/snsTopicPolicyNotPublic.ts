import { defineControl } from '../api.js';
import { judgeNotPublic } from '../lib/resourcePolicy.js';

export default defineControl({
  id: 'AT-SNS-002',
  title: 'SNS topic policies do not allow any principal without a condition pinning the caller',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::SNS::TopicPolicy'],
  rationale: 'An Allow for Principal "*" lets any AWS account publish to or subscribe to the topic: messages can be injected into downstream systems or read by a stranger\'s subscription. A condition on aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or similar keeps service integrations working while closing the topic to others. The Terraform inline policy argument of aws_sns_topic is not read; aws_sns_topic_policy is.',
  remediation: 'Name the principals in PolicyDocument (account, role or service), or add a Condition such as StringEquals aws:SourceAccount / ArnLike aws:SourceArn / StringEquals aws:PrincipalOrgID to statements with Principal "*".',
  remediationTerraform: 'In the policy of the aws_sns_topic_policy, name the principals (account, role or service), or add a condition such as StringEquals aws:SourceAccount / ArnLike aws:SourceArn / StringEquals aws:PrincipalOrgID to statements with Principal "*".',
  references: { guard: ['SNS_TOPICPOLICY_NO_WILDCARD_PRINCIPAL', 'SNS_TOPICPOLICY_NO_ALLOW_PLUS_NOTPRINCIPAL'] },
  evaluate(r) {
    return judgeNotPublic(r, 'PolicyDocument', 'topic');
  },
});
