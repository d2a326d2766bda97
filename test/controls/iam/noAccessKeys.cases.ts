import control from '../../../src/controls/iam/noAccessKeys.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: alice
      Status: Inactive`,
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: alice`,
    { name: 'status from parameter default', template: `Parameters:
  P:
    Type: String
    Default: 'Active'
Resources:
  X:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: alice
      Status: !Ref P` },
  ],
  unknown: [
    { name: 'status parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: alice
      Status: !Ref P` },
  ],
});
