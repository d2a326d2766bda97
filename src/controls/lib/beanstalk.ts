// Elastic Beanstalk option settings: an environment's own OptionSettings, then those of the
// configuration template it names (when declared in the scanned templates).
import type { Evidence, Loc, Resource, Value } from '../../model/types.js';
import { asString, prop } from '../../model/value.js';
import { decide, evidenceAt, type Outcome, type ResourceContext, type Verdict } from '../api.js';

export interface Found { v: Value | undefined; at: Loc; evidence: Evidence; from?: Resource }

function findIn(res: Resource, ns: string, name: string): { found?: Found; unknown?: Value & { k: 'unknown' } } {
  const list = res.properties.props.get('OptionSettings');
  if (list?.k === 'unknown') return { unknown: list };
  if (list?.k !== 'list') return {};
  for (const [i, it] of list.items.entries()) {
    if (it.k === 'unknown') return { unknown: it };
    const n = prop(it, 'Namespace');
    const o = prop(it, 'OptionName');
    if (n?.k === 'unknown') return { unknown: n };
    if (o?.k === 'unknown') return { unknown: o };
    if (asString(n) !== ns || asString(o) !== name) continue;
    const v = prop(it, 'Value');
    const at = it.k === 'object' ? it.keyLocs.get('Value') ?? it.loc : it.loc;
    return { found: { v, at, evidence: evidenceAt(`${res.id}.Properties.OptionSettings[${ns}:${name}]`, v, at) } };
  }
  return {};
}

/**
 * Judge one option with `test`: its value where the environment (or its configuration
 * template) sets it; `missing` describes an option set nowhere.
 */
export function judgeOption(r: ResourceContext, ns: string, name: string, test: (v: Value | undefined) => Verdict, msg: { pass: (v: string) => string; fail: (v: string) => string; missing: string }): Outcome {
  const own = findIn(r.resource, ns, name);
  if (own.unknown) return r.unknown('the environment\'s option settings are not known', own.unknown, own.unknown.loc, [evidenceAt('Properties.OptionSettings', own.unknown, own.unknown.loc)]);
  let found = own.found;
  const tplName = r.get('TemplateName');
  if (!found && tplName !== undefined) {
    const tpl = r.graph.target(r.resource, tplName);
    if (!tpl || tpl.type !== 'AWS::ElasticBeanstalk::ConfigurationTemplate') {
      return r.unknown(`${ns}:${name} is not set on the environment, and the configuration template it uses (TemplateName) is not declared in the scanned templates: not known`, tplName.k === 'unknown' ? tplName : undefined, r.locate('TemplateName'), [r.evidence('TemplateName')]);
    }
    const t = findIn(tpl, ns, name);
    if (t.unknown) return r.unknown('the configuration template\'s option settings are not known', t.unknown, t.unknown.loc, [evidenceAt(`${tpl.id}.Properties.OptionSettings`, t.unknown, t.unknown.loc)]);
    found = t.found;
  }
  if (!found) {
    const at = r.locate('OptionSettings');
    return r.fail(msg.missing, at, [evidenceAt(`Properties.OptionSettings[${ns}:${name}]`, undefined, at, 'not set')]);
  }
  const d = decide(found.v, test);
  const s = asString(found.v) ?? '(not a string)';
  if (d === true) return r.pass(msg.pass(s), found.at, [found.evidence]);
  if (d === false) return r.fail(msg.fail(s), found.at, [found.evidence]);
  return r.unknown(`${ns}:${name} depends on a deploy-time value`, d.unknown, found.at, [found.evidence]);
}
