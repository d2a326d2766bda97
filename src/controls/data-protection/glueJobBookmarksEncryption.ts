import { defineControl } from '../api.js';
import { equalsOr } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-GLUE-003',
  title: 'Glue security configurations encrypt job bookmarks',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::Glue::SecurityConfiguration'],
  rationale: 'Job bookmarks record what a Glue job has already processed (paths, keys, offsets of the source data). With JobBookmarksEncryptionMode CSE-KMS they are encrypted client side with your KMS key before Glue stores them; DISABLED leaves them unencrypted by Glue.',
  remediation: 'Set EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode: CSE-KMS with KmsKeyArn.',
  remediationTerraform: 'Set encryption_configuration { job_bookmarks_encryption { job_bookmarks_encryption_mode = "CSE-KMS", kms_key_arn = ... } } on the aws_glue_security_configuration.',
  references: { checkov: ['CKV_AWS_99'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode', equalsOr('CSE-KMS', 'DISABLED'), {
      pass: 'job bookmarks are encrypted with KMS',
      fail: 'JobBookmarksEncryptionMode is not CSE-KMS: job bookmarks are not encrypted',
      unknown: 'job bookmark encryption depends on a deploy-time value',
    }, 'left out, job bookmark encryption is DISABLED');
  },
});
