import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';
import { asString } from '../../model/value.js';

export default defineControl({
  id: 'AT-KMS-001',
  title: 'Symmetric KMS keys have automatic rotation enabled',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::KMS::Key'],
  rationale: 'Automatic rotation replaces the key material of a customer managed key (yearly by default) while keeping old material for decryption, limiting how much data any single key version protects.',
  remediation: 'Set EnableKeyRotation: true (optionally RotationPeriodInDays). Asymmetric and HMAC keys, keys with imported material and keys in a custom key store (CloudHSM or external) cannot rotate automatically and are not evaluated.',
  remediationTerraform: 'Set enable_key_rotation = true on the aws_kms_key (optionally rotation_period_in_days). Asymmetric and HMAC keys (customer_master_key_spec other than SYMMETRIC_DEFAULT), aws_kms_external_key and keys in a custom key store cannot rotate automatically and are not evaluated.',
  references: { checkov: ['CKV_AWS_7'], trivy: ['AVD-AWS-0065'], cfn_nag: ['F19'], cdk_nag: ['AwsSolutions-KMS5'], guard: ['CMK_BACKING_KEY_ROTATION_ENABLED'] },
  evaluate(r) {
    const spec = r.get('KeySpec');
    const s = asString(spec);
    if (s !== undefined && s !== 'SYMMETRIC_DEFAULT') return r.notApplicable(`KeySpec ${s} keys do not support automatic rotation`);
    // Signing and MAC keys are asymmetric or HMAC keys whatever KeySpec says (or leaves out).
    const usage = asString(r.get('KeyUsage'));
    if (usage === 'SIGN_VERIFY' || usage === 'GENERATE_VERIFY_MAC') return r.notApplicable(`KeyUsage ${usage} keys (asymmetric or HMAC) do not support automatic rotation`);
    const origin = asString(r.get('Origin'));
    if (origin === 'EXTERNAL') return r.notApplicable('keys with imported (EXTERNAL) key material cannot rotate automatically');
    // KMS does not hold the material of a key in a custom key store, so it cannot rotate it either.
    if (origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE') return r.notApplicable(`keys in a custom key store (Origin ${origin}) cannot rotate automatically`);
    const out = r.expect('EnableKeyRotation', isTrue, {
      pass: 'automatic key rotation is enabled',
      fail: 'EnableKeyRotation is not true: the key material is never rotated',
      unknown: 'whether key rotation is enabled depends on a parameter or condition',
    });
    if (out.status === 'fail' && spec && spec.k === 'unknown') return r.unknown('rotation is off, but KeySpec is known only at deploy time (asymmetric and HMAC keys cannot rotate)', spec, out.at, out.evidence);
    return out;
  },
});
