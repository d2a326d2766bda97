import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-ELB-007',
  title: 'Classic load balancer listeners use HTTPS or SSL',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  rationale: 'HTTP and TCP listeners on a classic load balancer carry client traffic unencrypted.',
  remediation: 'Set Protocol to HTTPS or SSL with SSLCertificateId on every entry of Listeners (or migrate to an Application/Network Load Balancer).',
  remediationTerraform: 'Set lb_protocol = "https" or "ssl" with ssl_certificate_id in every listener block of the aws_elb (or migrate to an aws_lb).',
  references: { cdk_nag: ['AwsSolutions-ELB5'], guard: ['ELB_TLS_HTTPS_LISTENERS_ONLY'] },
  evaluate(r) {
    const list = r.get('Listeners');
    if (!list) return r.notApplicable('no listeners declared');
    if (list.k === 'unknown') return r.unknown('cannot tell the listeners of this load balancer', list, r.locate('Listeners'), [r.evidence('Listeners')]);
    if (list.k !== 'list') return undefined;
    const outs: Outcome[] = [];
    list.items.forEach((l, i) => {
      const pv = prop(l, 'Protocol');
      const at = pv?.loc ?? l.loc;
      const ev = [evidenceAt(`Properties.Listeners[${i}].Protocol`, pv, at)];
      const d = decide(pv, (v) => (v && v.k === 'unknown' ? { unknown: v } : ['HTTPS', 'SSL'].includes(asString(v)?.toUpperCase() ?? '')));
      if (d === true) outs.push(r.pass(`listener ${i} uses ${asString(pv)}`, at, ev));
      else if (d === false) outs.push(r.fail(`listener ${i} uses ${asString(pv) ?? 'no protocol'}: traffic to the load balancer is not encrypted`, at, ev));
      else outs.push(r.unknown(`cannot tell listener ${i}'s protocol`, d.unknown, at, ev));
    });
    const bad = outs.filter((o) => o.status !== 'pass');
    return bad.length ? bad : outs;
  },
});
