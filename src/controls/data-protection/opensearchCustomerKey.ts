import { decide, defineControl, type Outcome } from '../api.js';
import { DOMAIN_TYPES } from '../lib/opensearch.js';
import { isPresent, isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-OS-011',
  title: 'OpenSearch domains encrypt data at rest with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: DOMAIN_TYPES,
  rationale: 'Without KmsKeyId, encryption at rest uses the AWS managed key aws/es, whose use any principal of the account with access to the domain inherits. A customer managed key lets its key policy decide who can decrypt the indices and snapshots, and records each use in CloudTrail.',
  remediation: 'Set EncryptionAtRestOptions.KmsKeyId to a customer managed KMS key (it can be set only when the domain is created).',
  remediationTerraform: 'Set encrypt_at_rest.kms_key_id to the ARN of a customer managed aws_kms_key (it can be set only when the domain is created).',
  references: { checkov: ['CKV_AWS_247'] },
  evaluate(r): Outcome {
    // Whether data is encrypted at all is AT-OS-001's question; this one asks only with which key.
    const on = decide(r.get('EncryptionAtRestOptions.Enabled'), isTrue);
    if (on === false) return r.notApplicable('encryption at rest is not enabled (see AT-OS-001)');
    const keyed = r.expect('EncryptionAtRestOptions.KmsKeyId', isPresent, {
      pass: 'data at rest is encrypted with the KMS key named in KmsKeyId',
      fail: 'EncryptionAtRestOptions.KmsKeyId is not set: data at rest is encrypted with the AWS managed key aws/es',
      unknown: 'the encryption key depends on a deploy-time value',
    }, 'not set: the AWS managed key aws/es');
    if (keyed.status === 'fail' && on !== true) return r.unknown('KmsKeyId is not set, and whether encryption at rest is on depends on a deploy-time value', on.unknown, r.locate('EncryptionAtRestOptions.Enabled'), keyed.evidence);
    return keyed;
  },
});
