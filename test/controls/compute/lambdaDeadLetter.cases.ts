import control from '../../../src/controls/compute/lambdaDeadLetter.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      DeadLetterConfig:
        TargetArn: !GetAtt Dlq.Arn`,
    { name: 'EventInvokeConfig on-failure destination', template: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
  Invoke:
    Type: AWS::Lambda::EventInvokeConfig
    Properties:
      FunctionName: !Ref Fn
      Qualifier: $LATEST
      DestinationConfig:
        OnFailure:
          Destination: arn:aws:sqs:eu-west-1:111122223333:failed` },
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      DeadLetterQueue:
        Type: SQS
        TargetArn: arn:aws:sqs:eu-west-1:111122223333:dlq`,
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
});
