import control from '../../../src/controls/data-protection/rdsPerformanceInsightsKms.js';
import { cases, tf } from '../../helpers/cases.js';
import { markResource, tfCluster, tfInstance, tfVar } from '../builders/rds.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      EnablePerformanceInsights: true
      PerformanceInsightsKMSKeyId: !Ref Key
  Key:
    Type: AWS::KMS::Key
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      PerformanceInsightsEnabled: true
      PerformanceInsightsKmsKeyId: !GetAtt Key.Arn
  Key:
    Type: AWS::KMS::Key
`,
    tf(tfInstance(`  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.pi.arn # <--`, { before: 'resource "aws_kms_key" "pi" {\n  enable_key_rotation = true\n}\n\n' }), { name: 'aws_db_instance with a Performance Insights key' }),
    tf(tfCluster(`  performance_insights_enabled    = true
  performance_insights_kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" # <--`), { name: 'aws_rds_cluster with a Performance Insights key' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      EnablePerformanceInsights: true
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      PerformanceInsightsEnabled: 'true'
`,
    tf(markResource(tfInstance('  performance_insights_enabled = true'), 'aws_db_instance.db'), { name: 'Performance Insights on without performance_insights_kms_key_id' }),
  ],
  unknown: [
    { name: "Performance Insights switched by a parameter without default", template: `Parameters:
  Pi: { Type: String }
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      EnablePerformanceInsights: !Ref Pi
` },
    tf(tfInstance('  performance_insights_enabled = var.insights # <--', { before: tfVar('insights', 'bool') }), { name: 'performance_insights_enabled from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      PerformanceInsightsEnabled: false
`,
    tf(tfInstance(''), { name: 'performance_insights_enabled not set (defaults to false)' }),
  ],
});
