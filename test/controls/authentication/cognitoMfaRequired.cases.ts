import control from '../../../src/controls/authentication/cognitoMfaRequired.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: 'ON' # <--
      EnabledMfas: [SOFTWARE_TOKEN_MFA]
`,
    tf(`resource "aws_cognito_user_pool" "users" {
  name              = "users"
  mfa_configuration = "ON" # <--

  software_token_mfa_configuration {
    enabled = true
  }
}
`),
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: OPTIONAL # <--
`,
    `Resources:
  X: # <--
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: p
`,
    tf(`resource "aws_cognito_user_pool" "users" {
  name              = "users"
  mfa_configuration = "OPTIONAL" # <--

  software_token_mfa_configuration {
    enabled = true
  }
}
`),
    tf(`resource "aws_cognito_user_pool" "users" { # <--
  name = "users"
}
`, { name: 'MFA off by default' }),
  ],
  unknown: [
    { name: "condition picks ON or OFF", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: !If [IsProd, 'ON', 'OFF'] # <--
` },
    tf(`variable "env" {
  type = string
}

resource "aws_cognito_user_pool" "users" {
  name              = "users"
  mfa_configuration = var.env == "prod" ? "ON" : "OFF" # <--

  software_token_mfa_configuration {
    enabled = true
  }
}
`, { name: 'ON or OFF from a variable without a value' }),
  ],
});
