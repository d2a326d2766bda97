import control from '../../../src/controls/resilience/redshiftSnapshotRetention.js';
import { cases } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

export default cases(control, {
  pass: [
    { name: 'not set: 1 day', template: cluster('', { marked: true }) },
    { name: 'a week', template: cluster('      AutomatedSnapshotRetentionPeriod: 7 # <--') },
  ],
  fail: [
    { name: 'automated snapshots off', template: cluster('      AutomatedSnapshotRetentionPeriod: 0 # <--') },
  ],
  unknown: [
    { name: 'from a parameter', template: cluster('      AutomatedSnapshotRetentionPeriod: !Ref Days # <--', { before: 'Parameters:\n  Days: { Type: Number }\n' }) },
  ],
});
