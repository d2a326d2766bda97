// Pulumi type tokens and the vocabularies they map to. AWS Classic (`aws:s3/bucketV2:BucketV2`)
// is the Terraform AWS provider bridged: its resources are Terraform types under Pulumi
// names, derived by rule (module + type name in snake_case) except where the bridge names
// them otherwise (facts from pulumi-aws provider/resources.go). AWS Native
// (`aws-native:s3:Bucket`) is CloudFormation's registry under lower-cased names.

export type TokenKind =
  | { kind: 'classic'; tfType: string }
  | { kind: 'native'; cfnType: string }
  /** Another provider's resource, or a component: read, counted, not translated. */
  | { kind: 'other' }
  /** The engine's own bookkeeping (the stack, provider instances): not infrastructure. */
  | { kind: 'internal' };

export function classify(token: string): TokenKind {
  const parts = token.split(':');
  if (parts[0] === 'pulumi') return { kind: 'internal' };
  if (parts.length !== 3) return { kind: 'other' };
  const [pkg, modPart, type] = parts as [string, string, string];
  const mod = modPart.split('/')[0]!.toLowerCase();
  if (pkg === 'aws' && mod !== 'index' && type) return { kind: 'classic', tfType: classicType(mod, type) };
  if (pkg === 'aws-native' && type) return { kind: 'native', cfnType: nativeType(mod, type) };
  return { kind: 'other' };
}

/** `ParameterGroup` -> `parameter_group`, `GraphQLApi` -> `graph_ql_api`, `Ipv4Cidr` -> `ipv4_cidr`. */
export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** Terraform name prefixes of the modules whose name is not the prefix itself. */
const MODULE_PREFIX: Record<string, string> = {
  apigateway: 'api_gateway',
  cfg: 'config',
  cloudhsmv2: 'cloudhsm_v2',
  costexplorer: 'ce',
  directconnect: 'dx',
  directoryservice: 'directory_service',
  ec2clientvpn: 'ec2_client_vpn',
  ec2transitgateway: 'ec2_transit_gateway',
  elasticbeanstalk: 'elastic_beanstalk',
  elasticloadbalancingv2: 'lb',
  opensearchingest: 'osis',
  serverlessrepository: 'serverlessapplicationrepository',
  servicediscovery: 'service_discovery',
};

/** The bridge's names that the rule does not give (module/Type -> Terraform type). */
const CLASSIC_TYPES: Record<string, string> = {
  'alb/LoadBalancer': 'aws_alb',
  'apigateway/Response': 'aws_api_gateway_gateway_response',
  'appsync/GraphQLApi': 'aws_appsync_graphql_api',
  'autoscaling/Tag': 'aws_autoscaling_group_tag',
  'cfg/Recorder': 'aws_config_configuration_recorder',
  'cfg/RecorderStatus': 'aws_config_configuration_recorder_status',
  'cfg/Rule': 'aws_config_config_rule',
  'cloudtrail/Trail': 'aws_cloudtrail',
  'codedeploy/Application': 'aws_codedeploy_app',
  'codepipeline/Pipeline': 'aws_codepipeline',
  'cognito/IdentityPoolRoleAttachment': 'aws_cognito_identity_pool_roles_attachment',
  'ec2/NetworkInterfaceSecurityGroupAttachment': 'aws_network_interface_sg_attachment',
  'ec2/PeeringConnectionOptions': 'aws_vpc_peering_connection_options',
  'ec2/SecurityGroupAssociation': 'aws_vpc_endpoint_security_group_association',
  'ec2/VpcEndpointServiceAllowedPrinciple': 'aws_vpc_endpoint_service_allowed_principal',
  'ec2transitgateway/TransitGateway': 'aws_ec2_transit_gateway',
  'elasticloadbalancingv2/LoadBalancer': 'aws_lb',
  'elb/AppCookieStickinessPolicy': 'aws_app_cookie_stickiness_policy',
  'elb/ListenerPolicy': 'aws_load_balancer_listener_policy',
  'elb/LoadBalancer': 'aws_elb',
  'elb/LoadBalancerBackendServerPolicy': 'aws_load_balancer_backend_server_policy',
  'elb/LoadBalancerCookieStickinessPolicy': 'aws_lb_cookie_stickiness_policy',
  'elb/LoadBalancerPolicy': 'aws_load_balancer_policy',
  'elb/SslNegotiationPolicy': 'aws_lb_ssl_negotiation_policy',
  'fsx/OpenZfsFileSystem': 'aws_fsx_openzfs_file_system',
  'iam/SshKey': 'aws_iam_user_ssh_key',
  'lb/LoadBalancer': 'aws_lb',
  'rds/ClusterSnapshot': 'aws_db_cluster_snapshot',
  'rds/EventSubscription': 'aws_db_event_subscription',
  'rds/Instance': 'aws_db_instance',
  'rds/InstanceAutomatedBackupsReplication': 'aws_db_instance_automated_backups_replication',
  'rds/OptionGroup': 'aws_db_option_group',
  'rds/ParameterGroup': 'aws_db_parameter_group',
  'rds/Proxy': 'aws_db_proxy',
  'rds/ProxyDefaultTargetGroup': 'aws_db_proxy_default_target_group',
  'rds/ProxyEndpoint': 'aws_db_proxy_endpoint',
  'rds/ProxyTarget': 'aws_db_proxy_target',
  'rds/RoleAssociation': 'aws_db_instance_role_association',
  'rds/SecurityGroup': 'aws_db_security_group',
  'rds/Snapshot': 'aws_db_snapshot',
  'rds/SnapshotCopy': 'aws_db_snapshot_copy',
  'rds/SubnetGroup': 'aws_db_subnet_group',
  's3/AnalyticsConfiguration': 'aws_s3_bucket_analytics_configuration',
  's3/BucketObjectv2': 'aws_s3_object',
  's3/BucketReplicationConfig': 'aws_s3_bucket_replication_configuration',
  's3/Inventory': 'aws_s3_bucket_inventory',
};

/**
 * EC2 resources the bridge names after their `aws_ec2_` Terraform type; the older EC2
 * types (`aws_vpc`, `aws_security_group`, `aws_instance`, …) carry no module prefix.
 */
const EC2_PREFIXED = new Set([
  'AvailabilityZoneGroup', 'CapacityReservation', 'CarrierGateway', 'Fleet', 'Host', 'ImageBlockPublicAccess',
  'InstanceConnectEndpoint', 'InstanceMetadataDefaults', 'LocalGatewayRoute', 'LocalGatewayRouteTableVpcAssociation',
  'ManagedPrefixList', 'ManagedPrefixListEntry', 'NetworkInsightsAnalysis', 'NetworkInsightsPath', 'SerialConsoleAccess',
  'Tag', 'TrafficMirrorFilter', 'TrafficMirrorFilterRule', 'TrafficMirrorSession', 'TrafficMirrorTarget',
]);

function classicType(mod: string, type: string): string {
  const key = `${mod}/${type}`;
  if (Object.hasOwn(CLASSIC_TYPES, key)) return CLASSIC_TYPES[key]!;
  // AWS provider v4 split the bucket; pulumi-aws v5/v6 named the split resources `…V2`.
  if (mod === 's3' && /V2$/.test(type)) return classicType(mod, type.slice(0, -2));
  if (mod === 'ec2' && !EC2_PREFIXED.has(type)) return `aws_${snake(type)}`;
  return `aws_${Object.hasOwn(MODULE_PREFIX, mod) ? MODULE_PREFIX[mod] : mod}_${snake(type)}`;
}

/** CloudFormation service namespaces, by the lower-cased name AWS Native uses. */
const SERVICES = new Map([
  'AccessAnalyzer', 'ACMPCA', 'AmazonMQ', 'ApiGateway', 'ApiGatewayV2', 'AppConfig', 'AppFlow', 'AppRunner', 'AppSync',
  'ApplicationAutoScaling', 'Athena', 'AutoScaling', 'Backup', 'Batch', 'Budgets', 'CertificateManager', 'CloudFormation',
  'CloudFront', 'CloudTrail', 'CloudWatch', 'CodeArtifact', 'CodeBuild', 'CodeCommit', 'CodeDeploy', 'CodePipeline',
  'CodeStarConnections', 'Cognito', 'Config', 'DataSync', 'DAX', 'Detective', 'DirectoryService', 'DMS', 'DocDB',
  'DynamoDB', 'EC2', 'ECR', 'ECS', 'EFS', 'EKS', 'ElastiCache', 'ElasticBeanstalk', 'ElasticLoadBalancing',
  'ElasticLoadBalancingV2', 'Elasticsearch', 'EMR', 'Events', 'FSx', 'GlobalAccelerator', 'Glue', 'GuardDuty', 'IAM',
  'ImageBuilder', 'Inspector', 'InspectorV2', 'IoT', 'Kinesis', 'KinesisFirehose', 'KMS', 'LakeFormation', 'Lambda',
  'Logs', 'Macie', 'MemoryDB', 'MSK', 'Neptune', 'NetworkFirewall', 'OpenSearchService', 'Organizations', 'Pipes', 'QLDB',
  'RAM', 'RDS', 'Redshift', 'Route53', 'Route53Resolver', 'S3', 'S3Express', 'S3ObjectLambda', 'SageMaker', 'Scheduler',
  'SecretsManager', 'SecurityHub', 'SES', 'Shield', 'SNS', 'SQS', 'SSM', 'SSO', 'StepFunctions', 'Synthetics',
  'Transfer', 'VpcLattice', 'WAF', 'WAFRegional', 'WAFv2', 'WorkSpaces', 'XRay',
].map((s) => [s.toLowerCase(), s]));

/**
 * CloudFormation types whose name AWS Native writes with acronyms lower-cased
 * (`AWS::EC2::VPC` is `aws-native:ec2:Vpc`), so the name cannot be rebuilt by rule.
 */
const CFN_TYPES = new Map([
  'AWS::EC2::DHCPOptions', 'AWS::EC2::EIP', 'AWS::EC2::EIPAssociation', 'AWS::EC2::VPC', 'AWS::EC2::VPCCidrBlock',
  'AWS::EC2::VPCDHCPOptionsAssociation', 'AWS::EC2::VPCEndpoint', 'AWS::EC2::VPCEndpointService', 'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::VPCPeeringConnection', 'AWS::EC2::VPNConnection', 'AWS::EC2::VPNGateway', 'AWS::IAM::OIDCProvider',
  'AWS::IAM::SAMLProvider', 'AWS::RDS::DBCluster', 'AWS::RDS::DBClusterParameterGroup', 'AWS::RDS::DBInstance',
  'AWS::RDS::DBParameterGroup', 'AWS::RDS::DBProxy', 'AWS::RDS::DBProxyTargetGroup', 'AWS::RDS::DBSubnetGroup',
  'AWS::DocDB::DBCluster', 'AWS::DocDB::DBInstance', 'AWS::DocDB::DBClusterParameterGroup', 'AWS::DocDB::DBSubnetGroup',
  'AWS::Neptune::DBCluster', 'AWS::Neptune::DBInstance', 'AWS::Neptune::DBSubnetGroup', 'AWS::WAFv2::WebACL',
  'AWS::WAFv2::WebACLAssociation', 'AWS::WAFv2::IPSet', 'AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema',
].map((t) => [t.toLowerCase(), t]));

function nativeType(mod: string, type: string): string {
  const service = SERVICES.get(mod) ?? mod.charAt(0).toUpperCase() + mod.slice(1);
  const t = `AWS::${service}::${type}`;
  return CFN_TYPES.get(t.toLowerCase()) ?? t;
}
