import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';
import { LAMBDA_TYPES } from '../lib/operations.js';

export default defineControl({
  id: 'AT-LAMBDA-002',
  title: 'Lambda functions have active X-Ray tracing',
  domain: 'audit',
  severity: 'low',
  resourceTypes: LAMBDA_TYPES,
  rationale: 'Active tracing records every invocation and its downstream calls, which is what lets you reconstruct what a function did during an incident.',
  remediation: 'Set TracingConfig.Mode: Active (AWS::Lambda::Function) or Tracing: Active (AWS::Serverless::Function or Globals).',
  remediationTerraform: 'Add tracing_config { mode = "Active" } to the aws_lambda_function (without it Lambda uses PassThrough and records no traces of its own).',
  references: { checkov: ['CKV_AWS_50'], trivy: ['AVD-AWS-0066'] },
  evaluate(r) {
    const path = r.type === 'AWS::Serverless::Function' ? 'Tracing' : 'TracingConfig.Mode';
    return r.expect(path, oneOf(['Active']), {
      pass: 'X-Ray tracing is Active',
      fail: `${path} is not Active: invocations are not traced`,
    });
  },
});
