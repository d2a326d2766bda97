import control from '../../../src/controls/audit/neptuneAuditLogParameter.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::Neptune::DBClusterParameterGroup
    Properties:
      Description: graph
      Family: neptune1.3
      Parameters:
        neptune_enable_audit_log: 1 # <--
`,
    tf(`resource "aws_neptune_cluster_parameter_group" "graph" {
  name   = "graph"
  family = "neptune1.3"
  
  parameter {
    name  = "neptune_enable_audit_log" # <--
    value = "1"
  }
}
`, { name: 'enabled' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R:
    Type: AWS::Neptune::DBClusterParameterGroup
    Properties:
      Description: graph
      Family: neptune1.3
      Parameters: # <--
        neptune_query_timeout: 120000
` },
    `Resources:
  R:
    Type: AWS::Neptune::DBClusterParameterGroup
    Properties:
      Description: graph
      Family: neptune1.3
      Parameters:
        neptune_enable_audit_log: 0 # <--
`,
    tf(`resource "aws_neptune_cluster_parameter_group" "graph" { # <--
  name   = "graph"
  family = "neptune1.3"
}
`, { name: 'no parameters' }),
  ],
  unknown: [
    tf(`variable "audit" {
  type = string
}

resource "aws_neptune_cluster_parameter_group" "graph" {
  name   = "graph"
  family = "neptune1.3"
  
  parameter {
    name  = "neptune_enable_audit_log" # <--
    value = var.audit
  }
}
`, { name: 'from a variable' }),
  ],
});
