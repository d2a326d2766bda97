import { decide, defineControl, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-RSH-001',
  title: 'Redshift clusters are encrypted at rest',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::Redshift::Cluster'],
  rationale: 'An unencrypted cluster keeps its data blocks, metadata and snapshots readable to anyone who obtains the storage or a snapshot shared by mistake; encryption also lets a KMS key policy govern access to every snapshot.',
  remediation: 'Set Encrypted: true (with KmsKeyId for a customer managed key). Writing it explicitly also protects clusters created before Redshift began encrypting new clusters by default.',
  remediationTerraform: 'Set encrypted = true on the aws_redshift_cluster, with kms_key_id for a customer managed key. Writing it explicitly also protects clusters created before Redshift (and provider 6.0) began encrypting new clusters by default.',
  references: { checkov: ['CKV_AWS_64'], guard: ['REDSHIFT_CLUSTER_CONFIGURATION_CHECK'] },
  evaluate(r): Outcome {
    const v = r.get('Encrypted');
    const at = r.locate('Encrypted');
    const ev = [r.evidence('Encrypted', v, v === undefined ? 'not set' : undefined)];
    if (v === undefined) {
      const blocking: Value = { k: 'unknown', reason: 'Redshift encrypts clusters created since January 2025 by default but not older ones, so it depends on when the cluster was created (deploy time)', params: [], loc: at };
      return r.unknown('Encrypted is not set', blocking, at, ev);
    }
    const d = decide(v, isTrue);
    if (d === true) return r.pass('the cluster is encrypted (Encrypted: true)', at, ev);
    if (d === false) return r.fail('Encrypted is false: the cluster and its snapshots are stored unencrypted', at, ev);
    return r.unknown('encryption depends on a deploy-time value', d.unknown, at, ev);
  },
});
