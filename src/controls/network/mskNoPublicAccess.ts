import { defineControl } from '../api.js';
import { noneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-MSK-004',
  title: 'MSK clusters are not publicly accessible',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::MSK::Cluster'],
  rationale: 'With public access (SERVICE_PROVIDED_EIPS) the brokers get public IP addresses and Kafka listeners reachable from the internet, limited only by security groups and client authentication. Clusters are private unless a template turns this on.',
  remediation: 'Set BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type: DISABLED or leave it out. Reach the cluster through the VPC, peering, PrivateLink or multi-VPC connectivity instead.',
  remediationTerraform: 'Set broker_node_group_info { connectivity_info { public_access { type = "DISABLED" } } } on the aws_msk_cluster or leave it out; reach the cluster through the VPC, peering, PrivateLink or multi-VPC connectivity instead.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type', noneOf(['SERVICE_PROVIDED_EIPS'], true), {
      pass: 'brokers are reachable only from private networks',
      fail: 'PublicAccess.Type is SERVICE_PROVIDED_EIPS: brokers have public IP addresses',
      unknown: 'public access depends on a deploy-time value',
    }, 'default is DISABLED');
  },
});
