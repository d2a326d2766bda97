import { defineControl } from '../api.js';
import { judgeNotPublic } from '../lib/resourcePolicy.js';

export default defineControl({
  id: 'AT-ECR-005',
  title: 'ECR repository policies do not allow any principal without a condition pinning the caller',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::ECR::Repository'],
  rationale: 'A repository policy granting Principal "*" lets any AWS account pull the images (and with write actions, push over them), exposing code and embedded secrets or letting an attacker replace what is deployed. A repository without a policy is reachable only from its own account and passes.',
  remediation: 'Name the accounts or roles in RepositoryPolicyText, or restrict Principal "*" with a Condition on aws:PrincipalOrgID or aws:SourceAccount.',
  remediationTerraform: 'In the policy of the aws_ecr_repository_policy, name the accounts or roles, or restrict Principal "*" with a condition on aws:PrincipalOrgID or aws:SourceAccount.',
  references: { trivy: ['AVD-AWS-0032'] },
  evaluate(r) {
    return judgeNotPublic(r, 'RepositoryPolicyText', 'repository');
  },
});
