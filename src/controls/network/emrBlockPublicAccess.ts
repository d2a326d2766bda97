import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-EMR-004',
  title: 'EMR block public access is enabled for the account',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::EMR::BlockPublicAccessConfiguration'],
  rationale: 'EMR block public access stops clusters from launching when a security group attached to them allows inbound traffic from anywhere on ports other than the permitted ones (port 22 unless changed). Turned off, a cluster can come up with its master node open to the internet. CloudFormation has no resource for this account setting; only the Terraform resource is judged.',
  remediation: 'Set block_public_security_group_rules = true on aws_emr_block_public_access_configuration (CloudFormation cannot declare it: use the EMR console, CLI or API there), and keep the permitted_public_security_group_rule_range list as short as possible.',
  references: { checkov: ['CKV_AWS_390'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('BlockPublicSecurityGroupRules', isTrue, {
      pass: 'EMR refuses clusters whose security groups allow public inbound traffic',
      fail: 'block_public_security_group_rules is not true: clusters may launch with security groups open to the internet',
      unknown: 'block public access depends on a deploy-time value',
    });
  },
});
