import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-APIGW-006',
  title: 'API Gateway REST stages have X-Ray tracing enabled',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
  rationale: 'Tracing follows each request through the API and its integrations, which shortens the investigation of failures and suspicious calls.',
  remediation: 'Set TracingEnabled: true on the stage (or on the AWS::Serverless::Api).',
  remediationTerraform: 'Set xray_tracing_enabled = true on the aws_api_gateway_stage.',
  references: { checkov: ['CKV_AWS_73'], trivy: ['AVD-AWS-0003'] },
  evaluate(r) {
    return r.expect('TracingEnabled', isTrue, {
      pass: 'X-Ray tracing is enabled',
      fail: 'TracingEnabled is not true: requests are not traced',
      unknown: 'cannot tell whether tracing is enabled',
    }, 'not set: false');
  },
});
