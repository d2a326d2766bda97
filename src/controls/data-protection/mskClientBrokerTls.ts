import { defineControl } from '../api.js';
import { equalsOr, trueOr } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-MSK-001',
  title: 'MSK clusters accept only TLS connections from clients',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::MSK::Cluster'],
  rationale: 'With ClientBroker set to TLS_PLAINTEXT or PLAINTEXT, brokers listen for unencrypted Kafka connections, so message payloads and SASL/SCRAM credentials can cross the network in clear. TLS only is the MSK default; a template that widens it opens the plaintext listener for every client.',
  remediation: 'Set EncryptionInfo.EncryptionInTransit.ClientBroker: TLS, or leave it out (the default).',
  remediationTerraform: 'Set encryption_info { encryption_in_transit { client_broker = "TLS" } } on the aws_msk_cluster, or leave it out (TLS is the default).',
  references: { checkov: [], trivy: ['AVD-AWS-0073'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('EncryptionInfo.EncryptionInTransit.ClientBroker', equalsOr('TLS', 'TLS'), {
      pass: 'clients must connect to the brokers over TLS',
      fail: 'ClientBroker allows plaintext connections between clients and brokers',
      unknown: 'client-broker encryption depends on a deploy-time value',
    }, 'default is TLS');
  },
});
