import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-EBS-001',
  title: 'EBS volumes are encrypted',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::EC2::Volume'],
  rationale: 'An unencrypted volume leaves its data, and every snapshot taken from it, readable to anyone who can copy or share the snapshot. Accounts can turn on EBS encryption by default, but that setting is invisible to the template, so the volume should ask for it.',
  remediation: 'Set Encrypted: true (and KmsKeyId to a customer managed key where key control is required).',
  references: { checkov: ['CKV_AWS_3'], trivy: ['AVD-AWS-0026'], cfn_nag: ['F1'], cdk_nag: [], guard: ['ENCRYPTED_VOLUMES'] },
  frameworks: { 'soc2-tsc-2017': ['CC6.1', 'CC6.7'], 'nist-csf-2.0': ['PR.DS-01'], gdpr: ['Art.32(1)(a)'] },
  evaluate(r) {
    return r.expect('Encrypted', isTrue, {
      pass: 'the volume is encrypted',
      fail: 'Encrypted is not true: the volume is unencrypted unless the account enables EBS encryption by default',
      unknown: 'volume encryption depends on a deploy-time value',
    });
  },
});
