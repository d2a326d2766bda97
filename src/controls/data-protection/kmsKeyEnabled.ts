import { defineControl } from '../api.js';
import { isFalse } from '../predicates.js';
import type { Verdict } from '../api.js';

export default defineControl({
  id: 'AT-KMS-005',
  title: 'KMS keys are created enabled',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::KMS::Key'],
  rationale: 'A disabled key cannot encrypt or decrypt, so every resource depending on it becomes unreadable; a key declared disabled is usually a leftover or a mistake.',
  remediation: 'Remove Enabled: false (keys are enabled by default), or delete the key if it is no longer used.',
  remediationTerraform: 'Remove is_enabled = false from the aws_kms_key (keys are enabled by default), or delete the key if it is no longer used.',
  references: {},
  evaluate(r) {
    return r.expect('Enabled', (v): Verdict => {
      const f = isFalse(v);
      return f === true ? false : f === false ? true : f;
    }, {
      pass: 'the key is enabled (Enabled is not false)',
      fail: 'Enabled is false: the key cannot be used for encryption or decryption',
      unknown: 'whether the key is enabled depends on a parameter',
    });
  },
});
