import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-LOG-002',
  title: 'CloudWatch log groups are encrypted with a KMS key',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::Logs::LogGroup'],
  rationale: 'Logs often carry request payloads, tokens and personal data. A customer managed key adds a separate, auditable permission for reading them and allows crypto-shredding.',
  remediation: 'Set KmsKeyId to the ARN of a KMS key whose key policy allows the CloudWatch Logs service principal to use it.',
  remediationTerraform: 'Set kms_key_id on the aws_cloudwatch_log_group to the ARN of a KMS key whose policy lets the CloudWatch Logs service principal of the region use it.',
  references: { checkov: ['CKV_AWS_158'], trivy: ['AVD-AWS-0017'], cfn_nag: ['W84'], guard: ['CLOUDWATCH_LOG_GROUP_ENCRYPTED'] },
  evaluate(r) {
    return r.expect('KmsKeyId', isPresent, {
      pass: 'log data is encrypted with a KMS key',
      fail: 'KmsKeyId is not set: log data is encrypted only with a service-owned key',
    });
  },
});
