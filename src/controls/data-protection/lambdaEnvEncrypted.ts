import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';
import { LAMBDA_TYPES } from '../lib/operations.js';

export default defineControl({
  id: 'AT-LAMBDA-003',
  title: 'Lambda environment variables are encrypted with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: LAMBDA_TYPES,
  rationale: 'Environment variables are readable by anyone with lambda:GetFunctionConfiguration unless a customer managed key is used, which adds a separate kms:Decrypt permission check.',
  remediation: 'Set KmsKeyArn to a customer managed KMS key when the function defines Environment.Variables (better still, keep secrets in Secrets Manager).',
  remediationTerraform: 'Set kms_key_arn on the aws_lambda_function to a customer managed KMS key when it has an environment { variables } block (better still, keep secrets in Secrets Manager).',
  references: { checkov: ['CKV_AWS_173'] },
  evaluate(r) {
    const vars = r.get('Environment.Variables');
    if (!vars || (vars.k === 'object' && vars.props.size === 0)) return r.notApplicable('the function defines no environment variables');
    return r.expect('KmsKeyArn', isPresent, {
      pass: 'environment variables are encrypted with a customer managed key',
      fail: 'KmsKeyArn is not set: environment variables are encrypted only with the AWS managed Lambda key',
    });
  },
});
