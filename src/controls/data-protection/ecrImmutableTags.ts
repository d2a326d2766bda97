import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-ECR-002',
  title: 'ECR repositories make image tags immutable',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::ECR::Repository'],
  rationale: 'With mutable tags anyone who can push can replace the image behind a tag that deployments already trust, silently changing what runs. Tags are mutable by default.',
  remediation: 'Set ImageTagMutability: IMMUTABLE and deploy by unique tag or digest.',
  remediationTerraform: 'Set image_tag_mutability = "IMMUTABLE" on the aws_ecr_repository (the provider defaults to MUTABLE) and deploy by unique tag or digest.',
  references: { checkov: ['CKV_AWS_51'], trivy: ['AVD-AWS-0031'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('ImageTagMutability', oneOf(['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION']), {
      pass: 'image tags are immutable',
      fail: 'ImageTagMutability is not IMMUTABLE: pushed tags can be overwritten',
      unknown: 'tag mutability depends on a deploy-time value',
    });
  },
});
