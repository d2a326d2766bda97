import control from '../../../src/controls/audit/guardDutyRdsProtection.js';
import { cases, tf } from '../../helpers/cases.js';
import { detector, feature, tfDetector, tfFeature, tfVar } from '../builders/guardduty.js';

export default cases(control, {
  pass: [
    { name: 'RDS_LOGIN_EVENTS ENABLED', template: detector(feature('RDS_LOGIN_EVENTS', 'ENABLED')) },
    tf(tfDetector('', { after: tfFeature('RDS_LOGIN_EVENTS', 'ENABLED') }), { name: 'aws_guardduty_detector_feature RDS_LOGIN_EVENTS ENABLED' }),
    { name: 'not declared: a new detector enables it by default', template: detector('', { marked: true }) },
    tf(tfDetector('', { marked: true }), { name: 'not declared: a new detector enables it by default' }),
  ],
  fail: [
    { name: 'RDS_LOGIN_EVENTS DISABLED next to another feature', template: detector(`      Features:
        - Name: S3_DATA_EVENTS
          Status: ENABLED
        - Name: RDS_LOGIN_EVENTS
          Status: DISABLED # <--`) },
    tf(tfDetector('', { after: tfFeature('RDS_LOGIN_EVENTS', 'DISABLED') }), { name: 'aws_guardduty_detector_feature RDS_LOGIN_EVENTS DISABLED' }),
  ],
  unknown: [
    { name: 'status from a parameter without default', template: detector(feature('RDS_LOGIN_EVENTS', '!Ref PlanStatus'), { before: 'Parameters:\n  PlanStatus: { Type: String }\n' }) },
    tf(tfDetector('', { before: tfVar('plan_status'), after: tfFeature('RDS_LOGIN_EVENTS', 'var.plan_status') }), { name: 'feature status from a variable without a value' }),
  ],
  not_applicable: [
    { name: 'detector disabled (AT-GD-001 fails it)', template: detector().replace('Enable: true', 'Enable: false') },
    tf(tfDetector().replace('enable = true', 'enable = false'), { name: 'enable = false' }),
  ],
});
