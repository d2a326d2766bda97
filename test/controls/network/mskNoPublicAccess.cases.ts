import control from '../../../src/controls/network/mskNoPublicAccess.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'left out (DISABLED)', template: `Resources:
  R:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo: # <--
        InstanceType: kafka.m5.large
        ClientSubnets: [subnet-1, subnet-2, subnet-3]
` },
    { name: 'DISABLED', template: `Resources:
  R:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: [subnet-1, subnet-2, subnet-3]
        ConnectivityInfo:
          PublicAccess:
            Type: DISABLED # <--
` },
    tf(`resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  
  broker_node_group_info {
    instance_type  = "kafka.m5.large" # <--
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
  }
}
`, { name: 'left out' }),
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
        ConnectivityInfo:
          PublicAccess:
            Type: SERVICE_PROVIDED_EIPS # <--
`,
    tf(`resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
    connectivity_info {
      public_access {
        type = "SERVICE_PROVIDED_EIPS" # <--
      }
    }
  }
}
`, { name: 'public access on' }),
  ],
  unknown: [
    tf(`variable "access" {
  type = string
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
    connectivity_info {
      public_access {
        type = var.access # <--
      }
    }
  }
}
`, { name: 'from a variable' }),
  ],
});
