import control from '../../../src/controls/resilience/cognitoDeletionProtection.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      DeletionProtection: ACTIVE # <--
`,
    tf(`resource "aws_cognito_user_pool" "users" {
  name                = "users"
  deletion_protection = "ACTIVE" # <--
}
`),
  ],
  fail: [
    `Resources:
  X: # <--
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: p
`,
    `Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      DeletionProtection: INACTIVE # <--
`,
    tf(`resource "aws_cognito_user_pool" "users" { # <--
  name = "users"
}
`, { name: 'INACTIVE by default' }),
    tf(`resource "aws_cognito_user_pool" "users" {
  name                = "users"
  deletion_protection = "INACTIVE" # <--
}
`),
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      DeletionProtection: !Ref P # <--
` },
    tf(`variable "env" {
  type = string
}

resource "aws_cognito_user_pool" "users" {
  name                = "users"
  deletion_protection = var.env == "prod" ? "ACTIVE" : "INACTIVE" # <--
}
`),
  ],
});
