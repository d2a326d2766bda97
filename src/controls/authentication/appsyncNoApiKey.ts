import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';

const isApiKey = (v: Parameters<typeof asString>[0]) => decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : asString(x)?.toUpperCase() !== 'API_KEY'));

export default defineControl({
  id: 'AT-APPSYNC-002',
  title: 'AppSync GraphQL APIs do not accept API keys as authentication',
  domain: 'authentication',
  severity: 'medium',
  resourceTypes: ['AWS::AppSync::GraphQLApi'],
  rationale: 'An AppSync API key is a shared static secret shipped inside clients: it identifies no user, is easily extracted and stays valid until it expires. As the default or an additional authorisation mode it lets anyone holding the key call every operation allowed to API_KEY. IAM, Cognito user pools, OIDC or Lambda authorisers identify the caller.',
  remediation: 'Set AuthenticationType to AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA and remove API_KEY from AdditionalAuthenticationProviders.',
  remediationTerraform: 'Set authentication_type on the aws_appsync_graphql_api to "AWS_IAM", "AMAZON_COGNITO_USER_POOLS", "OPENID_CONNECT" or "AWS_LAMBDA", and remove API_KEY from its additional_authentication_provider blocks.',
  references: {},
  evaluate(r): Outcome {
    const main = r.get('AuthenticationType');
    const d = isApiKey(main);
    const at = r.locate('AuthenticationType');
    if (d === false) return r.fail('the default authorisation mode is API_KEY: a static shared key is enough to call the API', at, [r.evidence('AuthenticationType')]);
    if (d !== true) return r.unknown('the authorisation mode depends on a deploy-time value', d.unknown, at, [r.evidence('AuthenticationType')]);
    const extra = r.get('AdditionalAuthenticationProviders');
    if (extra?.k === 'unknown') return r.unknown('the additional authorisation modes are not known', extra, r.locate('AdditionalAuthenticationProviders'), [r.evidence('AdditionalAuthenticationProviders')]);
    const items = extra?.k === 'list' ? extra.items : [];
    for (const [i, p] of items.entries()) {
      const t = p.k === 'unknown' ? p : prop(p, 'AuthenticationType');
      const e = isApiKey(t);
      const pat = t?.loc ?? p.loc;
      const ev = [evidenceAt(`Properties.AdditionalAuthenticationProviders[${i}].AuthenticationType`, t, pat)];
      if (e === false) return r.fail('API_KEY is an additional authorisation mode: operations allowed to it can be called with the static key', pat, ev);
      if (e !== true) return r.unknown('an additional authorisation mode depends on a deploy-time value', e.unknown, pat, ev);
    }
    return r.pass(`callers authenticate with ${asString(main)}${items.length ? ' and other modes that are not API keys' : ''}`, at, [r.evidence('AuthenticationType')]);
  },
});
