import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifySubnet } from '../../../../src/controls/lib/network.js';
import sgEgressRestricted from '../../../../src/controls/network/sgEgressRestricted.js';
import sgNoPublicAdminPorts from '../../../../src/controls/network/sgNoPublicAdminPorts.js';
import sgNoPublicDatabasePorts from '../../../../src/controls/network/sgNoPublicDatabasePorts.js';
import sgRuleDescriptions from '../../../../src/controls/network/sgRuleDescriptions.js';
import vpcDefaultSecurityGroupUnused from '../../../../src/controls/network/vpcDefaultSecurityGroupUnused.js';
import vpcFlowLogs from '../../../../src/controls/network/vpcFlowLogs.js';
import vpcNaclNoPublicAdminPorts from '../../../../src/controls/network/vpcNaclNoPublicAdminPorts.js';
import vpcNaclNoPublicAllTraffic from '../../../../src/controls/network/vpcNaclNoPublicAllTraffic.js';
import vpcSubnetNoAutoPublicIp from '../../../../src/controls/network/vpcSubnetNoAutoPublicIp.js';
import { Graph } from '../../../../src/engine/graph.js';
import type { Resource, Value } from '../../../../src/model/types.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import { unitTemplate } from '../../../../src/sources/terraform/unit.js';
import { tfFindings, tfResources } from '../../../helpers/tf.js';

const byId = (rs: Resource[], id: string) => rs.find((r) => r.id === id);
const item = (v: Value | undefined, i: number) => (v?.k === 'list' ? v.items[i] : undefined);
const keyAt = (v: Value | undefined, key: string) => (v?.k === 'object' ? v.keyLocs.get(key) : undefined);
const rows = (f: { resource: { id: string }; status: string; location: { line: number } }[]) => f.map((x) => [x.resource.id, x.status, x.location.line]);

const webGroup = {
  'aws_security_group.web': { // 1
    name: 'web', // 2
    vpc_id: { ref: 'aws_vpc.main', attr: 'id' }, // 3
    ingress: [{ // 4, block 5
      description: 'ssh', // 6
      from_port: 22, // 7
      to_port: 22, // 8
      protocol: 'tcp', // 9
      cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'], // 10, items 11 and 12
    }],
  },
};

test('aws_security_group: one CloudFormation rule per CIDR of an ingress block, each located at its CIDR; no egress block means no egress rule', () => {
  const out = translate(tfResources('sg.tf', webGroup));
  const sg = out.resources[0]!;
  assert.equal(sg.type, 'AWS::EC2::SecurityGroup');
  const ingress = getPath(sg.properties, 'SecurityGroupIngress');
  assert.equal(render(ingress, 400), '[{CidrIp: "10.0.0.0/8", IpProtocol: "tcp", FromPort: 22, ToPort: 22, Description: "ssh"}, {CidrIp: "0.0.0.0/0", IpProtocol: "tcp", FromPort: 22, ToPort: 22, Description: "ssh"}]');
  assert.deepEqual(item(ingress, 1)!.loc, { file: 'sg.tf', line: 12, column: 3, path: 'aws_security_group.web.ingress[0].cidr_blocks[1]' });
  assert.deepEqual(keyAt(item(ingress, 1), 'IpProtocol'), { file: 'sg.tf', line: 9, column: 3, path: 'aws_security_group.web.ingress[0].protocol' });
  assert.equal(render(getPath(sg.properties, 'SecurityGroupEgress')), '[]');
});

test('AT-SG-001 on Terraform: only the world-open CIDR of the block fails, at its line; AT-SG-005 passes a group without egress blocks', () => {
  const input = tfResources('sg.tf', webGroup);
  assert.deepEqual(rows(tfFindings(input, sgNoPublicAdminPorts)), [['aws_security_group.web', 'fail', 12]]);
  const egress = tfFindings(input, sgEgressRestricted);
  assert.deepEqual(rows(egress), [['aws_security_group.web', 'pass', 1]]);
  assert.equal(egress[0]!.message, 'the security group declares no egress rules');
});

test('AT-SG-005 on Terraform: an allow-all egress block fails at its CIDR', () => {
  const f = tfFindings(tfResources('sg.tf', {
    'aws_security_group.out': { egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }] }, // 1; egress 2, block 3, ports 4-5, protocol 6, cidr_blocks 7, item 8
  }), sgEgressRestricted);
  assert.deepEqual(rows(f), [['aws_security_group.out', 'fail', 8]]);
});

test('aws_security_group_rule: its type decides the CloudFormation type; each further CIDR is a rule of its own, reported with the group it adds to', () => {
  const input = tfResources('sg.tf', {
    'aws_security_group.db': { name: 'db', egress: [] }, // 1-3
    'aws_security_group_rule.pg': { // 4
      type: 'ingress', // 5
      security_group_id: { ref: 'aws_security_group.db', attr: 'id' }, // 6
      from_port: 5432, // 7
      to_port: 5432, // 8
      protocol: 'tcp', // 9
      cidr_blocks: ['10.0.0.0/16', '0.0.0.0/0'], // 10, items 11, 12
    },
    'aws_security_group_rule.out': { type: 'egress', security_group_id: 'sg-0123', protocol: '-1', from_port: 0, to_port: 0, self: true }, // 13; self 19
  });
  const out = translate(input);
  assert.deepEqual(out.resources.map((r) => [r.id, r.type]), [
    ['aws_security_group.db', 'AWS::EC2::SecurityGroup'],
    ['aws_security_group_rule.pg', 'AWS::EC2::SecurityGroupIngress'],
    ['aws_security_group_rule.pg.cidr_blocks[1]', 'AWS::EC2::SecurityGroupIngress'],
    ['aws_security_group_rule.out', 'AWS::EC2::SecurityGroupEgress'],
  ]);
  const extra = byId(out.resources, 'aws_security_group_rule.pg.cidr_blocks[1]')!;
  assert.equal(render(extra.properties, 400), '{GroupId: aws_security_group.db.id, IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, CidrIp: "0.0.0.0/0"}');
  assert.deepEqual(extra.loc, { file: 'sg.tf', line: 12, column: 3, path: 'aws_security_group_rule.pg.cidr_blocks[1]' });
  assert.ok(extra.refs.has('aws_security_group.db'));
  // `self` names the rule's own group as the peer.
  assert.equal(render(getPath(byId(out.resources, 'aws_security_group_rule.out')!.properties, 'DestinationSecurityGroupId')), '"sg-0123"');
  // Rules are reported with the group they add to, once: only the world-open CIDR fails, at its line.
  assert.deepEqual(rows(tfFindings(input, sgNoPublicDatabasePorts)), [['aws_security_group.db', 'fail', 12]]);
  assert.deepEqual(rows(tfFindings(input, sgNoPublicAdminPorts)), [['aws_security_group.db', 'pass', 4]]);
});

test('AT-VPC-005 on Terraform: a rule added to a VPC\'s default security group fails at security_group_id', () => {
  const f = tfFindings(tfResources('vpc.tf', {
    'aws_vpc.main': { cidr_block: '10.0.0.0/16' }, // 1-2
    'aws_vpc.other': { cidr_block: '10.1.0.0/16' }, // 3-4
    'aws_security_group_rule.def': { type: 'ingress', security_group_id: { ref: 'aws_vpc.main', attr: 'default_security_group_id' }, protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'] }, // 5; security_group_id 7
  }), vpcDefaultSecurityGroupUnused);
  assert.deepEqual(rows(f), [['aws_vpc.main', 'fail', 7], ['aws_vpc.other', 'pass', 3]]);
});

test('aws_vpc_security_group_ingress_rule: CloudFormation\'s shape, evaluated on its own when its group is not scanned', () => {
  const input = tfResources('sg.tf', {
    'aws_vpc_security_group_ingress_rule.rdp': { security_group_id: 'sg-1', ip_protocol: 'tcp', from_port: 3389, to_port: 3389, cidr_ipv6: '::/0' }, // 1; cidr_ipv6 6
  });
  const r = translate(input).resources[0]!;
  assert.equal(r.type, 'AWS::EC2::SecurityGroupIngress');
  assert.equal(render(r.properties), '{GroupId: "sg-1", IpProtocol: "tcp", FromPort: 3389, ToPort: 3389, CidrIpv6: "::/0"}');
  assert.deepEqual(r.properties.keyLocs.get('CidrIpv6'), { file: 'sg.tf', line: 6, column: 3, path: 'aws_vpc_security_group_ingress_rule.rdp.cidr_ipv6' });
  assert.deepEqual(rows(tfFindings(input, sgNoPublicAdminPorts)), [['aws_vpc_security_group_ingress_rule.rdp', 'fail', 1]]);
  assert.deepEqual(rows(tfFindings(input, sgRuleDescriptions)), [['aws_vpc_security_group_ingress_rule.rdp', 'fail', 1]]);
});

test('network ACLs: inline ingress/egress blocks become entries of their ACL; AT-VPC-003 and AT-VPC-004 read them and aws_network_acl_rule', () => {
  const input = tfResources('nacl.tf', {
    'aws_network_acl.main': { // 1
      vpc_id: { ref: 'aws_vpc.main', attr: 'id' }, // 2
      ingress: [ // 3
        { rule_no: 100, action: 'deny', protocol: 'tcp', cidr_block: '0.0.0.0/0', from_port: 22, to_port: 22 }, // block 4, keys 5-10
        { rule_no: 200, action: 'allow', protocol: 'tcp', cidr_block: '0.0.0.0/0', from_port: 0, to_port: 65535 }, // block 11, keys 12-17 (protocol 14)
      ],
      egress: [{ rule_no: 100, action: 'allow', protocol: '-1', cidr_block: '0.0.0.0/0', from_port: 0, to_port: 0 }], // 18, block 19, keys 20-25
    },
    'aws_network_acl_rule.all': { network_acl_id: 'acl-1', rule_number: 10, egress: false, protocol: 'all', rule_action: 'allow', cidr_block: '0.0.0.0/0' }, // 26; protocol 30
  });
  const out = translate(input);
  assert.deepEqual(out.resources.map((r) => [r.id, r.type, r.loc.line]), [
    ['aws_network_acl.main', 'AWS::EC2::NetworkAcl', 1],
    ['aws_network_acl.main.ingress[0]', 'AWS::EC2::NetworkAclEntry', 4],
    ['aws_network_acl.main.ingress[1]', 'AWS::EC2::NetworkAclEntry', 11],
    ['aws_network_acl.main.egress[0]', 'AWS::EC2::NetworkAclEntry', 19],
    ['aws_network_acl_rule.all', 'AWS::EC2::NetworkAclEntry', 26],
  ]);
  const e = byId(out.resources, 'aws_network_acl.main.ingress[1]')!;
  assert.equal(render(e.properties, 400), '{NetworkAclId: aws_network_acl.main.id, Egress: false, RuleNumber: 200, RuleAction: "allow", Protocol: "tcp", CidrBlock: "0.0.0.0/0", PortRange: {From: 0, To: 65535}}');
  assert.deepEqual(e.properties.keyLocs.get('Protocol'), { file: 'nacl.tf', line: 14, column: 3, path: 'aws_network_acl.main.ingress[1].protocol' });
  // Rule 100 denies SSH first, so only RDP is open through rule 200.
  const admin = tfFindings(input, vpcNaclNoPublicAdminPorts);
  assert.deepEqual(rows(admin), [
    ['aws_network_acl.main.ingress[0]', 'pass', 4],
    ['aws_network_acl.main.ingress[1]', 'fail', 14],
    ['aws_network_acl.main.egress[0]', 'pass', 19],
    ['aws_network_acl_rule.all', 'fail', 30],
  ]);
  assert.match(admin[1]!.message, /^entry allows 3389 from/);
  assert.deepEqual(rows(tfFindings(input, vpcNaclNoPublicAllTraffic)).filter((r) => r[1] !== 'pass'), [['aws_network_acl_rule.all', 'fail', 30]]);
});

test('AT-VPC-001 and AT-VPC-002 on Terraform: a flow log naming the VPC by vpc_id; a subnet mapping public IPs', () => {
  const input = tfResources('vpc.tf', {
    'aws_vpc.logged': { cidr_block: '10.0.0.0/16' }, // 1-2
    'aws_vpc.dark': { cidr_block: '10.1.0.0/16' }, // 3-4
    'aws_flow_log.f': { vpc_id: { ref: 'aws_vpc.logged', attr: 'id' }, traffic_type: 'ALL', log_destination: { ref: 'aws_s3_bucket.logs', attr: 'arn' }, log_destination_type: 's3' }, // 5; vpc_id 6
    'aws_subnet.pub': { vpc_id: { ref: 'aws_vpc.dark', attr: 'id' }, map_public_ip_on_launch: true }, // 10; map 12
    'aws_subnet.priv': { vpc_id: { ref: 'aws_vpc.dark', attr: 'id' } }, // 13
  });
  const fl = byId(translate(input).resources, 'aws_flow_log.f')!;
  assert.equal(render(fl.properties, 400), '{ResourceId: aws_vpc.logged.id, ResourceType: "VPC", TrafficType: "ALL", LogDestinationType: "s3", LogDestination: aws_s3_bucket.logs.arn}');
  assert.deepEqual(fl.properties.keyLocs.get('ResourceType'), { file: 'vpc.tf', line: 6, column: 3, path: 'aws_flow_log.f.vpc_id' });
  assert.deepEqual(rows(tfFindings(input, vpcFlowLogs)), [['aws_vpc.logged', 'pass', 6], ['aws_vpc.dark', 'fail', 3]]);
  assert.deepEqual(rows(tfFindings(input, vpcSubnetNoAutoPublicIp)), [['aws_subnet.pub', 'fail', 12], ['aws_subnet.priv', 'pass', 13]]);
});

test('subnets are public when a route table\'s inline route or an aws_route sends 0.0.0.0/0 to an internet gateway', () => {
  const input = tfResources('rt.tf', {
    'aws_internet_gateway.gw': { vpc_id: { ref: 'aws_vpc.main', attr: 'id' } }, // 1-2
    'aws_route_table.pub': { route: [{ cidr_block: '0.0.0.0/0', gateway_id: { ref: 'aws_internet_gateway.gw', attr: 'id' } }] }, // 3; route 4, block 5, cidr 6, gateway 7
    'aws_route_table.nat': { route: [{ cidr_block: '0.0.0.0/0', nat_gateway_id: 'nat-1' }] }, // 8
    'aws_route_table.edge': {}, // 13
    'aws_route.edge_default': { route_table_id: { ref: 'aws_route_table.edge', attr: 'id' }, destination_cidr_block: '0.0.0.0/0', gateway_id: 'igw-0abc' }, // 14
    'aws_subnet.a': {}, 'aws_subnet.b': {}, 'aws_subnet.c': {}, 'aws_subnet.d': {},
    'aws_route_table_association.a': { subnet_id: { ref: 'aws_subnet.a', attr: 'id' }, route_table_id: { ref: 'aws_route_table.pub', attr: 'id' } },
    'aws_route_table_association.b': { subnet_id: { ref: 'aws_subnet.b', attr: 'id' }, route_table_id: { ref: 'aws_route_table.nat', attr: 'id' } },
    'aws_route_table_association.c': { subnet_id: { ref: 'aws_subnet.c', attr: 'id' }, route_table_id: { ref: 'aws_route_table.edge', attr: 'id' } },
  });
  const { template, source } = unitTemplate({ file: 'rt.tf', format: 'terraform', files: ['rt.tf'], resources: input, errors: [] });
  assert.deepEqual(source.warnings, undefined);
  const route = template.resources.get('aws_route_table.pub.route[0]')!;
  assert.equal(render(route.properties, 400), '{RouteTableId: aws_route_table.pub.id, DestinationCidrBlock: "0.0.0.0/0", GatewayId: aws_internet_gateway.gw.id}');
  assert.deepEqual(route.properties.keyLocs.get('GatewayId'), { file: 'rt.tf', line: 7, column: 3, path: 'aws_route_table.pub.route[0].gateway_id' });
  const g = new Graph([template]);
  const kind = (id: string) => classifySubnet(g, template.resources.get(id)!);
  assert.equal(kind('aws_subnet.a').kind, 'public');
  assert.equal(kind('aws_subnet.a').evidence.at(-1)!.line, 7);
  assert.equal(kind('aws_subnet.b').kind, 'private');
  assert.equal(kind('aws_subnet.c').kind, 'public');
  assert.equal(kind('aws_subnet.d').kind, 'unknown');
});

test('aws_default_security_group: its rules are added to the VPC\'s default group, so AT-VPC-005 fails the VPC and each rule is judged at its line', () => {
  const input = tfResources('vpc.tf', {
    'aws_vpc.main': { cidr_block: '10.0.0.0/16' }, // 1-2
    'aws_default_security_group.d': { // 3
      vpc_id: { ref: 'aws_vpc.main', attr: 'id' }, // 4
      ingress: [{ protocol: '-1', self: true, from_port: 0, to_port: 0 }], // 5, block 6, protocol 7, self 8
      egress: [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }], // 11, block 12, cidr_blocks 16, item 17
    },
    'aws_vpc.quiet': { cidr_block: '10.1.0.0/16' }, // 18
    'aws_default_security_group.q': { vpc_id: { ref: 'aws_vpc.quiet', attr: 'id' } }, // 20
  });
  const out = translate(input);
  assert.deepEqual(out.resources.map((r) => [r.id, r.type]), [
    ['aws_vpc.main', 'AWS::EC2::VPC'],
    ['aws_default_security_group.d', 'AWS::EC2::SecurityGroup'],
    ['aws_default_security_group.d.ingress[0].self', 'AWS::EC2::SecurityGroupIngress'],
    ['aws_default_security_group.d.egress[0].cidr_blocks[0]', 'AWS::EC2::SecurityGroupEgress'],
    ['aws_vpc.quiet', 'AWS::EC2::VPC'],
    ['aws_default_security_group.q', 'AWS::EC2::SecurityGroup'],
  ]);
  assert.equal(render(byId(out.resources, 'aws_default_security_group.d.ingress[0].self')!.properties, 400),
    '{GroupId: aws_vpc.main.DefaultSecurityGroup, IpProtocol: "-1", FromPort: 0, ToPort: 0, SourceSecurityGroupId: aws_default_security_group.d.id}');
  assert.deepEqual(rows(tfFindings(input, vpcDefaultSecurityGroupUnused)), [['aws_vpc.main', 'fail', 8], ['aws_vpc.main', 'fail', 17], ['aws_vpc.quiet', 'pass', 18]]);
  assert.deepEqual(rows(tfFindings(input, sgEgressRestricted)), [
    ['aws_default_security_group.d', 'pass', 3],
    ['aws_default_security_group.d.egress[0].cidr_blocks[0]', 'fail', 17],
    ['aws_default_security_group.q', 'pass', 20],
  ]);
});

test('blocks not known before apply (dynamic blocks) reach the controls as unknown, never vanish', () => {
  const input = tfResources('dyn.tf', {
    'aws_security_group.dyn': { ingress: [{ unknown: 'var.ingress_rules' }] }, // 1; ingress 2, item 3
    'aws_network_acl.dyn': { ingress: [{ unknown: 'var.acl_rules' }] }, // 4; item 6
    'aws_route_table.dyn': { route: { unknown: 'var.routes' } }, // 7; route 8
    'aws_subnet.s': {}, // 9
    'aws_route_table_association.s': { subnet_id: { ref: 'aws_subnet.s', attr: 'id' }, route_table_id: { ref: 'aws_route_table.dyn', attr: 'id' } }, // 10
  });
  const sg = tfFindings(input, sgNoPublicAdminPorts);
  assert.deepEqual(rows(sg), [['aws_security_group.dyn', 'unknown', 3]]);
  assert.deepEqual(sg[0]!.dependsOn, ['var.ingress_rules']);
  assert.deepEqual(rows(tfFindings(input, vpcNaclNoPublicAdminPorts)), [['aws_network_acl.dyn.ingress[0]', 'unknown', 6]]);
  const { template } = unitTemplate({ file: 'dyn.tf', format: 'terraform', files: ['dyn.tf'], resources: input, errors: [] });
  const c = classifySubnet(new Graph([template]), template.resources.get('aws_subnet.s')!);
  assert.equal(c.kind, 'unknown');
  assert.deepEqual(c.blocking?.params, ['var.routes']);
});
