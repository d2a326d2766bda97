import { defineControl } from '../api.js';
import { planOn } from '../lib/guardduty.js';

export { featureEntry } from '../lib/guardduty.js';

export default defineControl({
  id: 'AT-GD-002',
  title: 'GuardDuty S3 protection is enabled',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::GuardDuty::Detector'],
  rationale: 'S3 protection watches data-plane events on buckets for unusual access and exfiltration patterns that management events alone do not show. A new detector turns it on unless the template disables it.',
  remediation: 'Remove the setting that disables it, or add the Features entry { Name: S3_DATA_EVENTS, Status: ENABLED } (or the older DataSources.S3Logs.Enable: true).',
  remediationTerraform: 'Remove the setting that disables it (status = "DISABLED" on the aws_guardduty_detector_feature named S3_DATA_EVENTS, or enable = false in datasources { s3_logs } of the aws_guardduty_detector), or add an aws_guardduty_detector_feature with detector_id set to the detector, name = "S3_DATA_EVENTS" and status = "ENABLED".',
  references: {},
  evaluate(r) {
    return planOn(r, { feature: 'S3_DATA_EVENTS', legacy: 'DataSources.S3Logs.Enable', what: 'S3 data events', onByDefault: true });
  },
});
