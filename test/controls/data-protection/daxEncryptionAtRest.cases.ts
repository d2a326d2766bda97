import control from '../../../src/controls/data-protection/daxEncryptionAtRest.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::DAX::Cluster
    Properties:
      ClusterName: cache
      NodeType: dax.r5.large
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::111122223333:role/dax
      SSESpecification:
        SSEEnabled: true # <--
`,
    tf(`resource "aws_dax_cluster" "cache" {
  cluster_name       = "cache"
  node_type          = "dax.r5.large"
  replication_factor = 3
  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
  
  server_side_encryption {
    enabled = true # <--
  }
}
`, { name: 'enabled' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::DAX::Cluster
    Properties:
      ClusterName: cache
      NodeType: dax.r5.large
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::111122223333:role/dax
` },
    `Resources:
  R:
    Type: AWS::DAX::Cluster
    Properties:
      ClusterName: cache
      NodeType: dax.r5.large
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::111122223333:role/dax
      SSESpecification:
        SSEEnabled: false # <--
`,
    tf(`resource "aws_dax_cluster" "cache" { # <--
  cluster_name       = "cache"
  node_type          = "dax.r5.large"
  replication_factor = 3
  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
}
`, { name: 'left out' }),
  ],
  unknown: [
    tf(`variable "sse" {
  type = bool
}

resource "aws_dax_cluster" "cache" {
  cluster_name       = "cache"
  node_type          = "dax.r5.large"
  replication_factor = 3
  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
  
  server_side_encryption {
    enabled = var.sse # <--
  }
}
`, { name: 'from a variable' }),
  ],
});
