import { decide, defineControl, evidenceAt, ResourceContext, type Outcome } from '../api.js';
import { isTrue } from '../predicates.js';
import { launchTemplateOf } from '../lib/ec2.js';

export default defineControl({
  id: 'AT-EC2-005',
  title: 'EC2 instances have detailed monitoring enabled',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  rationale: 'Basic monitoring reports instance metrics every five minutes; detailed monitoring every minute. Alarms on CPU, network or status checks then react in minutes rather than a quarter of an hour, and short spikes (a crypto miner starting, a burst of outbound traffic) are not averaged away.',
  remediation: 'Set Monitoring: true on the instance, or LaunchTemplateData.Monitoring.Enabled: true on its launch template.',
  remediationTerraform: 'Set monitoring = true on the aws_instance, or monitoring { enabled = true } on the aws_launch_template.',
  references: { checkov: ['CKV_AWS_126'], guard: ['EC2_INSTANCE_DETAILED_MONITORING_ENABLED'] },
  evaluate(r): Outcome {
    if (r.type === 'AWS::EC2::LaunchTemplate') return judge(r, 'LaunchTemplateData.Monitoring.Enabled', 'instances launched from this template');
    if (r.get('Monitoring') !== undefined) return judge(r, 'Monitoring', 'the instance');
    const { lt, unknown } = launchTemplateOf(r);
    if (unknown) return r.unknown('cannot tell whether detailed monitoring is enabled', unknown, r.locate('LaunchTemplate'), [r.evidence('LaunchTemplate')]);
    if (lt) {
      const other = new ResourceContext(lt, r.graph, r.today);
      const path = 'LaunchTemplateData.Monitoring.Enabled';
      const v = other.get(path);
      const at = other.locate(path);
      const ev = [evidenceAt(`${lt.id}.Properties.${path}`, v, at, `from launch template ${lt.id}`)];
      const d = decide(v, isTrue);
      if (d === true) return r.pass(`detailed monitoring is enabled by launch template ${lt.id}`, at, ev);
      if (d === false) return r.fail(`neither the instance (Monitoring) nor launch template ${lt.id} enables detailed monitoring`, at, ev);
      return r.unknown('detailed monitoring depends on a deploy-time value', d.unknown, at, ev);
    }
    return judge(r, 'Monitoring', 'the instance');
  },
});

function judge(r: ResourceContext, path: string, who: string): Outcome {
  return r.expect(path, isTrue, {
    pass: `detailed (one-minute) monitoring is enabled for ${who}`,
    fail: `${path} is not true for ${who}: metrics are reported every five minutes only (basic monitoring is the default)`,
    unknown: 'detailed monitoring depends on a deploy-time value',
  });
}
