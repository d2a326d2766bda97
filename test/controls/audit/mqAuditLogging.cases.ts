import control from '../../../src/controls/audit/mqAuditLogging.js';
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
      Logs:
        General: true
        Audit: true # <--
`,
    tf(`resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  
  logs {
    audit = true # <--
  }
}
`, { name: 'audit = true' }),
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
        Audit: false # <--
`,
    tf(`resource "aws_mq_broker" "orders" { # <--
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
}
`, { name: 'no logs block' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Audit: { Type: String }
Resources:
  R:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: 5.18
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      Logs:
        Audit: !Ref Audit # <--
` },
    tf(`variable "audit" {
  type = bool
}

resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  
  logs {
    audit = var.audit # <--
  }
}
`, { name: 'from a variable' }),
  ],
  not_applicable: [
    { name: 'RabbitMQ', template: `Resources:
  R:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: RABBITMQ
      EngineVersion: 3.13
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
` },
    tf(`resource "aws_mq_broker" "rabbit" {
  broker_name        = "rabbit"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.m5.large"
}
`, { name: 'RabbitMQ' }),
  ],
});
