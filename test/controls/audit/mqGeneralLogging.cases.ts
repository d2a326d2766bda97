import control from '../../../src/controls/audit/mqGeneralLogging.js';
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
      PubliclyAccessible: false
      Logs:
        General: true # <--
`,
    tf(`resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  
  logs {
    general = true # <--
  }
}
`, { name: 'general = true' }),
  ],
  fail: [
    { name: 'no Logs', template: `Resources:
  R: # <--
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: 5.18
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      PubliclyAccessible: false
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
      Logs:
        General: false # <--
        Audit: true
`,
    tf(`resource "aws_mq_broker" "orders" { # <--
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
}
`, { name: 'no logs block' }),
    tf(`resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  
  logs {
    general = false # <--
  }
}
`, { name: 'general = false' }),
  ],
  unknown: [
    tf(`variable "general" {
  type = bool
}

resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  
  logs {
    general = var.general # <--
  }
}
`, { name: 'from a variable' }),
  ],
});
