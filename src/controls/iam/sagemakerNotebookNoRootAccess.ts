import { defineControl } from '../api.js';
import { equalsOr } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-SAGE-002',
  title: 'SageMaker notebook instances disable root access for users',
  domain: 'iam',
  severity: 'medium',
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  rationale: 'With root access (the default), every notebook user can install software, change the instance configuration and read the credentials and data of anything running on it. Disabling root access keeps users inside the environment the lifecycle configuration prepares.',
  remediation: 'Set RootAccess: Disabled; install what users need through a lifecycle configuration, which still runs as root.',
  remediationTerraform: 'Set root_access = "Disabled" on the aws_sagemaker_notebook_instance; install what users need through an aws_sagemaker_notebook_instance_lifecycle_configuration, which still runs as root.',
  references: { checkov: ['CKV_AWS_307'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('RootAccess', equalsOr('Disabled', 'Enabled'), {
      pass: 'notebook users have no root access',
      fail: 'RootAccess is Enabled (the default): notebook users can act as root on the instance',
      unknown: 'root access depends on a deploy-time value',
    }, 'default is Enabled');
  },
});
