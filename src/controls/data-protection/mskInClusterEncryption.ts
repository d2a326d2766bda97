import { defineControl } from '../api.js';
import { equalsOr, trueOr } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-MSK-002',
  title: 'MSK clusters encrypt traffic between brokers',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::MSK::Cluster'],
  rationale: 'Replication traffic between brokers carries every message of every partition. With InCluster set to false it travels unencrypted inside the VPC, readable by anything that can capture traffic there. Encryption between brokers is on unless a template turns it off, and can only be chosen at creation.',
  remediation: 'Leave EncryptionInfo.EncryptionInTransit.InCluster out or set it to true. Changing it replaces the cluster.',
  remediationTerraform: 'Leave in_cluster in encryption_info { encryption_in_transit { } } of the aws_msk_cluster unset or true; changing it replaces the cluster.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('EncryptionInfo.EncryptionInTransit.InCluster', trueOr(true), {
      pass: 'traffic between brokers is encrypted',
      fail: 'InCluster is false: data replicated between brokers is not encrypted',
      unknown: 'in-cluster encryption depends on a deploy-time value',
    }, 'default is true');
  },
});
