import { decide, defineControl, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';
import type { Value } from '../../model/types.js';
import { LAUNCH_TYPES, launchSetting, settingEvidence } from '../lib/ec2.js';

const noun: Record<string, string> = {
  'AWS::EC2::Instance': 'the instance',
  'AWS::EC2::LaunchTemplate': 'instances launched from this template',
  'AWS::AutoScaling::LaunchConfiguration': 'instances of this launch configuration',
};

export default defineControl({
  id: 'AT-EC2-001',
  title: 'EC2 instances require IMDSv2 (session tokens) for instance metadata',
  domain: 'iam',
  severity: 'high',
  resourceTypes: LAUNCH_TYPES,
  rationale: 'IMDSv1 answers any plain GET from the instance, so a server-side request forgery or an open proxy is enough to read the instance role\'s temporary credentials. IMDSv2 requires a token obtained with a PUT first, which such requests cannot send.',
  remediation: 'Set MetadataOptions.HttpTokens: required (in LaunchTemplateData for a launch template, or on the instance or launch configuration), or HttpEndpoint: disabled where instance metadata is not used.',
  remediationTerraform: 'Add metadata_options { http_tokens = "required" } to the aws_instance, aws_launch_template or aws_launch_configuration, or http_endpoint = "disabled" where instance metadata is not used.',
  references: { checkov: ['CKV_AWS_79'], trivy: ['AVD-AWS-0028', 'AVD-AWS-0130'] },
  evaluate(r): Outcome {
    const who = noun[r.type] ?? 'the instance';
    const endpoint = launchSetting(r, 'MetadataOptions.HttpEndpoint');
    if ('setting' in endpoint && decide(endpoint.setting.v, (v) => isWord(v, 'disabled')) === true) {
      return r.pass(`the metadata endpoint is disabled for ${who}: there is no instance metadata to reach`, endpoint.setting.loc, [settingEvidence(r, endpoint.setting)]);
    }
    const tokens = launchSetting(r, 'MetadataOptions.HttpTokens');
    if ('unknown' in tokens) return r.unknown(`cannot tell whether IMDSv2 is required for ${who}`, tokens.unknown, tokens.at, tokens.evidence);
    const s = tokens.setting;
    const d = decide(s.v, (v) => isWord(v, 'required'));
    if (d === true) return r.pass(`HttpTokens is required for ${who}: metadata is served only to IMDSv2 requests carrying a session token`, s.loc, [settingEvidence(r, s)]);
    if (d === false) {
      const why = s.v === undefined
        ? `HttpTokens is not set for ${who}${s.via ? ` (nor in ${s.via})` : ''}: EC2 defaults to optional, so IMDSv1 requests are answered unless the AMI is registered with ImdsSupport v2.0 or the account's default requires tokens, neither of which the template shows`
        : `HttpTokens is ${asString(s.v) ?? 'not "required"'} for ${who}: IMDSv1 requests without a session token are answered`;
      return r.fail(why, s.loc, [settingEvidence(r, s, s.v === undefined ? 'not set: EC2 defaults to optional' : undefined)]);
    }
    return r.unknown(`whether ${who} require IMDSv2 depends on a deploy-time value`, d.unknown, s.loc, [settingEvidence(r, s)]);
  },
});

function isWord(v: Value | undefined, word: string) {
  if (v && v.k === 'unknown') return { unknown: v };
  return asString(v)?.toLowerCase() === word;
}
