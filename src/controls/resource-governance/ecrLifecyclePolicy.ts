import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-ECR-004',
  title: 'ECR repositories have a lifecycle policy',
  domain: 'resource-governance',
  severity: 'low',
  resourceTypes: ['AWS::ECR::Repository'],
  rationale: 'Without a lifecycle policy every image ever pushed is kept: old, vulnerable images stay pullable and storage grows without bound.',
  remediation: 'Set LifecyclePolicy.LifecyclePolicyText with rules expiring untagged and old images.',
  remediationTerraform: 'Declare an aws_ecr_lifecycle_policy for the repository whose policy expires untagged and old images.',
  references: {},
  evaluate(r) {
    return r.expect('LifecyclePolicy.LifecyclePolicyText', isPresent, {
      pass: 'the repository has a lifecycle policy',
      fail: 'the repository has no lifecycle policy: images are never expired',
      unknown: 'the lifecycle policy depends on a value not known statically',
    }, 'not set');
  },
});
