import control from '../../../src/controls/resilience/neptuneDeletionProtection.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      DeletionProtection: true # <--
`,
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  deletion_protection = true # <--
}
`, { name: 'on' }),
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
      DeletionProtection: false # <--
`,
    tf(`resource "aws_neptune_cluster" "db" { # <--
  cluster_identifier = "graph"
}
`, { name: 'left out' }),
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  deletion_protection = false # <--
}
`, { name: 'false' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Protect: { Type: String }
Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      DeletionProtection: !Ref Protect # <--
` },
    tf(`variable "protect" {
  type = bool
}

resource "aws_neptune_cluster" "db" {
  cluster_identifier  = "graph"
  deletion_protection = var.protect # <--
}
`, { name: 'from a variable' }),
  ],
});
