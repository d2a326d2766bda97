import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-DMS-002',
  title: 'DMS replication instances apply minor engine upgrades automatically',
  domain: 'deployment',
  severity: 'low',
  resourceTypes: ['AWS::DMS::ReplicationInstance'],
  rationale: 'Minor DMS engine versions fix bugs and security issues in the software that holds database credentials and moves data. With automatic minor upgrades, they are applied in the maintenance window; otherwise the instance stays on its version until upgraded by hand.',
  remediation: 'Set AutoMinorVersionUpgrade: true.',
  remediationTerraform: 'Set auto_minor_version_upgrade = true on the aws_dms_replication_instance; left out, the provider sends false.',
  references: { checkov: ['CKV_AWS_222'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('AutoMinorVersionUpgrade', isTrue, {
      pass: 'minor engine upgrades are applied automatically',
      fail: 'AutoMinorVersionUpgrade is not true: the instance keeps its engine version until upgraded by hand',
      unknown: 'automatic minor upgrades depend on a deploy-time value',
    });
  },
});
