import assert from 'node:assert/strict';
import { test } from 'node:test';
import cognitoAdminOnlySignUp from '../../../../src/controls/authentication/cognitoAdminOnlySignUp.js';
import cognitoClientNoImplicitFlow from '../../../../src/controls/authentication/cognitoClientNoImplicitFlow.js';
import cognitoClientNoPasswordAuth from '../../../../src/controls/authentication/cognitoClientNoPasswordAuth.js';
import cognitoClientTokenValidity from '../../../../src/controls/authentication/cognitoClientTokenValidity.js';
import cognitoMfaRequired from '../../../../src/controls/authentication/cognitoMfaRequired.js';
import cognitoPasswordPolicy from '../../../../src/controls/authentication/cognitoPasswordPolicy.js';
import cognitoThreatProtection from '../../../../src/controls/authentication/cognitoThreatProtection.js';
import cognitoIdentityPoolNoClassicFlow from '../../../../src/controls/authorization/cognitoIdentityPoolNoClassicFlow.js';
import cognitoIdentityPoolNoGuests from '../../../../src/controls/authorization/cognitoIdentityPoolNoGuests.js';
import cognitoDeletionProtection from '../../../../src/controls/resilience/cognitoDeletionProtection.js';
import type { Resource } from '../../../../src/model/types.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import { tfFindings, tfResources } from '../../../helpers/tf.js';

const byId = (rs: Resource[], id: string) => rs.find((r) => r.id === id)!;
const rows = (f: { resource: { id: string }; status: string; location: { line: number } }[]) => f.map((x) => [x.resource.id, x.status, x.location.line]);

const pools = {
  'aws_cognito_user_pool.strong': { // 1
    name: 'strong', // 2
    mfa_configuration: 'ON', // 3
    deletion_protection: 'ACTIVE', // 4
    password_policy: [{ // 5, block 6
      minimum_length: 14, // 7
      require_lowercase: true, // 8
      require_uppercase: true, // 9
      require_numbers: true, // 10
      require_symbols: true, // 11
    }],
    user_pool_add_ons: [{ advanced_security_mode: 'ENFORCED' }], // 12, block 13, mode 14
    admin_create_user_config: [{ allow_admin_create_user_only: true }], // 15, block 16, flag 17
    software_token_mfa_configuration: [{ enabled: true }], // 18, block 19, enabled 20
  },
  'aws_cognito_user_pool.weak': { // 21
    name: 'weak', // 22
    mfa_configuration: 'OPTIONAL', // 23
    password_policy: [{ minimum_length: 8, require_symbols: true }], // 24, block 25, length 26, symbols 27
  },
};

test('aws_cognito_user_pool: blocks as CloudFormation\'s nested properties, each at its argument', () => {
  const out = translate(tfResources('cognito.tf', pools));
  const p = byId(out.resources, 'aws_cognito_user_pool.strong');
  assert.equal(p.type, 'AWS::Cognito::UserPool');
  assert.equal(render(getPath(p.properties, 'Policies.PasswordPolicy'), 400), '{MinimumLength: 14, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true}');
  const pp = getPath(p.properties, 'Policies.PasswordPolicy');
  assert.deepEqual(pp?.k === 'object' && pp.keyLocs.get('MinimumLength'), { file: 'cognito.tf', line: 7, column: 3, path: 'aws_cognito_user_pool.strong.password_policy[0].minimum_length' });
  assert.equal(render(getPath(p.properties, 'EnabledMfas')), '["SOFTWARE_TOKEN_MFA"]');
});

test('Cognito user pool controls on Terraform: the strong pool passes at its arguments, the weak one fails where the setting is (or is missing)', () => {
  const input = tfResources('cognito.tf', pools);
  assert.deepEqual(rows(tfFindings(input, cognitoMfaRequired)), [['aws_cognito_user_pool.strong', 'pass', 3], ['aws_cognito_user_pool.weak', 'fail', 23]]);
  // The weak policy fails at the requirement that falls short: minimum_length 8.
  assert.deepEqual(rows(tfFindings(input, cognitoPasswordPolicy)), [['aws_cognito_user_pool.strong', 'pass', 5], ['aws_cognito_user_pool.weak', 'fail', 26]]);
  assert.deepEqual(rows(tfFindings(input, cognitoThreatProtection)), [['aws_cognito_user_pool.strong', 'pass', 14], ['aws_cognito_user_pool.weak', 'fail', 21]]);
  assert.deepEqual(rows(tfFindings(input, cognitoAdminOnlySignUp)), [['aws_cognito_user_pool.strong', 'pass', 17], ['aws_cognito_user_pool.weak', 'fail', 21]]);
  assert.deepEqual(rows(tfFindings(input, cognitoDeletionProtection)), [['aws_cognito_user_pool.strong', 'pass', 4], ['aws_cognito_user_pool.weak', 'fail', 21]]);
});

test('aws_cognito_user_pool_client: flows and token lifetimes with their units', () => {
  const input = tfResources('cognito.tf', {
    'aws_cognito_user_pool_client.spa': { // 1
      user_pool_id: { ref: 'aws_cognito_user_pool.p', attr: 'id' }, // 2
      allowed_oauth_flows: ['implicit', 'code'], // 3, items 4-5
      explicit_auth_flows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], // 6, items 7-8
      access_token_validity: 24, // 9
      token_validity_units: [{ access_token: 'hours' }], // 10, block 11, access_token 12
    },
    'aws_cognito_user_pool_client.m2m': { // 13
      user_pool_id: { ref: 'aws_cognito_user_pool.p', attr: 'id' }, // 14
      allowed_oauth_flows: ['client_credentials'], // 15
      access_token_validity: 30, // 17
      token_validity_units: [{ access_token: 'minutes' }], // 18
    },
  });
  const spa = byId(translate(input).resources, 'aws_cognito_user_pool_client.spa');
  assert.equal(render(getPath(spa.properties, 'TokenValidityUnits')), '{AccessToken: "hours"}');
  assert.deepEqual(rows(tfFindings(input, cognitoClientNoImplicitFlow)), [['aws_cognito_user_pool_client.spa', 'fail', 3], ['aws_cognito_user_pool_client.m2m', 'pass', 15]]);
  assert.deepEqual(rows(tfFindings(input, cognitoClientNoPasswordAuth)), [['aws_cognito_user_pool_client.spa', 'fail', 6], ['aws_cognito_user_pool_client.m2m', 'pass', 13]]);
  assert.deepEqual(rows(tfFindings(input, cognitoClientTokenValidity)), [['aws_cognito_user_pool_client.spa', 'fail', 9], ['aws_cognito_user_pool_client.m2m', 'pass', 17]]);
});

test('aws_cognito_identity_pool: guests and the classic flow; resource servers and groups translate', () => {
  const input = tfResources('cognito.tf', {
    'aws_cognito_identity_pool.open': { identity_pool_name: 'open', allow_unauthenticated_identities: true, allow_classic_flow: true }, // 1; guests 3, classic 4
    'aws_cognito_identity_pool.closed': { identity_pool_name: 'closed', cognito_identity_providers: [{ client_id: 'c', provider_name: 'p' }] }, // 5
    'aws_cognito_resource_server.api': { identifier: 'https://api', name: 'api', user_pool_id: 'p', scope: [{ scope_name: 'read', scope_description: 'r' }] }, // 12
    'aws_cognito_user_group.admins': { name: 'admins', user_pool_id: 'p', precedence: 1, role_arn: { ref: 'aws_iam_role.admin', attr: 'arn' } },
  });
  const out = translate(input);
  assert.deepEqual(out.resources.map((r) => r.type), ['AWS::Cognito::IdentityPool', 'AWS::Cognito::IdentityPool', 'AWS::Cognito::UserPoolResourceServer', 'AWS::Cognito::UserPoolGroup']);
  assert.equal(render(getPath(byId(out.resources, 'aws_cognito_resource_server.api').properties, 'Scopes')), '[{ScopeName: "read", ScopeDescription: "r"}]');
  assert.equal(render(getPath(byId(out.resources, 'aws_cognito_identity_pool.closed').properties, 'CognitoIdentityProviders')), '[{ClientId: "c", ProviderName: "p"}]');
  assert.deepEqual(rows(tfFindings(input, cognitoIdentityPoolNoGuests)), [['aws_cognito_identity_pool.open', 'fail', 3], ['aws_cognito_identity_pool.closed', 'pass', 5]]);
  assert.deepEqual(rows(tfFindings(input, cognitoIdentityPoolNoClassicFlow)), [['aws_cognito_identity_pool.open', 'fail', 4], ['aws_cognito_identity_pool.closed', 'pass', 5]]);
});
