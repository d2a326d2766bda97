import control from '../../../src/controls/data-protection/sqsQueueEncrypted.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
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
    `Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !Ref Key
  Key:
    Type: AWS::KMS::Key
`,
    `{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"SqsManagedSseEnabled": false, "KmsMasterKeyId": "alias/aws/sqs"}}}}`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false
`,
    { name: "parameter default false", template: `Parameters:
  Sse: { Type: String, Default: 'false' }
Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: !Ref Sse
` },
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Sse: { Type: String }
Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: !Ref Sse
` },
  ],
});
