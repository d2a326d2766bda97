import { defineControl } from '../api.js';
import { DOMAIN_TYPES } from '../lib/opensearch.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-OS-007',
  title: 'OpenSearch domains are deployed in a VPC',
  domain: 'network',
  severity: 'medium',
  resourceTypes: DOMAIN_TYPES,
  rationale: 'A domain outside a VPC has a public endpoint reachable from the internet, guarded only by its access policy; a VPC domain is reachable only through its subnets, so security groups and network paths limit who can connect. The choice cannot be changed after creation.',
  remediation: 'Set VPCOptions.SubnetIds (and SecurityGroupIds) to private subnets; the domain must be recreated to move into a VPC.',
  remediationTerraform: 'Add vpc_options { subnet_ids = [...], security_group_ids = [...] } with private subnets to the aws_opensearch_domain or aws_elasticsearch_domain; the domain must be recreated to move into a VPC.',
  references: { checkov: ['CKV_AWS_137'], guard: ['OPENSEARCH_IN_VPC_ONLY', 'ELASTICSEARCH_IN_VPC_ONLY'] },
  evaluate(r) {
    return r.expect('VPCOptions.SubnetIds', isPresent, {
      pass: 'the domain endpoint is placed in VPC subnets',
      fail: 'VPCOptions.SubnetIds is not set: the domain gets a public endpoint',
      unknown: 'whether the domain is placed in a VPC depends on a deploy-time value',
    }, 'not set: public endpoint');
  },
});
