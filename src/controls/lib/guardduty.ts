// GuardDuty protection plans, read from a detector's Features list (or the older DataSources)
// as CloudFormation writes them; Terraform's aws_guardduty_detector_feature resources are
// merged into that list by the translation. CreateDetector documents that a new detector
// enables every optional protection plan the call leaves out, except RUNTIME_MONITORING.
import type { Value } from '../../model/types.js';
import { asString, prop } from '../../model/value.js';
import { decide, evidenceAt, type Outcome, type ResourceContext, type Verdict } from '../api.js';
import { keyAt } from './operations.js';
import { isFalse, isTrue } from '../predicates.js';
import { valueThrough } from '../../model/value.js';

/** The entry of Features with the given Name and its index, 'unknown' when the list cannot be read, undefined when not listed. */
export function featureEntry(features: Value | undefined, name: string): { item: Value; index: number } | undefined | 'unknown' {
  if (!features) return undefined;
  if (features.k === 'unknown') return 'unknown';
  if (features.k !== 'list') return undefined;
  for (const [index, f] of features.items.entries()) {
    if (f.k === 'unknown') return 'unknown';
    if (asString(prop(f, 'Name')) === name) return { item: f, index };
  }
  return undefined;
}

export interface Plan {
  /** The Features name, e.g. EKS_AUDIT_LOGS. */
  feature: string;
  /** The DataSources path of the older configuration, when the plan has one. */
  legacy?: string;
  /** What the plan watches, for messages ("EKS audit logs"). */
  what: string;
  /** Whether a new detector enables the plan when the template leaves it out (all but RUNTIME_MONITORING). */
  onByDefault: boolean;
}

/** Whether the detector has protection plan `p` on, located at the entry or setting that decides. */
export function planOn(r: ResourceContext, p: Plan): Outcome {
  if (decide(r.get('Enable'), isFalse) === true) return r.notApplicable('the detector is not enabled (see AT-GD-001)');
  const features = r.get('Features');
  const fe = featureEntry(features, p.feature);
  if (fe === 'unknown') return r.unknown('Features is only known at deploy time', features && features.k === 'unknown' ? features : undefined, r.locate('Features'), [r.evidence('Features', features)]);
  if (fe) {
    // The entry's own Status decides, wherever it sits in the list.
    const status = prop(fe.item, 'Status');
    const at = keyAt(fe.item, 'Status');
    const ev = [evidenceAt(`Properties.Features[${fe.index}].Status`, status, at)];
    const d = decide(status, (s): Verdict => (s?.k === 'unknown' ? { unknown: s } : asString(s) === 'ENABLED'));
    if (d === true) return r.pass(`feature ${p.feature} is ENABLED: ${p.what} are monitored`, at, ev);
    if (d === false) return r.fail(`feature ${p.feature} is not ENABLED: ${p.what} are not monitored`, at, ev);
    return r.unknown(`the status of feature ${p.feature} is known only at deploy time`, d.unknown, at, ev);
  }
  const legacy = p.legacy ? valueThrough(r.properties, p.legacy) : undefined;
  if (p.legacy && legacy !== undefined) {
    const at = r.locate(p.legacy);
    const ev = [evidenceAt(`Properties.${p.legacy}`, legacy, at)];
    const d = decide(legacy, isTrue);
    if (d === true) return r.pass(`${p.what} are monitored (${p.legacy})`, at, ev);
    if (d === false) return r.fail(`${p.legacy} is not true: ${p.what} are not monitored`, at, ev);
    return r.unknown(`whether ${p.what} are monitored depends on a deploy-time value`, d.unknown, at, ev);
  }
  const at = r.resource.loc;
  const note = p.onByDefault ? `not declared: a new detector enables ${p.feature} by default` : `not declared: ${p.feature} is off unless enabled`;
  const ev = [evidenceAt('Properties.Features', features, at, note)];
  if (p.onByDefault) return r.pass(`${p.feature} is not declared, so the new detector enables it by default: ${p.what} are monitored`, at, ev);
  return r.fail(`no Features entry enables ${p.feature}: ${p.what} are not monitored`, at, ev);
}
