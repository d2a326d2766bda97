import control from '../../../src/controls/audit/eksControlPlaneLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'all five log types', template: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
      Logging:
        ClusterLogging:
          EnabledTypes: # <--
            - Type: api
            - Type: audit
            - Type: authenticator
            - Type: controllerManager
            - Type: scheduler
` },
    tf(`resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0a"]
  }

  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"] # <--
}
`, { name: 'enabled_cluster_log_types lists all five' }),
  ],
  fail: [
    { name: 'logging not configured', template: `Resources:
  Cluster: # <--
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
` },
    { name: 'authenticator log missing', template: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
      Logging:
        ClusterLogging:
          EnabledTypes: # <--
            - Type: api
            - Type: audit
` },
    tf(`resource "aws_eks_cluster" "main" { # <--
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0a"]
  }
}
`, { name: 'no enabled_cluster_log_types' }),
    tf(`resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0a"]
  }

  enabled_cluster_log_types = ["api", "audit"] # <--
}
`, { name: 'authenticator missing from enabled_cluster_log_types' }),
  ],
  unknown: [
    { name: 'a log type from a parameter', template: `Parameters:
  Extra: { Type: String }
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
      Logging:
        ClusterLogging:
          EnabledTypes:
            - Type: api
            - Type: audit
            - Type: !Ref Extra # <--
` },
    tf(`variable "third_log" {
  type = string
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0a"]
  }

  enabled_cluster_log_types = [
    "api",
    "audit",
    var.third_log, # <--
  ]
}
`, { name: 'one log type from a variable without a value' }),
  ],
});
