import control from '../../../src/controls/data-protection/ssmParameterNoPlaintextSecret.js';
import { cases, tf } from '../../helpers/cases.js';

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
    tf(`resource "aws_ssm_parameter" "table_name" {
  name  = "/app/prod/table-name"
  type  = "String"
  value = "orders" # <--
}
`, { name: 'configuration value' }),
    tf(`resource "random_password" "db" {
  length  = 32
  special = true
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/app/prod/db-password"
  type  = "SecureString" # <--
  value = random_password.db.result
}
`, { name: 'SecureString holding a generated password' }),
    tf(`variable "api_token" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "api_token" {
  name   = "/app/prod/api-token"
  type   = "SecureString" # <--
  key_id = "alias/app-secrets"
  value  = var.api_token
}
`, { name: 'SecureString from a sensitive variable' }),
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
    tf(`variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/app/prod/db-password"
  type  = "String" # <--
  value = var.db_password
}
`, { name: 'secret-named String parameter' }),
    tf(`resource "aws_ssm_parameter" "db_password" {
  name  = "/app/prod/db-password"
  type  = "SecureString"
  value = "CorrectHorseBattery9" # <--
}
`, { name: 'SecureString whose password is written in the configuration' }),
    tf(`resource "aws_ssm_parameter" "uploader" {
  name  = "/app/prod/uploader"
  type  = "String"
  value = "${akid}" # <--
}
`, { name: 'credential-shaped value under a neutral name' }),
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
    tf(`variable "parameter_type" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/app/prod/db-password"
  type  = var.parameter_type # <--
  value = var.db_password
}
`, { name: 'secret-named parameter whose type is a variable without a value' }),
  ],
});
