import { decide, defineControl } from '../api.js';
import { asString } from '../../model/value.js';

export default defineControl({
  id: 'AT-APIGW-002',
  title: 'API Gateway methods and routes require authorization',
  domain: 'authorization',
  severity: 'high',
  resourceTypes: ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route'],
  rationale: 'A method with AuthorizationType NONE can be invoked by anyone on the internet who finds the URL; an API key alone identifies a caller for throttling but does not authenticate them.',
  remediation: 'Set AuthorizationType to AWS_IAM, COGNITO_USER_POOLS, CUSTOM (REST) or JWT/CUSTOM/AWS_IAM (HTTP API) with an authorizer. CORS preflight (OPTIONS) methods are exempt.',
  remediationTerraform: 'Set authorization on the aws_api_gateway_method to "AWS_IAM", "COGNITO_USER_POOLS" or "CUSTOM" (with authorizer_id), or authorization_type on the aws_apigatewayv2_route to "JWT", "CUSTOM" or "AWS_IAM" (with authorizer_id). CORS preflight (OPTIONS) methods are exempt.',
  references: { checkov: ['CKV_AWS_59'], trivy: ['AVD-AWS-0004'], cfn_nag: ['W59'], cdk_nag: ['AwsSolutions-APIG4'], guard: ['API_GW_METHOD_AUTHORIZATION_TYPE_RULE'] },
  evaluate(r) {
    if (r.type === 'AWS::ApiGateway::Method') {
      if (asString(r.get('HttpMethod'))?.toUpperCase() === 'OPTIONS') return r.notApplicable('OPTIONS (CORS preflight) methods are called without credentials');
    } else {
      const key = asString(r.get('RouteKey')) ?? '';
      if (key.toUpperCase().startsWith('OPTIONS ')) return r.notApplicable('OPTIONS (CORS preflight) routes are called without credentials');
      const api = r.graph.target(r.resource, r.get('ApiId'));
      const ws = api && asString(api.properties.props.get('ProtocolType'))?.toUpperCase() === 'WEBSOCKET';
      if (ws && key !== '$connect') return r.notApplicable('on WebSocket APIs only the $connect route can be authorized');
    }
    const v = r.get('AuthorizationType');
    const d = decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : (asString(x) ?? 'NONE').toUpperCase() !== 'NONE'));
    const ev = [r.evidence('AuthorizationType')];
    const at = r.locate('AuthorizationType');
    if (d === true) return r.pass(`authorization type ${asString(v) ?? '(reference)'} is required`, at, ev);
    if (d === false) return r.fail(`AuthorizationType is ${v ? 'NONE' : 'not set (NONE)'}: anyone can invoke this ${r.type === 'AWS::ApiGateway::Method' ? 'method' : 'route'}`, at, ev);
    return r.unknown('cannot tell whether authorization is required', d.unknown, at, ev);
  },
});
