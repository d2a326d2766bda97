import { defineControl, evidenceAt } from '../api.js';
import { asList } from '../../model/value.js';

export default defineControl({
  id: 'AT-IAM-011',
  title: 'Permissions are granted to groups or roles, not directly to IAM users',
  domain: 'iam',
  severity: 'medium',
  resourceTypes: ['AWS::IAM::User', 'AWS::IAM::UserPolicy', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
  rationale: 'Policies attached to individual users are hard to review and tend to outlive the need for them; granting through groups or roles keeps access consistent and revocable in one place.',
  remediation: 'Move the user\'s inline and managed policies to a group (or a role the user assumes) and add the user to it; remove Users from AWS::IAM::Policy / ManagedPolicy.',
  references: { checkov: ['CKV_AWS_40'], trivy: ['AVD-AWS-0143'], guard: ['IAM_USER_NO_POLICIES_CHECK'] },
  evaluate(r) {
    if (r.type === 'AWS::IAM::UserPolicy') return r.fail('an inline policy is attached directly to a user', r.locate('UserName'), [r.evidence('UserName')]);
    if (r.type === 'AWS::IAM::User') {
      const bad = ['Policies', 'ManagedPolicyArns'].filter((p) => (asList(r.get(p)) ?? []).length > 0 || r.get(p)?.k === 'unknown');
      if (bad.length) return r.fail(`the user has ${bad.map((b) => (b === 'Policies' ? 'inline policies' : 'managed policies')).join(' and ')} attached directly`, r.locate(bad[0]), bad.map((b) => r.evidence(b)));
      return r.pass('no policy is attached directly to the user', r.resource.loc, [r.evidence('Policies'), r.evidence('ManagedPolicyArns')]);
    }
    const users = r.get('Users');
    if (!users) return r.notApplicable('the policy is attached to no user');
    const n = asList(users)?.length ?? 1;
    if (n === 0) return r.pass('the policy lists no users', r.locate('Users'), [r.evidence('Users')]);
    return r.fail('the policy is attached directly to IAM users', r.locate('Users'), [evidenceAt('Properties.Users', users, r.locate('Users'))]);
  },
});
