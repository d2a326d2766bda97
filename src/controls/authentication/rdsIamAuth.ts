import { defineControl } from '../api.js';
import { asString } from '../../model/value.js';
import { isTrue } from '../predicates.js';
import { inDbCluster } from '../lib/data.js';

const SUPPORTED = /^(mysql|postgres|mariadb|aurora|aurora-mysql|aurora-postgresql)$/i;

export default defineControl({
  id: 'AT-RDS-005',
  title: 'RDS databases accept IAM database authentication',
  domain: 'authentication',
  severity: 'medium',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  rationale: 'IAM database authentication lets applications connect with short-lived tokens tied to their IAM role instead of long-lived passwords stored in configuration, and access is revoked by changing IAM policy. It applies to MySQL, MariaDB and PostgreSQL engines, including Aurora.',
  remediation: 'Set EnableIAMDatabaseAuthentication: true and grant rds-db:connect to the roles that need database access.',
  remediationTerraform: 'Set iam_database_authentication_enabled = true on the aws_db_instance or aws_rds_cluster and grant rds-db:connect to the roles that need database access.',
  references: { checkov: ['CKV_AWS_161', 'CKV_AWS_162'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    if (inDbCluster(r)) return r.notApplicable('instance belongs to a DB cluster; IAM authentication is set on the cluster');
    const engine = r.get('Engine');
    const e = asString(engine);
    if (e !== undefined && !SUPPORTED.test(e)) return r.notApplicable(`engine ${e} does not support IAM database authentication`);
    return r.expect('EnableIAMDatabaseAuthentication', isTrue, {
      pass: 'IAM database authentication is enabled',
      fail: 'EnableIAMDatabaseAuthentication is not true: clients can only authenticate with database passwords',
      unknown: 'IAM authentication depends on a deploy-time value',
    });
  },
});
