import control from '../../../src/controls/data-protection/mskAtRestCmk.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: [subnet-1, subnet-2, subnet-3]
      EncryptionInfo:
        EncryptionAtRest:
          DataVolumeKMSKeyId: arn:aws:kms:eu-west-1:111122223333:key/abc # <--
`,
    tf(`resource "aws_kms_key" "kafka" {}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
  }
  
  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.kafka.arn # <--
  }
}
`, { name: 'key from aws_kms_key' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: [subnet-1, subnet-2, subnet-3]
` },
    tf(`resource "aws_msk_cluster" "events" { # <--
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
  }
}
`, { name: 'left out' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Key: { Type: String }
Resources:
  R:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: [subnet-1, subnet-2, subnet-3]
      EncryptionInfo:
        EncryptionAtRest:
          DataVolumeKMSKeyId: !Ref Key # <--
` },
  ],
});
