import control from '../../../src/controls/deployment/rdsAutoMinorUpgrade.js';
import { cases, tf } from '../../helpers/cases.js';
import { TF_MEMBER, markResource, tfCluster, tfInstance, tfVar } from '../builders/rds.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
`,
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      AutoMinorVersionUpgrade: true
`,
    `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: !Ref Cluster
`,
    tf(markResource(tfInstance(), 'aws_db_instance.db'), { name: 'auto_minor_version_upgrade not set (defaults to true)' }),
    tf(tfInstance('  auto_minor_version_upgrade = true # <--'), { name: 'auto_minor_version_upgrade = true' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      AutoMinorVersionUpgrade: false
`,
    { name: "parameter default false", template: `Parameters:
  Up: { Type: String, Default: 'false' }
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      AutoMinorVersionUpgrade: !Ref Up
` },
    tf(tfInstance('  auto_minor_version_upgrade = false # <--'), { name: 'aws_db_instance auto_minor_version_upgrade = false' }),
    tf(tfCluster('').concat(TF_MEMBER.replace('  instance_class     = "db.r6g.large"\n', '  instance_class     = "db.r6g.large"\n  auto_minor_version_upgrade = false # <--\n')), { name: 'aws_rds_cluster_instance auto_minor_version_upgrade = false' }),
  ],
  unknown: [
    { name: "Fn::If on an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      AutoMinorVersionUpgrade: !If [IsProd, false, true]
` },
    tf(tfInstance('  auto_minor_version_upgrade = var.patch # <--', { before: tfVar('patch', 'bool') }), { name: 'auto_minor_version_upgrade from a variable without a value' }),
  ],
});
