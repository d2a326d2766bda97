import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-CB-005',
  title: 'CodeBuild projects encrypt build output with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::CodeBuild::Project'],
  rationale: 'Without EncryptionKey, CodeBuild encrypts artifacts with the account\'s AWS managed S3 key, whose use anyone with S3 access to the bucket inherits; a customer managed key lets its key policy decide who can read build output, and logs each use.',
  remediation: 'Set EncryptionKey to the ARN (or alias) of a customer managed KMS key and allow the project\'s service role to use it.',
  remediationTerraform: 'Set encryption_key on the aws_codebuild_project to the ARN (or alias) of a customer managed aws_kms_key and allow the project\'s service role to use it.',
  references: { checkov: ['CKV_AWS_147'], cfn_nag: ['W32'], cdk_nag: ['AwsSolutions-CB4'], guard: ['CODEBUILD_ENCRYPTION_KEY_RULE'] },
  evaluate(r) {
    return r.expect('EncryptionKey', isPresent, {
      pass: 'build output is encrypted with the KMS key named in EncryptionKey',
      fail: 'EncryptionKey is not set: build output is encrypted with the AWS managed S3 key',
      unknown: 'the encryption key depends on a deploy-time value',
    }, 'not set: the AWS managed key for S3 (aws/s3)');
  },
});
