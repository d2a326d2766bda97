import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asBool, asString, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-ASG-004',
  title: 'Auto Scaling groups propagate their tags to the instances they launch',
  domain: 'resource-governance',
  severity: 'low',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  rationale: 'Tags on the group describe the instances it runs (owner, environment, data classification, cost centre). A tag not propagated at launch is missing from every instance, so tag-based access policies, cost reports and inventories miss or mislabel them.',
  remediation: 'Set PropagateAtLaunch: true on each entry of Tags.',
  remediationTerraform: 'Set propagate_at_launch = true in each tag block of the aws_autoscaling_group.',
  references: { checkov: ['CKV_AWS_153'] },
  evaluate(r): Outcome {
    const tags = r.get('Tags');
    if (tags?.k === 'unknown') return r.unknown('the tags are not known', tags, r.locate('Tags'), [r.evidence('Tags')]);
    const items = tags?.k === 'list' ? tags.items : [];
    if (!items.length) return r.notApplicable('the group declares no tags');
    let unknown: Outcome | undefined;
    for (const [i, t] of items.entries()) {
      const v = t.k === 'unknown' ? t : prop(t, 'PropagateAtLaunch');
      const at = t.k === 'object' ? t.keyLocs.get('PropagateAtLaunch') ?? t.loc : t.loc;
      const key = asString(prop(t, 'Key')) ?? `#${i}`;
      const ev = [evidenceAt(`Properties.Tags[${i}].PropagateAtLaunch`, v, at)];
      const d = decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : asBool(x) === true));
      if (d === false) return r.fail(`tag ${key} is not propagated to launched instances`, at, ev);
      if (d !== true && !unknown) unknown = r.unknown(`whether tag ${key} is propagated depends on a deploy-time value`, d.unknown, at, ev);
    }
    if (unknown) return unknown;
    return r.pass(`all ${items.length} tag(s) are propagated to launched instances`, r.locate('Tags'), [r.evidence('Tags')]);
  },
});
