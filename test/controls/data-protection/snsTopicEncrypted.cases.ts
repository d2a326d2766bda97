import control from '../../../src/controls/data-protection/snsTopicEncrypted.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
`,
    `Resources:
  B:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref Key
  Key:
    Type: AWS::KMS::Key
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
`,
    `Resources:
  B:
    Type: AWS::SNS::Topic
`,
  ],
  unknown: [
    { name: "key from a parameter without default", template: `Parameters:
  KeyId: { Type: String }
Resources:
  B:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref KeyId
` },
  ],
});
