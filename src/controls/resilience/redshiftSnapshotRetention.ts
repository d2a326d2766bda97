import { decide, defineControl, type Outcome } from '../api.js';
import { atLeast } from '../predicates.js';

export default defineControl({
  id: 'AT-RSH-006',
  title: 'Redshift clusters keep automated snapshots',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::Redshift::Cluster'],
  rationale: 'With AutomatedSnapshotRetentionPeriod 0, Redshift takes no automated snapshots, so a dropped table or a corrupted load can only be recovered from manual snapshots, if any exist.',
  remediation: 'Leave AutomatedSnapshotRetentionPeriod unset (1 day) or set it to the recovery window you need (up to 35 days).',
  remediationTerraform: 'Leave automated_snapshot_retention_period on the aws_redshift_cluster unset (1 day) or set it to the recovery window you need (up to 35 days); 0 turns automated snapshots off.',
  references: { guard: ['REDSHIFT_BACKUP_ENABLED'] },
  evaluate(r): Outcome {
    const v = r.get('AutomatedSnapshotRetentionPeriod');
    const at = r.locate('AutomatedSnapshotRetentionPeriod');
    const ev = [r.evidence('AutomatedSnapshotRetentionPeriod', v, v === undefined ? 'not set: 1 day' : undefined)];
    if (v === undefined) return r.pass('automated snapshots are kept for 1 day (the default)', at, ev);
    const d = decide(v, atLeast(1));
    if (d === true) return r.pass('automated snapshots are kept', at, ev);
    if (d === false) return r.fail('AutomatedSnapshotRetentionPeriod is 0: automated snapshots are turned off', at, ev);
    return r.unknown('snapshot retention depends on a deploy-time value', d.unknown, at, ev);
  },
});
