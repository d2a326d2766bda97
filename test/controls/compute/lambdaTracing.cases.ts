import control from '../../../src/controls/compute/lambdaTracing.js';
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
      TracingConfig:
        Mode: Active`,
    `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Tracing: Active
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/`,
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
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      Tracing: PassThrough`,
  ],
  unknown: [
    `Parameters:
  Mode: { Type: String }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      TracingConfig:
        Mode: !Ref Mode`,
  ],
});
