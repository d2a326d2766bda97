import { decide, defineControl } from '../api.js';
import { isPresent, isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-RDS-010',
  title: 'RDS Performance Insights data is encrypted with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  rationale: 'Performance Insights stores query text and wait statistics, which can include literal values from SQL statements. Without a key of your own it is encrypted with the AWS managed aws/rds key, whose policy you cannot restrict.',
  remediation: 'When enabling Performance Insights, set PerformanceInsightsKMSKeyId (instances) or PerformanceInsightsKmsKeyId (clusters) to a customer managed key.',
  remediationTerraform: 'When performance_insights_enabled = true, set performance_insights_kms_key_id on the aws_db_instance, aws_rds_cluster_instance or aws_rds_cluster to a customer managed aws_kms_key ARN (it cannot be changed later).',
  references: { checkov: [], trivy: ['AVD-AWS-0078'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const cluster = r.type === 'AWS::RDS::DBCluster';
    const flag = cluster ? 'PerformanceInsightsEnabled' : 'EnablePerformanceInsights';
    const keyPath = cluster ? 'PerformanceInsightsKmsKeyId' : 'PerformanceInsightsKMSKeyId';
    const keyed = decide(r.get(keyPath), isPresent);
    if (keyed === true) return r.pass('Performance Insights uses the KMS key given', r.locate(keyPath), [r.evidence(keyPath)]);
    const on = decide(r.get(flag), isTrue);
    if (on === false) return r.notApplicable(`${flag} is not true; Performance Insights is off`);
    if (on !== true) return r.unknown('whether Performance Insights is on depends on a deploy-time value', on.unknown, r.locate(flag), [r.evidence(flag)]);
    if (keyed !== false) return r.unknown('the Performance Insights key depends on a deploy-time value', keyed.unknown, r.locate(keyPath), [r.evidence(keyPath)]);
    return r.fail(`Performance Insights is enabled without ${keyPath}: its data is encrypted with the AWS managed key`, r.locate(keyPath), [r.evidence(flag), r.evidence(keyPath)]);
  },
});
