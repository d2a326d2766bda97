import { decide, defineControl, type Outcome } from '../api.js';
import { isPresent } from '../predicates.js';
import { launchSetting, settingEvidence } from '../lib/ec2.js';

export default defineControl({
  id: 'AT-EC2-006',
  title: 'EC2 instances have an IAM instance profile',
  domain: 'iam',
  severity: 'low',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  rationale: 'An instance without a role gets no temporary credentials, so software on it that calls AWS ends up with long-lived access keys in files or user data. An instance profile also lets Systems Manager manage and patch the instance without SSH keys.',
  remediation: 'Set IamInstanceProfile on the instance, or LaunchTemplateData.IamInstanceProfile (Arn or Name) on its launch template, naming a least-privilege role.',
  remediationTerraform: 'Set iam_instance_profile on the aws_instance, or iam_instance_profile { arn = ... } on the aws_launch_template, naming a least-privilege role.',
  references: { guard: ['EC2_INSTANCE_PROFILE_ATTACHED'] },
  evaluate(r): Outcome {
    const who = r.type === 'AWS::EC2::LaunchTemplate' ? 'instances launched from this template' : 'the instance';
    const found = launchSetting(r, 'IamInstanceProfile');
    if ('unknown' in found) return r.unknown(`cannot tell whether ${who} get an instance profile`, found.unknown, found.at, found.evidence);
    const s = found.setting;
    const d = decide(s.v, isPresent);
    if (d === true) return r.pass(`${who} get an instance profile${s.via ? ` (from ${s.via})` : ''}`, s.loc, [settingEvidence(r, s)]);
    if (d === false) return r.fail(`no IamInstanceProfile for ${who}${s.via ? ` (nor in ${s.via})` : ''}: software on it has no role credentials`, s.loc, [settingEvidence(r, s, 'not set')]);
    return r.unknown(`whether ${who} get an instance profile depends on a deploy-time value`, d.unknown, s.loc, [settingEvidence(r, s)]);
  },
});
