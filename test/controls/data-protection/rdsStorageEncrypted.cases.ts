import control from '../../../src/controls/data-protection/rdsStorageEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';
import { TF_MEMBER, markResource, tfCluster, tfInstance, tfVar } from '../builders/rds.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: true`,
    { name: 'string "true" from a parameter default', template: `Parameters:
  Encrypt:
    Type: String
    Default: "true"
Resources:
  Db:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      StorageEncrypted: !Ref Encrypt` },
    { name: 'Fn::If whose both branches encrypt', template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: !If [IsProd, true, "true"]` },
    tf(tfInstance('  storage_encrypted = true # <--'), { name: 'aws_db_instance storage_encrypted = true' }),
    tf(tfCluster('  storage_encrypted = true # <--'), { name: 'aws_rds_cluster storage_encrypted = true' }),
    tf(markResource(tfCluster('  engine_mode = "serverless"', { engine: 'aurora-mysql' }), 'aws_rds_cluster.main'), { name: 'Aurora Serverless v1 cluster: always encrypted' }),
  ],
  fail: [
    `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql`,
    `{"Resources": {"Db": {"Type": "AWS::RDS::DBCluster", "Properties": {"StorageEncrypted": false}}}}`,
    { name: 'parameter overridden to false', params: { Encrypt: 'false' }, template: `Parameters:
  Encrypt: { Type: String, Default: "true" }
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: !Ref Encrypt` },
    tf(markResource(tfInstance(), 'aws_db_instance.db'), { name: 'aws_db_instance without storage_encrypted (defaults to false)' }),
    tf(tfCluster('  storage_encrypted = false # <--'), { name: 'aws_rds_cluster storage_encrypted = false' }),
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  Encrypt: { Type: String }
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: !Ref Encrypt` },
    { name: 'condition on a parameter picks true or false', template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: !If [IsProd, true, false]` },
    tf(tfInstance('  storage_encrypted = var.encrypt # <--', { before: tfVar('encrypt', 'bool') }), { name: 'storage_encrypted from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: { StorageEncrypted: true }
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster`,
    tf(tfCluster('  storage_encrypted = true') + TF_MEMBER, { name: 'aws_rds_cluster_instance: the cluster decides' }),
  ],
});
