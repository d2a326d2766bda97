// Helpers for the Elastic Load Balancing controls.
import type { ResourceContext, Verdict } from '../api.js';
import { decide, evidenceAt } from '../api.js';
import type { Evidence, Loc, Resource, Value } from '../../model/types.js';
import { asString, prop } from '../../model/value.js';

/** The LoadBalancerAttributes entry with `key`, its value and where it is written. */
export function lbAttribute(r: ResourceContext, key: string): { value?: Value; at: Loc; evidence: Evidence; list?: Value } {
  const list = r.get('LoadBalancerAttributes');
  const at0 = r.locate('LoadBalancerAttributes');
  if (list && list.k === 'list') {
    for (const item of list.items) {
      if (asString(prop(item, 'Key')) === key) {
        const v = prop(item, 'Value');
        // Where the resource writes the value, not where a parameter it names is defaulted.
        const at = (item.k === 'object' ? item.keyLocs.get('Value') : undefined) ?? v?.loc ?? item.loc;
        return { value: v, at, evidence: evidenceAt(`Properties.LoadBalancerAttributes[${key}]`, v, at) };
      }
    }
  }
  if (list && list.k === 'unknown') return { value: list, at: at0, evidence: evidenceAt('Properties.LoadBalancerAttributes', list, at0), list };
  return { at: at0, evidence: evidenceAt(`Properties.LoadBalancerAttributes[${key}]`, undefined, at0, `${key} not set`) };
}

/** The load balancer type: application (the default), network or gateway. */
export function lbType(r: ResourceContext | Resource): string | undefined {
  const v = 'get' in r ? r.get('Type') : r.properties.props.get('Type');
  if (!v) return 'application';
  return asString(v)?.toLowerCase();
}

/** An action list redirects to HTTPS (a redirect action whose RedirectConfig.Protocol is HTTPS). */
export function redirectsToHttps(actions: Value | undefined): Verdict {
  return decide(actions, (v) => {
    if (v && v.k === 'unknown') return { unknown: v };
    if (!v || v.k !== 'list' || v.items.length === 0) return false;
    let result: Verdict = false;
    for (const a of v.items) {
      const type = prop(a, 'Type');
      if (type && type.k === 'unknown') return { unknown: type };
      if (asString(type)?.toLowerCase() !== 'redirect') continue;
      const proto = prop(prop(a, 'RedirectConfig'), 'Protocol');
      const d = decide(proto, (pv) => (pv && pv.k === 'unknown' ? { unknown: pv } : asString(pv)?.toUpperCase() === 'HTTPS'));
      if (d === true) return true;
      if (d !== false) result = d;
    }
    return result;
  });
}

export const ELBV2_TLS = ['HTTPS', 'TLS'];
