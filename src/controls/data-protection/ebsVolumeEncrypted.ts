import { decide, defineControl } from '../api.js';
import { isPresent, isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-EBS-001',
  title: 'EBS volumes are encrypted',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::EC2::Volume'],
  rationale: 'An unencrypted volume leaves its data, and every snapshot taken from it, readable to anyone who can copy or share the snapshot. Accounts can turn on EBS encryption by default, but that setting is invisible to the template, so the volume should ask for it.',
  remediation: 'Set Encrypted: true (and KmsKeyId to a customer managed key where key control is required).',
  remediationTerraform: 'Set encrypted = true on the aws_ebs_volume (and kms_key_id to a customer managed key where key control is required); left out, encryption follows the account\'s EBS encryption-by-default setting.',
  references: { checkov: ['CKV_AWS_3'], trivy: ['AVD-AWS-0026'], cfn_nag: ['F1'], cdk_nag: [], guard: ['ENCRYPTED_VOLUMES'] },
  evaluate(r) {
    // EC2 accepts KmsKeyId only for an encrypted volume, so a key implies encryption even when
    // Encrypted is left out: the volume is either created encrypted or not created at all.
    const key = r.get('KmsKeyId');
    // A key supplied at deploy time (parameter without default) is still a key.
    const keySet = key && key.k === 'unknown' && !key.alts?.length ? true : decide(key, isPresent);
    if (!r.get('Encrypted') && keySet === true) {
      return r.pass('KmsKeyId is set, and EC2 creates a volume with a KMS key only as an encrypted volume (Encrypted: true should still be stated)', r.locate('KmsKeyId'), [r.evidence('KmsKeyId'), r.evidence('Encrypted')]);
    }
    return r.expect('Encrypted', isTrue, {
      pass: 'the volume is encrypted',
      fail: 'Encrypted is not true: the volume is unencrypted unless the account enables EBS encryption by default',
      unknown: 'volume encryption depends on a deploy-time value',
    });
  },
});
