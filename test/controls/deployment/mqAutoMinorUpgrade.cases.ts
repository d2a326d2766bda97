import control from '../../../src/controls/deployment/mqAutoMinorUpgrade.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: 5.18
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      AutoMinorVersionUpgrade: true # <--
`,
    tf(`resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  auto_minor_version_upgrade = true # <--
}
`, { name: 'true' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: 5.18
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
` },
    `Resources:
  R:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: 5.18
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      AutoMinorVersionUpgrade: false # <--
`,
    tf(`resource "aws_mq_broker" "orders" { # <--
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
}
`, { name: 'left out (provider sends false)' }),
  ],
  unknown: [
    tf(`variable "upgrade" {
  type = bool
}

resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  auto_minor_version_upgrade = var.upgrade # <--
}
`, { name: 'from a variable' }),
  ],
});
