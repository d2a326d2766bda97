import { decide, defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

const RULES: [string, string, string][] = [
  ['RequireUppercaseCharacters', 'require_uppercase_characters', 'an uppercase letter'],
  ['RequireLowercaseCharacters', 'require_lowercase_characters', 'a lowercase letter'],
  ['RequireNumbers', 'require_numbers', 'a number'],
  ['RequireSymbols', 'require_symbols', 'a symbol'],
];

export default defineControl({
  id: 'AT-IAM-019',
  title: 'The account password policy requires uppercase, lowercase, number and symbol characters',
  domain: 'iam',
  severity: 'low',
  resourceTypes: ['AWS::IAM::AccountPasswordPolicy'],
  rationale: 'Requiring each character class widens the space an attacker must search and rules out the simplest dictionary passwords; IAM requires none of them unless the policy says so. CloudFormation has no resource for the account password policy, so this is judged on Terraform\'s aws_iam_account_password_policy only.',
  remediation: 'CloudFormation has no property for the account password policy: set RequireUppercaseCharacters, RequireLowercaseCharacters, RequireNumbers and RequireSymbols to true with the IAM console, CLI or UpdateAccountPasswordPolicy.',
  remediationTerraform: 'Set require_uppercase_characters, require_lowercase_characters, require_numbers and require_symbols to true on the aws_iam_account_password_policy.',
  // Trivy's AVD-AWS-0058..0061 each check one character class: related, not equivalent, so not listed.
  references: {},
  evaluate(r) {
    const verdicts = RULES.map(([path, , what]) => ({ path, what, v: r.get(path), d: decide(r.get(path), isTrue) }));
    const ev = verdicts.map((x) => r.evidence(x.path, x.v, x.v === undefined ? 'not set: not required' : undefined));
    const missing = verdicts.filter((x) => x.d === false);
    if (missing.length) {
      return r.fail(`passwords need not contain ${missing.map((x) => x.what).join(', ')}`, r.locate(missing[0]!.path), ev);
    }
    const open = verdicts.find((x) => x.d !== true);
    if (open && open.d !== true && open.d !== false) return r.unknown(`whether passwords must contain ${open.what} depends on a value not known statically`, open.d.unknown, r.locate(open.path), ev);
    return r.pass('passwords must contain uppercase, lowercase, number and symbol characters', r.resource.loc, ev);
  },
});
