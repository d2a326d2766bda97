import control from '../../../src/controls/audit/mskBrokerLogging.js';
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
      LoggingInfo:
        BrokerLogs:
          CloudWatchLogs:
            Enabled: true # <--
            LogGroup: /msk/events
`,
    tf(`resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
  }
  
  logging_info {
    broker_logs {
      s3 {
        enabled = true # <--
        bucket  = "logs"
      }
    }
  }
}
`, { name: 's3 enabled' }),
  ],
  fail: [
    { name: 'no LoggingInfo', template: `Resources:
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
    { name: 'destination disabled', template: `Resources:
  R:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: [subnet-1, subnet-2, subnet-3]
      LoggingInfo: # <--
        BrokerLogs:
          CloudWatchLogs:
            Enabled: false
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
`, { name: 'no logging_info' }),
  ],
  unknown: [
    tf(`variable "log" {
  type = bool
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
  }
  
  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = var.log # <--
        log_group = "/msk/events"
      }
    }
  }
}
`, { name: 'from a variable' }),
  ],
});
