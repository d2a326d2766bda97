import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-APPSYNC-005',
  title: 'AppSync API caches encrypt data in transit',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::AppSync::ApiCache'],
  rationale: 'Without transit encryption, resolver results travel between AppSync and the cache nodes in clear inside the network. Encryption can only be chosen when the cache is created.',
  remediation: 'Set TransitEncryptionEnabled: true.',
  remediationTerraform: 'Set transit_encryption_enabled = true on the aws_appsync_api_cache.',
  references: { checkov: ['CKV_AWS_215'] },
  evaluate(r) {
    return r.expect('TransitEncryptionEnabled', isTrue, {
      pass: 'traffic to the cache is encrypted',
      fail: 'TransitEncryptionEnabled is not true (it defaults to false): cached results travel to and from the cache unencrypted',
      unknown: 'cache encryption in transit depends on a deploy-time value',
    });
  },
});
