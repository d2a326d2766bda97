import control from '../../../src/controls/data-protection/rdsRequireTls.js';
import { cases } from '../../helpers/cases.js';

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
  ],
});
