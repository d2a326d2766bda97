import { any, decide, defineControl, evidenceAt, type Verdict } from '../api.js';
import type { Resource, Value } from '../../model/types.js';
import type { Graph } from '../../engine/graph.js';
import { asList, asString } from '../../model/value.js';

/** Policy resources that name users, and the property that names them. */
const USER_KEYS: Record<string, string> = { 'AWS::IAM::UserPolicy': 'UserName', 'AWS::IAM::Policy': 'Users', 'AWS::IAM::ManagedPolicy': 'Users' };

/**
 * Policy resources of the user's template that attach a policy to it through their own
 * UserName / Users (a reference to the user, or its literal name). Those resources fail on
 * their own; the user fails too, since it does hold the policy.
 */
function attachedElsewhere(graph: Graph, user: Resource): { by: Resource; key: string }[] {
  const name = user.properties.props.get('UserName');
  const literal = name && name.k === 'scalar' && !name.refs ? asString(name) : undefined;
  const out: { by: Resource; key: string }[] = [];
  for (const [type, key] of Object.entries(USER_KEYS)) {
    for (const x of graph.ofType(type, user)) {
      const v = x.properties.props.get(key);
      if (!v) continue;
      const items = key === 'Users' ? (asList(v) ?? [v]) : [v];
      if (items.some((it) => graph.target(x, it) === user || (literal !== undefined && it.k === 'scalar' && !it.refs && asString(it) === literal))) out.push({ by: x, key });
    }
  }
  return out;
}

/**
 * Does a user's Policies or ManagedPolicyArns hold a policy? An item only possibly there (an
 * attachment whose user cannot be told, an undecided condition) or a list known only at
 * deploy time leaves it undecided.
 */
function holdsPolicy(v: Value | undefined): Verdict {
  if (!v) return false;
  if (v.k === 'unknown' && !v.alts) return { unknown: v };
  return decide(v, (x) => any((asList(x) ?? []).map((it) => (it.k === 'unknown' && it.alts ? decide(it, (y) => y !== undefined) : true))));
}

export default defineControl({
  id: 'AT-IAM-011',
  title: 'Permissions are granted to groups or roles, not directly to IAM users',
  domain: 'iam',
  severity: 'medium',
  resourceTypes: ['AWS::IAM::User', 'AWS::IAM::UserPolicy', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
  rationale: 'Policies attached to individual users are hard to review and tend to outlive the need for them; granting through groups or roles keeps access consistent and revocable in one place.',
  remediation: 'Move the user\'s inline and managed policies to a group (or a role the user assumes) and add the user to it; remove Users from AWS::IAM::Policy / ManagedPolicy.',
  remediationTerraform: 'Remove aws_iam_user_policy and aws_iam_user_policy_attachment resources (and users of an aws_iam_policy_attachment); attach the policies to an aws_iam_group (or a role the user assumes) and add the user to it with aws_iam_user_group_membership.',
  references: { checkov: ['CKV_AWS_40'], trivy: ['AVD-AWS-0143'], guard: ['IAM_USER_NO_POLICIES_CHECK'] },
  evaluate(r) {
    if (r.type === 'AWS::IAM::UserPolicy') return r.fail('an inline policy is attached directly to a user', r.locate('UserName'), [r.evidence('UserName')]);
    if (r.type === 'AWS::IAM::User') {
      const checks = ['Policies', 'ManagedPolicyArns'].map((p) => ({ p, d: holdsPolicy(r.get(p)) }));
      const bad = checks.filter((c) => c.d === true).map((c) => c.p);
      if (bad.length) return r.fail(`the user has ${bad.map((b) => (b === 'Policies' ? 'inline policies' : 'managed policies')).join(' and ')} attached directly`, r.locate(bad[0]), bad.map((b) => r.evidence(b)));
      const elsewhere = attachedElsewhere(r.graph, r.resource);
      if (elsewhere.length) {
        const { by, key } = elsewhere[0]!;
        const at = by.properties.keyLocs.get(key) ?? by.loc;
        return r.fail(`${by.id} attaches ${by.type === 'AWS::IAM::UserPolicy' ? 'an inline' : 'a managed'} policy directly to the user`, at,
          elsewhere.map((e) => evidenceAt(`Properties.${e.key}`, e.by.properties.props.get(e.key), e.by.properties.keyLocs.get(e.key) ?? e.by.loc, `${e.by.type} ${e.by.id}`)));
      }
      const open = checks.find((c) => c.d !== false);
      if (open && typeof open.d === 'object') {
        return r.unknown('whether a policy is attached directly to the user depends on a value known only at deploy time', open.d.unknown, r.locate(open.p), checks.map((c) => r.evidence(c.p)));
      }
      return r.pass('no policy is attached directly to the user', r.resource.loc, [r.evidence('Policies'), r.evidence('ManagedPolicyArns')]);
    }
    const users = r.get('Users');
    if (!users) return r.notApplicable('the policy is attached to no user');
    const n = asList(users)?.length ?? 1;
    if (n === 0) return r.pass('the policy lists no users', r.locate('Users'), [r.evidence('Users')]);
    return r.fail('the policy is attached directly to IAM users', r.locate('Users'), [evidenceAt('Properties.Users', users, r.locate('Users'))]);
  },
});
