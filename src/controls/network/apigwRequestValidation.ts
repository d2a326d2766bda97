import { decide, defineControl, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-APIGW-010',
  title: 'API Gateway methods validate requests before they reach the integration',
  domain: 'network',
  severity: 'low',
  resourceTypes: ['AWS::ApiGateway::Method'],
  rationale: 'A request validator makes API Gateway reject requests whose required parameters are missing or whose body does not match the model, before any integration runs. Without one, malformed and hostile input reaches the back end, which then must reject it itself. CORS preflight (OPTIONS) methods carry no input to validate.',
  remediation: 'Declare an AWS::ApiGateway::RequestValidator (ValidateRequestBody and/or ValidateRequestParameters) and set RequestValidatorId on the method.',
  remediationTerraform: 'Declare an aws_api_gateway_request_validator (validate_request_body and/or validate_request_parameters) and set request_validator_id on the aws_api_gateway_method.',
  references: { checkov: ['CKV2_AWS_53'] },
  evaluate(r): Outcome {
    const m = r.get('HttpMethod');
    if (decide(m, (v) => (v && v.k === 'unknown' ? { unknown: v } : asString(v)?.toUpperCase() === 'OPTIONS')) === true) {
      return r.notApplicable('OPTIONS methods answer CORS preflight requests, which carry no input to validate');
    }
    return r.expect('RequestValidatorId', isPresent, {
      pass: 'requests are validated before they reach the integration',
      fail: 'RequestValidatorId is not set: requests reach the integration without parameter or body validation',
      unknown: 'the request validator depends on a deploy-time value',
    });
  },
});
