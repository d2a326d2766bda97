import { defineControl } from '../api.js';
import { isNotTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-COG-013',
  title: 'Cognito identity pools do not enable the basic (classic) authentication flow',
  domain: 'authorization',
  severity: 'low',
  resourceTypes: ['AWS::Cognito::IdentityPool'],
  rationale: 'The basic flow lets clients call sts:AssumeRoleWithWebIdentity for any role that trusts the pool, bypassing the role mapping and scope-down policy the enhanced flow applies.',
  remediation: 'Leave AllowClassicFlow unset or false and use the enhanced (simplified) flow.',
  remediationTerraform: 'Leave allow_classic_flow on the aws_cognito_identity_pool unset or false (the provider\'s default) and use the enhanced (simplified) flow.',
  references: {},
  evaluate(r) {
    return r.expect('AllowClassicFlow', isNotTrue, {
      pass: 'the basic (classic) flow is disabled',
      fail: 'AllowClassicFlow is true: clients can assume roles without the enhanced flow\'s role mapping',
      unknown: 'the classic flow setting depends on a parameter',
    }, 'not set: false');
  },
});
