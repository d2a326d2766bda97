import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-ECR-001',
  title: 'ECR repositories scan images on push',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::ECR::Repository'],
  rationale: 'Scanning on push reports known vulnerabilities in an image before it is deployed. A registry-level enhanced scanning configuration (Amazon Inspector) can cover this too, but it is not visible in the repository declaration.',
  remediation: 'Set ImageScanningConfiguration.ScanOnPush: true, or configure registry-wide enhanced scanning and suppress this control with that reason.',
  remediationTerraform: 'Add image_scanning_configuration { scan_on_push = true } to the aws_ecr_repository, or configure registry-wide enhanced scanning (aws_ecr_registry_scanning_configuration) and suppress this control with that reason.',
  references: { checkov: ['CKV_AWS_163'], trivy: ['AVD-AWS-0030'], cfn_nag: [], cdk_nag: [], guard: ['ECR_REPO_SCAN_ON_PUSH_RULE'] },
  evaluate(r) {
    return r.expect('ImageScanningConfiguration.ScanOnPush', isTrue, {
      pass: 'images are scanned on push',
      fail: 'ScanOnPush is not true: pushed images are not scanned by the repository',
      unknown: 'scan on push depends on a deploy-time value',
    });
  },
});
