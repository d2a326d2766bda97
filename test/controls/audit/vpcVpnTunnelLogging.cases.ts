import control from '../../../src/controls/audit/vpcVpnTunnelLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Vpn:
    Type: AWS::EC2::VPNConnection
    Properties:
      Type: ipsec.1
      CustomerGatewayId: cgw-1
      VpnGatewayId: vgw-1
      VpnTunnelOptionsSpecifications: # <--
        - LogOptions:
            CloudwatchLogOptions: { LogEnabled: true, LogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:vpn }
        - LogOptions:
            CloudwatchLogOptions: { LogEnabled: true, LogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:vpn }
`,
    tf(`resource "aws_vpn_connection" "dc" { # <--
  customer_gateway_id = "cgw-1"
  vpn_gateway_id      = "vgw-1"
  type                = "ipsec.1"

  tunnel1_log_options {
    cloudwatch_log_options {
      log_enabled   = true
      log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:vpn"
    }
  }

  tunnel2_log_options {
    cloudwatch_log_options {
      log_enabled   = true
      log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:vpn"
    }
  }
}
`, { name: 'both tunnels log' }),
  ],
  fail: [
    `Resources:
  Vpn: # <--
    Type: AWS::EC2::VPNConnection
    Properties:
      Type: ipsec.1
      CustomerGatewayId: cgw-1
      VpnGatewayId: vgw-1
`,
    `Resources:
  Vpn:
    Type: AWS::EC2::VPNConnection
    Properties:
      Type: ipsec.1
      CustomerGatewayId: cgw-1
      VpnGatewayId: vgw-1
      VpnTunnelOptionsSpecifications:
        - LogOptions:
            CloudwatchLogOptions: { LogEnabled: true, LogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:vpn }
        - LogOptions:
            CloudwatchLogOptions:
              LogEnabled: false # <--
`,
    tf(`resource "aws_vpn_connection" "dc" { # <--
  customer_gateway_id = "cgw-1"
  vpn_gateway_id      = "vgw-1"
  type                = "ipsec.1"
}
`, { name: 'no tunnel log options' }),
    tf(`resource "aws_vpn_connection" "dc" { # <--
  customer_gateway_id = "cgw-1"
  vpn_gateway_id      = "vgw-1"
  type                = "ipsec.1"

  tunnel1_log_options {
    cloudwatch_log_options {
      log_enabled   = true
      log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:vpn"
    }
  }
}
`, { name: 'second tunnel not logged' }),
  ],
});
