// Controls registered by the identity pack. One import per control module.
import type { Control } from './api.js';
import cognitoPasswordPolicy from './authentication/cognitoPasswordPolicy.js';
import cognitoMfaRequired from './authentication/cognitoMfaRequired.js';
import cognitoThreatProtection from './authentication/cognitoThreatProtection.js';
import cognitoDeletionProtection from './resilience/cognitoDeletionProtection.js';
import cognitoAdminOnlySignUp from './authentication/cognitoAdminOnlySignUp.js';
import cognitoTemporaryPassword from './authentication/cognitoTemporaryPassword.js';
import cognitoClientNoImplicitFlow from './authentication/cognitoClientNoImplicitFlow.js';
import cognitoClientNoPasswordAuth from './authentication/cognitoClientNoPasswordAuth.js';
import cognitoClientPreventUserExistenceErrors from './authentication/cognitoClientPreventUserExistenceErrors.js';
import cognitoClientTokenValidity from './authentication/cognitoClientTokenValidity.js';
import cognitoClientTokenRevocation from './authentication/cognitoClientTokenRevocation.js';
import cognitoIdentityPoolNoGuests from './authorization/cognitoIdentityPoolNoGuests.js';
import cognitoIdentityPoolNoClassicFlow from './authorization/cognitoIdentityPoolNoClassicFlow.js';
import noAdminStatements from './iam/noAdminStatements.js';
import noServiceWideActions from './iam/noServiceWideActions.js';
import noWriteOnAllResources from './iam/noWriteOnAllResources.js';
import passRoleScoped from './iam/passRoleScoped.js';
import noPrivilegedManagedPolicies from './iam/noPrivilegedManagedPolicies.js';
import noAllowNotAction from './iam/noAllowNotAction.js';
import noAllowNotResource from './iam/noAllowNotResource.js';
import trustNoWildcardPrincipal from './iam/trustNoWildcardPrincipal.js';
import trustCrossAccountConditioned from './iam/trustCrossAccountConditioned.js';
import trustFederatedConditioned from './iam/trustFederatedConditioned.js';
import usersHaveNoPolicies from './iam/usersHaveNoPolicies.js';
import noAccessKeys from './iam/noAccessKeys.js';
import usersInGroups from './iam/usersInGroups.js';
import roleSessionDuration from './iam/roleSessionDuration.js';
import kmsKeyRotation from './data-protection/kmsKeyRotation.js';
import kmsKeyPolicyNoWildcardPrincipal from './data-protection/kmsKeyPolicyNoWildcardPrincipal.js';
import kmsKeyPolicyFullAccessRootOnly from './data-protection/kmsKeyPolicyFullAccessRootOnly.js';
import kmsKeyDeletionWindow from './data-protection/kmsKeyDeletionWindow.js';
import kmsKeyEnabled from './data-protection/kmsKeyEnabled.js';
import secretsRotation from './data-protection/secretsRotation.js';
import secretsCustomerKey from './data-protection/secretsCustomerKey.js';

export const controls: Control[] = [
  cognitoPasswordPolicy,
  cognitoMfaRequired,
  cognitoThreatProtection,
  cognitoDeletionProtection,
  cognitoAdminOnlySignUp,
  cognitoTemporaryPassword,
  cognitoClientNoImplicitFlow,
  cognitoClientNoPasswordAuth,
  cognitoClientPreventUserExistenceErrors,
  cognitoClientTokenValidity,
  cognitoClientTokenRevocation,
  cognitoIdentityPoolNoGuests,
  cognitoIdentityPoolNoClassicFlow,
  noAdminStatements,
  noServiceWideActions,
  noWriteOnAllResources,
  passRoleScoped,
  noPrivilegedManagedPolicies,
  noAllowNotAction,
  noAllowNotResource,
  trustNoWildcardPrincipal,
  trustCrossAccountConditioned,
  trustFederatedConditioned,
  usersHaveNoPolicies,
  noAccessKeys,
  usersInGroups,
  roleSessionDuration,
  kmsKeyRotation,
  kmsKeyPolicyNoWildcardPrincipal,
  kmsKeyPolicyFullAccessRootOnly,
  kmsKeyDeletionWindow,
  kmsKeyEnabled,
  secretsRotation,
  secretsCustomerKey,
];
