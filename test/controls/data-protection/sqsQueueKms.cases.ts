import control from '../../../src/controls/data-protection/sqsQueueKms.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !GetAtt Key.Arn
  Key:
    Type: AWS::KMS::Key
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::SQS::Queue
`,
    `Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: true
`,
    { name: 'AWS managed key alias/aws/sqs', template: `Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/aws/sqs
` },
  ],
  unknown: [
    { name: "Fn::If with a NoValue branch", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !If [IsProd, alias/app, !Ref AWS::NoValue]
` },
  ],
});
