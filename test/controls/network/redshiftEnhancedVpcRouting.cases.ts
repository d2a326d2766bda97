import control from '../../../src/controls/network/redshiftEnhancedVpcRouting.js';
import { cases } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

export default cases(control, {
  pass: [
    { name: 'enhanced VPC routing on', template: cluster('      EnhancedVpcRouting: true # <--') },
  ],
  fail: [
    { name: 'not set', template: cluster('', { marked: true }) },
    { name: 'off', template: cluster('      EnhancedVpcRouting: false # <--') },
  ],
  unknown: [
    { name: 'from a parameter', template: cluster('      EnhancedVpcRouting: !Ref Routing # <--', { before: 'Parameters:\n  Routing: { Type: String }\n' }) },
  ],
});
