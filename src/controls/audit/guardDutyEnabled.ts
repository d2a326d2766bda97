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
  references: {},
  frameworks: { 'soc2-tsc-2017': ['CC7.2', 'CC7.3'], 'nist-csf-2.0': ['DE.CM-01', 'DE.AE-02'], gdpr: ['Art.32(1)(d)', 'Art.33'] },
  evaluate(r) {
    return r.expect('Enable', isTrue, {
      pass: 'the detector is enabled',
      fail: 'Enable is not true: GuardDuty threat detection is off',
    });
  },
});
