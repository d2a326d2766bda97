// Compute: EC2 instances and launch settings, Auto Scaling groups, Lambda functions and
// their permissions and URLs, ECS task definitions, services and clusters.
import type { Value } from '../../../model/types.js';
import { boolTo, jsonDocument, type Attachment, type CfnBuilder, type TfView, type Translator } from './api.js';
import { firstWritten } from './copy.js';
import { blockBuilder, blockItems, blockList, hasBlock, located, nested, unknownElement, wholeResource } from './blocks.js';

/**
 * The EBS settings of a block device block (`root_block_device`, `ebs_block_device`, a launch
 * template's `ebs` block at `prefix`), the Ebs object located at its block, so a setting left
 * out is reported where the volume is written.
 */
function ebs(b: CfnBuilder, prefix = ''): CfnBuilder {
  const block = prefix.replace(/\.$/, '');
  if (block && !hasBlock(b.tf, block)) return b;
  const at = b.tf.locate(block);
  b.put('Ebs', { k: 'object', props: new Map(), keyLocs: new Map(), loc: at }, at);
  return b.set('Ebs.Encrypted', `${prefix}encrypted`).set('Ebs.KmsKeyId', `${prefix}kms_key_id`).set('Ebs.SnapshotId', `${prefix}snapshot_id`)
    .set('Ebs.VolumeSize', `${prefix}volume_size`).set('Ebs.VolumeType', `${prefix}volume_type`).set('Ebs.Iops', `${prefix}iops`)
    .set('Ebs.Throughput', `${prefix}throughput`).set('Ebs.DeleteOnTermination', `${prefix}delete_on_termination`);
}

/**
 * `root_block_device` and `ebs_block_device` blocks as one BlockDeviceMappings list. The
 * root device's name comes from the AMI, so its mapping has none; whether it is encrypted is
 * what the block says, as for a CloudFormation mapping (the AMI's snapshot and the account's
 * default encryption are not visible here).
 */
function instanceDevices(tf: TfView, out: CfnBuilder, cfnPath: string): void {
  const items: Value[] = [];
  for (const [arg, named] of [['root_block_device', false], ['ebs_block_device', true]] as const) {
    for (const it of blockItems(tf, arg)) {
      // A device not known before apply may be unencrypted: its Encrypted flag is unknown.
      if ('unknown' in it) { items.push(unknownElement(it.unknown, ['Ebs.Encrypted'])); continue; }
      const b = blockBuilder(it.view);
      if (named) b.set('DeviceName', 'device_name');
      items.push(ebs(b).properties);
    }
  }
  if (!items.length) return;
  const first = hasBlock(tf, 'root_block_device') ? 'root_block_device' : 'ebs_block_device';
  const at = tf.locate(first);
  out.put(cfnPath, { k: 'list', items, loc: at }, at);
}

/** `metadata_options` (IMDS settings) of instances and launch settings, located at the block so a setting it leaves out is reported there. */
function metadata(b: CfnBuilder, cfnPath: string): CfnBuilder {
  return nested(b.tf, b, cfnPath, 'metadata_options').set(`${cfnPath}.HttpTokens`, 'metadata_options.http_tokens').set(`${cfnPath}.HttpEndpoint`, 'metadata_options.http_endpoint')
    .set(`${cfnPath}.HttpPutResponseHopLimit`, 'metadata_options.http_put_response_hop_limit')
    .set(`${cfnPath}.InstanceMetadataTags`, 'metadata_options.instance_metadata_tags');
}

const instance: Translator = {
  tfType: 'aws_instance',
  cfnType: 'AWS::EC2::Instance',
  build(tf, out) {
    // user_data is plain text in Terraform where CloudFormation holds base64; controls read it as
    // text. user_data_base64 (binary or pre-encoded user data) is kept as written, base64.
    out.set('ImageId', 'ami').set('InstanceType', 'instance_type').set('SubnetId', 'subnet_id')
      .set('SecurityGroupIds', 'vpc_security_group_ids').set('SecurityGroups', 'security_groups')
      .set('IamInstanceProfile', 'iam_instance_profile').set('KeyName', 'key_name').set('UserData', firstWritten(tf, 'user_data', 'user_data_base64'))
      .set('Monitoring', 'monitoring').set('EbsOptimized', 'ebs_optimized').tags();
    // The launch template the instance starts from, whose settings apply where the instance writes none.
    nested(tf, out, 'LaunchTemplate', 'launch_template').set('LaunchTemplate.LaunchTemplateId', 'launch_template.id')
      .set('LaunchTemplate.LaunchTemplateName', 'launch_template.name').set('LaunchTemplate.Version', 'launch_template.version');
    metadata(out, 'MetadataOptions');
    instanceDevices(tf, out, 'BlockDeviceMappings');
    // associate_public_ip_address is, in CloudFormation, the primary network interface's.
    const pub = tf.get('associate_public_ip_address');
    if (pub !== undefined && !(pub.k === 'scalar' && pub.v === null)) {
      const at = tf.locate('associate_public_ip_address');
      const nic: Value = {
        k: 'object', loc: at,
        props: new Map<string, Value>([['DeviceIndex', { k: 'scalar', v: '0', loc: at }], ['AssociatePublicIpAddress', located(pub, at)]]),
        keyLocs: new Map([['DeviceIndex', at], ['AssociatePublicIpAddress', at]]),
      };
      out.put('NetworkInterfaces', { k: 'list', items: [nic], loc: at }, at);
    }
  },
};

const launchConfiguration: Translator = {
  tfType: 'aws_launch_configuration',
  cfnType: 'AWS::AutoScaling::LaunchConfiguration',
  build(tf, out) {
    out.set('LaunchConfigurationName', 'name').set('ImageId', 'image_id').set('InstanceType', 'instance_type')
      .set('IamInstanceProfile', 'iam_instance_profile').set('SecurityGroups', 'security_groups').set('KeyName', 'key_name')
      .set('AssociatePublicIpAddress', 'associate_public_ip_address').set('UserData', firstWritten(tf, 'user_data', 'user_data_base64')).set('EbsOptimized', 'ebs_optimized');
    metadata(out, 'MetadataOptions');
    instanceDevices(tf, out, 'BlockDeviceMappings');
  },
};

const launchTemplate: Translator = {
  tfType: 'aws_launch_template',
  cfnType: 'AWS::EC2::LaunchTemplate',
  build(tf, out) {
    const d = 'LaunchTemplateData';
    wholeResource(tf, out, d);
    out.set('LaunchTemplateName', 'name')
      .set(`${d}.ImageId`, 'image_id').set(`${d}.InstanceType`, 'instance_type').set(`${d}.KeyName`, 'key_name')
      .set(`${d}.UserData`, 'user_data').set(`${d}.SecurityGroupIds`, 'vpc_security_group_ids').set(`${d}.SecurityGroups`, 'security_group_names')
      .set(`${d}.IamInstanceProfile.Arn`, 'iam_instance_profile.arn').set(`${d}.IamInstanceProfile.Name`, 'iam_instance_profile.name')
      .set(`${d}.Monitoring.Enabled`, 'monitoring.enabled').set(`${d}.EbsOptimized`, 'ebs_optimized');
    metadata(out, `${d}.MetadataOptions`);
    blockList(tf, out, `${d}.BlockDeviceMappings`, 'block_device_mappings', (b) => ebs(b.set('DeviceName', 'device_name').set('NoDevice', 'no_device').set('VirtualName', 'virtual_name'), 'ebs.'), ['Ebs.Encrypted']);
    blockList(tf, out, `${d}.NetworkInterfaces`, 'network_interfaces', (b) => b.set('DeviceIndex', 'device_index')
      .set('AssociatePublicIpAddress', 'associate_public_ip_address').set('SubnetId', 'subnet_id').set('Groups', 'security_groups'), ['AssociatePublicIpAddress']);
    out.tags();
  },
};

/** An empty list where plan JSON writes an argument left out (the group's zones come from the other one). */
const written = (v: Value): Value | undefined => (v.k === 'list' && v.items.length === 0 ? undefined : v);

const autoScalingGroup: Translator = {
  tfType: 'aws_autoscaling_group',
  cfnType: 'AWS::AutoScaling::AutoScalingGroup',
  build(tf, out) {
    // health_check_type defaults to EC2, as HealthCheckType does.
    out.set('AutoScalingGroupName', 'name').set('MinSize', 'min_size').set('MaxSize', 'max_size').set('DesiredCapacity', 'desired_capacity')
      .set('VPCZoneIdentifier', 'vpc_zone_identifier', written).set('AvailabilityZones', 'availability_zones', written)
      .set('HealthCheckType', 'health_check_type').set('HealthCheckGracePeriod', 'health_check_grace_period')
      .set('TargetGroupARNs', 'target_group_arns').set('LoadBalancerNames', 'load_balancers')
      .set('LaunchConfigurationName', 'launch_configuration')
      .set('LaunchTemplate.LaunchTemplateId', 'launch_template.id').set('LaunchTemplate.LaunchTemplateName', 'launch_template.name')
      .set('LaunchTemplate.Version', 'launch_template.version');
    blockList(tf, out, 'Tags', 'tag', (b) => b.set('Key', 'key').set('Value', 'value').set('PropagateAtLaunch', 'propagate_at_launch'));
  },
};

/** `aws_autoscaling_attachment` adds a target group or classic load balancer to its group. */
const autoScalingAttachment: Attachment = {
  tfType: 'aws_autoscaling_attachment',
  ownerTypes: ['aws_autoscaling_group'],
  ownerArg: 'autoscaling_group_name',
  ownerKey: 'name',
  build(tf, out) {
    for (const [arg, key] of [['lb_target_group_arn', 'TargetGroupARNs'], ['elb', 'LoadBalancerNames']] as const) {
      const v = tf.get(arg);
      if (v !== undefined) { const at = tf.locate(arg); out.append(key, located(v, at), at); }
    }
  },
};

const lambdaFunction: Translator = {
  tfType: 'aws_lambda_function',
  cfnType: 'AWS::Lambda::Function',
  build(tf, out) {
    nested(tf, out, 'VpcConfig', 'vpc_config');
    nested(tf, out, 'TracingConfig', 'tracing_config');
    nested(tf, out, 'DeadLetterConfig', 'dead_letter_config');
    out.set('FunctionName', 'function_name').set('Runtime', 'runtime').set('Handler', 'handler').set('Role', 'role')
      .set('PackageType', 'package_type').set('MemorySize', 'memory_size').set('Timeout', 'timeout')
      .set('Environment.Variables', 'environment.variables').set('KmsKeyArn', 'kms_key_arn')
      .set('VpcConfig.SubnetIds', 'vpc_config.subnet_ids').set('VpcConfig.SecurityGroupIds', 'vpc_config.security_group_ids')
      // -1 (the provider's default) reserves nothing; kept as written, below any reservation, where it decides.
      .set('ReservedConcurrentExecutions', 'reserved_concurrent_executions')
      .set('TracingConfig.Mode', 'tracing_config.mode').set('DeadLetterConfig.TargetArn', 'dead_letter_config.target_arn')
      .set('Architectures', 'architectures').set('Layers', 'layers').set('CodeSigningConfigArn', 'code_signing_config_arn').tags();
  },
};

const lambdaPermission: Translator = {
  tfType: 'aws_lambda_permission',
  cfnType: 'AWS::Lambda::Permission',
  build(_tf, out) {
    out.set('Action', 'action').set('FunctionName', 'function_name').set('Principal', 'principal')
      .set('SourceArn', 'source_arn').set('SourceAccount', 'source_account').set('PrincipalOrgID', 'principal_org_id')
      .set('FunctionUrlAuthType', 'function_url_auth_type').set('EventSourceToken', 'event_source_token');
  },
};

const lambdaUrl: Translator = {
  tfType: 'aws_lambda_function_url',
  cfnType: 'AWS::Lambda::Url',
  build(_tf, out) {
    out.set('TargetFunctionArn', 'function_name').set('Qualifier', 'qualifier').set('AuthType', 'authorization_type').set('InvokeMode', 'invoke_mode')
      .set('Cors.AllowOrigins', 'cors.allow_origins').set('Cors.AllowCredentials', 'cors.allow_credentials');
  },
};

const lambdaEventInvokeConfig: Translator = {
  tfType: 'aws_lambda_function_event_invoke_config',
  cfnType: 'AWS::Lambda::EventInvokeConfig',
  build(_tf, out) {
    out.set('FunctionName', 'function_name').set('Qualifier', 'qualifier')
      .set('MaximumRetryAttempts', 'maximum_retry_attempts').set('MaximumEventAgeInSeconds', 'maximum_event_age_in_seconds')
      .set('DestinationConfig.OnFailure.Destination', 'destination_config.on_failure.destination')
      .set('DestinationConfig.OnSuccess.Destination', 'destination_config.on_success.destination');
  },
};

/** Keys whose members are user-chosen names (Docker labels, log driver options), kept as written. */
const FREE_FORM = new Set(['dockerLabels', 'options']);

/**
 * ECS's container definition JSON (camelCase, as the ECS API writes it) in CloudFormation's
 * casing: every key's first letter upper-cased, except inside maps of user-chosen names.
 */
export function containerDefinitions(v: Value): Value {
  const pascal = (x: Value, keep: boolean): Value => {
    if (x.k === 'list') return { ...x, items: x.items.map((i) => pascal(i, false)) };
    if (x.k !== 'object') return x;
    const props = new Map<string, Value>();
    const keyLocs = new Map<string, Value['loc']>();
    for (const [k, val] of x.props) {
      const name = keep ? k : k.charAt(0).toUpperCase() + k.slice(1);
      props.set(name, pascal(val, !keep && FREE_FORM.has(k)));
      keyLocs.set(name, x.keyLocs.get(k) ?? x.loc);
    }
    return { ...x, props, keyLocs };
  };
  return pascal(jsonDocument(v), false);
}

const taskDefinition: Translator = {
  tfType: 'aws_ecs_task_definition',
  cfnType: 'AWS::ECS::TaskDefinition',
  build(tf, out) {
    out.set('Family', 'family').set('ContainerDefinitions', 'container_definitions', containerDefinitions)
      .set('NetworkMode', 'network_mode').set('TaskRoleArn', 'task_role_arn').set('ExecutionRoleArn', 'execution_role_arn')
      .set('Cpu', 'cpu').set('Memory', 'memory').set('RequiresCompatibilities', 'requires_compatibilities')
      .set('PidMode', 'pid_mode').set('IpcMode', 'ipc_mode').tags();
    blockList(tf, out, 'Volumes', 'volume', (b) => b.set('Name', 'name').set('Host.SourcePath', 'host_path')
      .set('EFSVolumeConfiguration.FilesystemId', 'efs_volume_configuration.file_system_id')
      .set('EFSVolumeConfiguration.RootDirectory', 'efs_volume_configuration.root_directory')
      .set('EFSVolumeConfiguration.TransitEncryption', 'efs_volume_configuration.transit_encryption')
      .set('EFSVolumeConfiguration.AuthorizationConfig.AccessPointId', 'efs_volume_configuration.authorization_config.access_point_id')
      .set('EFSVolumeConfiguration.AuthorizationConfig.IAM', 'efs_volume_configuration.authorization_config.iam'));
  },
};

const ecsService: Translator = {
  tfType: 'aws_ecs_service',
  cfnType: 'AWS::ECS::Service',
  build(tf, out) {
    const vpc = 'NetworkConfiguration.AwsvpcConfiguration';
    nested(tf, out, vpc, 'network_configuration');
    out.set('ServiceName', 'name').set('Cluster', 'cluster').set('TaskDefinition', 'task_definition')
      .set('DesiredCount', 'desired_count').set('LaunchType', 'launch_type').set('PlatformVersion', 'platform_version')
      .set('EnableExecuteCommand', 'enable_execute_command').set('PropagateTags', 'propagate_tags')
      .set(`${vpc}.Subnets`, 'network_configuration.subnets').set(`${vpc}.SecurityGroups`, 'network_configuration.security_groups')
      // assign_public_ip defaults to false, as AssignPublicIp defaults to DISABLED.
      .set(`${vpc}.AssignPublicIp`, 'network_configuration.assign_public_ip', boolTo('ENABLED', 'DISABLED'))
      .tags();
    blockList(tf, out, 'LoadBalancers', 'load_balancer', (b) => b.set('TargetGroupArn', 'target_group_arn')
      .set('LoadBalancerName', 'elb_name').set('ContainerName', 'container_name').set('ContainerPort', 'container_port'));
  },
};

const ecsCluster: Translator = {
  tfType: 'aws_ecs_cluster',
  cfnType: 'AWS::ECS::Cluster',
  build(tf, out) {
    const exec = 'Configuration.ExecuteCommandConfiguration';
    const log = 'configuration.execute_command_configuration.log_configuration';
    out.set('ClusterName', 'name').tags()
      .set(`${exec}.KmsKeyId`, 'configuration.execute_command_configuration.kms_key_id')
      .set(`${exec}.Logging`, 'configuration.execute_command_configuration.logging')
      .set(`${exec}.LogConfiguration.CloudWatchLogGroupName`, `${log}.cloud_watch_log_group_name`)
      .set(`${exec}.LogConfiguration.CloudWatchEncryptionEnabled`, `${log}.cloud_watch_encryption_enabled`)
      .set(`${exec}.LogConfiguration.S3BucketName`, `${log}.s3_bucket_name`)
      .set(`${exec}.LogConfiguration.S3EncryptionEnabled`, `${log}.s3_bucket_encryption_enabled`)
      .set(`${exec}.LogConfiguration.S3KeyPrefix`, `${log}.s3_key_prefix`);
    blockList(tf, out, 'ClusterSettings', 'setting', (b) => b.set('Name', 'name').set('Value', 'value'));
  },
};

/** `enabled_cluster_log_types = ["api", ...]` as CloudFormation's `EnabledTypes: [{Type: api}, ...]`, each at its element. */
function logTypes(v: Value): Value {
  if (v.k !== 'list') return v;
  return {
    ...v,
    items: v.items.map((t): Value => (t.k === 'unknown' ? t : { k: 'object', loc: t.loc, props: new Map([['Type', t]]), keyLocs: new Map([['Type', t.loc]]) })),
  };
}

const eksCluster: Translator = {
  tfType: 'aws_eks_cluster',
  cfnType: 'AWS::EKS::Cluster',
  build(tf, out) {
    const c = 'ResourcesVpcConfig';
    nested(tf, out, c, 'vpc_config');
    // endpoint_public_access defaults to true and public_access_cidrs to 0.0.0.0/0, as in CloudFormation.
    out.set('Name', 'name').set('RoleArn', 'role_arn').set('Version', 'version')
      .set(`${c}.SubnetIds`, 'vpc_config.subnet_ids').set(`${c}.SecurityGroupIds`, 'vpc_config.security_group_ids')
      .set(`${c}.EndpointPublicAccess`, 'vpc_config.endpoint_public_access').set(`${c}.EndpointPrivateAccess`, 'vpc_config.endpoint_private_access')
      .set(`${c}.PublicAccessCidrs`, 'vpc_config.public_access_cidrs')
      .set('Logging.ClusterLogging.EnabledTypes', 'enabled_cluster_log_types', logTypes)
      .set('AccessConfig.AuthenticationMode', 'access_config.authentication_mode').tags();
    blockList(tf, out, 'EncryptionConfig', 'encryption_config', (b) => b.set('Provider.KeyArn', 'provider.key_arn').set('Resources', 'resources'), ['Resources']);
  },
};

const eksNodeGroup: Translator = {
  tfType: 'aws_eks_node_group',
  cfnType: 'AWS::EKS::Nodegroup',
  build(tf, out) {
    nested(tf, out, 'RemoteAccess', 'remote_access');
    out.set('ClusterName', 'cluster_name').set('NodegroupName', 'node_group_name').set('NodeRole', 'node_role_arn').set('Subnets', 'subnet_ids')
      .set('InstanceTypes', 'instance_types').set('AmiType', 'ami_type').set('CapacityType', 'capacity_type').set('DiskSize', 'disk_size')
      .set('RemoteAccess.Ec2SshKey', 'remote_access.ec2_ssh_key').set('RemoteAccess.SourceSecurityGroups', 'remote_access.source_security_group_ids')
      .set('ScalingConfig.DesiredSize', 'scaling_config.desired_size').set('ScalingConfig.MinSize', 'scaling_config.min_size').set('ScalingConfig.MaxSize', 'scaling_config.max_size')
      .set('LaunchTemplate.Id', 'launch_template.id').set('LaunchTemplate.Name', 'launch_template.name').set('LaunchTemplate.Version', 'launch_template.version')
      .tags();
  },
};

export const compute = {
  translators: [
    instance, launchConfiguration, launchTemplate, autoScalingGroup,
    lambdaFunction, lambdaPermission, lambdaUrl, lambdaEventInvokeConfig,
    taskDefinition, ecsService, ecsCluster, eksCluster, eksNodeGroup,
  ],
  attachments: [autoScalingAttachment],
};
