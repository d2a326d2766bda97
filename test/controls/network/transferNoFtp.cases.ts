import control from '../../../src/controls/network/transferNoFtp.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'left out (SFTP)', template: `Resources:
  R: # <--
    Type: AWS::Transfer::Server
    Properties:
      IdentityProviderType: SERVICE_MANAGED
      EndpointType: PUBLIC
` },
    `Resources:
  R:
    Type: AWS::Transfer::Server
    Properties:
      IdentityProviderType: SERVICE_MANAGED
      EndpointType: PUBLIC
      Protocols: [SFTP, FTPS] # <--
      Certificate: arn:aws:acm:eu-west-1:111122223333:certificate/abc
`,
    tf(`resource "aws_transfer_server" "files" {
  identity_provider_type = "SERVICE_MANAGED"
  endpoint_type          = "PUBLIC"
  protocols              = ["SFTP"] # <--
}
`, { name: 'SFTP' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::Transfer::Server
    Properties:
      IdentityProviderType: API_GATEWAY
      EndpointType: VPC
      Protocols: [FTP] # <--
`,
    tf(`resource "aws_transfer_server" "files" {
  identity_provider_type = "API_GATEWAY"
  endpoint_type          = "VPC"
  protocols              = ["SFTP", "FTP"] # <--
}
`, { name: 'FTP among protocols' }),
  ],
  unknown: [
    tf(`variable "protocols" {
  type = list(string)
}

resource "aws_transfer_server" "files" {
  identity_provider_type = "SERVICE_MANAGED"
  endpoint_type          = "PUBLIC"
  protocols              = var.protocols # <--
}
`, { name: 'from a variable' }),
  ],
});
