import control from '../../../src/controls/audit/guardDutyEksAuditLogs.js';
import { cases, tf } from '../../helpers/cases.js';
import { detector, feature, tfDetector, tfFeature, tfVar } from '../builders/guardduty.js';

export default cases(control, {
  pass: [
    { name: 'EKS_AUDIT_LOGS ENABLED', template: detector(feature('EKS_AUDIT_LOGS', 'ENABLED')) },
    tf(tfDetector('', { after: tfFeature('EKS_AUDIT_LOGS', 'ENABLED') }), { name: 'aws_guardduty_detector_feature EKS_AUDIT_LOGS ENABLED' }),
    { name: 'not declared: a new detector enables it by default', template: detector('', { marked: true }) },
    tf(tfDetector('', { marked: true }), { name: 'not declared: a new detector enables it by default' }),
  ],
  fail: [
    { name: 'EKS_AUDIT_LOGS DISABLED next to another feature', template: detector(`      Features:
        - Name: S3_DATA_EVENTS
          Status: ENABLED
        - Name: EKS_AUDIT_LOGS
          Status: DISABLED # <--`) },
    tf(tfDetector('', { after: tfFeature('EKS_AUDIT_LOGS', 'DISABLED') }), { name: 'aws_guardduty_detector_feature EKS_AUDIT_LOGS DISABLED' }),
    { name: 'older DataSources setting off', template: detector(`      DataSources:
        Kubernetes:
          AuditLogs:
            Enable: false # <--`) },
    tf(tfDetector(`  datasources {
    kubernetes {
      audit_logs {
        enable = false # <--
      }
    }
  }`), { name: 'datasources setting off (provider before 6)' }),
  ],
  unknown: [
    { name: 'status from a parameter without default', template: detector(feature('EKS_AUDIT_LOGS', '!Ref PlanStatus'), { before: 'Parameters:\n  PlanStatus: { Type: String }\n' }) },
    tf(tfDetector('', { before: tfVar('plan_status'), after: tfFeature('EKS_AUDIT_LOGS', 'var.plan_status') }), { name: 'feature status from a variable without a value' }),
  ],
  not_applicable: [
    { name: 'detector disabled (AT-GD-001 fails it)', template: detector().replace('Enable: true', 'Enable: false') },
    tf(tfDetector().replace('enable = true', 'enable = false'), { name: 'enable = false' }),
  ],
});
