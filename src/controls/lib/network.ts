// Network helpers shared by the network controls and the report's facts: the rules of a
// security group (inline and standalone, with the implicit default egress), whether a
// subnet is public, and small predicates over rules that keep deploy-time values unknown.
import type { Evidence, Loc, Resource, Value } from '../../model/types.js';
import { asBool, asNumber, asString, prop, render } from '../../model/value.js';
import type { Graph } from '../../engine/graph.js';
import { any, decide, evidenceAt, type Verdict } from '../api.js';

type Unknown = Value & { k: 'unknown' };

export type RuleDirection = 'ingress' | 'egress';
export type SourceKind = 'cidr4' | 'cidr6' | 'securityGroup' | 'prefixList' | 'none';

/** One ingress or egress rule of a security group, wherever it is written. */
export interface SecurityGroupRule {
  direction: RuleDirection;
  /**
   * Normalised protocol: `-1` (all), `tcp`, `udp`, `icmp`, `icmpv6`, or another protocol
   * number as a string; undefined when not concrete (see `raw.protocol`).
   */
  protocol: string | undefined;
  fromPort: number | undefined;
  toPort: number | undefined;
  /** Which kind of peer the rule names (decided by the key used, even if its value is unknown). */
  sourceKind: SourceKind;
  /** The peer as text when concrete (a CIDR, a prefix list id, `${Sg}` for a reference). */
  sourceValue: string | undefined;
  description: string | undefined;
  /** The values as written, possibly `unknown` (parameters without default, undecided conditions). */
  raw: { protocol?: Value; fromPort?: Value; toPort?: Value; source?: Value; description?: Value };
  /** The rule object (inline list item or the standalone resource's properties). */
  value: Value;
  /** Where the rule is written (list item, standalone resource, or the group for the implicit egress). */
  loc: Loc;
  /** Evidence path, e.g. `Properties.SecurityGroupIngress[0]`. */
  path: string;
  /** The resource the rule is written in (the group, or a standalone ingress/egress resource). */
  resource: Resource;
  standalone: boolean;
  /** The default allow-all egress rule AWS adds when SecurityGroupEgress is not declared. */
  implicit: boolean;
  /** Set when the rule exists only under an undecided condition (`Fn::If` with `AWS::NoValue`). */
  when?: Unknown;
  /** The whole rule (or rule list) is known only at deploy time; its fields are all undefined. */
  opaque?: Unknown;
}

const PROTOCOLS: Record<string, string> = { '-1': '-1', all: '-1', tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp', icmp: 'icmp', '1': 'icmp', icmpv6: 'icmpv6', '58': 'icmpv6' };

/** Normalise an IpProtocol value (`6` -> `tcp`, `-1` -> `-1`, other numbers kept). */
export function normaliseProtocol(v: Value | undefined): string | undefined {
  const s = asString(v);
  if (s === undefined) return undefined;
  const l = s.trim().toLowerCase();
  return Object.hasOwn(PROTOCOLS, l) ? PROTOCOLS[l] : l;
}

const PEER_KEYS: Record<RuleDirection, [string, SourceKind][]> = {
  ingress: [['CidrIp', 'cidr4'], ['CidrIpv6', 'cidr6'], ['SourceSecurityGroupId', 'securityGroup'], ['SourceSecurityGroupName', 'securityGroup'], ['SourcePrefixListId', 'prefixList']],
  egress: [['CidrIp', 'cidr4'], ['CidrIpv6', 'cidr6'], ['DestinationSecurityGroupId', 'securityGroup'], ['DestinationPrefixListId', 'prefixList']],
};

function peerText(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.k === 'ref') return `\${${v.resource}${v.attr ? '.' + v.attr : ''}}`;
  return asString(v);
}

function ruleFrom(direction: RuleDirection, obj: Value, loc: Loc, path: string, resource: Resource, standalone: boolean, when?: Unknown): SecurityGroupRule {
  let sourceKind: SourceKind = 'none';
  let source: Value | undefined;
  for (const [k, kind] of PEER_KEYS[direction]) {
    const v = prop(obj, k);
    if (v !== undefined) { sourceKind = kind; source = v; break; }
  }
  const protocol = prop(obj, 'IpProtocol');
  const fromPort = prop(obj, 'FromPort');
  const toPort = prop(obj, 'ToPort');
  const description = prop(obj, 'Description');
  return {
    direction,
    protocol: normaliseProtocol(protocol),
    fromPort: asNumber(fromPort),
    toPort: asNumber(toPort),
    sourceKind,
    sourceValue: peerText(source),
    description: asString(description),
    raw: { protocol, fromPort, toPort, source, description },
    value: obj, loc, path, resource, standalone, implicit: false,
    ...(when ? { when } : {}),
  };
}

function opaqueRule(direction: RuleDirection, v: Unknown, path: string, resource: Resource, when?: Unknown): SecurityGroupRule {
  return {
    direction, protocol: undefined, fromPort: undefined, toPort: undefined, sourceKind: 'none', sourceValue: undefined, description: undefined,
    raw: {}, value: v, loc: v.loc, path, resource, standalone: false, implicit: false, opaque: v, ...(when ? { when } : {}),
  };
}

/** Rules written inline in a list property (`SecurityGroupIngress` / `SecurityGroupEgress`). */
function inlineRules(sg: Resource, key: string, direction: RuleDirection): SecurityGroupRule[] {
  const list = sg.properties.props.get(key);
  if (!list) return [];
  const out: SecurityGroupRule[] = [];
  const fromItems = (items: Value[], when?: Unknown) => {
    items.forEach((item, i) => {
      const path = `Properties.${key}[${i}]`;
      if (item.k === 'object') out.push(ruleFrom(direction, item, item.loc, path, sg, false, when));
      else if (item.k === 'unknown') {
        // `!If [Cond, {rule}, !Ref AWS::NoValue]`: the rule exists only under the condition.
        const alts = item.alts?.filter((a) => a.k === 'object');
        if (alts && alts.length) alts.forEach((a) => out.push(ruleFrom(direction, a, item.loc, path, sg, false, item)));
        else if (!item.alts) out.push(opaqueRule(direction, item, path, sg, when));
      }
    });
  };
  if (list.k === 'list') fromItems(list.items);
  else if (list.k === 'unknown') {
    const alts = list.alts?.filter((a) => a.k === 'list') as (Value & { k: 'list' })[] | undefined;
    if (alts && alts.length) alts.forEach((a) => fromItems(a.items, list));
    else out.push(opaqueRule(direction, list, `Properties.${key}`, sg));
  }
  return out;
}

/** Standalone AWS::EC2::SecurityGroupIngress / Egress resources whose GroupId points at `sg`. */
export function standaloneRuleResources(graph: Graph, sg: Resource, direction: RuleDirection): Resource[] {
  const type = direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress';
  return graph.referrers(sg, type).filter((x) => graph.target(x, x.properties.props.get('GroupId')) === sg);
}

/** The rule a standalone AWS::EC2::SecurityGroupIngress / Egress resource declares. */
export function standaloneRule(r: Resource): SecurityGroupRule {
  const direction: RuleDirection = r.type === 'AWS::EC2::SecurityGroupEgress' ? 'egress' : 'ingress';
  return ruleFrom(direction, r.properties, r.loc, 'Properties', r, true);
}

/**
 * Every ingress and egress rule of a security group: inline `SecurityGroupIngress` /
 * `SecurityGroupEgress` items, standalone AWS::EC2::SecurityGroupIngress/Egress resources in
 * the same template whose `GroupId` refers to it, and the implicit allow-all egress rule AWS
 * creates when `SecurityGroupEgress` is not declared inline (standalone egress resources do
 * not remove it). Values that are not concrete are kept in `raw` as `unknown`.
 */
export function securityGroupRules(graph: Graph, sg: Resource): SecurityGroupRule[] {
  const out = [...inlineRules(sg, 'SecurityGroupIngress', 'ingress'), ...inlineRules(sg, 'SecurityGroupEgress', 'egress')];
  for (const dir of ['ingress', 'egress'] as RuleDirection[]) {
    for (const x of standaloneRuleResources(graph, sg, dir)) out.push(standaloneRule(x));
  }
  if (!sg.properties.props.has('SecurityGroupEgress')) {
    const loc = sg.loc;
    const implicit: Value = { k: 'object', props: new Map(), keyLocs: new Map(), loc };
    out.push({
      direction: 'egress', protocol: '-1', fromPort: undefined, toPort: undefined, sourceKind: 'cidr4', sourceValue: '0.0.0.0/0', description: 'default egress rule added by AWS',
      raw: {}, value: implicit, loc, path: 'Properties.SecurityGroupEgress', resource: sg, standalone: false, implicit: true,
    });
  }
  return out;
}

const WORLD = new Set(['0.0.0.0/0', '::/0', '::0/0']);

/** True for a CIDR that matches every address (`0.0.0.0/0`, `::/0`). */
export function isWorldCidr(s: string | undefined): boolean {
  return s !== undefined && WORLD.has(s.trim());
}

/** The rule's peer is the whole internet (0.0.0.0/0 or ::/0). Unknown when the CIDR or the whole rule is. */
export function openToWorld(rule: SecurityGroupRule): Verdict {
  if (rule.implicit) return true;
  if (rule.opaque) return { unknown: rule.opaque };
  if (rule.sourceKind !== 'cidr4' && rule.sourceKind !== 'cidr6') return false;
  return decide(rule.raw.source, (v) => (v && v.k === 'unknown' ? { unknown: v } : isWorldCidr(asString(v))));
}

function protoVerdict(rule: SecurityGroupRule, test: (p: string) => Verdict): Verdict {
  if (rule.implicit) return test('-1');
  if (rule.opaque) return { unknown: rule.opaque };
  return decide(rule.raw.protocol, (v) => {
    if (v && v.k === 'unknown') return { unknown: v };
    const p = normaliseProtocol(v);
    return p === undefined ? false : test(p);
  });
}

function portVerdict(v: Value | undefined, test: (n: number | undefined) => Verdict): Verdict {
  return decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : test(asNumber(x))));
}

/** The rule allows every protocol (IpProtocol -1). */
export function allProtocols(rule: SecurityGroupRule): Verdict {
  return protoVerdict(rule, (p) => p === '-1');
}

/**
 * The rule admits TCP or UDP traffic to `port`: protocol -1, or tcp/udp with
 * FromPort <= port <= ToPort (-1 or absent ports on tcp/udp mean every port).
 */
export function coversPort(rule: SecurityGroupRule, port: number): Verdict {
  return protoVerdict(rule, (p) => {
    if (p === '-1') return true;
    if (p !== 'tcp' && p !== 'udp') return false;
    const from = portVerdict(rule.raw.fromPort, (n) => n === undefined || n === -1 || n <= port);
    const to = portVerdict(rule.raw.toPort, (n) => n === undefined || n === -1 || n >= port);
    if (from === false || to === false) return false;
    if (from !== true) return from;
    return to;
  });
}

/** The rule admits every port: protocol -1, or tcp/udp over 0-65535 (or -1). */
export function allPorts(rule: SecurityGroupRule): Verdict {
  return protoVerdict(rule, (p) => {
    if (p === '-1') return true;
    if (p !== 'tcp' && p !== 'udp') return false;
    const from = portVerdict(rule.raw.fromPort, (n) => n === undefined || n <= 0);
    const to = portVerdict(rule.raw.toPort, (n) => n === undefined || n === -1 || n >= 65535);
    if (from === false || to === false) return false;
    if (from !== true) return from;
    return to;
  });
}

/** The rule admits any of `ports`; unknown when it cannot be told. */
export function coversAnyPort(rule: SecurityGroupRule, ports: number[]): Verdict {
  return any(ports.map((p) => coversPort(rule, p)));
}

/** The ports of `ports` the rule is known to admit. */
export function portsCovered(rule: SecurityGroupRule, ports: number[]): number[] {
  return ports.filter((p) => coversPort(rule, p) === true);
}

/** Human-readable summary, e.g. `ingress tcp 22-22 from 0.0.0.0/0`. */
export function describeRule(rule: SecurityGroupRule): string {
  if (rule.implicit) return 'default egress: all protocols to 0.0.0.0/0';
  if (rule.opaque) return `${rule.direction} rule(s) known only at deploy time`;
  const proto = rule.protocol === '-1' ? 'all protocols' : rule.protocol ?? render(rule.raw.protocol);
  const ports = rule.protocol === '-1' ? '' : rule.fromPort !== undefined || rule.toPort !== undefined
    ? ` ${rule.fromPort ?? render(rule.raw.fromPort)}${rule.toPort !== rule.fromPort ? `-${rule.toPort ?? render(rule.raw.toPort)}` : ''}`
    : rule.raw.fromPort || rule.raw.toPort ? ` ${render(rule.raw.fromPort)}-${render(rule.raw.toPort)}` : '';
  const peer = rule.sourceValue ?? render(rule.raw.source);
  return `${rule.direction} ${proto}${ports} ${rule.direction === 'ingress' ? 'from' : 'to'} ${rule.sourceKind === 'none' ? '(no peer)' : peer}`;
}

/** Evidence for a rule, located where it is written. */
export function ruleEvidence(rule: SecurityGroupRule, note?: string): Evidence {
  const where = rule.standalone ? `${rule.resource.id} (${rule.resource.type})` : undefined;
  const n = [note, where && `rule declared in ${where}`, rule.when && `conditional rule: ${rule.when.reason}`].filter(Boolean).join('; ');
  return evidenceAt(rule.path, rule.implicit ? undefined : rule.value, rule.loc, n || undefined);
}

// ---------------------------------------------------------------------------------------
// Subnets

export type SubnetKind = 'public' | 'private' | 'unknown';

export interface SubnetClassification {
  kind: SubnetKind;
  /** Why, in a short sentence. */
  reason: string;
  /** The attributes that decided (MapPublicIpOnLaunch, the route to the internet gateway, the association). */
  evidence: Evidence[];
  /** The value known only at deploy time that kept the answer unknown. */
  blocking?: Unknown;
}

function routeToInternet(graph: Graph, route: Resource): Verdict {
  const p = route.properties;
  const dest4 = p.props.get('DestinationCidrBlock');
  const dest6 = p.props.get('DestinationIpv6CidrBlock');
  const destWorld = any([dest4, dest6].filter((d) => d !== undefined).map((d) => decide(d, (v) => (v && v.k === 'unknown' ? { unknown: v } : isWorldCidr(asString(v))))));
  if (destWorld === false) return false;
  const gw = p.props.get('GatewayId');
  if (!gw) return false;
  const viaIgw = decide(gw, (v) => {
    if (v && v.k === 'unknown') return { unknown: v };
    const t = graph.target(route, v);
    if (t) return t.type === 'AWS::EC2::InternetGateway';
    const s = asString(v);
    return s !== undefined && s.startsWith('igw-');
  });
  if (viaIgw === false) return false;
  if (destWorld !== true) return destWorld;
  return viaIgw;
}

/**
 * Whether a subnet is public: `public` when MapPublicIpOnLaunch is true or a route table
 * associated with it (AWS::EC2::SubnetRouteTableAssociation) has an AWS::EC2::Route for
 * 0.0.0.0/0 or ::/0 to an internet gateway (a declared AWS::EC2::InternetGateway or an
 * `igw-` id); `private` when every associated route table is declared and has no such route;
 * `unknown` when no association is declared (the VPC's main route table applies, which a
 * template cannot show) or a deciding value is known only at deploy time.
 */
export function classifySubnet(graph: Graph, subnet: Resource): SubnetClassification {
  const ev: Evidence[] = [];
  const mpip = subnet.properties.props.get('MapPublicIpOnLaunch');
  const mpipLoc = subnet.properties.keyLocs.get('MapPublicIpOnLaunch') ?? subnet.loc;
  const mpipV = decide(mpip, (v) => (v && v.k === 'unknown' ? { unknown: v } : asBool(v) === true));
  if (mpipV === true) {
    return { kind: 'public', reason: `subnet ${subnet.id} sets MapPublicIpOnLaunch: true`, evidence: [evidenceAt('Properties.MapPublicIpOnLaunch', mpip, mpipLoc, `subnet ${subnet.id}`)] };
  }
  let blocking: Unknown | undefined = mpipV === false ? undefined : mpipV.unknown;
  if (blocking) ev.push(evidenceAt('Properties.MapPublicIpOnLaunch', mpip, mpipLoc, `subnet ${subnet.id}`));
  const assocs = graph.referrers(subnet, 'AWS::EC2::SubnetRouteTableAssociation')
    .filter((a) => graph.target(a, a.properties.props.get('SubnetId')) === subnet);
  if (assocs.length === 0) {
    return {
      kind: 'unknown', blocking,
      reason: `no AWS::EC2::SubnetRouteTableAssociation is declared for subnet ${subnet.id}, so it uses the VPC's main route table, which is not known from the template`,
      evidence: [...ev, evidenceAt('SubnetRouteTableAssociation', undefined, subnet.loc, `subnet ${subnet.id}: no route table association declared`)],
    };
  }
  let undecided = false;
  for (const a of assocs) {
    const rtv = a.properties.props.get('RouteTableId');
    const rt = graph.target(a, rtv);
    const aloc = a.properties.keyLocs.get('RouteTableId') ?? a.loc;
    if (!rt) {
      undecided = true;
      if (rtv && rtv.k === 'unknown') blocking ??= rtv;
      ev.push(evidenceAt('Properties.RouteTableId', rtv, aloc, `association ${a.id}: route table not declared in the scanned templates`));
      continue;
    }
    ev.push(evidenceAt('Properties.RouteTableId', rtv, aloc, `association ${a.id} of subnet ${subnet.id}`));
    const routes = graph.referrers(rt, 'AWS::EC2::Route').filter((x) => graph.target(x, x.properties.props.get('RouteTableId')) === rt);
    for (const route of routes) {
      const v = routeToInternet(graph, route);
      const gw = route.properties.props.get('GatewayId');
      const gloc = route.properties.keyLocs.get('GatewayId') ?? route.loc;
      if (v === true) {
        return {
          kind: 'public', reason: `subnet ${subnet.id} is associated with route table ${rt.id}, whose route ${route.id} sends 0.0.0.0/0 to an internet gateway`,
          evidence: [...ev, evidenceAt('Properties.GatewayId', gw, gloc, `route ${route.id} in ${rt.id}`)],
        };
      }
      if (v !== false) {
        undecided = true;
        blocking ??= v.unknown;
        ev.push(evidenceAt('Properties.GatewayId', gw, gloc, `route ${route.id}: destination or gateway known only at deploy time`));
      }
    }
  }
  if (undecided || blocking) {
    return { kind: 'unknown', blocking, reason: `whether subnet ${subnet.id} routes to an internet gateway (or assigns public IPs) depends on values known only at deploy time or route tables outside the scanned templates`, evidence: ev };
  }
  return { kind: 'private', reason: `subnet ${subnet.id}'s route tables (${assocs.map((a) => render(a.properties.props.get('RouteTableId'))).join(', ')}) have no route from 0.0.0.0/0 to an internet gateway`, evidence: ev };
}
