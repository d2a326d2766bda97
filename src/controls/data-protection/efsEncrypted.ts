import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-EFS-001',
  title: 'EFS file systems are encrypted at rest',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::EFS::FileSystem'],
  rationale: 'CloudFormation creates EFS file systems unencrypted unless Encrypted is true, and encryption at rest cannot be added to an existing file system.',
  remediation: 'Set Encrypted: true (and KmsKeyId to a customer managed key where key control is required); migrate existing data to a new encrypted file system.',
  remediationTerraform: 'Set encrypted = true on the aws_efs_file_system (and kms_key_id to a customer managed key where key control is required); the provider creates it unencrypted when unset, and existing data must move to a new encrypted file system.',
  references: { checkov: ['CKV_AWS_42'], trivy: ['AVD-AWS-0037'], cfn_nag: ['F32'], cdk_nag: ['AwsSolutions-EFS1'], guard: ['EFS_ENCRYPTED_CHECK'] },
  evaluate(r) {
    return r.expect('Encrypted', isTrue, {
      pass: 'the file system is encrypted at rest',
      fail: 'Encrypted is not true: the file system stores data unencrypted',
      unknown: 'file system encryption depends on a deploy-time value',
    });
  },
});
