import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-CT-003',
  title: 'CloudTrail logs are encrypted with a KMS key',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  rationale: 'With a KMS key, reading the audit trail needs kms:Decrypt in addition to S3 access, so a leaked bucket permission alone does not expose account activity.',
  remediation: 'Set KMSKeyId to a customer managed KMS key whose key policy allows CloudTrail to encrypt.',
  remediationTerraform: 'Set kms_key_id on the aws_cloudtrail to the ARN of a customer managed aws_kms_key whose policy allows cloudtrail.amazonaws.com to encrypt.',
  references: { checkov: ['CKV_AWS_35'], trivy: ['AVD-AWS-0015'], guard: ['CLOUD_TRAIL_ENCRYPTION_ENABLED'] },
  evaluate(r) {
    return r.expect('KMSKeyId', isPresent, {
      pass: 'trail log files are encrypted with a KMS key',
      fail: 'KMSKeyId is not set: log files are only protected by S3 default encryption',
    });
  },
});
