import control from '../../../src/controls/data-protection/rdsStorageEncrypted.js';
import { cases } from '../../helpers/cases.js';

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
  ],
});
