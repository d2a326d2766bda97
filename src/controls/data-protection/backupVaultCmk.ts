import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-BAK-003',
  title: 'AWS Backup vaults encrypt recovery points with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::Backup::BackupVault'],
  rationale: 'Recovery points of services whose backups AWS Backup encrypts itself use the vault\'s key; by default that is the AWS managed key aws/backup, which cannot be restricted by your own key policy or shared across accounts for restores. A customer managed key keeps control of who can decrypt backups.',
  remediation: 'Set EncryptionKeyArn to a customer managed KMS key. The key can only be chosen when the vault is created.',
  remediationTerraform: 'Set kms_key_arn on the aws_backup_vault to a customer managed KMS key; it can only be chosen when the vault is created.',
  references: { checkov: ['CKV_AWS_166'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('EncryptionKeyArn', isPresent, {
      pass: 'recovery points are encrypted with the customer managed key in EncryptionKeyArn',
      fail: 'EncryptionKeyArn is not set: the vault uses the AWS managed key aws/backup',
      unknown: 'the vault key depends on a deploy-time value',
    });
  },
});
