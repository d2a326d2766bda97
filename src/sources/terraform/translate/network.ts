// VPC networking: security groups and their rules, network ACLs, VPCs, subnets, routes and
// flow logs. Where Terraform writes inside one resource what CloudFormation declares apart
// (routes of a route table, entries of a network ACL) those become resources of their own,
// so the reachability helpers (src/controls/lib/network.ts) find them by reference as they
// find CloudFormation's.
import type { Loc, Value } from '../../../model/types.js';
import { asBool, asString } from '../../../model/value.js';
import { CfnBuilder, jsonDocument, type Attachment, type Part, type TfView, type Translator } from './api.js';
import { blockBuilder, blockItems, located } from './blocks.js';

type Direction = 'ingress' | 'egress';

interface Peer { key: string; value: Value; at: Loc }

/**
 * The peers a Terraform rule names. A CloudFormation rule names one, so each CIDR, group
 * and prefix list of a Terraform rule is a rule of its own. A list not known before apply
 * is one peer whose value is unknown.
 */
function peers(v: TfView, dir: Direction, keys: { cidr4: string; cidr6: string; group: string; prefix: string }, self?: Value): Peer[] {
  const out: Peer[] = [];
  const add = (tfKey: string, cfnKey: string) => {
    const val = v.get(tfKey);
    if (val === undefined) return;
    if (val.k !== 'list') { out.push({ key: cfnKey, value: val, at: v.locate(tfKey) }); return; }
    val.items.forEach((item, i) => out.push({ key: cfnKey, value: item, at: v.locate(`${tfKey}[${i}]`) }));
  };
  const group = dir === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId';
  add(keys.cidr4, 'CidrIp');
  add(keys.cidr6, 'CidrIpv6');
  add(keys.group, group);
  add(keys.prefix, dir === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId');
  const s = v.get('self');
  if (s && self) {
    const at = v.locate('self');
    // `self = true` admits the group's own members; a value not known before apply may.
    if (s.k === 'unknown') out.push({ key: group, value: s, at });
    else if (asBool(s) === true) out.push({ key: group, value: located(self, at), at });
  }
  return out;
}

const INLINE_PEERS = { cidr4: 'cidr_blocks', cidr6: 'ipv6_cidr_blocks', group: 'security_groups', prefix: 'prefix_list_ids' };
const RULE_PEERS = { cidr4: 'cidr_blocks', cidr6: 'ipv6_cidr_blocks', group: 'source_security_group_id', prefix: 'prefix_list_ids' };

/** The protocol, ports and description of a rule (arguments shared by every Terraform rule form). */
function ruleFields(b: CfnBuilder, protocolArg = 'protocol'): CfnBuilder {
  return b.set('IpProtocol', protocolArg).set('FromPort', 'from_port').set('ToPort', 'to_port').set('Description', 'description');
}

/** One CloudFormation rule object per peer of an inline `ingress`/`egress` block, each located at its peer. */
function inlineRules(sg: TfView, dir: Direction): Value | undefined {
  const raw = sg.get(dir);
  if (raw === undefined) return undefined;
  if (raw.k !== 'list' && raw.k !== 'object') return raw; // dynamic blocks not known before apply: the rules are unknown
  const items: Value[] = [];
  const self: Value = { k: 'ref', resource: sg.address, attr: 'id', loc: sg.resource.loc };
  for (const it of blockItems(sg, dir)) {
    // A rule not known before apply stays one: the controls read it as unknown.
    if ('unknown' in it) { items.push(it.unknown); continue; }
    const block = it.view;
    const ps = peers(block, dir, INLINE_PEERS, self);
    for (const p of ps.length ? ps : [undefined]) {
      const b = blockBuilder(block);
      if (p) { b.properties.loc = p.at; b.put(p.key, located(p.value, p.at), p.at); }
      items.push(ruleFields(b).properties);
    }
  }
  return { k: 'list', items, loc: raw.loc };
}

const securityGroup: Translator = {
  tfType: 'aws_security_group',
  cfnType: 'AWS::EC2::SecurityGroup',
  build(tf, out) {
    out.set('GroupName', 'name').set('GroupDescription', 'description').set('VpcId', 'vpc_id').tags();
    const ingress = inlineRules(tf, 'ingress');
    if (ingress) out.put('SecurityGroupIngress', ingress, tf.locate('ingress'));
    // Terraform removes the allow-all egress rule AWS adds to a new group: without egress
    // blocks the group has no egress rule of its own (rules may still come from
    // aws_security_group_rule resources).
    const egress = inlineRules(tf, 'egress');
    out.put('SecurityGroupEgress', egress ?? { k: 'list', items: [], loc: tf.resource.loc }, tf.locate('egress'));
  },
};

/**
 * aws_default_security_group adopts a VPC's default group and makes its rules exactly those
 * written. CloudFormation can only add rules to that group (standalone rules whose GroupId is
 * the VPC's DefaultSecurityGroup), so each rule becomes one, which the default-group control
 * of the VPC and the rule controls read; the group itself keeps no rule of its own.
 */
const defaultSecurityGroup: Translator = {
  tfType: 'aws_default_security_group',
  cfnType: 'AWS::EC2::SecurityGroup',
  build(tf, out) {
    const none = (): Value => ({ k: 'list', items: [], loc: tf.resource.loc });
    out.set('VpcId', 'vpc_id').tags().put('SecurityGroupIngress', none(), tf.resource.loc).put('SecurityGroupEgress', none(), tf.resource.loc);
  },
  parts(tf) {
    const vpcId = tf.get('vpc_id');
    // Without a reference to a scanned VPC (the default VPC, a literal id) the rules are the group's own.
    const group: Value = vpcId?.k === 'ref' ? { ...vpcId, attr: 'DefaultSecurityGroup' } : { k: 'ref', resource: tf.address, attr: 'id', loc: tf.resource.loc };
    const self: Value = { k: 'ref', resource: tf.address, attr: 'id', loc: tf.resource.loc };
    // Each rule's GroupId is located at the rule (its block, or its peer when split), not at
    // vpc_id: what puts a rule on the default group is the rule written here, and the rule is what to remove.
    return (['ingress', 'egress'] as Direction[]).flatMap((dir) => blockItems(tf, dir).flatMap((it): Part[] => {
      const i = it.index;
      if ('unknown' in it) {
        const at = it.unknown.loc;
        return [unknownPart(`.${dir}[${i}]`, ruleType(dir), it.unknown, ['IpProtocol', 'CidrIp'], (out) => out.put('GroupId', located(group, at), at))];
      }
      const block = it.view;
      const ps = peers(block, dir, INLINE_PEERS, self);
      return (ps.length ? ps : [undefined]).map((p): Part => ({
        suffix: p ? `.${p.at.path!.slice(tf.address.length + 1)}` : `.${dir}[${i}]`,
        cfnType: ruleType(dir),
        view: block,
        ...(p ? { at: p.at } : {}),
        build: (out) => {
          const groupAt = p ? p.at : block.locate('');
          out.put('GroupId', located(group, groupAt), groupAt);
          ruleFields(out);
          if (p) out.put(p.key, located(p.value, p.at), p.at);
        },
      }));
    }));
  },
};

/** A part standing for a block not known before apply: the properties controls decide on hold the unknown. */
function unknownPart(suffix: string, cfnType: string, u: Value, keys: string[], head: (out: CfnBuilder) => void): Part {
  return {
    suffix, cfnType, at: u.loc,
    build: (out) => { head(out); for (const k of keys) out.put(k, u, u.loc); },
  };
}

/** `security_group_id`, with a VPC's default group named as CloudFormation's GetAtt does. */
function groupId(v: Value): Value {
  return v.k === 'ref' && v.attr === 'default_security_group_id' ? { ...v, attr: 'DefaultSecurityGroup' } : v;
}

const ruleType = (dir: Direction) => (dir === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress');

/** `type` of aws_security_group_rule; a value not known before apply is read as ingress, the direction most controls look at. */
function direction(tf: TfView): Direction {
  return asString(tf.get('type')) === 'egress' ? 'egress' : 'ingress';
}

/** A standalone rule for one peer of aws_security_group_rule. */
function standaloneRule(peer: Peer | undefined, out: CfnBuilder): void {
  out.set('GroupId', 'security_group_id', groupId);
  ruleFields(out);
  if (peer) out.put(peer.key, located(peer.value, peer.at), peer.at);
}

function rulePeers(tf: TfView): Peer[] {
  const self = tf.get('security_group_id');
  return peers(tf, direction(tf), RULE_PEERS, self && groupId(self));
}

const securityGroupRule: Translator = {
  tfType: 'aws_security_group_rule',
  cfnType: (tf) => ruleType(direction(tf)),
  build(tf, out) {
    const t = tf.get('type');
    if (t && asString(t) !== 'ingress' && asString(t) !== 'egress') out.note(`${tf.address}: the rule's type is not known before apply; it is evaluated as an ingress rule`, tf.locate('type'));
    standaloneRule(rulePeers(tf)[0], out);
  },
  parts: (tf) => rulePeers(tf).slice(1).map((p): Part => ({
    suffix: `.${p.at.path?.slice(tf.address.length + 1) ?? p.key}`,
    cfnType: ruleType(direction(tf)),
    at: p.at,
    build: (out) => standaloneRule(p, out),
  })),
};

/** aws_vpc_security_group_ingress_rule / _egress_rule: one peer each, CloudFormation's own shape. */
function vpcRule(dir: Direction): Translator {
  return {
    tfType: `aws_vpc_security_group_${dir}_rule`,
    cfnType: ruleType(dir),
    build(_tf, out) {
      out.set('GroupId', 'security_group_id', groupId).set('IpProtocol', 'ip_protocol').set('FromPort', 'from_port').set('ToPort', 'to_port')
        .set('Description', 'description').set('CidrIp', 'cidr_ipv4').set('CidrIpv6', 'cidr_ipv6')
        .set(dir === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId', 'referenced_security_group_id')
        .set(dir === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId', 'prefix_list_id');
    },
  };
}

/** A network ACL entry's arguments (shared by aws_network_acl_rule and the inline blocks, which name two differently). */
function aclEntry(b: CfnBuilder, names: { number: string; action: string }): CfnBuilder {
  return b.set('RuleNumber', names.number).set('RuleAction', names.action).set('Protocol', 'protocol')
    .set('CidrBlock', 'cidr_block').set('Ipv6CidrBlock', 'ipv6_cidr_block')
    .set('PortRange.From', 'from_port').set('PortRange.To', 'to_port')
    .set('Icmp.Type', 'icmp_type').set('Icmp.Code', 'icmp_code');
}

const aclRule: Translator = {
  tfType: 'aws_network_acl_rule',
  cfnType: 'AWS::EC2::NetworkAclEntry',
  build(_tf, out) {
    // `egress` defaults to false in both.
    aclEntry(out.set('NetworkAclId', 'network_acl_id').set('Egress', 'egress'), { number: 'rule_number', action: 'rule_action' });
  },
};

const networkAcl: Translator = {
  tfType: 'aws_network_acl',
  cfnType: 'AWS::EC2::NetworkAcl',
  build: (_tf, out) => { out.set('VpcId', 'vpc_id').tags(); },
  parts(tf) {
    const parent: Value = { k: 'ref', resource: tf.address, attr: 'id', loc: tf.resource.loc };
    const head = (out: CfnBuilder, dir: Direction, at: Loc) => out.put('NetworkAclId', parent, at).put('Egress', { k: 'scalar', v: dir === 'egress', loc: at }, at);
    return (['ingress', 'egress'] as Direction[]).flatMap((dir) => blockItems(tf, dir).map((it): Part => {
      if ('unknown' in it) return unknownPart(`.${dir}[${it.index}]`, 'AWS::EC2::NetworkAclEntry', it.unknown, ['RuleAction', 'Protocol', 'CidrBlock'], (out) => head(out, dir, it.unknown.loc));
      const block = it.view;
      return {
        suffix: `.${dir}[${it.index}]`,
        cfnType: 'AWS::EC2::NetworkAclEntry',
        view: block,
        build: (out) => { aclEntry(head(out, dir, block.locate('')), { number: 'rule_no', action: 'action' }); },
      };
    }));
  },
};

const vpc: Translator = {
  tfType: 'aws_vpc',
  cfnType: 'AWS::EC2::VPC',
  build(_tf, out) {
    out.set('CidrBlock', 'cidr_block').set('InstanceTenancy', 'instance_tenancy')
      .set('EnableDnsSupport', 'enable_dns_support').set('EnableDnsHostnames', 'enable_dns_hostnames').tags();
  },
};

const subnet: Translator = {
  tfType: 'aws_subnet',
  cfnType: 'AWS::EC2::Subnet',
  build(_tf, out) {
    // map_public_ip_on_launch defaults to false, as MapPublicIpOnLaunch does.
    out.set('VpcId', 'vpc_id').set('CidrBlock', 'cidr_block').set('Ipv6CidrBlock', 'ipv6_cidr_block')
      .set('AvailabilityZone', 'availability_zone').set('MapPublicIpOnLaunch', 'map_public_ip_on_launch')
      .set('AssignIpv6AddressOnCreation', 'assign_ipv6_address_on_creation').tags();
  },
};

/** The destination and target arguments of a route (aws_route, or a `route` block whose names differ). */
function routeFields(b: CfnBuilder, dest: { cidr4: string; cidr6: string }): CfnBuilder {
  return b.set('DestinationCidrBlock', dest.cidr4).set('DestinationIpv6CidrBlock', dest.cidr6)
    .set('DestinationPrefixListId', 'destination_prefix_list_id')
    .set('GatewayId', 'gateway_id').set('NatGatewayId', 'nat_gateway_id').set('EgressOnlyInternetGatewayId', 'egress_only_gateway_id')
    .set('TransitGatewayId', 'transit_gateway_id').set('VpcPeeringConnectionId', 'vpc_peering_connection_id')
    .set('NetworkInterfaceId', 'network_interface_id').set('VpcEndpointId', 'vpc_endpoint_id')
    .set('CarrierGatewayId', 'carrier_gateway_id').set('LocalGatewayId', 'local_gateway_id');
}

const route: Translator = {
  tfType: 'aws_route',
  cfnType: 'AWS::EC2::Route',
  build: (_tf, out) => { routeFields(out.set('RouteTableId', 'route_table_id'), { cidr4: 'destination_cidr_block', cidr6: 'destination_ipv6_cidr_block' }); },
};

const routeTable: Translator = {
  tfType: 'aws_route_table',
  cfnType: 'AWS::EC2::RouteTable',
  build: (_tf, out) => { out.set('VpcId', 'vpc_id').tags(); },
  parts(tf) {
    const parent: Value = { k: 'ref', resource: tf.address, attr: 'id', loc: tf.resource.loc };
    return blockItems(tf, 'route').map((it): Part => {
      // A route not known before apply may send anything anywhere: its subnets' exposure is unknown.
      if ('unknown' in it) return unknownPart(`.route[${it.index}]`, 'AWS::EC2::Route', it.unknown, ['DestinationCidrBlock', 'GatewayId'], (out) => out.put('RouteTableId', parent, it.unknown.loc));
      const block = it.view;
      return {
        suffix: `.route[${it.index}]`,
        cfnType: 'AWS::EC2::Route',
        view: block,
        build: (out) => { routeFields(out.put('RouteTableId', parent, block.locate('')), { cidr4: 'cidr_block', cidr6: 'ipv6_cidr_block' }); },
      };
    });
  },
};

const routeTableAssociation: Translator = {
  tfType: 'aws_route_table_association',
  // An association with `gateway_id` is an edge association of a gateway, not of a subnet.
  cfnType: (tf) => (tf.get('gateway_id') !== undefined ? 'AWS::EC2::GatewayRouteTableAssociation' : 'AWS::EC2::SubnetRouteTableAssociation'),
  build: (_tf, out) => { out.set('SubnetId', 'subnet_id').set('GatewayId', 'gateway_id').set('RouteTableId', 'route_table_id'); },
};

const internetGateway: Translator = {
  tfType: 'aws_internet_gateway',
  cfnType: 'AWS::EC2::InternetGateway',
  build: (_tf, out) => { out.tags(); },
};

/** The flow log's subject: CloudFormation names it by ResourceId and ResourceType, Terraform by which argument is set. */
const FLOW_LOG_SUBJECTS: [string, string][] = [
  ['vpc_id', 'VPC'], ['subnet_id', 'Subnet'], ['eni_id', 'NetworkInterface'],
  ['transit_gateway_id', 'TransitGateway'], ['transit_gateway_attachment_id', 'TransitGatewayAttachment'],
];

const flowLog: Translator = {
  tfType: 'aws_flow_log',
  cfnType: 'AWS::EC2::FlowLog',
  build(tf, out) {
    for (const [arg, type] of FLOW_LOG_SUBJECTS) {
      if (tf.get(arg) === undefined) continue;
      const at = tf.locate(arg);
      out.set('ResourceId', arg).put('ResourceType', { k: 'scalar', v: type, loc: at }, at);
      break;
    }
    // log_destination_type defaults to cloud-watch-logs, as LogDestinationType does.
    out.set('TrafficType', 'traffic_type').set('LogDestinationType', 'log_destination_type').set('LogDestination', 'log_destination')
      .set('LogGroupName', 'log_group_name').set('DeliverLogsPermissionArn', 'iam_role_arn')
      .set('MaxAggregationInterval', 'max_aggregation_interval').set('LogFormat', 'log_format').tags();
  },
};

const vpcEndpoint: Translator = {
  tfType: 'aws_vpc_endpoint',
  cfnType: 'AWS::EC2::VPCEndpoint',
  build(_tf, out) {
    out.set('VpcId', 'vpc_id').set('ServiceName', 'service_name').set('VpcEndpointType', 'vpc_endpoint_type')
      .set('PolicyDocument', 'policy', jsonDocument).set('RouteTableIds', 'route_table_ids').set('SubnetIds', 'subnet_ids')
      .set('SecurityGroupIds', 'security_group_ids').set('PrivateDnsEnabled', 'private_dns_enabled');
  },
};

/** aws_vpc_endpoint_policy sets the policy of an endpoint declared without one. */
const vpcEndpointPolicy: Attachment = {
  tfType: 'aws_vpc_endpoint_policy',
  ownerTypes: ['aws_vpc_endpoint'],
  ownerArg: 'vpc_endpoint_id',
  build: (_tf, out) => { out.set('PolicyDocument', 'policy', jsonDocument); },
};

export const network = {
  translators: [
    securityGroup, defaultSecurityGroup, securityGroupRule, vpcRule('ingress'), vpcRule('egress'),
    aclRule, networkAcl, { ...networkAcl, tfType: 'aws_default_network_acl' },
    vpc, subnet, route, routeTable, { ...routeTable, tfType: 'aws_default_route_table' },
    routeTableAssociation, internetGateway, flowLog, vpcEndpoint,
  ],
  attachments: [vpcEndpointPolicy],
};
