import control from '../../../src/controls/data-protection/ssmParameterNoPlaintextSecret.js';
import { cases } from '../../helpers/cases.js';

// Assembled at run time so the repository holds no credential-shaped literal.
const akid = 'AKIA' + 'IOSFODNN7EXAMPLE';

export default cases(control, {
  pass: [
    { name: 'configuration value', template: `Resources:
  TableName:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/prod/table-name
      Type: String
      Value: orders # <--
` },
    { name: 'a parameter holding the ARN of a secret', template: `Resources:
  DbSecretArn:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/prod/db-password-arn
      Type: String
      Value: !Ref DbSecret # <--
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString: { PasswordLength: 32 }
` },
  ],
  fail: [
    { name: 'password written in the template', template: `Resources:
  DbPassword:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/prod/db-password
      Type: String
      Value: CorrectHorseBattery9 # <--
` },
    { name: 'secret-named String parameter filled at deploy time', template: `Parameters:
  ApiToken: { Type: String, NoEcho: true }
Resources:
  Token:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/prod/api-token
      Type: String # <--
      Value: !Ref ApiToken
` },
    { name: 'credential-shaped value under a neutral name', template: `Resources:
  Uploader:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/prod/uploader
      Type: String
      Value: ${akid} # <--
` },
  ],
  unknown: [
    { name: 'name from a parameter without default', template: `Parameters:
  ParamName: { Type: String }
  ParamValue: { Type: String }
Resources:
  Setting:
    Type: AWS::SSM::Parameter
    Properties:
      Name: !Ref ParamName # <--
      Type: String
      Value: !Ref ParamValue
` },
  ],
});
