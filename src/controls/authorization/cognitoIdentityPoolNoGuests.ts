import { defineControl } from '../api.js';
import { isNotTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-COG-012',
  title: 'Cognito identity pools do not allow unauthenticated (guest) identities',
  domain: 'authorization',
  severity: 'medium',
  resourceTypes: ['AWS::Cognito::IdentityPool'],
  rationale: 'Guest identities hand AWS credentials for the unauthenticated role to anyone who knows the pool id, which is embedded in client apps; any permission on that role is effectively public.',
  remediation: 'Set AllowUnauthenticatedIdentities: false, or keep it only with an unauthenticated role limited to the few actions meant to be public.',
  remediationTerraform: 'Set allow_unauthenticated_identities = false on the aws_cognito_identity_pool (the provider\'s default), or keep it true only with an unauthenticated role, attached through aws_cognito_identity_pool_roles_attachment, limited to the few actions meant to be public.',
  references: { checkov: ['CKV_AWS_366'], cfn_nag: ['W57'], cdk_nag: ['AwsSolutions-COG7'], guard: ['COGNITO_ALLOW_UNAUTHENTICATED_IDENTITIES_RULE'] },
  evaluate(r) {
    return r.expect('AllowUnauthenticatedIdentities', isNotTrue, {
      pass: 'unauthenticated identities are not allowed',
      fail: 'AllowUnauthenticatedIdentities is true: anyone with the pool id gets AWS credentials',
      unknown: 'whether guests are allowed depends on a parameter',
    }, 'not set: false');
  },
});
