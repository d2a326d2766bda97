import control from '../../../src/controls/authentication/cognitoThreatProtection.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolAddOns: { AdvancedSecurityMode: ENFORCED } # <--
`,
    tf(`resource "aws_cognito_user_pool" "users" {
  name = "users"

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED" # <--
  }
}
`),
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolAddOns: { AdvancedSecurityMode: AUDIT } # <--
`,
    `Resources:
  X: # <--
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: p
`,
    tf(`resource "aws_cognito_user_pool" "users" {
  name = "users"

  user_pool_add_ons {
    advanced_security_mode = "AUDIT" # <--
  }
}
`),
    tf(`resource "aws_cognito_user_pool" "users" { # <--
  name = "users"
}
`, { name: 'advanced security off by default' }),
  ],
  unknown: [
    tf(`variable "advanced_security_mode" {
  type = string
}

resource "aws_cognito_user_pool" "users" {
  name = "users"

  user_pool_add_ons {
    advanced_security_mode = var.advanced_security_mode # <--
  }
}
`),
  ],
});
