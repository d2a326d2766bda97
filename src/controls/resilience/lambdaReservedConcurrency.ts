import { defineControl } from '../api.js';
import { atLeast } from '../predicates.js';
import { LAMBDA_TYPES } from '../lib/operations.js';

export default defineControl({
  id: 'AT-LAMBDA-007',
  title: 'Lambda functions reserve a concurrency limit',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: LAMBDA_TYPES,
  rationale: 'Without a reservation one function can consume the whole account concurrency pool during a spike or a flood of malicious requests, throttling every other function, and costs grow without bound.',
  remediation: 'Set ReservedConcurrentExecutions to the maximum concurrency the function needs.',
  remediationTerraform: 'Set reserved_concurrent_executions on the aws_lambda_function to the concurrency it needs; the provider\'s default of -1 reserves nothing and 0 stops the function.',
  references: { checkov: ['CKV_AWS_115'], cfn_nag: ['W92'], guard: ['LAMBDA_CONCURRENCY_CHECK'] },
  evaluate(r) {
    return r.expect('ReservedConcurrentExecutions', atLeast(1), {
      pass: 'the function has a reserved concurrency limit',
      fail: 'ReservedConcurrentExecutions is not set (or is 0, which disables the function)',
    });
  },
});
