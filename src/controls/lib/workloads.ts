// Helpers of the workloads pack: a list of strings judged by the words it holds, and the
// resources of another type that configure this one by naming it in a property.
import type { Evidence, Loc, Resource, Value } from '../../model/types.js';
import { asString } from '../../model/value.js';
import { evidenceAt, type Outcome, type ResourceContext, type Verdict } from '../api.js';

/** The strings of a list (or a lone string); an unknown element or list makes the answer unknown. */
export function stringsOf(v: Value | undefined): { words: string[]; unknown?: Value & { k: 'unknown' } } {
  if (!v) return { words: [] };
  if (v.k === 'unknown') return { words: [], unknown: v };
  const items = v.k === 'list' ? v.items : [v];
  const words: string[] = [];
  for (const i of items) {
    if (i.k === 'unknown') return { words, unknown: i };
    const s = asString(i);
    if (s !== undefined) words.push(s);
  }
  return { words };
}

/** A list that holds at least one of `wanted` (case-insensitive). */
export function holdsAnyOf(wanted: string[]): (v: Value | undefined) => Verdict {
  const set = new Set(wanted.map((w) => w.toLowerCase()));
  return (v) => {
    const { words, unknown } = stringsOf(v);
    if (words.some((w) => set.has(w.toLowerCase()))) return true;
    if (unknown) return { unknown };
    return false;
  };
}

/** Resources of `types` whose property `key` names `r` (Ref, GetAtt, Terraform reference). */
export function configuring(r: ResourceContext, types: string[], key: string): Resource[] {
  return types.flatMap((t) => r.graph.pointingAt(r.resource, t, key));
}

/** Where a property of another resource is written (the resource when it is not). */
export function locOf(res: Resource, key: string): Loc {
  return res.properties.keyLocs.get(key) ?? res.loc;
}

/** Evidence for a property of another resource. */
export function otherEvidence(res: Resource, key: string, note?: string): Evidence {
  return evidenceAt(`${res.id}.Properties.${key}`, res.properties.props.get(key), locOf(res, key), note);
}

/** Fail for a missing companion resource, located at the evaluated resource. */
export function noneFound(r: ResourceContext, message: string, what: string): Outcome {
  return r.fail(message, r.resource.loc, [evidenceAt(what, undefined, r.resource.loc, 'none found in the scanned templates')]);
}

/**
 * How many Availability Zones a list of subnets spans: the zones of the subnets declared in
 * the scanned templates, and why the count is not known when one of them is not.
 */
export function subnetZones(r: ResourceContext, subnets: Value[]): { zones: Set<string>; evidence: Evidence[]; unknown?: { v?: Value & { k: 'unknown' }; why: string } } {
  const zones = new Set<string>();
  const evidence: Evidence[] = [];
  let unknown: { v?: Value & { k: 'unknown' }; why: string } | undefined;
  for (const s of subnets) {
    if (s.k === 'unknown') { unknown ??= { v: s, why: 'a subnet is not known before deployment' }; continue; }
    const subnet = r.graph.target(r.resource, s);
    if (!subnet || subnet.type !== 'AWS::EC2::Subnet') { unknown ??= { why: `subnet ${asString(s) ?? '(reference)'} is not declared in the scanned templates, so its Availability Zone is not known` }; continue; }
    const az = subnet.properties.props.get('AvailabilityZone');
    const zat = subnet.properties.keyLocs.get('AvailabilityZone') ?? subnet.loc;
    evidence.push(evidenceAt(`${subnet.id}.Properties.AvailabilityZone`, az, zat));
    const name = asString(az);
    if (name && !(az?.k === 'scalar' && az.refs?.length)) zones.add(name);
    else unknown ??= { v: az?.k === 'unknown' ? az : undefined, why: `the Availability Zone of ${subnet.id} is not known before deployment` };
  }
  return { zones, evidence, unknown };
}
