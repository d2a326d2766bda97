import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-SFN-002',
  title: 'Step Functions state machines have X-Ray tracing enabled',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine'],
  rationale: 'X-Ray traces follow an execution across the Lambda functions and services its states call, so a slow or failing step can be found in the whole request path instead of pieced together from separate logs.',
  remediation: 'Set TracingConfiguration.Enabled: true (SAM: Tracing.Enabled).',
  remediationTerraform: 'Add tracing_configuration { enabled = true } to the aws_sfn_state_machine.',
  references: { checkov: ['CKV_AWS_284'] },
  evaluate(r) {
    const path = r.type === 'AWS::Serverless::StateMachine' ? 'Tracing.Enabled' : 'TracingConfiguration.Enabled';
    return r.expect(path, isTrue, {
      pass: 'executions are traced with X-Ray',
      fail: 'X-Ray tracing is not enabled (it is off by default)',
      unknown: 'tracing depends on a deploy-time value',
    });
  },
});
