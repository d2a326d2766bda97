import control from '../../../src/controls/data-protection/redshiftRequireTls.js';
import { cases, tf } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

const group = (params: string) => `  Params:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      Description: warehouse settings
      ParameterGroupFamily: redshift-1.0
      Parameters:
${params.replace(/\n?$/, '\n')}`;

export default cases(control, {
  pass: [
    { name: 'require_ssl true in the referenced group', template: cluster('      ClusterParameterGroupName: !Ref Params', { after: group(`        - ParameterName: require_ssl
          ParameterValue: "true" # <--`) }) },
    tf(`resource "aws_redshift_parameter_group" "params" {
  name   = "warehouse-params"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "true" # <--
  }
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  manage_master_password = true
  publicly_accessible = false
  cluster_parameter_group_name = aws_redshift_parameter_group.params.name
}
`, { name: 'require_ssl true in the referenced aws_redshift_parameter_group' }),
    tf(`resource "aws_redshift_parameter_group" "params" {
  name   = "warehouse-params"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "true" # <--
  }
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  manage_master_password = true
  publicly_accessible = false
  cluster_parameter_group_name = "warehouse-params"
}
`, { name: 'group named by a literal that matches a group of the configuration' }),
  ],
  fail: [
    { name: 'group without require_ssl', template: cluster('      ClusterParameterGroupName: !Ref Params', { after: group(`        - ParameterName: enable_user_activity_logging
          ParameterValue: "true"`).replace('      Parameters:\n', '      Parameters: # <--\n') }) },
    { name: 'require_ssl false', template: cluster('      ClusterParameterGroupName: !Ref Params', { after: group(`        - ParameterName: require_ssl
          ParameterValue: "false" # <--`) }) },
    tf(`resource "aws_redshift_parameter_group" "params" {
  name   = "warehouse-params"
  family = "redshift-1.0"

  parameter { # <--
    name  = "enable_user_activity_logging"
    value = "true"
  }
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  manage_master_password = true
  publicly_accessible = false
  cluster_parameter_group_name = aws_redshift_parameter_group.params.name
}
`, { name: 'group without require_ssl' }),
    tf(`resource "aws_redshift_parameter_group" "params" {
  name   = "warehouse-params"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "false" # <--
  }
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  manage_master_password = true
  publicly_accessible = false
  cluster_parameter_group_name = aws_redshift_parameter_group.params.name
}
`, { name: 'require_ssl false' }),
  ],
  unknown: [
    { name: 'default parameter group', template: cluster('', { marked: true }) },
    { name: 'group not in the scanned templates', template: cluster('      ClusterParameterGroupName: shared-warehouse-params # <--') },
    tf(`resource "aws_redshift_cluster" "warehouse" { # <--
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  manage_master_password = true
  publicly_accessible = false
}
`, { name: 'no cluster_parameter_group_name: the default group' }),
    tf(`resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  manage_master_password = true
  publicly_accessible = false
  cluster_parameter_group_name = "shared-warehouse-params" # <--
}
`, { name: 'group not in the scanned configuration' }),
  ],
});
