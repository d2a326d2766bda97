import control from '../../../src/controls/deployment/statefulDeletionPolicy.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Table:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain # <--
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST`,
    { name: 'RDS cluster default is Snapshot', template: `Resources:
  Db: # <--
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql` },
  ],
  fail: [
    `Resources:
  Bucket: # <--
    Type: AWS::S3::Bucket`,
    { name: 'Snapshot not supported for S3', template: `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Snapshot # <--` },
    `{"Resources": {"Key": {"Type": "AWS::KMS::Key", "DeletionPolicy": "Delete", "Properties": {}}}}`,
  ],
  unknown: [
    { name: 'policy from a condition', template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    DeletionPolicy: !If [IsProd, Retain, Delete] # <--` },
  ],
  not_applicable: [
    `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    DeletionPolicy: Snapshot
    Properties: { Engine: aurora-mysql }
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster`,
  ],
});
