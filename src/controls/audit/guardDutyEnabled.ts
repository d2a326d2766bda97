import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-GD-001',
  title: 'GuardDuty detectors are enabled',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::GuardDuty::Detector'],
  rationale: 'GuardDuty analyses CloudTrail, VPC flow and DNS logs for signs of compromise; a disabled detector produces no findings.',
  remediation: 'Set Enable: true on the detector.',
  remediationTerraform: 'Remove enable = false from the aws_guardduty_detector (the provider enables the detector by default) or set enable = true.',
  references: {},
  evaluate(r) {
    return r.expect('Enable', isTrue, {
      pass: 'the detector is enabled',
      fail: 'Enable is not true: GuardDuty threat detection is off',
    });
  },
});
