import control from '../../../src/controls/audit/nfwLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Fw:
    Type: AWS::NetworkFirewall::Firewall
    Properties:
      FirewallName: edge
      FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge
      VpcId: vpc-1
      SubnetMappings: [{ SubnetId: subnet-1 }]
  Logs:
    Type: AWS::NetworkFirewall::LoggingConfiguration
    Properties:
      FirewallName: edge
      LoggingConfiguration:
        LogDestinationConfigs: # <--
          - { LogType: FLOW, LogDestinationType: S3, LogDestination: { bucketName: flow-logs } }
`,
    `Resources:
  Fw:
    Type: AWS::NetworkFirewall::Firewall
    Properties:
      FirewallName: edge
      FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge
      VpcId: vpc-1
      SubnetMappings: [{ SubnetId: subnet-1 }]
  Logs:
    Type: AWS::NetworkFirewall::LoggingConfiguration
    Properties:
      FirewallArn: !Ref Fw
      LoggingConfiguration:
        LogDestinationConfigs: # <--
          - LogType: ALERT
            LogDestinationType: CloudWatchLogs
            LogDestination: { logGroup: /nfw/alerts }
`,
    tf(`resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"

  subnet_mapping {
    subnet_id = "subnet-1"
  }
}

resource "aws_networkfirewall_logging_configuration" "edge" {
  firewall_arn = aws_networkfirewall_firewall.edge.arn

  logging_configuration {
    log_destination_config { # <--
      log_type             = "FLOW"
      log_destination_type = "S3"
      log_destination = {
        bucketName = "flow-logs"
      }
    }
  }
}
`, { name: 'logging configuration with a destination' }),
  ],
  fail: [
    `Resources:
  Fw:
    Type: AWS::NetworkFirewall::Firewall
    Properties:
      FirewallName: edge
      FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge
      VpcId: vpc-1
      SubnetMappings: [{ SubnetId: subnet-1 }]
  Logs:
    Type: AWS::NetworkFirewall::LoggingConfiguration
    Properties:
      FirewallName: edge
      LoggingConfiguration: # <--
        LogDestinationConfigs: []
`,
    `Resources:
  Fw: # <--
    Type: AWS::NetworkFirewall::Firewall
    Properties:
      FirewallName: edge
      FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge
      VpcId: vpc-1
      SubnetMappings: [{ SubnetId: subnet-1 }]
`,
    tf(`resource "aws_networkfirewall_firewall" "edge" { # <--
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"

  subnet_mapping {
    subnet_id = "subnet-1"
  }
}
`, { name: 'no logging configuration' }),
  ],
});
