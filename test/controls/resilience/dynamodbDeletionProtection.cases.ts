import control from '../../../src/controls/resilience/dynamodbDeletionProtection.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: true
`,
    `Resources:
  B:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      Replicas:
        - Region: eu-west-1
          DeletionProtectionEnabled: true
`,
    { name: "parameter default", template: `Parameters:
  Protect: { Type: String, Default: 'true' }
Resources:
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: !Ref Protect
` },
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
`,
    `Resources:
  B:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      Replicas:
        - Region: eu-west-1
          DeletionProtectionEnabled: false
`,
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Protect: { Type: String }
Resources:
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: !Ref Protect
` },
  ],
});
