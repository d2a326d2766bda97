import control from '../../../src/controls/data-protection/rdsRequireTls.js';
import { cases, tf } from '../../helpers/cases.js';
import { TF_MEMBER, markResource, tfCluster, tfInstance, tfVar } from '../builders/rds.js';

export default cases(control, {
  pass: [
    { name: 'PostgreSQL instance with a group forcing SSL', template: `Resources:
  Params:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: postgres14
      Description: TLS only
      Parameters:
        rds.force_ssl: 1 # <--
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EngineVersion: "14.12"
      DBInstanceClass: db.t4g.micro
      DBParameterGroupName: !Ref Params
` },
    { name: 'Aurora MySQL cluster requiring secure transport', template: `Resources:
  ClusterParams:
    Type: AWS::RDS::DBClusterParameterGroup
    Properties:
      Family: aurora-mysql8.0
      Description: TLS only
      Parameters:
        require_secure_transport: "ON" # <--
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      DBClusterParameterGroupName: !Ref ClusterParams
` },
    { name: 'PostgreSQL 16 on the default group (force_ssl defaults to 1 from 15)', template: `Resources:
  Db: # <--
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EngineVersion: "16.4"
      DBInstanceClass: db.t4g.micro
` },
    tf(tfInstance(`  engine_version       = "14.12"
  parameter_group_name = aws_db_parameter_group.tls-only.name`, { before: `resource "aws_db_parameter_group" "tls-only" {
  name   = "tls-only"
  family = "postgres14"

  parameter {
    name  = "rds.force_ssl" # <--
    value = "1"
  }
}

` }), { name: 'aws_db_instance with an aws_db_parameter_group forcing SSL' }),
    tf(tfCluster('  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.cluster-tls.name', { engine: 'aurora-mysql', before: `resource "aws_rds_cluster_parameter_group" "cluster-tls" {
  name   = "cluster-tls"
  family = "aurora-mysql8.0"

  parameter {
    name  = "require_secure_transport" # <--
    value = "ON"
  }
}

` }), { name: 'Aurora MySQL cluster with an aws_rds_cluster_parameter_group requiring secure transport' }),
    tf(tfInstance(`  engine_version       = "14.12"
  parameter_group_name = "tls-only"`, { before: `resource "aws_db_parameter_group" "tls-only" {
  name   = "tls-only"
  family = "postgres14"

  parameter {
    name  = "rds.force_ssl" # <--
    value = "1"
  }
}

` }), { name: 'group named by a literal that matches a group of the configuration' }),
    tf(markResource(tfInstance('  engine_version = "16.4"'), 'aws_db_instance.db'), { name: 'PostgreSQL 16 on the default group (force_ssl defaults to 1 from 15)' }),
  ],
  fail: [
    { name: 'MySQL group that does not set the parameter', template: `Resources:
  Params:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: mysql8.0
      Description: tuning
      Parameters: # <--
        max_connections: 200
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t4g.micro
      DBParameterGroupName: !Ref Params
` },
    { name: 'parameter switched off', template: `Resources:
  Params:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: postgres16
      Description: plaintext allowed
      Parameters:
        rds.force_ssl: 0 # <--
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      DBParameterGroupName: !Ref Params
` },
    { name: 'Aurora PostgreSQL on the default cluster group', template: `Resources:
  Cluster: # <--
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: app
      ManageMasterUserPassword: true
` },
    tf(tfInstance('  parameter_group_name = aws_db_parameter_group.tuning.name', { engine: 'mysql', before: `resource "aws_db_parameter_group" "tuning" {
  name   = "tuning"
  family = "mysql8.0"

  parameter { # <--
    name  = "max_connections"
    value = "200"
  }
}

` }), { name: 'MySQL group that does not set require_secure_transport' }),
    tf(tfInstance(`  engine_version       = "14.12"
  parameter_group_name = aws_db_parameter_group.tls-only.name`, { before: `resource "aws_db_parameter_group" "tls-only" {
  name   = "tls-only"
  family = "postgres14"

  parameter {
    name  = "rds.force_ssl" # <--
    value = "0"
  }
}

` }), { name: 'rds.force_ssl = 0' }),
  ],
  unknown: [
    { name: 'group named by a parameter', template: `Parameters:
  GroupName: { Type: String }
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      DBParameterGroupName: !Ref GroupName # <--
` },
    { name: 'group not in the scanned templates', template: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mariadb
      DBInstanceClass: db.t4g.micro
      DBParameterGroupName: shared-mariadb-tls # <--
` },
    { name: 'MySQL without a version on the default group', template: `Resources:
  Db: # <--
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t4g.micro
` },
    tf(tfInstance('  parameter_group_name = var.params # <--', { before: tfVar('params', 'string') }), { name: 'parameter_group_name from a variable without a value' }),
    tf(tfInstance('  parameter_group_name = "shared-postgres-params" # <--'), { name: 'group not in the scanned configuration' }),
  ],
  not_applicable: [
    `Resources:
  Member:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: my-cluster
      DBInstanceClass: db.r6g.large
`,
    tf(tfCluster('') + TF_MEMBER, { name: 'aws_rds_cluster_instance: the cluster parameter group decides' }),
  ],
});
