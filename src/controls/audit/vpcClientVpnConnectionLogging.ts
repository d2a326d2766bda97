import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-VPC-008',
  title: 'Client VPN endpoints log client connections',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::ClientVpnEndpoint'],
  rationale: 'A Client VPN endpoint lets remote users into the VPC. Connection logs record who connected, when, from where and whether the attempt was refused, which is the only trace of remote access an investigation can rely on.',
  remediation: 'Set ConnectionLogOptions.Enabled: true with a CloudwatchLogGroup.',
  remediationTerraform: 'Set connection_log_options { enabled = true, cloudwatch_log_group = ... } on the aws_ec2_client_vpn_endpoint.',
  references: {},
  evaluate(r) {
    return r.expect('ConnectionLogOptions.Enabled', isTrue, {
      pass: 'client connections are logged',
      fail: 'ConnectionLogOptions.Enabled is not true: connection attempts to the endpoint are not logged',
      unknown: 'connection logging depends on a deploy-time value',
    });
  },
});
