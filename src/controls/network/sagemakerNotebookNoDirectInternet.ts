import { defineControl } from '../api.js';
import { equalsOr } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-SAGE-001',
  title: 'SageMaker notebook instances have no direct internet access',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  rationale: 'With direct internet access (the default), SageMaker gives the notebook its own path to the internet outside your VPC, bypassing its routing, firewalls, proxies and flow logs, and code in the notebook can send data anywhere. Disabled, the notebook reaches only what its VPC subnet allows.',
  remediation: 'Set DirectInternetAccess: Disabled with SubnetId and SecurityGroupIds, and provide egress through the VPC where needed.',
  remediationTerraform: 'Set direct_internet_access = "Disabled" with subnet_id and security_groups on the aws_sagemaker_notebook_instance, and provide egress through the VPC where needed.',
  references: { checkov: ['CKV_AWS_122'], trivy: [], cfn_nag: [], cdk_nag: [], guard: ['SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS'] },
  evaluate(r) {
    return r.expect('DirectInternetAccess', equalsOr('Disabled', 'Enabled'), {
      pass: 'the notebook has no direct internet access',
      fail: 'DirectInternetAccess is Enabled (the default): the notebook reaches the internet outside the VPC',
      unknown: 'direct internet access depends on a deploy-time value',
    }, 'default is Enabled');
  },
});
