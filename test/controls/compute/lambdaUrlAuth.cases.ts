import control from '../../../src/controls/compute/lambdaUrlAuth.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      AuthType: AWS_IAM
      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:fn`,
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      FunctionUrlConfig:
        AuthType: AWS_IAM`,
  ],
  fail: [
    `Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      AuthType: NONE
      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:fn`,
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      FunctionUrlConfig:
        AuthType: NONE`,
  ],
  unknown: [
    `Parameters:
  Public: { Type: String }
Conditions:
  IsPublic: !Equals [!Ref Public, "yes"]
Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      AuthType: !If [IsPublic, NONE, AWS_IAM]
      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:fn`,
  ],
  not_applicable: [
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/`,
  ],
});
