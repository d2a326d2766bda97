import { decide, defineControl, type Outcome } from '../api.js';
import { isFalse, isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-RSH-008',
  title: 'Redshift clusters encrypt data with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::Redshift::Cluster'],
  rationale: 'Without KmsKeyId, an encrypted cluster uses a key AWS manages, whose use cannot be limited by a key policy of your own. A customer managed key decides who can decrypt the cluster and its snapshots (including copies shared to other accounts), and every use is recorded in CloudTrail.',
  remediation: 'Set KmsKeyId to a customer managed KMS key, with Encrypted: true.',
  remediationTerraform: 'Set kms_key_id to the ARN of a customer managed aws_kms_key, with encrypted = true, on the aws_redshift_cluster.',
  references: { checkov: ['CKV_AWS_142'], trivy: ['AVD-AWS-0084'] },
  evaluate(r): Outcome {
    // Whether the cluster is encrypted at all is AT-RSH-001's question.
    const off = decide(r.get('Encrypted'), isFalse);
    if (off === true) return r.notApplicable('the cluster is not encrypted (see AT-RSH-001)');
    const keyed = r.expect('KmsKeyId', isPresent, {
      pass: 'the cluster is encrypted with the KMS key named in KmsKeyId',
      fail: 'KmsKeyId is not set: the cluster is encrypted, if at all, with a key AWS manages',
      unknown: 'the encryption key depends on a deploy-time value',
    }, 'not set: a key AWS manages');
    if (keyed.status === 'fail' && off !== false) return r.unknown('KmsKeyId is not set, and whether the cluster is encrypted at all depends on a deploy-time value', off.unknown, r.locate('Encrypted'), [...keyed.evidence, r.evidence('Encrypted')]);
    return keyed;
  },
});
