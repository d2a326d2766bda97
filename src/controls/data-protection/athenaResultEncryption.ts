import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-ATH-001',
  title: 'Athena workgroups encrypt query results',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::Athena::WorkGroup'],
  rationale: 'Query results land in S3 and often contain the very data the query selected. A workgroup with an encryption configuration makes Athena encrypt every result it writes (SSE-S3, SSE-KMS or CSE-KMS); without one, results are protected only by whatever the bucket does.',
  remediation: 'Set WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption (SSE_KMS or CSE_KMS with KmsKey, or SSE_S3).',
  remediationTerraform: 'Add configuration { result_configuration { encryption_configuration { encryption_option = "SSE_KMS" (or "CSE_KMS" with kms_key_arn, or "SSE_S3") } } } to the aws_athena_workgroup.',
  references: { checkov: [], trivy: ['AVD-AWS-0006'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption', oneOf(['SSE_S3', 'SSE_KMS', 'CSE_KMS'], true), {
      pass: 'query results are encrypted',
      fail: 'no result encryption is configured: Athena writes query results without encrypting them',
      unknown: 'result encryption depends on a deploy-time value',
    });
  },
});
