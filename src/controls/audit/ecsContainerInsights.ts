import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-ECS-008',
  title: 'ECS clusters have Container Insights enabled',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::ECS::Cluster'],
  rationale: 'Container Insights collects per-task and per-container CPU, memory, network and restart metrics. Without it, a container that is crash-looping, being throttled or suddenly sending traffic shows up only in service-level averages.',
  remediation: 'Add ClusterSettings [{Name: containerInsights, Value: enabled}] (or enhanced).',
  remediationTerraform: 'Add setting { name = "containerInsights", value = "enabled" (or "enhanced") } to the aws_ecs_cluster.',
  references: { checkov: ['CKV_AWS_65'], trivy: ['AVD-AWS-0034'] },
  evaluate(r): Outcome {
    const list = r.get('ClusterSettings');
    if (list?.k === 'unknown') return r.unknown('the cluster settings are not known', list, r.locate('ClusterSettings'), [r.evidence('ClusterSettings')]);
    const items = list?.k === 'list' ? list.items : [];
    for (const [i, it] of items.entries()) {
      if (it.k === 'unknown') return r.unknown('a cluster setting is not known', it, it.loc, [evidenceAt(`Properties.ClusterSettings[${i}]`, it, it.loc)]);
      const name = prop(it, 'Name');
      if (name?.k === 'unknown') return r.unknown('a cluster setting name is not known', name, name.loc, [evidenceAt(`Properties.ClusterSettings[${i}].Name`, name, name.loc)]);
      if (asString(name) !== 'containerInsights') continue;
      const v = prop(it, 'Value');
      const at = it.k === 'object' ? it.keyLocs.get('Value') ?? it.loc : it.loc;
      const ev = [evidenceAt(`Properties.ClusterSettings[${i}].Value`, v, at)];
      const d = decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : ['enabled', 'enhanced'].includes(asString(x)?.toLowerCase() ?? '')));
      if (d === true) return r.pass(`Container Insights is ${asString(v)}`, at, ev);
      if (d === false) return r.fail(`containerInsights is ${asString(v) ?? 'not set'}: no per-task metrics are collected`, at, ev);
      return r.unknown('Container Insights depends on a deploy-time value', d.unknown, at, ev);
    }
    const at = r.locate('ClusterSettings');
    return r.fail('no containerInsights cluster setting: the cluster follows the account default, which is disabled unless changed outside these templates', at, [evidenceAt('Properties.ClusterSettings[containerInsights]', undefined, at, 'not set')]);
  },
});
