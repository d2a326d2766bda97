// Cognito: user pools, their app clients, resource servers and groups, identity pools.
// Terraform's blocks map one to one onto CloudFormation's nested properties; where an
// argument is left out both leave the choice to Cognito's same defaults.
import { asBool } from '../../../model/value.js';
import type { Translator } from './api.js';
import { blockList, nested } from './blocks.js';

const userPool: Translator = {
  tfType: 'aws_cognito_user_pool',
  cfnType: 'AWS::Cognito::UserPool',
  build(tf, out) {
    const pp = 'Policies.PasswordPolicy';
    // An unset require_* flag in a password_policy block is sent as false, which is what an
    // unset CloudFormation flag means too.
    nested(tf, out, pp, 'password_policy');
    nested(tf, out, 'UserPoolAddOns', 'user_pool_add_ons');
    nested(tf, out, 'AdminCreateUserConfig', 'admin_create_user_config');
    out.set('UserPoolName', 'name').set('MfaConfiguration', 'mfa_configuration').set('DeletionProtection', 'deletion_protection')
      .set(`${pp}.MinimumLength`, 'password_policy.minimum_length').set(`${pp}.RequireLowercase`, 'password_policy.require_lowercase')
      .set(`${pp}.RequireUppercase`, 'password_policy.require_uppercase').set(`${pp}.RequireNumbers`, 'password_policy.require_numbers')
      .set(`${pp}.RequireSymbols`, 'password_policy.require_symbols')
      .set(`${pp}.TemporaryPasswordValidityDays`, 'password_policy.temporary_password_validity_days')
      .set(`${pp}.PasswordHistorySize`, 'password_policy.password_history_size')
      .set('UserPoolAddOns.AdvancedSecurityMode', 'user_pool_add_ons.advanced_security_mode')
      .set('AdminCreateUserConfig.AllowAdminCreateUserOnly', 'admin_create_user_config.allow_admin_create_user_only')
      .set('AutoVerifiedAttributes', 'auto_verified_attributes').set('UsernameAttributes', 'username_attributes')
      .set('AliasAttributes', 'alias_attributes')
      // The user pool keeps its tags as a map, as Terraform does.
      .set('UserPoolTags', 'tags');
    const sw = tf.get('software_token_mfa_configuration.enabled');
    if (sw && asBool(sw) === true) {
      const at = tf.locate('software_token_mfa_configuration.enabled');
      out.put('EnabledMfas', { k: 'list', items: [{ k: 'scalar', v: 'SOFTWARE_TOKEN_MFA', loc: at }], loc: at }, at);
    }
    blockList(tf, out, 'AccountRecoverySetting.RecoveryMechanisms', 'account_recovery_setting.recovery_mechanism', (b) => b.set('Name', 'name').set('Priority', 'priority'));
  },
};

const userPoolClient: Translator = {
  tfType: 'aws_cognito_user_pool_client',
  cfnType: 'AWS::Cognito::UserPoolClient',
  build(_tf, out) {
    out.set('UserPoolId', 'user_pool_id').set('ClientName', 'name').set('GenerateSecret', 'generate_secret')
      .set('ExplicitAuthFlows', 'explicit_auth_flows').set('AllowedOAuthFlows', 'allowed_oauth_flows')
      .set('AllowedOAuthScopes', 'allowed_oauth_scopes').set('AllowedOAuthFlowsUserPoolClient', 'allowed_oauth_flows_user_pool_client')
      .set('CallbackURLs', 'callback_urls').set('LogoutURLs', 'logout_urls').set('SupportedIdentityProviders', 'supported_identity_providers')
      .set('PreventUserExistenceErrors', 'prevent_user_existence_errors').set('EnableTokenRevocation', 'enable_token_revocation')
      .set('AccessTokenValidity', 'access_token_validity').set('IdTokenValidity', 'id_token_validity').set('RefreshTokenValidity', 'refresh_token_validity')
      .set('TokenValidityUnits.AccessToken', 'token_validity_units.access_token').set('TokenValidityUnits.IdToken', 'token_validity_units.id_token')
      .set('TokenValidityUnits.RefreshToken', 'token_validity_units.refresh_token')
      .set('ReadAttributes', 'read_attributes').set('WriteAttributes', 'write_attributes');
  },
};

const identityPool: Translator = {
  tfType: 'aws_cognito_identity_pool',
  cfnType: 'AWS::Cognito::IdentityPool',
  build(tf, out) {
    // Both flags default to false in Terraform, as the service does when CloudFormation leaves AllowClassicFlow out.
    out.set('IdentityPoolName', 'identity_pool_name').set('AllowUnauthenticatedIdentities', 'allow_unauthenticated_identities')
      .set('AllowClassicFlow', 'allow_classic_flow').set('SupportedLoginProviders', 'supported_login_providers')
      .set('OpenIdConnectProviderARNs', 'openid_connect_provider_arns').set('SamlProviderARNs', 'saml_provider_arns')
      .set('DeveloperProviderName', 'developer_provider_name').set('IdentityPoolTags', 'tags');
    blockList(tf, out, 'CognitoIdentityProviders', 'cognito_identity_providers', (b) => b.set('ClientId', 'client_id')
      .set('ProviderName', 'provider_name').set('ServerSideTokenCheck', 'server_side_token_check'));
  },
};

const resourceServer: Translator = {
  tfType: 'aws_cognito_resource_server',
  cfnType: 'AWS::Cognito::UserPoolResourceServer',
  build(tf, out) {
    out.set('UserPoolId', 'user_pool_id').set('Identifier', 'identifier').set('Name', 'name');
    blockList(tf, out, 'Scopes', 'scope', (b) => b.set('ScopeName', 'scope_name').set('ScopeDescription', 'scope_description'));
  },
};

const userGroup: Translator = {
  tfType: 'aws_cognito_user_group',
  cfnType: 'AWS::Cognito::UserPoolGroup',
  build(_tf, out) {
    out.set('GroupName', 'name').set('UserPoolId', 'user_pool_id').set('Description', 'description')
      .set('Precedence', 'precedence').set('RoleArn', 'role_arn');
  },
};

export const identity = { translators: [userPool, userPoolClient, identityPool, resourceServer, userGroup], attachments: [] };
