import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-EMR-004',
  title: 'EMR block public access is enabled for the account',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::EMR::BlockPublicAccessConfiguration'],
  rationale: 'EMR block public access stops clusters from launching when a security group attached to them allows inbound traffic from anywhere on ports other than the permitted ones (port 22 unless changed). Turned off, a cluster can come up with its master node open to the internet. CloudFormation has no resource for this account setting; only the Terraform resource is judged.',
  remediation: 'CloudFormation cannot declare this account setting: turn on BlockPublicSecurityGroupRules with the EMR console, CLI or API (PutBlockPublicAccessConfiguration), and keep the permitted public port ranges as short as possible.',
  remediationTerraform: 'Set block_public_security_group_rules = true on the aws_emr_block_public_access_configuration, and keep its permitted_public_security_group_rule_range list as short as possible.',
  references: { checkov: ['CKV_AWS_390'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('BlockPublicSecurityGroupRules', isTrue, {
      pass: 'EMR refuses clusters whose security groups allow public inbound traffic',
      fail: 'block_public_security_group_rules is not true: clusters may launch with security groups open to the internet',
      unknown: 'block public access depends on a deploy-time value',
    });
  },
});
