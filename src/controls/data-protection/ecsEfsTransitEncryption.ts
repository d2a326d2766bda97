import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-ECS-012',
  title: 'ECS task definitions encrypt traffic to their EFS volumes',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  rationale: 'An EFS volume mounted without transit encryption carries file contents across the network as plain NFS. Transit encryption wraps the mount in TLS; it is off unless the task definition asks for it.',
  remediation: 'Set EFSVolumeConfiguration.TransitEncryption: ENABLED on every EFS volume.',
  remediationTerraform: 'Set transit_encryption = "ENABLED" in the efs_volume_configuration of every volume block of the aws_ecs_task_definition.',
  references: { checkov: ['CKV_AWS_97'], trivy: ['AVD-AWS-0035'] },
  evaluate(r): Outcome | Outcome[] {
    const vols = r.get('Volumes');
    if (vols?.k === 'unknown') return r.unknown('the volumes are not known', vols, r.locate('Volumes'), [r.evidence('Volumes')]);
    const items = vols?.k === 'list' ? vols.items : [];
    const outs: Outcome[] = [];
    for (const [i, v] of items.entries()) {
      if (v.k === 'unknown') { outs.push(r.unknown('a volume is not known', v, v.loc, [evidenceAt(`Properties.Volumes[${i}]`, v, v.loc)])); continue; }
      const efs = prop(v, 'EFSVolumeConfiguration');
      if (!efs) continue;
      const name = asString(prop(v, 'Name')) ?? `#${i}`;
      const t = prop(efs, 'TransitEncryption');
      const at = t?.loc ?? (v.k === 'object' ? v.keyLocs.get('EFSVolumeConfiguration') : undefined) ?? efs.loc;
      const ev = [evidenceAt(`Properties.Volumes[${i}].EFSVolumeConfiguration.TransitEncryption`, t, at, t ? undefined : 'not set: DISABLED')];
      const d = decide(t, (x) => (x && x.k === 'unknown' ? { unknown: x } : asString(x)?.toUpperCase() === 'ENABLED'));
      if (d === true) outs.push(r.pass(`EFS volume ${name} is mounted with TLS`, at, ev));
      else if (d === false) outs.push(r.fail(`EFS volume ${name} is mounted without transit encryption`, at, ev));
      else outs.push(r.unknown(`transit encryption of EFS volume ${name} depends on a deploy-time value`, d.unknown, at, ev));
    }
    if (!outs.length) return r.notApplicable('the task definition mounts no EFS volume');
    const bad = outs.filter((o) => o.status !== 'pass');
    return bad.length ? bad : outs;
  },
});
