import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-CT-005',
  title: 'CloudTrail trails are logging',
  domain: 'audit',
  severity: 'high',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  rationale: 'A trail with logging stopped records nothing; declaring it gives a false impression that API activity is audited.',
  remediation: 'Set IsLogging: true.',
  remediationTerraform: 'Remove enable_logging = false from the aws_cloudtrail (the provider starts logging by default) or set it to true.',
  references: { guard: ['CLOUD_TRAIL_ENABLED'] },
  evaluate(r) {
    return r.expect('IsLogging', isTrue, {
      pass: 'the trail is logging',
      fail: 'IsLogging is not true: the trail records no events',
    });
  },
});
