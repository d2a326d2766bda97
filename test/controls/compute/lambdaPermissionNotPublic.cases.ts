import control from '../../../src/controls/compute/lambdaPermissionNotPublic.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: s3.amazonaws.com
      SourceAccount: "111122223333"`,
    `Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: "*"
      PrincipalOrgID: o-abc123`,
  ],
  fail: [
    `Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunctionUrl
      FunctionName: fn
      Principal: "*"
      FunctionUrlAuthType: NONE`,
  ],
  unknown: [
    `Parameters:
  Who: { Type: String }
Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: !Ref Who`,
  ],
});
