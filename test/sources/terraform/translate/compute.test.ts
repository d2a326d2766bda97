import assert from 'node:assert/strict';
import { test } from 'node:test';
import ecsNoPlaintextSecrets from '../../../../src/controls/data-protection/ecsNoPlaintextSecrets.js';
import ecsNoPrivileged from '../../../../src/controls/authorization/ecsNoPrivileged.js';
import ecsContainerLogging from '../../../../src/controls/audit/ecsContainerLogging.js';
import lambdaDeadLetter from '../../../../src/controls/resilience/lambdaDeadLetter.js';
import lambdaPermissionNotPublic from '../../../../src/controls/authorization/lambdaPermissionNotPublic.js';
import lambdaReservedConcurrency from '../../../../src/controls/resilience/lambdaReservedConcurrency.js';
import lambdaTracing from '../../../../src/controls/audit/lambdaTracing.js';
import lambdaUrlAuth from '../../../../src/controls/authentication/lambdaUrlAuth.js';
import ebsBlockDeviceEncrypted from '../../../../src/controls/data-protection/ebsBlockDeviceEncrypted.js';
import ecsNoPublicIp from '../../../../src/controls/network/ecsNoPublicIp.js';
import ecsPrivateSubnets from '../../../../src/controls/network/ecsPrivateSubnets.js';
import asgElbHealthCheck from '../../../../src/controls/resilience/asgElbHealthCheck.js';
import asgMultiAz from '../../../../src/controls/resilience/asgMultiAz.js';
import type { Resource, Value } from '../../../../src/model/types.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import { tfFindings, tfResources } from '../../../helpers/tf.js';

const byId = (rs: Resource[], id: string) => rs.find((r) => r.id === id)!;
const item = (v: Value | undefined, i: number) => (v?.k === 'list' ? v.items[i] : undefined);
const rows = (f: { resource: { id: string }; status: string; location: { line: number } }[]) => f.map((x) => [x.resource.id, x.status, x.location.line]);

test('aws_instance: root and EBS block devices as BlockDeviceMappings, each flag at its argument; AT-EBS-002 fails the unencrypted root', () => {
  const input = tfResources('ec2.tf', {
    'aws_instance.web': { // 1
      ami: 'ami-1', // 2
      instance_type: 't3.micro', // 3
      metadata_options: [{ http_tokens: 'required' }], // 4, block 5, http_tokens 6
      root_block_device: [{ encrypted: false }], // 7, block 8, encrypted 9
      ebs_block_device: [{ device_name: '/dev/sdg', encrypted: true }], // 10, block 11, device_name 12, encrypted 13
    },
  });
  const r = translate(input).resources[0]!;
  assert.equal(r.type, 'AWS::EC2::Instance');
  const maps = getPath(r.properties, 'BlockDeviceMappings');
  assert.equal(render(maps, 400), '[{Ebs: {Encrypted: false}}, {DeviceName: "/dev/sdg", Ebs: {Encrypted: true}}]');
  const rootEbs = getPath(item(maps, 0), 'Ebs');
  assert.deepEqual(rootEbs?.k === 'object' && rootEbs.keyLocs.get('Encrypted'), { file: 'ec2.tf', line: 9, column: 3, path: 'aws_instance.web.root_block_device[0].encrypted' });
  assert.equal(render(getPath(r.properties, 'MetadataOptions.HttpTokens')), '"required"');
  assert.deepEqual(rows(tfFindings(input, ebsBlockDeviceEncrypted)), [['aws_instance.web', 'fail', 9], ['aws_instance.web', 'pass', 13]]);
});

test('aws_launch_template / aws_launch_configuration: block devices under their CloudFormation paths', () => {
  const input = tfResources('lt.tf', {
    'aws_launch_template.t': { block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true', volume_size: 20 }] }] }, // 1; bdm 2, block 3, device 4, ebs 5, block 6, encrypted 7
    'aws_launch_configuration.c': { image_id: 'ami-1', root_block_device: [{ volume_size: 8 }], associate_public_ip_address: true }, // 9; root 11, block 12, size 13; public ip 14
  });
  const out = translate(input);
  assert.equal(render(getPath(byId(out.resources, 'aws_launch_template.t').properties, 'LaunchTemplateData.BlockDeviceMappings'), 400), '[{DeviceName: "/dev/xvda", Ebs: {Encrypted: "true", VolumeSize: 20}}]');
  const lc = byId(out.resources, 'aws_launch_configuration.c');
  assert.equal(lc.type, 'AWS::AutoScaling::LaunchConfiguration');
  assert.deepEqual(lc.properties.keyLocs.get('AssociatePublicIpAddress'), { file: 'lt.tf', line: 14, column: 3, path: 'aws_launch_configuration.c.associate_public_ip_address' });
  // A root device without `encrypted` is not encrypted by this configuration: it fails where the block is written.
  assert.deepEqual(rows(tfFindings(input, ebsBlockDeviceEncrypted)), [['aws_launch_template.t', 'pass', 7], ['aws_launch_configuration.c', 'fail', 12]]);
});

test('aws_autoscaling_group: zones from subnets, health checks; an aws_autoscaling_attachment adds its target group', () => {
  const input = tfResources('asg.tf', {
    'aws_subnet.a': { availability_zone: 'eu-west-1a' }, // 1-2
    'aws_subnet.b': { availability_zone: 'eu-west-1b' }, // 3-4
    'aws_autoscaling_group.web': { // 5
      name: 'web', // 6
      min_size: 1, // 7
      max_size: 2, // 8
      vpc_zone_identifier: [{ ref: 'aws_subnet.a', attr: 'id' }, { ref: 'aws_subnet.b', attr: 'id' }], // 9, items 10-11
      tag: [{ key: 'team', value: 'core', propagate_at_launch: true }], // 12, block 13, keys 14-16
    },
    'aws_autoscaling_group.lone': { name: 'lone', availability_zones: ['eu-west-1a'], health_check_type: 'ELB', target_group_arns: ['arn:tg'] }, // 17; zones 19, health_check_type 21
    'aws_autoscaling_attachment.web': { autoscaling_group_name: 'web', lb_target_group_arn: { ref: 'aws_lb_target_group.t', attr: 'arn' } }, // 24; arn 26
  });
  const out = translate(input);
  const web = byId(out.resources, 'aws_autoscaling_group.web');
  assert.equal(render(getPath(web.properties, 'Tags')), '[{Key: "team", Value: "core", PropagateAtLaunch: true}]');
  assert.equal(render(getPath(web.properties, 'TargetGroupARNs')), '[aws_lb_target_group.t.arn]');
  assert.deepEqual(web.properties.keyLocs.get('TargetGroupARNs'), { file: 'asg.tf', line: 26, column: 3, path: 'aws_autoscaling_attachment.web.lb_target_group_arn' });
  // health_check_type unset is EC2: the attached group does not replace instances the load balancer finds unhealthy.
  assert.deepEqual(rows(tfFindings(input, asgElbHealthCheck)), [['aws_autoscaling_group.web', 'fail', 5], ['aws_autoscaling_group.lone', 'pass', 21]]);
  assert.deepEqual(rows(tfFindings(input, asgMultiAz)), [['aws_autoscaling_group.web', 'pass', 9], ['aws_autoscaling_group.lone', 'fail', 19]]);
});

test('aws_lambda_function and its permission, URL and invoke config, on the Lambda controls', () => {
  const input = tfResources('fn.tf', {
    'aws_lambda_function.f': { // 1
      function_name: 'f', // 2
      runtime: 'nodejs20.x', // 3
      reserved_concurrent_executions: -1, // 4
      tracing_config: [{ mode: 'PassThrough' }], // 5, block 6, mode 7
      environment: [{ variables: { STAGE: 'prod' } }], // 8, block 9, variables 10, STAGE 11
    },
    'aws_lambda_function.g': { function_name: 'g', reserved_concurrent_executions: 5, tracing_config: [{ mode: 'Active' }] }, // 12; reserved 14; mode 17
    'aws_lambda_permission.open': { function_name: { ref: 'aws_lambda_function.f', attr: 'function_name' }, action: 'lambda:InvokeFunction', principal: '*' }, // 18; principal 21
    'aws_lambda_permission.sns': { function_name: 'g', principal: 'sns.amazonaws.com', source_arn: { ref: 'aws_sns_topic.t', attr: 'arn' } }, // 22; principal 24
    'aws_lambda_function_url.u': { function_name: { ref: 'aws_lambda_function.f', attr: 'function_name' }, authorization_type: 'NONE' }, // 26; auth 28
    'aws_lambda_function_event_invoke_config.g': { function_name: { ref: 'aws_lambda_function.g', attr: 'function_name' }, destination_config: [{ on_failure: [{ destination: { ref: 'aws_sqs_queue.dlq', attr: 'arn' } }] }] }, // 29; destination 35
  });
  const out = translate(input);
  const f = byId(out.resources, 'aws_lambda_function.f');
  assert.equal(render(getPath(f.properties, 'ReservedConcurrentExecutions')), '-1'); // reserves nothing, and is where that is decided
  assert.equal(render(getPath(f.properties, 'Environment.Variables')), '{STAGE: "prod"}');
  assert.deepEqual(rows(tfFindings(input, lambdaTracing)), [['aws_lambda_function.f', 'fail', 7], ['aws_lambda_function.g', 'pass', 17]]);
  assert.deepEqual(rows(tfFindings(input, lambdaReservedConcurrency)), [['aws_lambda_function.f', 'fail', 4], ['aws_lambda_function.g', 'pass', 14]]);
  assert.deepEqual(rows(tfFindings(input, lambdaPermissionNotPublic)), [['aws_lambda_permission.open', 'fail', 21], ['aws_lambda_permission.sns', 'pass', 24]]);
  assert.deepEqual(rows(tfFindings(input, lambdaUrlAuth)), [['aws_lambda_function_url.u', 'fail', 28]]);
  assert.deepEqual(rows(tfFindings(input, lambdaDeadLetter)), [['aws_lambda_function.f', 'fail', 1], ['aws_lambda_function.g', 'pass', 35]]);
});

const containers = JSON.stringify([{
  name: 'app', image: 'app:1', privileged: true,
  environment: [{ name: 'DATABASE_PASSWORD', value: 'hunter2' }],
  logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app' } },
  dockerLabels: { 'com.example.team': 'core' },
}]);

test('aws_ecs_task_definition: container_definitions JSON in CloudFormation casing, user-chosen names kept', () => {
  const input = tfResources('ecs.tf', {
    'aws_ecs_task_definition.t': { family: 'app', container_definitions: containers, network_mode: 'awsvpc' }, // 1; container_definitions 3
  });
  const r = translate(input).resources[0]!;
  const c = item(getPath(r.properties, 'ContainerDefinitions'), 0);
  assert.equal(render(getPath(c, 'Privileged')), 'true');
  assert.equal(render(getPath(c, 'Environment')), '[{Name: "DATABASE_PASSWORD", Value: "hunter2"}]');
  assert.equal(render(getPath(c, 'LogConfiguration')), '{LogDriver: "awslogs", Options: {awslogs-group: "/ecs/app"}}');
  assert.equal(render(getPath(c, 'DockerLabels')), '{com.example.team: "core"}');
  assert.deepEqual(r.properties.keyLocs.get('ContainerDefinitions'), { file: 'ecs.tf', line: 3, column: 3, path: 'aws_ecs_task_definition.t.container_definitions' });
  assert.deepEqual(rows(tfFindings(input, ecsNoPrivileged)), [['aws_ecs_task_definition.t', 'fail', 3]]);
  assert.deepEqual(rows(tfFindings(input, ecsNoPlaintextSecrets)), [['aws_ecs_task_definition.t', 'fail', 3]]);
  assert.deepEqual(rows(tfFindings(input, ecsContainerLogging)), [['aws_ecs_task_definition.t', 'pass', 3]]);
});

test('a container_definitions not known before apply leaves the ECS controls unknown', () => {
  const input = tfResources('ecs.tf', { 'aws_ecs_task_definition.t': { container_definitions: { unknown: 'var.containers' } } });
  assert.deepEqual(tfFindings(input, ecsNoPrivileged).map((f) => f.status), ['unknown']);
});

test('aws_ecs_service: assign_public_ip as AssignPublicIp; tasks in a subnet routed to an internet gateway are in a public subnet', () => {
  const input = tfResources('svc.tf', {
    'aws_internet_gateway.gw': {}, // 1
    'aws_route_table.pub': { route: [{ cidr_block: '0.0.0.0/0', gateway_id: { ref: 'aws_internet_gateway.gw', attr: 'id' } }] }, // 2-6
    'aws_subnet.pub': {}, // 7
    'aws_route_table_association.pub': { subnet_id: { ref: 'aws_subnet.pub', attr: 'id' }, route_table_id: { ref: 'aws_route_table.pub', attr: 'id' } }, // 8-10
    'aws_ecs_service.s': { // 11
      name: 's', // 12
      network_configuration: [{ subnets: [{ ref: 'aws_subnet.pub', attr: 'id' }], assign_public_ip: true }], // 13, block 14, subnets 15, item 16, assign 17
    },
    'aws_ecs_service.ec2': { name: 'ec2' }, // 18
  });
  const s = byId(translate(input).resources, 'aws_ecs_service.s');
  assert.equal(render(getPath(s.properties, 'NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp')), '"ENABLED"');
  assert.deepEqual(rows(tfFindings(input, ecsNoPublicIp)), [['aws_ecs_service.s', 'fail', 17], ['aws_ecs_service.ec2', 'not_applicable', 18]]);
  assert.deepEqual(rows(tfFindings(input, ecsPrivateSubnets)), [['aws_ecs_service.s', 'fail', 16], ['aws_ecs_service.ec2', 'not_applicable', 18]]);
});

test('a block device not known before apply leaves AT-EBS-002 unknown, not passing on the others', () => {
  const input = tfResources('ec2.tf', {
    'aws_instance.i': { root_block_device: [{ encrypted: true }], ebs_block_device: [{ unknown: 'var.volumes' }] }, // 1; root 2-4; ebs 5, item 6
  });
  assert.deepEqual(rows(tfFindings(input, ebsBlockDeviceEncrypted)), [['aws_instance.i', 'pass', 4], ['aws_instance.i', 'unknown', 6]]);
});

test('aws_instance: user_data_base64 is read as UserData when user_data is not written', async () => {
  const { default: ec2UserDataNoSecrets } = await import('../../../../src/controls/data-protection/ec2UserDataNoSecrets.js');
  const encoded = Buffer.from('#!/bin/bash\nexport DB_PASSWORD=' + 'hunter2hunter2\n').toString('base64');
  const input = tfResources('ec2.tf', { 'aws_instance.web': { ami: 'ami-0123456789abcdef0', user_data_base64: encoded } }); // 1, 2, 3
  assert.deepEqual(tfFindings(input, ec2UserDataNoSecrets).map((f) => [f.status, f.location.line, f.evidence[0]?.origin]), [['fail', 3, 'aws_instance.web.user_data_base64']]);
});
