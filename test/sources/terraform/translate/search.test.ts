import assert from 'node:assert/strict';
import { test } from 'node:test';
import opensearchEncryptionAtRest from '../../../../src/controls/data-protection/opensearchEncryptionAtRest.js';
import opensearchEnforceHttps from '../../../../src/controls/data-protection/opensearchEnforceHttps.js';
import opensearchNodeToNode from '../../../../src/controls/data-protection/opensearchNodeToNode.js';
import opensearchTlsPolicy from '../../../../src/controls/data-protection/opensearchTlsPolicy.js';
import noPlaintextSecrets from '../../../../src/controls/deployment/noPlaintextSecrets.js';
import type { Control } from '../../../../src/controls/api.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import type { TfResource } from '../../../../src/sources/terraform/types.js';
import { propLoc, tfFindings, tfResources } from '../../../helpers/tf.js';

const verdicts = (input: TfResource[], control: Control) => tfFindings(input, control).map((f) => [f.resource.id, f.status, f.location.line]);

test('aws_opensearch_domain: encryption, endpoint options and the provider default for enforce_https', () => {
  const input = tfResources('os.tf', {
    'aws_opensearch_domain.d': { // 1
      domain_name: 'logs', // 2
      encrypt_at_rest: [{ enabled: true }], // 3, 4, 5
      node_to_node_encryption: [{ enabled: true }], // 6, 7, 8
      domain_endpoint_options: [{ tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }], // 9, 10, 11
    },
    'aws_opensearch_domain.bare': { domain_name: 'bare' }, // 12, 13
  });
  const d = translate(input).resources[0]!;
  assert.equal(d.type, 'AWS::OpenSearchService::Domain');
  assert.deepEqual(propLoc(d, 'EncryptionAtRestOptions.Enabled'), { file: 'os.tf', line: 5, column: 3, path: 'aws_opensearch_domain.d.encrypt_at_rest[0].enabled' });
  assert.deepEqual(verdicts(input, opensearchEncryptionAtRest), [['aws_opensearch_domain.d', 'pass', 5], ['aws_opensearch_domain.bare', 'fail', 12]]);
  assert.deepEqual(verdicts(input, opensearchNodeToNode), [['aws_opensearch_domain.d', 'pass', 8], ['aws_opensearch_domain.bare', 'fail', 12]]);
  assert.deepEqual(verdicts(input, opensearchTlsPolicy), [['aws_opensearch_domain.d', 'pass', 11], ['aws_opensearch_domain.bare', 'fail', 12]]);
  // enforce_https is not written in the block: the provider sends true. Without the block nothing is assumed.
  assert.deepEqual(verdicts(input, opensearchEnforceHttps), [['aws_opensearch_domain.d', 'pass', 10], ['aws_opensearch_domain.bare', 'fail', 12]]);
  assert.equal(tfFindings(input, opensearchEnforceHttps)[0]!.evidence[0]!.origin, 'aws_opensearch_domain.d.domain_endpoint_options.enforce_https');
});

test('aws_elasticsearch_domain: a weak TLS policy and plain HTTP fail at their arguments', () => {
  const input = tfResources('es.tf', {
    'aws_elasticsearch_domain.d': { domain_name: 'old', domain_endpoint_options: [{ enforce_https: false, tls_security_policy: 'Policy-Min-TLS-1-0-2019-07' }] }, // 1-6
  });
  assert.equal(translate(input).resources[0]!.type, 'AWS::Elasticsearch::Domain');
  assert.deepEqual(verdicts(input, opensearchEnforceHttps), [['aws_elasticsearch_domain.d', 'fail', 5]]);
  assert.deepEqual(verdicts(input, opensearchTlsPolicy), [['aws_elasticsearch_domain.d', 'fail', 6]]);
});

test('access policies (inline or from a domain policy resource), log publishing and the master user password', () => {
  const input = tfResources('os.tf', {
    'aws_opensearch_domain.d': { // 1
      domain_name: 'logs', // 2
      advanced_security_options: [{ enabled: true, internal_user_database_enabled: true, master_user_options: [{ master_user_name: 'admin', master_user_password: 'Adm1n!pass' }] }],
      // 3, 4, 5, 6, master_user_options 7, 8, 9, master_user_password 10
      log_publishing_options: [{ log_type: 'AUDIT_LOGS', cloudwatch_log_group_arn: 'arn:aws:logs:eu-west-1:111122223333:log-group:audit' }], // 11, 12, 13, 14
    },
    'aws_opensearch_domain_policy.p': { domain_name: 'logs', access_policies: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"es:*"}]}' }, // 15-17
  });
  const out = translate(input);
  assert.deepEqual(out.notes, []);
  const d = out.resources[0]!;
  const statements = getPath(d.properties, 'AccessPolicies.Statement');
  assert.equal(statements?.k === 'list' && render(getPath(statements.items[0], 'Principal')), '{AWS: "*"}');
  assert.deepEqual(propLoc(d, 'AccessPolicies'), { file: 'os.tf', line: 17, column: 3, path: 'aws_opensearch_domain_policy.p.access_policies' });
  // `enabled` left out of the block: the provider publishes (its default is true).
  assert.equal(render(getPath(d.properties, 'LogPublishingOptions')), '{AUDIT_LOGS: {CloudWatchLogsLogGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:audit", Enabled: true}}');
  const enabled = getPath(d.properties, 'LogPublishingOptions.AUDIT_LOGS.Enabled');
  assert.match(enabled?.k === 'scalar' ? enabled.via ?? '' : '', /provider's default/);
  assert.deepEqual(verdicts(input, noPlaintextSecrets), [['aws_opensearch_domain.d', 'fail', 10]]);
});
