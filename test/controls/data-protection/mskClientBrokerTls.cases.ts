import control from '../../../src/controls/data-protection/mskClientBrokerTls.js';
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
        EncryptionInTransit:
          ClientBroker: TLS # <--
`,
    { name: 'left out (TLS is the default)', template: `Resources:
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
    tf(`resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
  }
  
  encryption_info {
    encryption_in_transit {
      client_broker = "TLS" # <--
    }
  }
}
`, { name: 'client_broker = TLS' }),
    tf(`resource "aws_msk_cluster" "events" { # <--
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
  }
}
`, { name: 'left out (TLS is the default)' }),
  ],
  fail: [
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
        EncryptionInTransit:
          ClientBroker: TLS_PLAINTEXT # <--
`,
    tf(`resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
  }
  
  encryption_info {
    encryption_in_transit {
      client_broker = "PLAINTEXT" # <--
    }
  }
}
`, { name: 'client_broker = PLAINTEXT' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Mode: { Type: String }
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
        EncryptionInTransit:
          ClientBroker: !Ref Mode # <--
` },
    tf(`variable "mode" {
  type = string
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
  }
  
  encryption_info {
    encryption_in_transit {
      client_broker = var.mode # <--
    }
  }
}
`, { name: 'from a variable' }),
  ],
});
