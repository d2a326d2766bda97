import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-SAGE-004',
  title: 'SageMaker notebook instances run in a VPC subnet',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  rationale: 'A notebook launched without SubnetId runs in a network managed by SageMaker with its own internet access: its traffic is not subject to your security groups, network ACLs, VPC endpoints or flow logs. Placing it in your subnet brings it under those controls.',
  remediation: 'Set SubnetId (and SecurityGroupIds) on the notebook instance, preferably with DirectInternetAccess: Disabled.',
  remediationTerraform: 'Set subnet_id and security_groups on the aws_sagemaker_notebook_instance, preferably with direct_internet_access = "Disabled".',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('SubnetId', isPresent, {
      pass: 'the notebook runs in a subnet of your VPC',
      fail: 'SubnetId is not set: the notebook runs outside your VPC',
      unknown: 'the subnet depends on a deploy-time value',
    });
  },
});
