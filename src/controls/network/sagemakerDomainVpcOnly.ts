import { defineControl } from '../api.js';
import { equalsOr } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-SAGE-007',
  title: 'SageMaker domains send Studio traffic through the VPC only',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::SageMaker::Domain'],
  rationale: 'With AppNetworkAccessType PublicInternetOnly (the default), Studio apps reach the internet through a network SageMaker manages, outside your VPC\'s routing, firewalls and endpoints, so code run in Studio can send data anywhere. VpcOnly routes all Studio traffic through your subnets and security groups.',
  remediation: 'Set AppNetworkAccessType: VpcOnly on the AWS::SageMaker::Domain, with VPC endpoints or a NAT gateway for the services Studio needs.',
  remediationTerraform: 'Set app_network_access_type = "VpcOnly" on the aws_sagemaker_domain, with VPC endpoints or a NAT gateway for the services Studio needs.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('AppNetworkAccessType', equalsOr('VpcOnly', 'PublicInternetOnly'), {
      pass: 'Studio traffic goes through the VPC only',
      fail: 'AppNetworkAccessType is PublicInternetOnly (the default): Studio apps reach the internet outside the VPC',
      unknown: 'the network access type depends on a deploy-time value',
    }, 'default is PublicInternetOnly');
  },
});
