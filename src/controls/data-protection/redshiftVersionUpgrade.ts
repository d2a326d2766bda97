import { defineControl } from '../api.js';
import { isFalse } from '../predicates.js';
import type { Value } from '../../model/types.js';
import type { Verdict } from '../api.js';

/** Absent (the default, true) or true; only an explicit false turns upgrades off. */
function allowed(v: Value | undefined): Verdict {
  if (v === undefined) return true;
  const f = isFalse(v);
  return f === true ? false : f === false ? true : f;
}

export default defineControl({
  id: 'AT-RSH-007',
  title: 'Redshift clusters receive engine version upgrades automatically',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::Redshift::Cluster'],
  rationale: 'With version upgrades disallowed, the cluster stays on the engine version it has while Redshift ships security fixes in newer ones; it falls behind until someone upgrades it by hand.',
  remediation: 'Remove AllowVersionUpgrade: false or set it to true, and set PreferredMaintenanceWindow to a window that suits the workload.',
  remediationTerraform: 'Remove allow_version_upgrade = false (it defaults to true) from the aws_redshift_cluster, and set preferred_maintenance_window to a window that suits the workload.',
  references: { checkov: ['CKV_AWS_141'] },
  evaluate(r) {
    return r.expect('AllowVersionUpgrade', allowed, {
      pass: r.get('AllowVersionUpgrade') === undefined ? 'AllowVersionUpgrade is not set; the default applies engine upgrades in the maintenance window' : 'engine upgrades are applied in the maintenance window',
      fail: 'AllowVersionUpgrade is false: the cluster keeps its engine version and misses fixes in newer ones',
      unknown: 'automatic version upgrades depend on a deploy-time value',
    }, 'not set: true');
  },
});
