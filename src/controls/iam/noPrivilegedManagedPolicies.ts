import { decide, defineControl, evidenceAt, type Outcome, type Verdict } from '../api.js';
import type { Value } from '../../model/types.js';
import { asString } from '../../model/value.js';

const PRIVILEGED = ['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess'];
const ARN = new RegExp(`^arn:[^:]+:iam::aws:policy/(${PRIVILEGED.join('|')})$`);

function privileged(v: Value | undefined): Verdict {
  if (v && v.k === 'unknown') return { unknown: v };
  const s = asString(v);
  if (s === undefined) return false;
  return ARN.test(s) || PRIVILEGED.includes(s);
}

export default defineControl({
  id: 'AT-IAM-005',
  title: 'No AdministratorAccess, PowerUserAccess or IAMFullAccess managed policy is attached',
  domain: 'iam',
  severity: 'high',
  resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function', 'AWS::Serverless::StateMachine'],
  rationale: 'These AWS managed policies grant administrator or near-administrator rights (IAMFullAccess lets its holder grant itself anything), far beyond what a workload or person normally needs.',
  remediation: 'Detach the policy and grant a customer managed or inline policy listing the actions and resources actually used.',
  remediationTerraform: 'Remove the privileged AWS managed policy ARN from the role\'s, user\'s or group\'s aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment (or managed_policy_arns of the aws_iam_role), and attach an aws_iam_policy listing the actions and resources actually used.',
  references: { cfn_nag: ['W25', 'W43', 'W44'], cdk_nag: ['AwsSolutions-IAM4'], guard: ['IAM_ROLE_ADMINISTRATOR_ACCESS_POLICY_RULE', 'IAM_ROLE_ELEVATED_MANAGED_POLICY_RULE'] },
  evaluate(r) {
    const path = r.type.startsWith('AWS::Serverless::') ? 'Policies' : 'ManagedPolicyArns';
    const list = r.get(path);
    if (!list) return r.pass('no managed policy is attached', r.locate(path), [r.evidence(path, list)]);
    const items = list.k === 'list' ? list.items : [list];
    const out: Outcome[] = [];
    items.forEach((it, i) => {
      if (it.k === 'object') return; // SAM inline document or policy template
      const d = decide(it, privileged);
      const ev = [evidenceAt(`Properties.${path}.${i}`, it, it.loc)];
      if (d === true) out.push(r.fail(`${asString(it) ?? 'a privileged policy'} is attached: administrator-level access`, it.loc, ev));
      else if (d !== false) out.push(r.unknown(`${path} item ${i} is known only at deploy time and may be a privileged AWS managed policy`, d.unknown, it.loc, ev));
    });
    return out.length ? out : r.pass('attached managed policies are not AdministratorAccess, PowerUserAccess or IAMFullAccess', r.locate(path), [r.evidence(path, list)]);
  },
});
