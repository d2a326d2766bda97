import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-COG-004',
  title: 'Cognito user pools have deletion protection active',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::Cognito::UserPool'],
  rationale: 'Deleting a user pool deletes every user and their credentials irrecoverably; deletion protection blocks deletion (including by a stack update or delete) until it is turned off explicitly.',
  remediation: 'Set DeletionProtection: ACTIVE.',
  remediationTerraform: 'Set deletion_protection = "ACTIVE" on the aws_cognito_user_pool; the provider leaves it INACTIVE when unset.',
  references: {},
  evaluate(r) {
    return r.expect('DeletionProtection', oneOf(['ACTIVE']), {
      pass: 'deletion protection is ACTIVE',
      fail: 'deletion protection is not ACTIVE (INACTIVE by default): the pool and all its users can be deleted in one call',
      unknown: 'deletion protection depends on a parameter',
    });
  },
});
