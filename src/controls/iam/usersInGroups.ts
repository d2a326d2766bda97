import { any, decide, defineControl, evidenceAt } from '../api.js';
import { asList } from '../../model/value.js';

export default defineControl({
  id: 'AT-IAM-013',
  title: 'IAM users are members of at least one group',
  domain: 'iam',
  severity: 'low',
  resourceTypes: ['AWS::IAM::User'],
  rationale: 'Managing users through groups keeps permissions uniform across people with the same job and makes removing access a single change.',
  remediation: 'Set Groups on the user, or add it to a group with AWS::IAM::UserToGroupAddition.',
  remediationTerraform: 'Add the aws_iam_user to a group with an aws_iam_user_group_membership (or an aws_iam_group_membership listing it).',
  references: { cfn_nag: ['F2000'], guard: ['IAM_USER_MISSING_GROUP_RULE'] },
  evaluate(r) {
    const groups = r.get('Groups');
    if (groups && groups.k === 'unknown') return r.unknown('the user\'s groups are known only at deploy time', groups, r.locate('Groups'), [r.evidence('Groups')]);
    // A group whose name is known only at deploy time is still a group; one listed only under an
    // undecided condition (or added by a resource whose user cannot be told) may not apply.
    const member = any((asList(groups) ?? []).map((g) => (g.k === 'unknown' && g.alts ? decide(g, (v) => v !== undefined) : true)));
    if (member === true) return r.pass('the user is a member of a group', r.locate('Groups'), [r.evidence('Groups')]);
    const additions = r.graph.referrers(r.resource, 'AWS::IAM::UserToGroupAddition');
    if (additions.length) {
      const a = additions[0];
      // The addition's list of users is what makes this one a member.
      return r.pass(`the user is added to a group by ${a.id}`, a.properties.keyLocs.get('Users') ?? a.loc, [evidenceAt(`${a.id}.Properties.Users`, a.properties.props.get('Users'), a.loc, 'AWS::IAM::UserToGroupAddition')]);
    }
    if (member !== false) return r.unknown('the user\'s group membership depends on a value known only at deploy time', member.unknown, r.locate('Groups'), [r.evidence('Groups')]);
    return r.fail('the user belongs to no group (no Groups and no AWS::IAM::UserToGroupAddition in the scanned templates)', r.locate('Groups'), [r.evidence('Groups')]);
  },
});
