import { defineControl } from '../api.js';
import { equalsOr } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-GLUE-002',
  title: 'Glue security configurations encrypt CloudWatch logs with KMS',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::Glue::SecurityConfiguration'],
  rationale: 'Glue job logs can hold data values, connection details and stack traces. With CloudWatchEncryptionMode SSE-KMS, the log data Glue writes is encrypted with a KMS key you control; DISABLED leaves it under the log service\'s default protection only.',
  remediation: 'Set EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode: SSE-KMS with KmsKeyArn.',
  remediationTerraform: 'Set encryption_configuration { cloudwatch_encryption { cloudwatch_encryption_mode = "SSE-KMS", kms_key_arn = ... } } on the aws_glue_security_configuration.',
  references: { checkov: ['CKV_AWS_99'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode', equalsOr('SSE-KMS', 'DISABLED'), {
      pass: 'CloudWatch logs written by Glue are encrypted with KMS',
      fail: 'CloudWatchEncryptionMode is not SSE-KMS: Glue does not encrypt its CloudWatch logs with KMS',
      unknown: 'CloudWatch log encryption depends on a deploy-time value',
    }, 'left out, CloudWatch encryption is DISABLED');
  },
});
