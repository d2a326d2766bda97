import control from '../../../src/controls/audit/guardDutyRuntimeMonitoring.js';
import { cases, tf } from '../../helpers/cases.js';
import { detector, feature, tfDetector, tfFeature, tfVar } from '../builders/guardduty.js';

export default cases(control, {
  pass: [
    { name: 'RUNTIME_MONITORING ENABLED', template: detector(feature('RUNTIME_MONITORING', 'ENABLED')) },
    tf(tfDetector('', { after: tfFeature('RUNTIME_MONITORING', 'ENABLED') }), { name: 'aws_guardduty_detector_feature RUNTIME_MONITORING ENABLED' }),
  ],
  fail: [
    { name: 'RUNTIME_MONITORING DISABLED next to another feature', template: detector(`      Features:
        - Name: S3_DATA_EVENTS
          Status: ENABLED
        - Name: RUNTIME_MONITORING
          Status: DISABLED # <--`) },
    tf(tfDetector('', { after: tfFeature('RUNTIME_MONITORING', 'DISABLED') }), { name: 'aws_guardduty_detector_feature RUNTIME_MONITORING DISABLED' }),
    { name: 'not declared: off unless enabled', template: detector('', { marked: true }) },
    tf(tfDetector('', { marked: true }), { name: 'not declared: off unless enabled' }),
  ],
  unknown: [
    { name: 'status from a parameter without default', template: detector(feature('RUNTIME_MONITORING', '!Ref PlanStatus'), { before: 'Parameters:\n  PlanStatus: { Type: String }\n' }) },
    tf(tfDetector('', { before: tfVar('plan_status'), after: tfFeature('RUNTIME_MONITORING', 'var.plan_status') }), { name: 'feature status from a variable without a value' }),
  ],
  not_applicable: [
    { name: 'detector disabled (AT-GD-001 fails it)', template: detector().replace('Enable: true', 'Enable: false') },
    tf(tfDetector().replace('enable = true', 'enable = false'), { name: 'enable = false' }),
  ],
});
