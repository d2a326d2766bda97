import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { asString, prop } from '../../model/value.js';

/** TLS 1.2+ security policies of API Gateway custom domains (TLS_1_2 and the newer SecurityPolicy_TLS1x_* names). */
export const modernApiPolicy = (s: string | undefined) => s !== undefined && (s === 'TLS_1_2' || /^SecurityPolicy_TLS1[23]/.test(s));

export default defineControl({
  id: 'AT-APIGW-004',
  title: 'API Gateway custom domains require TLS 1.2 or later',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi'],
  rationale: 'The TLS_1_0 security policy accepts TLS 1.0 and 1.1 with legacy ciphers on the API\'s public hostname.',
  remediation: 'Set SecurityPolicy: TLS_1_2 on the custom domain (DomainNameConfigurations[].SecurityPolicy for API Gateway v2, Domain.SecurityPolicy for SAM).',
  remediationTerraform: 'Set security_policy = "TLS_1_2" on the aws_api_gateway_domain_name, or in the domain_name_configuration block of the aws_apigatewayv2_domain_name.',
  references: { trivy: ['AVD-AWS-0005'] },
  evaluate(r) {
    // Where the resource writes the policy (not where a parameter it names is defaulted), or the
    // resource when it is left out.
    const check = (path: string, v: Value | undefined, at = v !== undefined ? r.locate(path) : r.locate(path)): Outcome => {
      const ev = [evidenceAt(`Properties.${path}`, v, at)];
      const d = decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : modernApiPolicy(asString(x))));
      if (d === true) return r.pass(`custom domain security policy is ${asString(v)}`, at, ev);
      if (d === false) return r.fail(v ? `custom domain security policy ${asString(v) ?? '(not a literal)'} accepts TLS 1.0/1.1` : 'SecurityPolicy is not set: the domain does not pin TLS_1_2 and may accept TLS 1.0', at, ev);
      return r.unknown('cannot tell the custom domain\'s TLS security policy', d.unknown, at, ev);
    };
    if (r.type === 'AWS::ApiGateway::DomainName') return check('SecurityPolicy', r.get('SecurityPolicy'));
    if (r.type.startsWith('AWS::Serverless::')) {
      if (!r.get('Domain')) return r.notApplicable('no custom domain configured');
      return check('Domain.SecurityPolicy', r.get('Domain.SecurityPolicy'));
    }
    const cfgs = r.get('DomainNameConfigurations');
    if (!cfgs || cfgs.k !== 'list' || cfgs.items.length === 0) return check('DomainNameConfigurations', cfgs);
    return cfgs.items.map((c, i) => check(`DomainNameConfigurations[${i}].SecurityPolicy`, prop(c, 'SecurityPolicy'), (c.k === 'object' ? c.keyLocs.get('SecurityPolicy') : undefined) ?? c.loc));
  },
});
