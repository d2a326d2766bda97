import { defineControl, type Verdict } from '../api.js';
import { isPresent } from '../predicates.js';
import { asString } from '../../model/value.js';

export default defineControl({
  id: 'AT-SM-002',
  title: 'Secrets Manager secrets are encrypted with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  rationale: 'With the AWS managed key aws/secretsmanager anyone allowed by IAM to read the secret can decrypt it and the key cannot be shared across accounts; a customer managed key adds a separate key policy you control and audit.',
  remediation: 'Set KmsKeyId to a customer managed key (its ARN, id or alias), not alias/aws/secretsmanager.',
  remediationTerraform: 'Set kms_key_id on the aws_secretsmanager_secret to a customer managed key (its ARN, id or alias), not alias/aws/secretsmanager.',
  references: { checkov: ['CKV_AWS_149'], trivy: ['AVD-AWS-0098'], cfn_nag: ['W77'], guard: ['SECRETSMANAGER_USING_CMK'] },
  evaluate(r) {
    return r.expect('KmsKeyId', (v): Verdict => {
      const p = isPresent(v);
      if (p !== true) return p;
      const s = asString(v);
      return !(s && /alias\/aws\/secretsmanager$/.test(s));
    }, {
      pass: 'the secret is encrypted with a customer managed key',
      fail: 'the secret uses the AWS managed key aws/secretsmanager (KmsKeyId unset or the AWS alias)',
      unknown: 'the encryption key depends on a parameter',
    });
  },
});
