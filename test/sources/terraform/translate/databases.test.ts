import assert from 'node:assert/strict';
import { test } from 'node:test';
import elasticacheAtRest from '../../../../src/controls/data-protection/elasticacheAtRest.js';
import elasticacheAuth from '../../../../src/controls/authentication/elasticacheAuth.js';
import elasticacheInTransit from '../../../../src/controls/data-protection/elasticacheInTransit.js';
import rdsNotPublic from '../../../../src/controls/network/rdsNotPublic.js';
import rdsPerformanceInsightsKms from '../../../../src/controls/data-protection/rdsPerformanceInsightsKms.js';
import rdsProxyRequireTls from '../../../../src/controls/data-protection/rdsProxyRequireTls.js';
import rdsStorageEncrypted from '../../../../src/controls/data-protection/rdsStorageEncrypted.js';
import dynamodbKmsEncryption from '../../../../src/controls/data-protection/dynamodbKmsEncryption.js';
import noPlaintextSecrets from '../../../../src/controls/deployment/noPlaintextSecrets.js';
import dynamodbPitr from '../../../../src/controls/resilience/dynamodbPitr.js';
import rdsBackupRetention from '../../../../src/controls/resilience/rdsBackupRetention.js';
import rdsMultiAz from '../../../../src/controls/resilience/rdsMultiAz.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import { propLoc, tfFindings, tfResources } from '../../../helpers/tf.js';

const one = (f: ReturnType<typeof tfFindings>) => {
  assert.equal(f.length, 1, JSON.stringify(f.map((x) => [x.status, x.message])));
  return f[0]!;
};

test('aws_db_instance: arguments become DBInstance properties located at the argument', () => {
  const out = translate(tfResources('db.tf', {
    'aws_db_instance.db': { // 1
      engine: 'postgres', // 2
      storage_encrypted: true, // 3
      kms_key_id: { ref: 'aws_kms_key.k', attr: 'arn' }, // 4
      enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'], // 5 (items 6, 7)
      backup_retention_period: 14, // 8
      db_subnet_group_name: { ref: 'aws_db_subnet_group.g', attr: 'name' }, // 9
      tags: { team: 'data' }, // 10, 11
    },
  }));
  assert.deepEqual(out.notes, []);
  const db = out.resources[0]!;
  assert.equal(db.type, 'AWS::RDS::DBInstance');
  assert.equal(render(getPath(db.properties, 'StorageEncrypted')), 'true');
  assert.deepEqual(propLoc(db, 'StorageEncrypted'), { file: 'db.tf', line: 3, column: 3, path: 'aws_db_instance.db.storage_encrypted' });
  assert.equal(render(getPath(db.properties, 'KmsKeyId')), 'aws_kms_key.k.arn');
  assert.equal(render(getPath(db.properties, 'EnableCloudwatchLogsExports')), '["postgresql", "upgrade"]');
  assert.deepEqual(propLoc(db, 'BackupRetentionPeriod'), { file: 'db.tf', line: 8, column: 3, path: 'aws_db_instance.db.backup_retention_period' });
  assert.equal(render(getPath(db.properties, 'DBSubnetGroupName')), 'aws_db_subnet_group.g.name');
  assert.equal(render(getPath(db.properties, 'Tags')), '[{Key: "team", Value: "data"}]');
  // publicly_accessible is not written: the provider sends false, located at the resource.
  const pa = getPath(db.properties, 'PubliclyAccessible');
  assert.equal(render(pa), 'false');
  assert.equal(pa?.k === 'scalar' && pa.via, "the AWS provider's default when publicly_accessible is not set");
  assert.deepEqual(propLoc(db, 'PubliclyAccessible'), { file: 'db.tf', line: 1, column: 1, path: 'aws_db_instance.db.publicly_accessible' });
});

test('RDS instance controls judge the Terraform arguments at their lines', () => {
  const unencrypted = tfResources('db.tf', { 'aws_db_instance.db': { engine: 'mysql', storage_encrypted: false, publicly_accessible: true, multi_az: true, backup_retention_period: 3 } });
  let f = one(tfFindings(unencrypted, rdsStorageEncrypted));
  assert.equal(f.status, 'fail');
  assert.deepEqual([f.location.line, f.evidence[0]?.origin], [3, 'aws_db_instance.db.storage_encrypted']);
  assert.equal(f.resource.sourceType, 'aws_db_instance');
  f = one(tfFindings(unencrypted, rdsNotPublic));
  assert.deepEqual([f.status, f.location.line], ['fail', 4]);
  f = one(tfFindings(unencrypted, rdsMultiAz));
  assert.deepEqual([f.status, f.location.line], ['pass', 5]);
  f = one(tfFindings(unencrypted, rdsBackupRetention));
  assert.deepEqual([f.status, f.location.line], ['fail', 6]);

  // Not written: storage stays unencrypted (fail at the resource), the instance private by the provider's default.
  const bare = tfResources('db.tf', { 'aws_db_instance.db': { engine: 'mysql', instance_class: 'db.t3.micro' } });
  f = one(tfFindings(bare, rdsStorageEncrypted));
  assert.deepEqual([f.status, f.location.line], ['fail', 1]);
  f = one(tfFindings(bare, rdsNotPublic));
  assert.deepEqual([f.status, f.location.line], ['pass', 1]);
  assert.match(f.evidence[0]!.note ?? '', /value from the AWS provider's default when publicly_accessible is not set/);
  f = one(tfFindings(bare, rdsBackupRetention));
  assert.equal(f.status, 'fail');
});

test('a literal master password fails at its line; one taken from another resource passes', () => {
  let f = one(tfFindings(tfResources('db.tf', { 'aws_db_instance.db': { engine: 'mysql', username: 'admin', password: 'hunter22' } }), noPlaintextSecrets));
  assert.deepEqual([f.status, f.location.line, f.evidence[0]?.origin], ['fail', 4, 'aws_db_instance.db.password']);
  f = one(tfFindings(tfResources('db.tf', { 'aws_rds_cluster.c': { engine: 'aurora-mysql', master_password: { ref: 'random_password.p', attr: 'result' } } }), noPlaintextSecrets));
  assert.equal(f.status, 'pass');
  f = one(tfFindings(tfResources('db.tf', { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', manage_master_user_password: true } }), noPlaintextSecrets));
  assert.deepEqual([f.status, f.location.line], ['pass', 3]);
});

test('aws_rds_cluster_instance is a cluster member: cluster-level controls leave it to aws_rds_cluster', () => {
  const input = tfResources('aurora.tf', {
    'aws_rds_cluster.c': { cluster_identifier: 'main', engine: 'aurora-postgresql', storage_encrypted: true, performance_insights_enabled: true }, // 1-5
    'aws_rds_cluster_instance.i': { cluster_identifier: { ref: 'aws_rds_cluster.c', attr: 'id' }, instance_class: 'db.r6g.large', performance_insights_enabled: true, performance_insights_kms_key_id: { ref: 'aws_kms_key.pi', attr: 'arn' } }, // 6-10
  });
  const enc = tfFindings(input, rdsStorageEncrypted);
  assert.deepEqual(enc.map((f) => [f.resource.id, f.status, f.location.line]), [['aws_rds_cluster.c', 'pass', 4], ['aws_rds_cluster_instance.i', 'not_applicable', 6]]);
  const pi = tfFindings(input, rdsPerformanceInsightsKms);
  assert.deepEqual(pi.map((f) => [f.resource.id, f.status, f.location.line]), [['aws_rds_cluster.c', 'fail', 1], ['aws_rds_cluster_instance.i', 'pass', 10]]);
});

test('Aurora Serverless v1 clusters are encrypted when storage_encrypted is left out; provisioned ones are not', () => {
  let f = one(tfFindings(tfResources('aurora.tf', { 'aws_rds_cluster.c': { engine: 'aurora-mysql', engine_mode: 'serverless' } }), rdsStorageEncrypted));
  assert.deepEqual([f.status, f.location.line, f.evidence[0]?.origin], ['pass', 1, 'aws_rds_cluster.c.storage_encrypted']);
  f = one(tfFindings(tfResources('aurora.tf', { 'aws_rds_cluster.c': { engine: 'aurora-mysql', engine_mode: 'serverless', storage_encrypted: false } }), rdsStorageEncrypted));
  assert.deepEqual([f.status, f.location.line], ['fail', 4]);
  f = one(tfFindings(tfResources('aurora.tf', { 'aws_rds_cluster.c': { engine: 'aurora-mysql', engine_mode: { unknown: 'var.mode' } } }), rdsStorageEncrypted));
  assert.equal(f.status, 'fail');
});

test('aws_db_proxy require_tls and auth blocks', () => {
  const input = tfResources('proxy.tf', {
    'aws_db_proxy.p': { // 1
      name: 'p', // 2
      engine_family: 'POSTGRESQL', // 3
      require_tls: true, // 4
      auth: [{ auth_scheme: 'SECRETS', iam_auth: 'REQUIRED', secret_arn: { ref: 'aws_secretsmanager_secret.s', attr: 'arn' } }], // 5, item 6, 7-9
    },
  });
  const p = translate(input).resources[0]!;
  assert.equal(render(getPath(p.properties, 'Auth')), '[{AuthScheme: "SECRETS", SecretArn: aws_secretsmanager_secret.s.arn, IAMAuth: "REQUIRED"}]');
  const auth = getPath(p.properties, 'Auth');
  assert.deepEqual(auth?.k === 'list' && propLoc({ properties: auth.items[0]! }, 'IAMAuth'), { file: 'proxy.tf', line: 8, column: 3, path: 'aws_db_proxy.p.auth[0].iam_auth' });
  const f = one(tfFindings(input, rdsProxyRequireTls));
  assert.deepEqual([f.status, f.location.line], ['pass', 4]);
  assert.equal(one(tfFindings(tfResources('proxy.tf', { 'aws_db_proxy.p': { name: 'p' } }), rdsProxyRequireTls)).status, 'fail');
});

test('parameter blocks become the Parameters map; a parameter name from a variable makes it unknown', () => {
  const out = translate(tfResources('pg.tf', {
    'aws_db_parameter_group.pg': { name: 'pg', family: 'postgres16', parameter: [{ name: 'rds.force_ssl', value: '1' }, { name: 'log_connections', value: '1' }] },
    'aws_rds_cluster_parameter_group.cpg': { family: 'aurora-postgresql16', parameter: [{ name: { unknown: 'var.p' }, value: '1' }] },
  }));
  const [pg, cpg] = out.resources;
  assert.equal(pg!.type, 'AWS::RDS::DBParameterGroup');
  assert.equal(render(getPath(pg!.properties, 'Parameters')), '{rds.force_ssl: "1", log_connections: "1"}');
  const params = getPath(pg!.properties, 'Parameters');
  assert.deepEqual(params?.k === 'object' && params.keyLocs.get('rds.force_ssl'), { file: 'pg.tf', line: 6, column: 3, path: 'aws_db_parameter_group.pg.parameter[0].name' });
  assert.equal(cpg!.type, 'AWS::RDS::DBClusterParameterGroup');
  assert.equal(getPath(cpg!.properties, 'Parameters')?.k, 'unknown');
});

test('aws_dynamodb_table: point_in_time_recovery and server_side_encryption blocks', () => {
  const input = tfResources('ddb.tf', {
    'aws_dynamodb_table.t': { // 1
      name: 't', // 2
      point_in_time_recovery: [{ enabled: true }], // 3, item 4, enabled 5
      server_side_encryption: [{ enabled: true, kms_key_arn: { ref: 'aws_kms_key.k', attr: 'arn' } }], // 6, item 7, 8, 9
    },
  });
  const t = translate(input).resources[0]!;
  assert.deepEqual(propLoc(t, 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled'),
    { file: 'ddb.tf', line: 5, column: 3, path: 'aws_dynamodb_table.t.point_in_time_recovery[0].enabled' });
  assert.equal(render(getPath(t.properties, 'SSESpecification')), '{SSEEnabled: true, KMSMasterKeyId: aws_kms_key.k.arn}');
  let f = one(tfFindings(input, dynamodbPitr));
  assert.deepEqual([f.status, f.location.line], ['pass', 5]);
  f = one(tfFindings(input, dynamodbKmsEncryption));
  assert.deepEqual([f.status, f.location.line], ['pass', 8]);
  const bare = tfResources('ddb.tf', { 'aws_dynamodb_table.t': { name: 't' } });
  assert.deepEqual(tfFindings(bare, dynamodbPitr).map((x) => [x.status, x.location.line]), [['fail', 1]]);
  assert.deepEqual(tfFindings(bare, dynamodbKmsEncryption).map((x) => [x.status, x.location.line]), [['fail', 1]]);
  // A `dynamic` block the reader could not expand: unknown, not "not enabled".
  const dyn = tfResources('ddb.tf', { 'aws_dynamodb_table.t': { name: 't', point_in_time_recovery: { unknown: 'var.pitr' } } });
  f = one(tfFindings(dyn, dynamodbPitr));
  assert.deepEqual([f.status, f.dependsOn], ['unknown', ['var.pitr']]);
});

test('aws_elasticache_replication_group: encryption and authentication', () => {
  const input = tfResources('redis.tf', {
    'aws_elasticache_replication_group.r': { // 1
      replication_group_id: 'r', // 2
      description: 'cache', // 3
      at_rest_encryption_enabled: true, // 4
      transit_encryption_enabled: true, // 5
      transit_encryption_mode: 'preferred', // 6
      auth_token: { ref: 'random_password.t', attr: 'result' }, // 7
    },
  });
  const r = translate(input).resources[0]!;
  assert.equal(render(getPath(r.properties, 'ReplicationGroupDescription')), '"cache"');
  assert.deepEqual([one(tfFindings(input, elasticacheAtRest)).status, one(tfFindings(input, elasticacheAtRest)).location.line], ['pass', 4]);
  const t = one(tfFindings(input, elasticacheInTransit));
  assert.deepEqual([t.status, t.location.line], ['fail', 6]);
  const a = one(tfFindings(input, elasticacheAuth));
  assert.deepEqual([a.status, a.location.line], ['pass', 7]);

  // Left out: Redis OSS is unencrypted at rest, Valkey encrypted (AWS's default for the engine).
  let f = one(tfFindings(tfResources('redis.tf', { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', engine: 'redis' } }), elasticacheAtRest));
  assert.deepEqual([f.status, f.location.line], ['fail', 1]);
  f = one(tfFindings(tfResources('redis.tf', { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', engine: 'valkey' } }), elasticacheAtRest));
  // Judged from the engine, which decides (line 3), as for CloudFormation.
  assert.deepEqual([f.status, f.location.line, f.evidence[0]?.origin], ['pass', 3, 'aws_elasticache_replication_group.r.engine']);
  f = one(tfFindings(tfResources('redis.tf', { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', engine: 'valkey', at_rest_encryption_enabled: false } }), elasticacheAtRest));
  assert.deepEqual([f.status, f.location.line], ['fail', 4]);
  f = one(tfFindings(tfResources('redis.tf', { 'aws_elasticache_replication_group.r': { replication_group_id: 'r' } }), elasticacheAuth));
  assert.equal(f.status, 'fail');
});

test('DocumentDB, Neptune, Redshift and DMS endpoints carry their credentials and encryption under the CloudFormation names', () => {
  const out = translate(tfResources('misc.tf', {
    'aws_docdb_cluster.d': { master_password: 'pw1', storage_encrypted: true },
    'aws_neptune_cluster.n': { storage_encrypted: true, kms_key_arn: 'arn:aws:kms:eu-west-1:111122223333:key/k', iam_database_authentication_enabled: true },
    'aws_redshift_cluster.r': { cluster_identifier: 'r', master_password: 'pw2', encrypted: true },
    'aws_dms_endpoint.e': { endpoint_id: 'e', endpoint_type: 'source', engine_name: 'mysql', password: 'pw3', ssl_mode: 'require' },
  }));
  assert.deepEqual(out.resources.map((r) => r.type), ['AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster', 'AWS::Redshift::Cluster', 'AWS::DMS::Endpoint']);
  const [d, n, r, e] = out.resources;
  assert.equal(render(getPath(d!.properties, 'StorageEncrypted')), 'true');
  assert.equal(render(getPath(n!.properties, 'IamAuthEnabled')), 'true');
  assert.equal(render(getPath(n!.properties, 'KmsKeyId')), '"arn:aws:kms:eu-west-1:111122223333:key/k"');
  assert.equal(render(getPath(r!.properties, 'Encrypted')), 'true');
  assert.equal(render(getPath(e!.properties, 'SslMode')), '"require"');
  const f = tfFindings(tfResources('misc.tf', {
    'aws_docdb_cluster.d': { master_password: 'pw1' }, // 1, 2
    'aws_redshift_cluster.r': { master_password: 'pw2' }, // 3, 4
    'aws_dms_endpoint.e': { password: 'pw3' }, // 5, 6
  }), noPlaintextSecrets);
  assert.deepEqual(f.map((x) => [x.resource.type, x.status, x.location.line]), [
    ['AWS::DocDB::DBCluster', 'fail', 2], ['AWS::Redshift::Cluster', 'fail', 4], ['AWS::DMS::Endpoint', 'fail', 6],
  ]);
});

test('an argument set to null is left out, as Terraform does; write-only passwords are still passwords written in the configuration', () => {
  const input = tfResources('db.tf', { 'aws_db_instance.db': { engine: 'mysql', publicly_accessible: null, storage_encrypted: null, password_wo: 'hunter22' } }); // 1-5
  const db = translate(input).resources[0]!;
  assert.equal(getPath(db.properties, 'StorageEncrypted'), undefined);
  // The provider's default, located where the argument is nulled.
  assert.deepEqual(propLoc(db, 'PubliclyAccessible')?.line, 3);
  let f = one(tfFindings(input, rdsNotPublic));
  assert.deepEqual([f.status, f.location.line], ['pass', 3]);
  f = one(tfFindings(input, noPlaintextSecrets));
  assert.deepEqual([f.status, f.location.line, f.evidence[0]?.origin], ['fail', 5, 'aws_db_instance.db.password_wo']);
  f = one(tfFindings(tfResources('c.tf', { 'aws_rds_cluster.c': { engine: 'aurora-mysql', master_password: null, master_password_wo: 'pw' } }), noPlaintextSecrets));
  assert.deepEqual([f.status, f.location.line], ['fail', 4]);
});

test('Redshift audit logging, inline (provider v5) or from aws_redshift_logging (v6), is LoggingProperties', () => {
  const out = translate(tfResources('rs.tf', {
    'aws_redshift_cluster.v5': { cluster_identifier: 'v5', logging: [{ enable: true, bucket_name: 'logs' }] },
    'aws_redshift_cluster.v6': { cluster_identifier: 'v6' }, // 7, 8
    'aws_redshift_logging.v6': { cluster_identifier: 'v6', log_destination_type: 'cloudwatch', log_exports: ['connectionlog'] }, // 9-13
  }));
  assert.deepEqual(out.notes, []);
  const [v5, v6] = out.resources;
  assert.equal(render(getPath(v5!.properties, 'LoggingProperties')), '{BucketName: "logs"}');
  assert.equal(render(getPath(v6!.properties, 'LoggingProperties')), '{LogDestinationType: "cloudwatch", LogExports: ["connectionlog"]}');
  assert.equal(propLoc(v6!, 'LoggingProperties.LogDestinationType')?.path, 'aws_redshift_logging.v6.log_destination_type');
});

test('aws_redshift_parameter_group: parameter blocks as the ClusterParameterGroup Parameters list, which require_ssl is read from', async () => {
  const { default: redshiftRequireTls } = await import('../../../../src/controls/data-protection/redshiftRequireTls.js');
  const input = tfResources('rs.tf', {
    'aws_redshift_parameter_group.p': { // 1
      name: 'warehouse', // 2
      family: 'redshift-1.0', // 3
      parameter: [{ name: 'require_ssl', value: 'true' }], // 4, item 5, 6, 7
    },
    'aws_redshift_cluster.c': { cluster_identifier: 'c', cluster_parameter_group_name: { ref: 'aws_redshift_parameter_group.p', attr: 'name' } }, // 8, 9, 10
  });
  const g = translate(input).resources[0]!;
  assert.equal(g.type, 'AWS::Redshift::ClusterParameterGroup');
  assert.equal(render(getPath(g.properties, 'Parameters')), '[{ParameterName: "require_ssl", ParameterValue: "true"}]');
  assert.deepEqual(tfFindings(input, redshiftRequireTls).map((f) => [f.resource.id, f.status, f.location.line]), [['aws_redshift_cluster.c', 'pass', 7]]);
});
