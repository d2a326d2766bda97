import control from '../../../src/controls/audit/rdsEnhancedMonitoring.js';
import { cases, tf } from '../../helpers/cases.js';
import { TF_MEMBER, markResource, tfCluster, tfInstance, tfVar } from '../builders/rds.js';

const db = (extra: string, before = '') => `${before}Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true
${extra.replace(/^\n/, '').replace(/\n?$/, '\n')}`;

const ROLE = 'arn:aws:iam::111122223333:role/rds-monitoring';

export default cases(control, {
  pass: [
    { name: 'metrics every 60 seconds', template: db(`      MonitoringInterval: 60 # <--
      MonitoringRoleArn: ${ROLE}`) },
    tf(tfInstance(`  monitoring_interval = 30 # <--
  monitoring_role_arn = "${ROLE}"`), { name: 'aws_db_instance monitoring_interval = 30' }),
    tf(tfCluster('') + TF_MEMBER.replace('  instance_class     = "db.r6g.large"\n', `  instance_class     = "db.r6g.large"\n  monitoring_interval = 5 # <--\n  monitoring_role_arn = "${ROLE}"\n`), { name: 'aws_rds_cluster_instance monitoring_interval = 5' }),
  ],
  fail: [
    { name: 'not set: off', template: db('      MultiAZ: true').replace('  Db:\n', '  Db: # <--\n') },
    { name: 'interval 0', template: db('      MonitoringInterval: 0 # <--') },
    tf(markResource(tfInstance(), 'aws_db_instance.db'), { name: 'monitoring_interval not set (defaults to 0)' }),
    tf(tfInstance('  monitoring_interval = 0 # <--'), { name: 'monitoring_interval = 0' }),
  ],
  unknown: [
    { name: 'interval from a parameter without default', template: db(`      MonitoringInterval: !Ref Interval # <--
      MonitoringRoleArn: ${ROLE}`, 'Parameters:\n  Interval: { Type: Number }\n') },
    tf(tfInstance(`  monitoring_interval = var.interval # <--
  monitoring_role_arn = "${ROLE}"`, { before: tfVar('interval', 'number') }), { name: 'monitoring_interval from a variable without a value' }),
  ],
});
