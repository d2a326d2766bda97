import control from '../../../src/controls/audit/docdbAuditLogsParameter.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: app
      Family: docdb5.0
      Parameters:
        audit_logs: enabled # <--
`,
    tf(`resource "aws_docdb_cluster_parameter_group" "app" {
  name   = "app"
  family = "docdb5.0"
  
  parameter {
    name  = "audit_logs" # <--
    value = "all"
  }
}
`, { name: 'all' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: app
      Family: docdb5.0
      Parameters: # <--
        tls: enabled
` },
    `Resources:
  R:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: app
      Family: docdb5.0
      Parameters:
        audit_logs: disabled # <--
`,
    tf(`resource "aws_docdb_cluster_parameter_group" "app" { # <--
  name   = "app"
  family = "docdb5.0"
}
`, { name: 'no parameters' }),
    tf(`resource "aws_docdb_cluster_parameter_group" "app" {
  name   = "app"
  family = "docdb5.0"
  
  parameter {
    name  = "audit_logs" # <--
    value = "disabled"
  }
}
`, { name: 'disabled' }),
  ],
  unknown: [
    tf(`variable "audit" {
  type = string
}

resource "aws_docdb_cluster_parameter_group" "app" {
  name   = "app"
  family = "docdb5.0"
  
  parameter {
    name  = "audit_logs" # <--
    value = var.audit
  }
}
`, { name: 'from a variable' }),
  ],
});
