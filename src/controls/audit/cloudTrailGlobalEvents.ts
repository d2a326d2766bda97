import { defineControl } from '../api.js';
import { asBool } from '../../model/value.js';

export default defineControl({
  id: 'AT-CT-006',
  title: 'CloudTrail trails record global service events',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  rationale: 'IAM, STS and other global services report their events only to trails that include global service events; excluding them hides credential and permission changes.',
  remediation: 'Remove IncludeGlobalServiceEvents: false (the default is true), at least on one multi-region trail.',
  remediationTerraform: 'Remove include_global_service_events = false from the aws_cloudtrail (the provider defaults it to true), at least on one multi-region trail.',
  references: {},
  evaluate(r) {
    // Absent means true; only an explicit false fails.
    return r.expect('IncludeGlobalServiceEvents', (v) => (v && v.k === 'unknown' ? { unknown: v } : asBool(v) !== false), {
      pass: 'global service events (IAM, STS, CloudFront) are recorded',
      fail: 'IncludeGlobalServiceEvents is false: IAM and STS activity is not recorded by this trail',
    });
  },
});
