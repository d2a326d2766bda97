import { defineControl } from '../api.js';
import { coversAction, describe, IDENTITY_POLICY_TYPES, judgeStatements, unknownIn } from '../lib/identity.js';

export default defineControl({
  id: 'AT-IAM-004',
  title: 'iam:PassRole is allowed only for named roles, not on Resource "*"',
  domain: 'iam',
  severity: 'high',
  resourceTypes: IDENTITY_POLICY_TYPES,
  rationale: 'A principal that may pass any role can hand a more privileged role to a service it controls (an EC2 instance, a Lambda function, a CloudFormation stack) and so escalate to that role\'s permissions.',
  remediation: 'Allow iam:PassRole only on the ARNs of the roles the principal must pass, and add an iam:PassedToService condition naming the receiving service.',
  remediationTerraform: 'Allow iam:PassRole in the IAM policy document only on the ARNs of the roles the principal must pass, with an iam:PassedToService condition naming the receiving service (a condition block with test = "StringEquals" in an aws_iam_policy_document).',
  references: { cfn_nag: ['F38', 'F40'] },
  evaluate(r) {
    return judgeStatements(r, {
      kinds: ['identity'],
      none: 'declares no inline permission policy',
      pass: 'no statement allows iam:PassRole on all roles',
      test: (s) => {
        const pass = coversAction(s, 'iam:PassRole');
        if (pass === false) return undefined;
        const star = s.resources.some((x) => x === '*' || /^arn:[^:]*:iam::[^:]*:(role\/)?\*$/.test(x));
        if (pass === true && star) return { fail: `${describe(s)} allows iam:PassRole (via ${s.actions.filter((a) => /^(\*|iam:\*|iam:pass)/i.test(a)).map((a) => `"${a}"`).join(', ') || 'a wildcard'}) on every role` };
        const ur = unknownIn(s, 'Resource');
        if (pass === true && ur) return { unknown: ur, message: `${describe(s)} allows iam:PassRole on roles known only at deploy time` };
        if (pass !== true && star) return { unknown: pass, message: `${describe(s)} allows actions known only at deploy time on every role; iam:PassRole may be among them` };
        return undefined;
      },
    });
  },
});
