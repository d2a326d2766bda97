import { defineControl } from '../api.js';
import type { Value } from '../../model/types.js';
import { asNumber, asString } from '../../model/value.js';
import type { Verdict } from '../api.js';

/** A backtrack window above 0 seconds (0, the default, turns Backtrack off). */
function window(v: Value | undefined): Verdict {
  if (v && v.k === 'unknown') return { unknown: v };
  const n = asNumber(v);
  return n !== undefined && n > 0;
}

export default defineControl({
  id: 'AT-RDS-014',
  title: 'Aurora MySQL clusters have Backtrack enabled',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::RDS::DBCluster'],
  rationale: 'Backtrack rewinds an Aurora MySQL cluster in place to a moment before a bad deployment, a mistaken DELETE or a destructive attack, in minutes and without restoring a new cluster from backup. It can only be turned on when the cluster is created.',
  remediation: 'Set BacktrackWindow to the number of seconds to keep (up to 259200, 72 hours) when creating the cluster.',
  remediationTerraform: 'Set backtrack_window (seconds, up to 259200) on the aws_rds_cluster when creating it.',
  references: { guard: ['AURORA_MYSQL_BACKTRACKING_ENABLED'] },
  evaluate(r) {
    const engineV = r.get('Engine');
    if (engineV && engineV.k === 'unknown') return r.unknown('the engine, and so whether Backtrack applies, depends on a deploy-time value', engineV, r.locate('Engine'), [r.evidence('Engine')]);
    const engine = asString(engineV)?.toLowerCase();
    if (engine !== 'aurora-mysql' && engine !== 'aurora') return r.notApplicable(engine ? `Backtrack is available only for Aurora MySQL, not ${engine}` : 'no Engine is set');
    if (asString(r.get('EngineMode'))?.toLowerCase() === 'serverless') return r.notApplicable('Aurora Serverless v1 clusters do not support Backtrack');
    if (r.get('GlobalClusterIdentifier') !== undefined) return r.notApplicable('clusters of an Aurora global database do not support Backtrack');
    return r.expect('BacktrackWindow', window, {
      pass: 'Backtrack keeps a window to rewind the cluster to',
      fail: 'BacktrackWindow is 0 or not set: the cluster cannot be rewound in place',
      unknown: 'the backtrack window depends on a deploy-time value',
    }, 'not set: 0 (off)');
  },
});
