// EC2 launch settings as an instance will get them: its own properties, or those of the
// launch template it names (followed through the graph), so controls over instance metadata
// and user data judge instances, launch templates and launch configurations alike.
import type { Evidence, Loc, Resource, Value } from '../../model/types.js';
import { asString, prop } from '../../model/value.js';
import { evidenceAt, ResourceContext } from '../api.js';

export const LAUNCH_TYPES = ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'];

/** Where launch settings live under Properties, per type. */
const DATA_PATH: Record<string, string> = {
  'AWS::EC2::Instance': '',
  'AWS::EC2::LaunchTemplate': 'LaunchTemplateData',
  'AWS::AutoScaling::LaunchConfiguration': '',
};

/** A launch setting as found: which resource holds it, its value and where it is (or would be) written. */
export interface Setting {
  owner: Resource;
  /** Path under the owner's Properties. */
  path: string;
  v: Value | undefined;
  loc: Loc;
  /** How the setting reaches the evaluated resource, when it is another resource's. */
  via?: string;
}

export type Lookup = { setting: Setting } | { unknown: Value & { k: 'unknown' }; at: Loc; evidence: Evidence[] };

/** The launch template an instance names, when it is declared in the scanned templates. */
export function launchTemplateOf(r: ResourceContext): { lt?: Resource; spec?: Value; unknown?: Value & { k: 'unknown' } } {
  const spec = r.get('LaunchTemplate');
  if (!spec) return {};
  if (spec.k === 'unknown') return { spec, unknown: spec };
  const id = prop(spec, 'LaunchTemplateId');
  const name = prop(spec, 'LaunchTemplateName');
  let lt = r.graph.target(r.resource, id) ?? r.graph.target(r.resource, name);
  const literal = asString(name);
  if (!lt && literal) lt = r.graph.withLiteral('AWS::EC2::LaunchTemplate', 'LaunchTemplateName', r.resource, literal)[0];
  if (lt && lt.type === 'AWS::EC2::LaunchTemplate') return { lt, spec };
  const which = asString(id) ?? literal ?? (id ?? name)?.k;
  return {
    spec,
    unknown: { k: 'unknown', reason: `launch template ${which ?? '(unnamed)'} is not declared in the scanned templates, so its settings are not known`, params: [], loc: spec.loc },
  };
}

/**
 * The value of `sub` (e.g. `MetadataOptions.HttpTokens`) that applies to the resource: its
 * own when written, else (for an instance) the one of its launch template. When neither
 * writes it, the setting is returned absent and located where the resource would write it.
 */
export function launchSetting(r: ResourceContext, sub: string): Lookup {
  const base = DATA_PATH[r.type] ?? '';
  const own = base ? `${base}.${sub}` : sub;
  const v = r.get(own);
  if (v !== undefined || r.type !== 'AWS::EC2::Instance') return { setting: { owner: r.resource, path: own, v, loc: r.locate(own) } };
  const { lt, unknown } = launchTemplateOf(r);
  if (unknown) return { unknown, at: r.locate('LaunchTemplate'), evidence: [r.evidence('LaunchTemplate'), evidenceAt(`Properties.${own}`, undefined, r.locate(own), 'not set on the instance')] };
  if (lt) {
    const path = `LaunchTemplateData.${sub}`;
    const other = new ResourceContext(lt, r.graph, r.today);
    return { setting: { owner: lt, path, v: other.get(path), loc: other.locate(path), via: `launch template ${lt.id}` } };
  }
  return { setting: { owner: r.resource, path: own, v: undefined, loc: r.locate(own) } };
}


/** Evidence for a setting, named after the resource that holds it when that is another one. */
export function settingEvidence(r: ResourceContext, s: Setting, note?: string): Evidence {
  const path = s.owner === r.resource ? `Properties.${s.path}` : `${s.owner.id}.Properties.${s.path}`;
  return evidenceAt(path, s.v, s.loc, [note, s.via ? `from ${s.via}` : undefined].filter(Boolean).join('; ') || undefined);
}

/** The user data text of a launch resource, with the path it is written at. */
export function userDataOf(r: ResourceContext): Setting | undefined {
  const path = DATA_PATH[r.type] ? `${DATA_PATH[r.type]}.UserData` : 'UserData';
  const v = r.get(path);
  if (v === undefined) return undefined;
  return { owner: r.resource, path, v, loc: r.locate(path) };
}
