import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Loc, ObjectValue, Value } from '../../../src/model/types.js';
import { toPlain } from '../../../src/model/value.js';
import { classify } from '../../../src/sources/pulumi/tokens.js';
import { classicValues, nativeProperties, singular } from '../../../src/sources/pulumi/values.js';

const tf = (token: string) => { const k = classify(token); return k.kind === 'classic' ? k.tfType : k.kind; };
const cfn = (token: string) => { const k = classify(token); return k.kind === 'native' ? k.cfnType : k.kind; };

test('AWS Classic tokens: the Terraform type by rule (module + name in snake_case), in full and short form', () => {
  assert.equal(tf('aws:s3/bucket:Bucket'), 'aws_s3_bucket');
  assert.equal(tf('aws:s3/bucketPolicy:BucketPolicy'), 'aws_s3_bucket_policy');
  assert.equal(tf('aws:s3:BucketObject'), 'aws_s3_bucket_object');
  assert.equal(tf('aws:cloudwatch/logGroup:LogGroup'), 'aws_cloudwatch_log_group');
  assert.equal(tf('aws:iam/rolePolicyAttachment:RolePolicyAttachment'), 'aws_iam_role_policy_attachment');
  assert.equal(tf('aws:kms:Key'), 'aws_kms_key');
  assert.equal(tf('aws:lb:Listener'), 'aws_lb_listener');
  assert.equal(tf('aws:ecs:ClusterCapacityProviders'), 'aws_ecs_cluster_capacity_providers');
  assert.equal(tf('aws:appsync/graphQLApi:GraphQLApi'), 'aws_appsync_graphql_api');
  assert.equal(tf('aws:apigateway/restApi:RestApi'), 'aws_api_gateway_rest_api');
  assert.equal(tf('aws:servicediscovery:PrivateDnsNamespace'), 'aws_service_discovery_private_dns_namespace');
  assert.equal(tf('aws:ec2transitgateway/vpcAttachment:VpcAttachment'), 'aws_ec2_transit_gateway_vpc_attachment');
});

test('AWS Classic tokens: the bridge\'s irregular names (EC2 without prefix, RDS as aws_db_*, S3 V2 resources, ...)', () => {
  assert.equal(tf('aws:ec2/securityGroup:SecurityGroup'), 'aws_security_group');
  assert.equal(tf('aws:ec2:Vpc'), 'aws_vpc');
  assert.equal(tf('aws:ec2:Eip'), 'aws_eip');
  assert.equal(tf('aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation'), 'aws_vpc_ipv4_cidr_block_association');
  assert.equal(tf('aws:ec2/tag:Tag'), 'aws_ec2_tag');
  assert.equal(tf('aws:rds/instance:Instance'), 'aws_db_instance');
  assert.equal(tf('aws:rds:SubnetGroup'), 'aws_db_subnet_group');
  assert.equal(tf('aws:rds/cluster:Cluster'), 'aws_rds_cluster');
  assert.equal(tf('aws:s3/bucketV2:BucketV2'), 'aws_s3_bucket');
  assert.equal(tf('aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2'), 'aws_s3_bucket_server_side_encryption_configuration');
  assert.equal(tf('aws:s3/bucketObjectv2:BucketObjectv2'), 'aws_s3_object');
  assert.equal(tf('aws:lb/loadBalancer:LoadBalancer'), 'aws_lb');
  assert.equal(tf('aws:cloudtrail/trail:Trail'), 'aws_cloudtrail');
  assert.equal(tf('aws:cfg/recorder:Recorder'), 'aws_config_configuration_recorder');
  assert.equal(tf('aws:cfg/deliveryChannel:DeliveryChannel'), 'aws_config_delivery_channel');
});

test('AWS Native tokens name CloudFormation types, acronyms restored; other packages and the engine\'s own are told apart', () => {
  assert.equal(cfn('aws-native:s3:Bucket'), 'AWS::S3::Bucket');
  assert.equal(cfn('aws-native:ec2:Vpc'), 'AWS::EC2::VPC');
  assert.equal(cfn('aws-native:rds:DbInstance'), 'AWS::RDS::DBInstance');
  assert.equal(cfn('aws-native:dynamodb:Table'), 'AWS::DynamoDB::Table');
  assert.equal(cfn('aws-native:elasticloadbalancingv2:LoadBalancer'), 'AWS::ElasticLoadBalancingV2::LoadBalancer');
  assert.equal(classify('eks:Cluster').kind, 'other');
  assert.equal(classify('random:index/randomPassword:RandomPassword').kind, 'other');
  assert.equal(classify('aws:index:Provider').kind, 'other');
  assert.equal(classify('pulumi:pulumi:Stack').kind, 'internal');
  assert.equal(classify('pulumi:providers:aws').kind, 'internal');
});

test('singular undoes the bridge\'s plural of repeatable blocks', () => {
  assert.deepEqual(['rules', 'serverSideEncryptionConfigurations', 'sourceSelectionCriterias', 'globalSecondaryIndexes', 'capacityProviderStrategies', 'ingress', 'egress'].map(singular),
    ['rule', 'serverSideEncryptionConfiguration', 'sourceSelectionCriteria', 'globalSecondaryIndex', 'capacityProviderStrategy', 'ingress', 'egress']);
});

/** A plain object as located values, one key per line from line 1. */
function located(x: Record<string, unknown>): ObjectValue {
  let line = 0;
  const at = (): Loc => ({ file: 'f', line: ++line, column: 1 });
  const v = (p: unknown, loc: Loc): Value => {
    if (Array.isArray(p)) return { k: 'list', items: p.map((i) => v(i, at())), loc };
    if (p && typeof p === 'object') {
      const props = new Map<string, Value>();
      const keyLocs = new Map<string, Loc>();
      for (const [k, c] of Object.entries(p)) { const kl = at(); keyLocs.set(k, kl); props.set(k, v(c, kl)); }
      return { k: 'object', props, keyLocs, loc };
    }
    return { k: 'scalar', v: p as string, loc };
  };
  return v(x, { file: 'f', line: 0, column: 1 }) as ObjectValue;
}

test('classic values: camelCase to snake_case, single blocks as one-element lists, block lists singular, maps kept, and the Pulumi path of every Terraform path', () => {
  const c = classicValues('aws_s3_bucket', located({
    bucket: 'b', // 1
    tags: { CostCenter: 'x', team: 'core' }, // 2-4
    serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'k' } } }, // 5-9
    corsRules: [{ allowedMethods: ['GET'] }], // 10-
    __defaults: [],
  }));
  assert.deepEqual(toPlain(c.values), {
    bucket: 'b', tags: { CostCenter: 'x', team: 'core' },
    server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'k' }] }] }],
    cors_rule: [{ allowed_methods: ['GET'] }],
  });
  assert.equal(c.written('server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm'), 'serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm');
  assert.equal(c.written('cors_rule[0].allowed_methods'), 'corsRules[0].allowedMethods');
  assert.equal(c.values.keyLocs.get('server_side_encryption_configuration')?.line, 5);
});

test('classic values: the plural lists of BucketV2 (pulumi-aws v6) come back as the blocks of aws_s3_bucket; a block Terraform names in the plural stays', () => {
  const c = classicValues('aws_s3_bucket', located({
    serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: 'AES256' }], bucketKeyEnabled: false }] }],
    replicationConfiguration: { role: 'r', rules: [{ id: 'all', status: 'Enabled' }] },
  }));
  assert.deepEqual(toPlain(c.values), {
    server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }], bucket_key_enabled: false }] }],
    replication_configuration: [{ role: 'r', rules: [{ id: 'all', status: 'Enabled' }] }],
  });
  assert.equal(c.written('server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm'),
    'serverSideEncryptionConfigurations[0].rules[0].applyServerSideEncryptionByDefaults[0].sseAlgorithm');
});

test('native properties: camelCase to CloudFormation names, acronyms restored per type, keys located with their Pulumi path', () => {
  const p = nativeProperties('AWS::S3::Bucket', located({
    bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'k' } }] },
    tags: [{ key: 'team', value: 'core' }],
  }), 'urn:x');
  assert.deepEqual(toPlain(p), {
    BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'k' } }] },
    Tags: [{ Key: 'team', Value: 'core' }],
  });
  const enc = p.props.get('BucketEncryption');
  assert.equal(enc?.k === 'object' && enc.keyLocs.get('ServerSideEncryptionConfiguration')?.path, 'urn:x.bucketEncryption.serverSideEncryptionConfiguration');
});
