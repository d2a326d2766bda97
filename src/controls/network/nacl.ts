// Network ACL entry helpers for the NACL controls.
import { all, any, decide, type Verdict } from '../api.js';
import type { Resource, Value } from '../../model/types.js';
import { asBool, asNumber, asString, prop } from '../../model/value.js';
import type { Graph } from '../../engine/graph.js';
import { isWorldCidr, normaliseProtocol } from '../lib/network.js';

const known = (v: Value | undefined, f: (v: Value | undefined) => boolean): Verdict =>
  decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : f(x)));

export const p = (e: Resource, k: string) => e.properties.props.get(k);

/** Entry applies to inbound traffic (Egress absent or false). */
export const isIngress = (e: Resource): Verdict => known(p(e, 'Egress'), (v) => asBool(v) !== true);
export const isAction = (e: Resource, action: string): Verdict => known(p(e, 'RuleAction'), (v) => asString(v)?.toLowerCase() === action);
export const fromWorld = (e: Resource): Verdict =>
  any(['CidrBlock', 'Ipv6CidrBlock'].filter((k) => p(e, k) !== undefined).map((k) => known(p(e, k), (v) => isWorldCidr(asString(v)))));
export const allProtocols = (e: Resource): Verdict => known(p(e, 'Protocol'), (v) => normaliseProtocol(v) === '-1');

/** Entry covers TCP/UDP `port` (protocol -1, or 6/17 with PortRange including it). */
export function coversPort(e: Resource, port: number): Verdict {
  return decide(p(e, 'Protocol'), (pv) => {
    if (pv && pv.k === 'unknown') return { unknown: pv };
    const proto = normaliseProtocol(pv);
    if (proto === '-1') return true;
    if (proto !== 'tcp' && proto !== 'udp') return false;
    const range = p(e, 'PortRange');
    if (range && range.k === 'unknown') return { unknown: range };
    const from = known(prop(range, 'From'), (v) => { const n = asNumber(v); return n === undefined || n <= port; });
    const to = known(prop(range, 'To'), (v) => { const n = asNumber(v); return n === undefined || n >= port; });
    return all([from, to]);
  });
}

/** A deny entry from the internet with a lower rule number in the same ACL and direction that covers `port`. */
export function deniedEarlier(graph: Graph, e: Resource, port: number): boolean {
  const acl = graph.target(e, p(e, 'NetworkAclId'));
  const n = asNumber(p(e, 'RuleNumber'));
  if (!acl || n === undefined) return false;
  return graph.referrers(acl, 'AWS::EC2::NetworkAclEntry').some((o) => {
    if (o === e || graph.target(o, p(o, 'NetworkAclId')) !== acl) return false;
    const on = asNumber(p(o, 'RuleNumber'));
    if (on === undefined || on >= n) return false;
    return isIngress(o) === true && isAction(o, 'deny') === true && fromWorld(o) === true && coversPort(o, port) === true;
  });
}
