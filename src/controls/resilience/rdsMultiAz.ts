import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';
import { inDbCluster } from '../lib/data.js';

export default defineControl({
  id: 'AT-RDS-006',
  title: 'RDS DB instances are deployed Multi-AZ',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::RDS::DBInstance'],
  rationale: 'A Multi-AZ instance keeps a synchronous standby in another Availability Zone and fails over to it automatically, so an AZ outage or host failure costs minutes instead of a restore from backup. Single-AZ is the default.',
  remediation: 'Set MultiAZ: true (Aurora clusters get the same protection from replicas in other Availability Zones).',
  remediationTerraform: 'Set multi_az = true on the aws_db_instance (Aurora clusters get the same protection from aws_rds_cluster_instance replicas in other Availability Zones).',
  references: { checkov: ['CKV_AWS_157'], trivy: [], cfn_nag: [], cdk_nag: ['AwsSolutions-RDS3'], guard: ['RDS_MULTI_AZ_SUPPORT'] },
  evaluate(r) {
    if (inDbCluster(r)) return r.notApplicable('instance belongs to a DB cluster; availability comes from the cluster\'s instances');
    if (r.get('SourceDBInstanceIdentifier') !== undefined) return r.notApplicable('read replica; Multi-AZ is decided for the source instance');
    return r.expect('MultiAZ', isTrue, {
      pass: 'the instance is Multi-AZ',
      fail: 'MultiAZ is not true: the instance runs in a single Availability Zone',
      unknown: 'Multi-AZ depends on a deploy-time value',
    });
  },
});
