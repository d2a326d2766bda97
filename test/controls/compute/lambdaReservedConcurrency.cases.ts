import control from '../../../src/controls/compute/lambdaReservedConcurrency.js';
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
      ReservedConcurrentExecutions: 20`,
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
