import control from '../../../src/controls/audit/ecsContainerInsights.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterSettings:
        - Name: containerInsights
          Value: enabled # <--
`,
    tf(`resource "aws_ecs_cluster" "main" {
  name = "main"

  setting {
    name  = "containerInsights"
    value = "enhanced" # <--
  }
}
`, { name: 'enhanced' }),
  ],
  fail: [
    `Resources:
  Cluster: # <--
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: main
`,
    `Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterSettings:
        - Name: containerInsights
          Value: disabled # <--
`,
    tf(`resource "aws_ecs_cluster" "main" { # <--
  name = "main"
}
`, { name: 'no setting' }),
  ],
  unknown: [
    tf(`variable "insights" {
  type = string
}

resource "aws_ecs_cluster" "main" {
  name = "main"

  setting {
    name  = "containerInsights"
    value = var.insights # <--
  }
}
`, { name: 'from a variable without a value' }),
  ],
});
