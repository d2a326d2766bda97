import { defineControl } from '../api.js';
import { judgeNotPublic } from '../lib/resourcePolicy.js';

export default defineControl({
  id: 'AT-SQS-003',
  title: 'SQS queue policies do not allow any principal without a condition pinning the caller',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::SQS::QueuePolicy'],
  rationale: 'An Allow for Principal "*" lets any AWS account send, receive or delete the queue\'s messages. Service integrations (an SNS topic, an S3 bucket) are kept working with a condition on aws:SourceArn or aws:SourceAccount instead. The Terraform inline policy argument of aws_sqs_queue is not read; aws_sqs_queue_policy is.',
  remediation: 'Name the principals in PolicyDocument, or add a Condition such as ArnEquals aws:SourceArn / StringEquals aws:SourceAccount / StringEquals aws:PrincipalOrgID to statements with Principal "*".',
  remediationTerraform: 'In the policy of the aws_sqs_queue_policy, name the principals, or add a condition such as ArnEquals aws:SourceArn / StringEquals aws:SourceAccount / StringEquals aws:PrincipalOrgID to statements with Principal "*".',
  references: { guard: ['SQS_QUEUEPOLICY_NO_WILDCARD_PRINCIPAL', 'SQS_QUEUEPOLICY_NO_ALLOW_PLUS_NOTPRINCIPAL'] },
  evaluate(r) {
    return judgeNotPublic(r, 'PolicyDocument', 'queue');
  },
});
