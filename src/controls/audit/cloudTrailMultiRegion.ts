import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-CT-001',
  title: 'CloudTrail trails record events in every region',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  rationale: 'A single-region trail leaves activity in every other region unrecorded, which is exactly where an intruder would create resources to avoid notice.',
  remediation: 'Set IsMultiRegionTrail: true on the trail.',
  remediationTerraform: 'Set is_multi_region_trail = true on the aws_cloudtrail; the provider creates a single-region trail when unset.',
  references: { checkov: ['CKV_AWS_67'], trivy: ['AVD-AWS-0014'], guard: ['MULTI_REGION_CLOUD_TRAIL_ENABLED'] },
  evaluate(r) {
    return r.expect('IsMultiRegionTrail', isTrue, {
      pass: 'the trail records API activity in all regions',
      fail: 'IsMultiRegionTrail is not true: activity in other regions is not recorded by this trail',
    });
  },
});
