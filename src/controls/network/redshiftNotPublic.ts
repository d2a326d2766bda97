import { defineControl } from '../api.js';
import { isNotTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-RSH-002',
  title: 'Redshift clusters are not publicly accessible',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::Redshift::Cluster'],
  rationale: 'A publicly accessible cluster gets a public IP address and DNS name; its security groups are then the only barrier between the warehouse\'s port and the internet.',
  remediation: 'Leave PubliclyAccessible unset or false and reach the cluster from inside the VPC (VPN, Direct Connect, or a bastion).',
  remediationTerraform: 'Set publicly_accessible = false on the aws_redshift_cluster explicitly (provider versions before 6.0 create the cluster public when it is unset) and reach the cluster from inside the VPC (VPN, Direct Connect, or a bastion).',
  references: { checkov: ['CKV_AWS_87'], guard: ['REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK'] },
  evaluate(r) {
    return r.expect('PubliclyAccessible', isNotTrue, {
      pass: 'the cluster is reachable only from within its VPC',
      fail: 'PubliclyAccessible is true: the cluster has a public endpoint',
      unknown: 'public accessibility depends on a deploy-time value',
    }, 'not set: false');
  },
});
