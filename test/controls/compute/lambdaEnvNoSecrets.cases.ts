import control from '../../../src/controls/compute/lambdaEnvNoSecrets.js';
import { cases } from '../../helpers/cases.js';

// Assembled at run time so the repository holds no credential-shaped literal.
const slack = 'xoxb-' + '1234567890-abcdefghijkl';

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
      Environment:
        Variables:
          DB_PASSWORD: "{{resolve:secretsmanager:prod/db:SecretString:password}}" # <--
          API_TOKEN_ARN: arn:aws:secretsmanager:eu-west-1:111122223333:secret:token
          TABLE: orders`,
    { name: 'NoEcho parameter without default', template: `Parameters:
  ApiKey: { Type: String, NoEcho: true }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      Environment:
        Variables:
          API_KEY: !Ref ApiKey # <--` },
  ],
  fail: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      Environment:
        Variables:
          DB_PASSWORD: hunter2 # <--`,
    { name: 'secret as parameter default', template: `Transform: AWS::Serverless-2016-10-31
Parameters:
  Token: { Type: String, Default: ghp_abcdef123456 }
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      Environment:
        Variables:
          GITHUB_TOKEN: !Ref Token # <--` },
    { name: 'credential-shaped value under an innocuous name', template: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      Environment:
        Variables:
          TABLE: orders
          NOTIFY: ${slack} # <--` },
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
