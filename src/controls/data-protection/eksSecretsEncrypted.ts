import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { asList, asString, getPath, prop } from '../../model/value.js';
import { keyAt } from '../lib/operations.js';

export default defineControl({
  id: 'AT-EKS-001',
  title: 'EKS clusters encrypt Kubernetes secrets with a KMS key',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::EKS::Cluster'],
  rationale: 'Kubernetes stores Secret objects in etcd; envelope encryption with a KMS key adds a layer under the volume encryption EKS always applies, so a copy of etcd or of its backups does not reveal them, and key policy and CloudTrail govern every decryption.',
  remediation: 'Add EncryptionConfig with Resources: [secrets] and Provider.KeyArn naming a customer managed KMS key (it cannot be turned off once enabled).',
  remediationTerraform: 'Add an encryption_config block to the aws_eks_cluster with resources = ["secrets"] and provider { key_arn = <customer managed aws_kms_key ARN> }; it cannot be turned off once enabled.',
  references: { checkov: ['CKV_AWS_58'], trivy: ['AVD-AWS-0039'], guard: ['EKS_CLUSTER_ENCRYPTION_RULE'] },
  evaluate(r): Outcome {
    const cfg = r.get('EncryptionConfig');
    if (cfg && cfg.k === 'unknown') return r.unknown('the encryption configuration depends on a deploy-time value', cfg, r.locate('EncryptionConfig'), [r.evidence('EncryptionConfig')]);
    const items = asList(cfg) ?? [];
    if (items.length === 0) return r.fail('no EncryptionConfig: Kubernetes secrets are stored without KMS envelope encryption', r.locate('EncryptionConfig'), [r.evidence('EncryptionConfig', cfg, 'not set')]);
    let partial: { at: ReturnType<typeof keyAt>; why: string; i: number } | undefined;
    for (const [i, item] of items.entries()) {
      if (item.k === 'unknown') return r.unknown('an encryption configuration entry depends on a deploy-time value', item, item.loc, [evidenceAt(`Properties.EncryptionConfig[${i}]`, item, item.loc)]);
      const res = prop(item, 'Resources');
      const names = (asList(res) ?? []).map((x) => asString(x));
      const key = getPath(item, 'Provider.KeyArn');
      if (res && res.k === 'unknown') return r.unknown('the encrypted resource kinds depend on a deploy-time value', res, res.loc, [evidenceAt(`Properties.EncryptionConfig[${i}].Resources`, res, res.loc)]);
      if (!names.includes('secrets')) { partial ??= { at: keyAt(item, 'Resources'), why: `EncryptionConfig[${i}] does not list "secrets" in Resources`, i }; continue; }
      if (!key || (key.k === 'scalar' && String(key.v ?? '').trim() === '')) { partial = { at: keyAt(item, 'Provider'), why: `EncryptionConfig[${i}] lists secrets but names no Provider.KeyArn`, i }; continue; }
      const ev = [evidenceAt(`Properties.EncryptionConfig[${i}].Resources`, res, keyAt(item, 'Resources')), evidenceAt(`Properties.EncryptionConfig[${i}].Provider.KeyArn`, key, key.loc)];
      return r.pass('Kubernetes secrets are envelope-encrypted with a KMS key', keyAt(item, 'Resources'), ev);
    }
    const p = partial!;
    return r.fail(`${p.why}: Kubernetes secrets are stored without KMS envelope encryption`, p.at, [evidenceAt(`Properties.EncryptionConfig[${p.i}]`, items[p.i], p.at)]);
  },
});
