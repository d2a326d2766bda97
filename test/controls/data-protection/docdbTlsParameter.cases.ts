import control from '../../../src/controls/data-protection/docdbTlsParameter.js';
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
        tls: enabled # <--
`,
    { name: 'tls left out (enabled)', template: `Resources:
  R:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: app
      Family: docdb5.0
      Parameters: # <--
        audit_logs: enabled
` },
    tf(`resource "aws_docdb_cluster_parameter_group" "app" {
  name   = "app"
  family = "docdb5.0"
  
  parameter {
    name  = "tls" # <--
    value = "tls1.2+"
  }
}
`, { name: 'tls1.2+' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: app
      Family: docdb5.0
      Parameters:
        tls: disabled # <--
`,
    tf(`resource "aws_docdb_cluster_parameter_group" "app" {
  name   = "app"
  family = "docdb5.0"
  
  parameter {
    name  = "tls" # <--
    value = "disabled"
  }
}
`, { name: 'disabled' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Tls: { Type: String }
Resources:
  R:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: app
      Family: docdb5.0
      Parameters:
        tls: !Ref Tls # <--
` },
    tf(`variable "tls" {
  type = string
}

resource "aws_docdb_cluster_parameter_group" "app" {
  name   = "app"
  family = "docdb5.0"
  
  parameter {
    name  = "tls" # <--
    value = var.tls
  }
}
`, { name: 'from a variable' }),
  ],
});
