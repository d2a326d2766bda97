import control from '../../../src/controls/authentication/neptuneIamAuth.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      IamAuthEnabled: true # <--
`,
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  iam_database_authentication_enabled = true # <--
}
`, { name: 'IAM authentication on' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  Db: # <--
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
` },
    `Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      IamAuthEnabled: false # <--
`,
    tf(`resource "aws_neptune_cluster" "db" { # <--
  cluster_identifier = "graph"
}
`, { name: 'left out' }),
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  iam_database_authentication_enabled = false # <--
}
`, { name: 'false' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Iam: { Type: String }
Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      IamAuthEnabled: !Ref Iam # <--
` },
    tf(`variable "iam" {
  type = bool
}

resource "aws_neptune_cluster" "db" {
  cluster_identifier                  = "graph"
  iam_database_authentication_enabled = var.iam # <--
}
`, { name: 'from a variable' }),
  ],
});
