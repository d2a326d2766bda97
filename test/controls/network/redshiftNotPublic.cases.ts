import control from '../../../src/controls/network/redshiftNotPublic.js';
import { cases } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

export default cases(control, {
  pass: [
    { name: 'not set: private', template: cluster('', { marked: true }) },
    { name: 'explicitly private', template: cluster('      PubliclyAccessible: false # <--') },
  ],
  fail: [
    { name: 'public endpoint', template: cluster('      PubliclyAccessible: true # <--') },
  ],
  unknown: [
    { name: 'from a parameter', template: cluster('      PubliclyAccessible: !Ref Public # <--', { before: 'Parameters:\n  Public: { Type: String }\n' }) },
  ],
});
