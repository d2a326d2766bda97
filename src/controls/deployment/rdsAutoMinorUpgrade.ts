import { defineControl } from '../api.js';
import { asBool } from '../../model/value.js';

export default defineControl({
  id: 'AT-RDS-008',
  title: 'RDS DB instances apply minor engine upgrades automatically',
  domain: 'deployment',
  severity: 'low',
  resourceTypes: ['AWS::RDS::DBInstance'],
  rationale: 'Minor engine versions carry security fixes. AutoMinorVersionUpgrade is on by default; turning it off leaves the instance on the patched-at-creation version until someone upgrades it by hand.',
  remediation: 'Remove AutoMinorVersionUpgrade or set it to true, and choose a PreferredMaintenanceWindow that suits the workload.',
  remediationTerraform: 'Remove auto_minor_version_upgrade = false (it defaults to true) from the aws_db_instance or aws_rds_cluster_instance, and choose a maintenance_window (preferred_maintenance_window on cluster instances) that suits the workload.',
  references: { checkov: ['CKV_AWS_226'], trivy: [], cfn_nag: [], cdk_nag: [], guard: ['RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED'] },
  evaluate(r) {
    const v = r.get('AutoMinorVersionUpgrade');
    return r.expect('AutoMinorVersionUpgrade', (x) => (x && x.k === 'unknown' ? { unknown: x } : asBool(x) !== false), {
      pass: v === undefined ? 'AutoMinorVersionUpgrade is not set; the default applies minor upgrades automatically' : 'minor version upgrades are applied automatically',
      fail: 'AutoMinorVersionUpgrade is false: security patches in minor versions are not applied',
      unknown: 'automatic minor upgrades depend on a deploy-time value',
    });
  },
});
