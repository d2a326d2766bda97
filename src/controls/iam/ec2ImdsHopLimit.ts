import { decide, defineControl, type Outcome } from '../api.js';
import { asNumber } from '../../model/value.js';
import { LAUNCH_TYPES, launchSetting, settingEvidence } from '../lib/ec2.js';

export default defineControl({
  id: 'AT-EC2-002',
  title: 'EC2 instance metadata responses do not travel beyond the instance (hop limit 1)',
  domain: 'iam',
  severity: 'low',
  resourceTypes: LAUNCH_TYPES,
  rationale: 'The PUT response hop limit bounds how many network hops an IMDSv2 token can travel. Above 1, containers on the instance (bridge networking) can obtain a token and read the instance role\'s credentials, which gives every container the host\'s permissions.',
  remediation: 'Leave MetadataOptions.HttpPutResponseHopLimit unset or set it to 1; give containers their own role (ECS task roles, EKS Pod Identity or IRSA) instead of raising it. Where a workload truly needs 2, suppress this control for that resource with the reason.',
  remediationTerraform: 'Leave http_put_response_hop_limit in the metadata_options block of the aws_instance, aws_launch_template or aws_launch_configuration unset or set it to 1; give containers their own role (ECS task roles, EKS Pod Identity or IRSA) instead of raising it. Where a workload truly needs 2, suppress this control for that resource with the reason.',
  references: {},
  evaluate(r): Outcome {
    const hop = launchSetting(r, 'MetadataOptions.HttpPutResponseHopLimit');
    if ('unknown' in hop) return r.unknown('cannot tell the metadata hop limit', hop.unknown, hop.at, hop.evidence);
    const s = hop.setting;
    if (s.v === undefined) return r.pass('HttpPutResponseHopLimit is not set: EC2 uses 1, so metadata responses stay on the instance', s.loc, [settingEvidence(r, s, 'not set: default 1')]);
    const d = decide(s.v, (v) => (v && v.k === 'unknown' ? { unknown: v } : (asNumber(v) ?? 0) <= 1));
    if (d === true) return r.pass('HttpPutResponseHopLimit is 1: metadata responses stay on the instance', s.loc, [settingEvidence(r, s)]);
    if (d === false) return r.fail(`HttpPutResponseHopLimit is ${asNumber(s.v) ?? '?'}: containers and forwarded traffic on the instance can obtain metadata tokens and the instance role's credentials`, s.loc, [settingEvidence(r, s)]);
    return r.unknown('the metadata hop limit depends on a deploy-time value', d.unknown, s.loc, [settingEvidence(r, s)]);
  },
});
