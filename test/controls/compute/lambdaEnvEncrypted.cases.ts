import control from '../../../src/controls/compute/lambdaEnvEncrypted.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Key:
    Type: AWS::KMS::Key
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      KmsKeyArn: !GetAtt Key.Arn
      Environment:
        Variables:
          TABLE: orders`,
  ],
  fail: [
    `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment:
      Variables:
        STAGE: prod
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/`,
  ],
  not_applicable: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }`,
  ],
});
