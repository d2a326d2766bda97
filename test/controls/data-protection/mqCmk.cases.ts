import control from '../../../src/controls/data-protection/mqCmk.js';
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
      EncryptionOptions:
        UseAwsOwnedKey: false
        KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/abc # <--
`,
    tf(`resource "aws_kms_key" "mq" {}

resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  
  encryption_options {
    use_aws_owned_key = false
    kms_key_id        = aws_kms_key.mq.arn # <--
  }
}
`, { name: 'customer managed key' }),
  ],
  fail: [
    { name: 'no encryption options (AWS owned key)', template: `Resources:
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
    { name: 'AWS managed key', template: `Resources:
  R:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: 5.18
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      PubliclyAccessible: false
      EncryptionOptions:
        UseAwsOwnedKey: false # <--
` },
    tf(`resource "aws_mq_broker" "orders" { # <--
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
}
`, { name: 'no encryption options' }),
    tf(`resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  
  encryption_options {
    use_aws_owned_key = true # <--
  }
}
`, { name: 'AWS owned key' }),
  ],
  unknown: [
    { name: 'key from a parameter without a value', template: `Parameters:
  Key: { Type: String }
Resources:
  R:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: 5.18
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      PubliclyAccessible: false
      EncryptionOptions:
        UseAwsOwnedKey: false
        KmsKeyId: !Ref Key # <--
` },
    tf(`variable "owned" {
  type = bool
}

resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  
  encryption_options {
    use_aws_owned_key = var.owned # <--
  }
}
`, { name: 'from a variable' }),
  ],
  not_applicable: [
    tf(`resource "aws_mq_broker" "rabbit" {
  broker_name        = "rabbit"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.m5.large"
}
`, { name: 'RabbitMQ' }),
  ],
});
