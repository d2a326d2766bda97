// IAM policy documents as they appear in templates, normalised for controls and facts.
import type { Loc, Value } from '../../model/types.js';
import { asList, asString, prop } from '../../model/value.js';

export interface Statement {
  /** The statement object itself (for locations and evidence). */
  value: Value;
  loc: Loc;
  sid?: string;
  effect?: string;
  /** Concrete strings of Action / NotAction / Resource / NotResource; `unknown` lists the values that are not concrete. */
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  hasNotAction: boolean;
  hasNotResource: boolean;
  principal?: Value;
  notPrincipal?: Value;
  condition?: Value;
  unknown: Value[];
}

/** Normalise a policy document's statements. A document that is not concrete yields one `unknown`. */
export function statementsOf(doc: Value | undefined): { statements: Statement[]; unknown?: Value } {
  if (!doc) return { statements: [] };
  if (doc.k === 'unknown') return { statements: [], unknown: doc };
  if (doc.k === 'scalar' && typeof doc.v === 'string') {
    // A policy written as a JSON string (rare; e.g. from Fn::Sub of a JSON text).
    return { statements: [] };
  }
  const st = prop(doc, 'Statement');
  if (st && st.k === 'unknown') return { statements: [], unknown: st };
  const items = asList(st) ?? [];
  const out: Statement[] = [];
  for (const s of items) {
    if (s.k === 'unknown') return { statements: out, unknown: s };
    if (s.k !== 'object') continue;
    const unknown: Value[] = [];
    const strs = (v: Value | undefined): string[] => {
      const l = v ? (v.k === 'unknown' ? [v] : asList(v) ?? []) : [];
      const r: string[] = [];
      for (const i of l) {
        const x = asString(i);
        if (x !== undefined) r.push(x);
        else if (i.k === 'unknown') unknown.push(i);
        else if (i.k === 'ref') r.push(`\${${i.resource}${i.attr ? '.' + i.attr : ''}}`);
      }
      return r;
    };
    out.push({
      value: s, loc: s.loc,
      sid: asString(prop(s, 'Sid')),
      effect: asString(prop(s, 'Effect')),
      actions: strs(prop(s, 'Action')),
      notActions: strs(prop(s, 'NotAction')),
      resources: strs(prop(s, 'Resource')),
      notResources: strs(prop(s, 'NotResource')),
      hasNotAction: prop(s, 'NotAction') !== undefined,
      hasNotResource: prop(s, 'NotResource') !== undefined,
      principal: prop(s, 'Principal'),
      notPrincipal: prop(s, 'NotPrincipal'),
      condition: prop(s, 'Condition'),
      unknown,
    });
  }
  return { statements: out };
}

export interface PolicyDoc {
  /** Dotted path under Properties, e.g. `Policies.0.PolicyDocument`. */
  path: string;
  doc: Value;
  /** `identity` (what a principal may do), `trust` (who may assume a role) or `resource` (who may use a resource). */
  kind: 'identity' | 'trust' | 'resource';
}

/** Every policy document a resource declares, by type. */
export function policyDocuments(type: string, props: Value): PolicyDoc[] {
  const out: PolicyDoc[] = [];
  const add = (path: string, kind: PolicyDoc['kind']) => {
    let v: Value | undefined = props;
    for (const p of path.split('.')) v = prop(v, p);
    if (v) out.push({ path, doc: v, kind });
  };
  const inline = (listPath: string) => {
    const l = asList(prop(props, listPath)) ?? [];
    l.forEach((p, i) => {
      const d = prop(p, 'PolicyDocument');
      if (d) out.push({ path: `${listPath}.${i}.PolicyDocument`, doc: d, kind: 'identity' });
    });
  };
  switch (type) {
    case 'AWS::IAM::Role':
      add('AssumeRolePolicyDocument', 'trust');
      inline('Policies');
      break;
    case 'AWS::IAM::User':
    case 'AWS::IAM::Group':
      inline('Policies');
      break;
    case 'AWS::IAM::Policy':
    case 'AWS::IAM::ManagedPolicy':
    case 'AWS::IAM::RolePolicy':
    case 'AWS::IAM::UserPolicy':
    case 'AWS::IAM::GroupPolicy':
      add('PolicyDocument', 'identity');
      break;
    case 'AWS::S3::BucketPolicy':
    case 'AWS::SQS::QueuePolicy':
    case 'AWS::SNS::TopicPolicy':
    case 'AWS::Elasticsearch::Domain':
      add(type === 'AWS::Elasticsearch::Domain' ? 'AccessPolicies' : 'PolicyDocument', 'resource');
      break;
    case 'AWS::OpenSearchService::Domain':
      add('AccessPolicies', 'resource');
      break;
    case 'AWS::KMS::Key':
      add('KeyPolicy', 'resource');
      break;
    case 'AWS::SecretsManager::ResourcePolicy':
      add('ResourcePolicy', 'resource');
      break;
    case 'AWS::Serverless::Function':
    case 'AWS::Serverless::StateMachine': {
      // SAM Policies: a policy document, or a list mixing managed policy names, SAM policy
      // templates and documents (possibly under an undecided Fn::If).
      const p = prop(props, 'Policies');
      const isDoc = (v: Value) => v.k === 'object' && prop(v, 'Statement') !== undefined;
      if (p && p.k === 'object') { if (isDoc(p)) out.push({ path: 'Policies', doc: p, kind: 'identity' }); break; }
      if (!p || p.k !== 'list') break;
      p.items.forEach((it, i) => {
        if (isDoc(it) || (it.k === 'unknown' && it.alts?.some(isDoc))) out.push({ path: `Policies.${i}`, doc: it, kind: 'identity' });
      });
      break;
    }
  }
  return out;
}

/** Does an IAM action pattern (with * and ?) cover `action`? Case-insensitive, as IAM is. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp('^' + pattern.split('*').map((p) => p.split('?').map(escapeRe).join('.')).join('.*') + '$', 'i');
  return re.test(action);
}

function escapeRe(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}
