import control from '../../../src/controls/data-protection/rdsPerformanceInsightsKms.js';
import { cases } from '../../helpers/cases.js';

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
  ],
});
