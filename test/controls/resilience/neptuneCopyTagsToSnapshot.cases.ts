import control from '../../../src/controls/resilience/neptuneCopyTagsToSnapshot.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      CopyTagsToSnapshot: true # <--
`,
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  copy_tags_to_snapshot = true # <--
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
    tf(`resource "aws_neptune_cluster" "db" { # <--
  cluster_identifier = "graph"
}
`, { name: 'left out' }),
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  copy_tags_to_snapshot = false # <--
}
`, { name: 'false' }),
  ],
  unknown: [
    tf(`variable "copy" {
  type = bool
}

resource "aws_neptune_cluster" "db" {
  cluster_identifier    = "graph"
  copy_tags_to_snapshot = var.copy # <--
}
`, { name: 'from a variable' }),
  ],
});
