import control from '../../../src/controls/resilience/rdsAuroraBacktrack.js';
import { cases, tf } from '../../helpers/cases.js';
import { markResource, tfCluster, tfVar } from '../builders/rds.js';

const cluster = (extra: string, engine = 'aurora-mysql', before = '') => `${before}Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: ${engine}
      MasterUsername: app
      ManageMasterUserPassword: true
${extra.replace(/^\n/, '').replace(/\n?$/, '\n')}`;

export default cases(control, {
  pass: [
    { name: '24-hour backtrack window', template: cluster('      BacktrackWindow: 86400 # <--') },
    tf(tfCluster('  backtrack_window = 86400 # <--', { engine: 'aurora-mysql' }), { name: 'backtrack_window = 86400' }),
  ],
  fail: [
    { name: 'not set', template: cluster('      StorageEncrypted: true').replace('  Cluster:\n', '  Cluster: # <--\n') },
    { name: 'window 0', template: cluster('      BacktrackWindow: 0 # <--') },
    tf(markResource(tfCluster('  storage_encrypted = true', { engine: 'aurora-mysql' }), 'aws_rds_cluster.main'), { name: 'backtrack_window not set (defaults to 0)' }),
    tf(tfCluster('  backtrack_window = 0 # <--', { engine: 'aurora-mysql' }), { name: 'backtrack_window = 0' }),
  ],
  unknown: [
    { name: 'window from a parameter without default', template: cluster('      BacktrackWindow: !Ref Window # <--', 'aurora-mysql', 'Parameters:\n  Window: { Type: Number }\n') },
    tf(tfCluster('  backtrack_window = var.window # <--', { engine: 'aurora-mysql', before: tfVar('window', 'number') }), { name: 'backtrack_window from a variable without a value' }),
    tf(tfCluster('', { engine: '${var.engine}', before: tfVar('engine', 'string') }).replace('  engine                      = "${var.engine}"\n', '  engine                      = var.engine # <--\n'), { name: 'engine from a variable without a value' }),
  ],
  not_applicable: [
    { name: 'Aurora PostgreSQL', template: cluster('      StorageEncrypted: true', 'aurora-postgresql') },
    tf(tfCluster('  storage_encrypted = true'), { name: 'aws_rds_cluster running aurora-postgresql' }),
    tf(tfCluster('  engine_mode = "serverless"', { engine: 'aurora-mysql' }), { name: 'Aurora Serverless v1' }),
  ],
});
