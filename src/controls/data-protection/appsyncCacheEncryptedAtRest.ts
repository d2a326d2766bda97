import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-APPSYNC-004',
  title: 'AppSync API caches are encrypted at rest',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::AppSync::ApiCache'],
  rationale: 'The cache keeps resolver results, which are whatever the API serves, personal data included. Unencrypted, those results sit in clear on the cache nodes\' storage. Encryption can only be chosen when the cache is created.',
  remediation: 'Set AtRestEncryptionEnabled: true.',
  remediationTerraform: 'Set at_rest_encryption_enabled = true on the aws_appsync_api_cache.',
  references: { checkov: ['CKV_AWS_214'] },
  evaluate(r) {
    return r.expect('AtRestEncryptionEnabled', isTrue, {
      pass: 'cached results are encrypted at rest',
      fail: 'AtRestEncryptionEnabled is not true (it defaults to false): cached results are stored unencrypted',
      unknown: 'cache encryption at rest depends on a deploy-time value',
    });
  },
});
