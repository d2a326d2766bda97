import control from '../../../src/controls/resource-governance/rdsCopyTagsToSnapshot.js';
import { cases, tf } from '../../helpers/cases.js';
import { TF_MEMBER, markResource, tfCluster, tfInstance, tfVar } from '../builders/rds.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      CopyTagsToSnapshot: true
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      CopyTagsToSnapshot: 'true'
`,
    tf(tfInstance('  copy_tags_to_snapshot = true # <--'), { name: 'aws_db_instance copy_tags_to_snapshot = true' }),
    tf(tfCluster('  copy_tags_to_snapshot = true # <--'), { name: 'aws_rds_cluster copy_tags_to_snapshot = true' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      CopyTagsToSnapshot: false
`,
    tf(markResource(tfInstance(), 'aws_db_instance.db'), { name: 'copy_tags_to_snapshot not set (defaults to false)' }),
    tf(tfCluster('  copy_tags_to_snapshot = false # <--'), { name: 'aws_rds_cluster copy_tags_to_snapshot = false' }),
  ],
  not_applicable: [
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
    tf(tfCluster('  copy_tags_to_snapshot = true') + TF_MEMBER, { name: 'aws_rds_cluster_instance: the cluster decides' }),
  ],
  unknown: [
    tf(tfInstance('  copy_tags_to_snapshot = var.copy_tags # <--', { before: tfVar('copy_tags', 'bool') }), { name: 'copy_tags_to_snapshot from a variable without a value' }),
  ],
});
