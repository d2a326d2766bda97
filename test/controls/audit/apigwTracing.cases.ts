import control from '../../../src/controls/audit/apigwTracing.js';
import { cases, tf } from '../../helpers/cases.js';

const stage = (tracing: string, mark = '') => `resource "aws_api_gateway_stage" "prod" {${mark}
  rest_api_id   = "a1b2c3d4e5"
  deployment_id = "abc123"
  stage_name    = "prod"
${tracing}}
`;

export default cases(control, {
  pass: [
    `Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: api, StageName: prod, TracingEnabled: true } # <--
`,
    { name: 'SAM Api with parameter default', template: `Transform: AWS::Serverless-2016-10-31
Parameters:
  Trace: { Type: String, Default: "true" }
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod, TracingEnabled: !Ref Trace } # <--
` },
    tf(stage('  xray_tracing_enabled = true # <--\n')),
    tf(`variable "tracing" {
  type    = bool
  default = true
}

${stage('  xray_tracing_enabled = var.tracing # <--\n')}`, { name: 'from a variable default' }),
  ],
  fail: [
    `Resources:
  Stage: # <--
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: api, StageName: prod }
`,
    tf(stage('', ' # <--'), { name: 'not set: off by default' }),
    tf(stage('  xray_tracing_enabled = false # <--\n')),
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  Trace: { Type: String }
Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: api, StageName: prod, TracingEnabled: !Ref Trace } # <--
` },
    tf(`variable "tracing" {
  type = bool
}

${stage('  xray_tracing_enabled = var.tracing # <--\n')}`, { name: 'from a variable without a value' }),
  ],
});
