import { defineControl } from '../api.js';
import { planOn } from '../lib/guardduty.js';

export default defineControl({
  id: 'AT-GD-004',
  title: 'GuardDuty monitors RDS login activity',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::GuardDuty::Detector'],
  rationale: 'RDS protection analyses login attempts to Aurora and RDS databases for brute force and logins from unusual places. Without it, password guessing against a reachable database raises no finding.',
  remediation: 'Remove the setting that disables it, or add the Features entry { Name: RDS_LOGIN_EVENTS, Status: ENABLED }.',
  remediationTerraform: 'Remove the setting that disables it, or add an aws_guardduty_detector_feature with name = "RDS_LOGIN_EVENTS" and status = "ENABLED".',
  references: {},
  evaluate(r) {
    return planOn(r, { feature: 'RDS_LOGIN_EVENTS', what: 'RDS login events', onByDefault: true });
  },
});
