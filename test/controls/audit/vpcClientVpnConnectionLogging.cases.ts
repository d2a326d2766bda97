import control from '../../../src/controls/audit/vpcClientVpnConnectionLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Vpn:
    Type: AWS::EC2::ClientVpnEndpoint
    Properties:
      ClientCidrBlock: 10.100.0.0/22
      ServerCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      AuthenticationOptions: [{ Type: certificate-authentication, MutualAuthentication: { ClientRootCertificateChainArn: arn:aws:acm:eu-west-1:111122223333:certificate/root } }]
      ConnectionLogOptions:
        Enabled: true # <--
        CloudwatchLogGroup: /vpn/connections
`,
    tf(`resource "aws_ec2_client_vpn_endpoint" "vpn" {
  client_cidr_block      = "10.100.0.0/22"
  server_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"

  authentication_options {
    type                       = "certificate-authentication"
    root_certificate_chain_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/root"
  }

  connection_log_options {
    enabled              = true # <--
    cloudwatch_log_group = "/vpn/connections"
  }
}
`, { name: 'connection logging enabled' }),
  ],
  fail: [
    `Resources:
  Vpn:
    Type: AWS::EC2::ClientVpnEndpoint
    Properties:
      ClientCidrBlock: 10.100.0.0/22
      ServerCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      AuthenticationOptions: [{ Type: certificate-authentication, MutualAuthentication: { ClientRootCertificateChainArn: arn:aws:acm:eu-west-1:111122223333:certificate/root } }]
      ConnectionLogOptions:
        Enabled: false # <--
`,
    tf(`resource "aws_ec2_client_vpn_endpoint" "vpn" {
  client_cidr_block      = "10.100.0.0/22"
  server_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"

  authentication_options {
    type                       = "certificate-authentication"
    root_certificate_chain_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/root"
  }

  connection_log_options {
    enabled = false # <--
  }
}
`, { name: 'connection logging disabled' }),
  ],
  unknown: [
    tf(`variable "log_connections" {
  type = bool
}

resource "aws_ec2_client_vpn_endpoint" "vpn" {
  client_cidr_block      = "10.100.0.0/22"
  server_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"

  authentication_options {
    type                       = "certificate-authentication"
    root_certificate_chain_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/root"
  }

  connection_log_options {
    enabled = var.log_connections # <--
  }
}
`, { name: 'enabled from a variable without a value' }),
  ],
});
