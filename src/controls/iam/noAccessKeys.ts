import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-IAM-012',
  title: 'Templates do not create long-lived IAM access keys',
  domain: 'iam',
  severity: 'high',
  resourceTypes: ['AWS::IAM::AccessKey'],
  rationale: 'Access keys are long-lived secrets; a key created by a template is exposed through the stack (outputs, GetAtt SecretAccessKey) and is rarely rotated. Workloads should use roles and temporary credentials instead.',
  remediation: 'Remove the AWS::IAM::AccessKey and let the workload assume an IAM role (instance profile, task role, IRSA, OIDC federation). If a key is unavoidable, store it in Secrets Manager and rotate it.',
  remediationTerraform: 'Remove the aws_iam_access_key and let the workload assume an IAM role (instance profile, task role, IRSA, OIDC federation). If a key is unavoidable, store it in Secrets Manager and rotate it.',
  references: {},
  evaluate(r) {
    return r.expect('Status', (v) => (v ? oneOf(['Inactive'])(v) : false), {
      pass: 'the access key is created Inactive',
      fail: 'an active long-lived access key is created for an IAM user (Status defaults to Active)',
      unknown: 'whether the access key is active depends on a parameter',
    });
  },
});
