import control from '../../../src/controls/compute/lambdaInVpc.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      VpcConfig:
        SubnetIds: [subnet-1, subnet-2]
        SecurityGroupIds: [sg-1]`,
  ],
  fail: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }`,
  ],
  unknown: [
    `Parameters:
  Subnets: { Type: "List<AWS::EC2::Subnet::Id>" }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      VpcConfig:
        SubnetIds: !Ref Subnets`,
  ],
});
