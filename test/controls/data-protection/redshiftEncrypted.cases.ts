import control from '../../../src/controls/data-protection/redshiftEncrypted.js';
import { cases } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

export default cases(control, {
  pass: [
    { name: 'encrypted with a customer managed key', template: cluster('      Encrypted: true # <--\n      KmsKeyId: alias/warehouse') },
  ],
  fail: [
    { name: 'encryption turned off', template: cluster('      Encrypted: false # <--') },
  ],
  unknown: [
    { name: 'not set: encrypted by default only for clusters created since 2025', template: cluster('', { marked: true }) },
    { name: 'from a parameter', template: cluster('      Encrypted: !Ref Encrypt # <--', { before: 'Parameters:\n  Encrypt: { Type: String }\n' }) },
  ],
});
