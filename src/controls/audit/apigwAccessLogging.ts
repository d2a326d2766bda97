import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-APIGW-001',
  title: 'API Gateway stages write access logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'AWS::ApiGateway::Deployment'],
  rationale: 'Access logs record who called which API route and with what result; they are the primary evidence when an API is abused.',
  remediation: 'Set AccessLogSetting.DestinationArn (REST, AWS::Serverless::Api) or AccessLogSettings.DestinationArn (HTTP/WebSocket, AWS::Serverless::HttpApi) to a CloudWatch Logs group or Firehose ARN, with a Format.',
  remediationTerraform: 'Add access_log_settings { destination_arn = <CloudWatch Logs group or Firehose ARN>, format = ... } to the aws_api_gateway_stage (REST) or aws_apigatewayv2_stage (HTTP/WebSocket); a stage created only through stage_name of an aws_api_gateway_deployment has no such block, so declare an aws_api_gateway_stage for it.',
  references: { checkov: ['CKV_AWS_76', 'CKV_AWS_95'], trivy: ['AVD-AWS-0001'], cfn_nag: ['W69'], cdk_nag: ['AwsSolutions-APIG1'], guard: ['API_GW_STAGE_ACCESS_LOGGING_RULE', 'API_GWV2_ACCESS_LOGS_ENABLED'] },
  evaluate(r) {
    let path: string;
    if (r.type === 'AWS::ApiGateway::Deployment') {
      // A deployment creates a stage only when StageName is given; its settings live in StageDescription.
      if (!r.get('StageName')) return r.notApplicable('the deployment does not create a stage');
      path = 'StageDescription.AccessLogSetting.DestinationArn';
    } else {
      const v2 = r.type === 'AWS::ApiGatewayV2::Stage' || r.type === 'AWS::Serverless::HttpApi';
      path = v2 ? 'AccessLogSettings.DestinationArn' : 'AccessLogSetting.DestinationArn';
    }
    return r.expect(path, isPresent, {
      pass: 'access logs are delivered to a destination',
      fail: `${path.split('.').slice(0, -1).join('.')} has no DestinationArn: API requests are not logged`,
      unknown: 'cannot tell whether access logging is configured',
    }, 'no access log destination');
  },
});
