import { defineControl, type Outcome } from '../api.js';
import { configuring, locOf, noneFound, otherEvidence } from '../lib/workloads.js';

export default defineControl({
  id: 'AT-APPSYNC-003',
  title: 'AppSync GraphQL APIs are protected by AWS WAF',
  domain: 'network',
  severity: 'low',
  resourceTypes: ['AWS::AppSync::GraphQLApi'],
  rationale: 'A GraphQL endpoint accepts arbitrarily deep and expensive queries on a single URL. A web ACL in front of it can rate-limit clients, cap request sizes and block known-bad sources before resolvers and data sources pay for the work.',
  remediation: 'Declare an AWS::WAFv2::WebACLAssociation whose ResourceArn is the API\'s Arn and whose WebACLArn names a REGIONAL web ACL.',
  remediationTerraform: 'Declare an aws_wafv2_web_acl_association with resource_arn set to the aws_appsync_graphql_api\'s arn and web_acl_arn naming a REGIONAL aws_wafv2_web_acl.',
  references: { checkov: ['CKV2_AWS_33'] },
  evaluate(r): Outcome {
    const found = configuring(r, ['AWS::WAFv2::WebACLAssociation'], 'ResourceArn');
    if (found.length) {
      const a = found[0];
      return r.pass(`web ACL association ${a.id} covers this API`, locOf(a, 'ResourceArn'), [otherEvidence(a, 'ResourceArn'), otherEvidence(a, 'WebACLArn')]);
    }
    return noneFound(r, 'no AWS::WAFv2::WebACLAssociation in the scanned templates names this API (an association made outside them would not be seen)', 'AWS::WAFv2::WebACLAssociation');
  },
});
