import control from '../../../src/controls/data-protection/daxEndpointTls.js';
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
      ClusterEndpointEncryptionType: TLS # <--
`,
    tf(`resource "aws_dax_cluster" "cache" {
  cluster_name       = "cache"
  node_type          = "dax.r5.large"
  replication_factor = 3
  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
  cluster_endpoint_encryption_type = "TLS" # <--
}
`, { name: 'TLS' }),
  ],
  fail: [
    { name: 'left out (NONE)', template: `Resources:
  R: # <--
    Type: AWS::DAX::Cluster
    Properties:
      ClusterName: cache
      NodeType: dax.r5.large
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::111122223333:role/dax
` },
    tf(`resource "aws_dax_cluster" "cache" { # <--
  cluster_name       = "cache"
  node_type          = "dax.r5.large"
  replication_factor = 3
  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
}
`, { name: 'left out (NONE)' }),
    tf(`resource "aws_dax_cluster" "cache" {
  cluster_name       = "cache"
  node_type          = "dax.r5.large"
  replication_factor = 3
  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
  cluster_endpoint_encryption_type = "NONE" # <--
}
`, { name: 'NONE' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Enc: { Type: String }
Resources:
  R:
    Type: AWS::DAX::Cluster
    Properties:
      ClusterName: cache
      NodeType: dax.r5.large
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::111122223333:role/dax
      ClusterEndpointEncryptionType: !Ref Enc # <--
` },
    tf(`variable "enc" {
  type = string
}

resource "aws_dax_cluster" "cache" {
  cluster_name                     = "cache"
  node_type                        = "dax.r5.large"
  replication_factor               = 3
  iam_role_arn                     = "arn:aws:iam::111122223333:role/dax"
  cluster_endpoint_encryption_type = var.enc # <--
}
`, { name: 'from a variable' }),
  ],
});
