import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-LAMBDA-006',
  title: 'Lambda function URLs require IAM authentication',
  domain: 'authentication',
  severity: 'high',
  resourceTypes: ['AWS::Lambda::Url', 'AWS::Serverless::Function'],
  rationale: 'A function URL with AuthType NONE is a public HTTPS endpoint: any request reaches the code, so authentication, throttling and abuse protection depend entirely on the function itself.',
  remediation: 'Set AuthType: AWS_IAM (FunctionUrlConfig.AuthType for SAM) and sign requests with SigV4, or front the function with API Gateway or CloudFront with an authorizer.',
  remediationTerraform: 'Set authorization_type = "AWS_IAM" on the aws_lambda_function_url and sign requests with SigV4, or front the function with API Gateway or CloudFront with an authorizer.',
  references: {},
  evaluate(r) {
    let path = 'AuthType';
    if (r.type === 'AWS::Serverless::Function') {
      if (!r.get('FunctionUrlConfig')) return r.notApplicable('the function has no function URL');
      path = 'FunctionUrlConfig.AuthType';
    }
    return r.expect(path, oneOf(['AWS_IAM']), {
      pass: 'the function URL requires IAM (SigV4) authentication',
      fail: `${path} is not AWS_IAM: the function URL accepts unauthenticated requests from the internet`,
    });
  },
});
