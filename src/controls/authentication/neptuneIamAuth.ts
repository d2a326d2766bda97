import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-NEP-004',
  title: 'Neptune clusters require IAM database authentication',
  domain: 'authentication',
  severity: 'medium',
  resourceTypes: ['AWS::Neptune::DBCluster'],
  rationale: 'With IAM database authentication, every connection to Neptune is signed with IAM credentials, so access is granted, scoped and revoked through IAM policies and appears in CloudTrail; without it any client that reaches the endpoint over the network can query the graph.',
  remediation: 'Set IamAuthEnabled: true and grant neptune-db:* actions to the principals that need them.',
  remediationTerraform: 'Set iam_database_authentication_enabled = true on the aws_neptune_cluster and grant neptune-db:* actions to the principals that need them.',
  references: { checkov: ['CKV_AWS_359'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('IamAuthEnabled', isTrue, {
      pass: 'connections must be authenticated with IAM',
      fail: 'IamAuthEnabled is not true: the cluster accepts connections without IAM authentication (the default)',
      unknown: 'IAM authentication depends on a deploy-time value',
    });
  },
});
