import { defineControl, evidenceAt } from '../api.js';
import type { Resource } from '../../model/types.js';
import { asString } from '../../model/value.js';

const ASSOC = ['AWS::WAFv2::WebACLAssociation', 'AWS::WAFRegional::WebACLAssociation'];

export default defineControl({
  id: 'AT-APIGW-005',
  title: 'API Gateway REST API stages are protected by AWS WAF',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
  rationale: 'A web ACL in front of the API blocks injection payloads, abusive clients and request floods before they reach integrations.',
  remediation: 'Declare an AWS::WAFv2::WebACLAssociation with ResourceArn !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage} and a REGIONAL web ACL.',
  remediationTerraform: 'Declare an aws_wafv2_web_acl_association whose resource_arn is the aws_api_gateway_stage\'s arn and whose web_acl_arn names a REGIONAL aws_wafv2_web_acl.',
  references: { cdk_nag: ['AwsSolutions-APIG3'] },
  evaluate(r) {
    const api = r.type === 'AWS::Serverless::Api' ? r.resource : r.graph.target(r.resource, r.get('RestApiId'));
    const stageName = asString(r.get('StageName'));
    const matches = (a: Resource): boolean => {
      const arn = a.properties.props.get('ResourceArn');
      if (!arn) return false;
      if (r.graph.target(a, arn) === r.resource) return true;
      if (arn.k !== 'scalar' || typeof arn.v !== 'string') return false;
      const refs = arn.refs ?? [];
      if (refs.includes(r.id)) return true;
      if (api && refs.includes(api.id)) {
        const m = /\/stages\/([^/]+)$/.exec(arn.v);
        if (!m) return false;
        return m[1] === stageName || m[1].startsWith(`\${${api.id}.Stage`) || m[1] === `\${${r.id}}`;
      }
      return false;
    };
    const cands = [r.resource, ...(api && api !== r.resource ? [api] : [])]
      .flatMap((x) => ASSOC.flatMap((t) => r.graph.referrers(x, t)));
    const found = [...new Set(cands)].filter(matches);
    if (found.length) {
      const a = found[0];
      const at = a.properties.keyLocs.get('ResourceArn') ?? a.loc;
      return r.pass(`web ACL association ${a.id} covers this stage`, at, [evidenceAt('Properties.ResourceArn', a.properties.props.get('ResourceArn'), at, `association ${a.id}`)]);
    }
    return r.fail('no AWS::WAFv2::WebACLAssociation in the scanned templates targets this stage (one made outside these templates would not be seen)', r.resource.loc,
      [evidenceAt('AWS::WAFv2::WebACLAssociation', undefined, r.resource.loc, 'no association whose ResourceArn names this stage')]);
  },
});
