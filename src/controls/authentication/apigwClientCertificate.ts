import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-APIGW-007',
  title: 'API Gateway REST stages present a client certificate to their back end',
  domain: 'authentication',
  severity: 'low',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  rationale: 'An HTTP back end behind API Gateway is usually reachable by anyone who finds its address. With a client certificate on the stage, the back end can verify that a request really comes from API Gateway and refuse the rest. Back ends reached only through Lambda or VPC links gain little from it.',
  remediation: 'Create an AWS::ApiGateway::ClientCertificate and set ClientCertificateId on the stage, then have the back end verify it.',
  remediationTerraform: 'Declare an aws_api_gateway_client_certificate, set client_certificate_id on the aws_api_gateway_stage to its id, and have the back end verify it.',
  references: { checkov: ['CKV2_AWS_51'] },
  evaluate(r) {
    return r.expect('ClientCertificateId', isPresent, {
      pass: 'the stage presents a client certificate to its HTTP back ends',
      fail: 'ClientCertificateId is not set: HTTP back ends cannot tell requests from API Gateway apart from anyone else\'s',
      unknown: 'the client certificate depends on a deploy-time value',
    });
  },
});
