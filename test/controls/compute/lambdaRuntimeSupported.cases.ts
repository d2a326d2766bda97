import control from '../../../src/controls/compute/lambdaRuntimeSupported.js';
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
      Code: { ZipFile: "def handler(e, c): pass" }`,
    { name: 'SAM Globals runtime', template: `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs22.x
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      CodeUri: src/` },
  ],
  fail: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.7
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }`,
    { name: 'SAM Globals deprecated runtime', template: `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs14.x
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      CodeUri: src/` },
  ],
  unknown: [
    { name: 'a runtime identifier nobody knows (typo) is not a pass', template: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: pythn3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }` },
    { name: 'constructor is not a runtime', template: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: constructor
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }` },
    { name: 'runtime chosen from allowed values', template: `Parameters:
  Rt: { Type: String, AllowedValues: [go1.x, provided.al2023] }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: !Ref Rt
      Handler: bootstrap
      Role: arn:aws:iam::111122223333:role/fn
      Code: { S3Bucket: b, S3Key: k }` },
  ],
  not_applicable: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      PackageType: Image
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ImageUri: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/fn:1 }`,
  ],
});
