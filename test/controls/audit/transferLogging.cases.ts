import control from '../../../src/controls/audit/transferLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::Transfer::Server
    Properties:
      IdentityProviderType: SERVICE_MANAGED
      EndpointType: PUBLIC
      LoggingRole: arn:aws:iam::111122223333:role/transfer-logs # <--
`,
    { name: 'structured logs', template: `Resources:
  R:
    Type: AWS::Transfer::Server
    Properties:
      IdentityProviderType: SERVICE_MANAGED
      EndpointType: PUBLIC
      StructuredLogDestinations: # <--
        - arn:aws:logs:eu-west-1:111122223333:log-group:/transfer:*
` },
    tf(`resource "aws_iam_role" "logs" {
  name               = "transfer-logs"
  assume_role_policy = "{}"
}

resource "aws_transfer_server" "files" {
  identity_provider_type = "SERVICE_MANAGED"
  endpoint_type          = "PUBLIC"
  logging_role           = aws_iam_role.logs.arn # <--
}
`, { name: 'logging_role' }),
  ],
  fail: [
    { name: 'no logging', template: `Resources:
  R: # <--
    Type: AWS::Transfer::Server
    Properties:
      IdentityProviderType: SERVICE_MANAGED
      EndpointType: PUBLIC
` },
    tf(`resource "aws_transfer_server" "files" { # <--
  identity_provider_type = "SERVICE_MANAGED"
  endpoint_type          = "PUBLIC"
}
`, { name: 'no logging' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Role: { Type: String }
Resources:
  R:
    Type: AWS::Transfer::Server
    Properties:
      IdentityProviderType: SERVICE_MANAGED
      EndpointType: PUBLIC
      LoggingRole: !Ref Role # <--
` },
    tf(`variable "role" {
  type = string
}

resource "aws_transfer_server" "files" {
  identity_provider_type = "SERVICE_MANAGED"
  logging_role           = var.role # <--
}
`, { name: 'from a variable' }),
  ],
});
