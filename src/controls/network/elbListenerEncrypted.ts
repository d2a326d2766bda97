import { decide, defineControl } from '../api.js';
import { asString } from '../../model/value.js';
import { redirectsToHttps } from './elbCommon.js';

export default defineControl({
  id: 'AT-ELB-001',
  title: 'Load balancer listeners use HTTPS or TLS',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  rationale: 'A plain HTTP listener carries credentials, session cookies and personal data in clear text across the internet, where it can be read or altered in transit.',
  remediation: 'Set Protocol to HTTPS (ALB) or TLS (NLB) with a certificate; keep an HTTP listener only with a default action that redirects to HTTPS.',
  remediationTerraform: 'Set protocol = "HTTPS" (ALB) or "TLS" (NLB) with certificate_arn on the aws_lb_listener; keep an HTTP listener only with a default_action that redirects to HTTPS.',
  references: { checkov: ['CKV_AWS_2'], trivy: ['AVD-AWS-0054'], cfn_nag: ['W56'] },
  evaluate(r) {
    const proto = r.get('Protocol');
    if (!proto) return r.notApplicable('listener has no Protocol (Gateway Load Balancer listener)');
    const d = decide(proto, (v) => {
      if (v && v.k === 'unknown') return { unknown: v };
      const p = asString(v)?.toUpperCase();
      if (p === 'HTTPS' || p === 'TLS') return true;
      if (p === 'HTTP') return redirectsToHttps(r.get('DefaultActions'));
      return false;
    });
    const p = asString(proto)?.toUpperCase();
    if (p && ['TCP', 'UDP', 'TCP_UDP', 'GENEVE'].includes(p)) {
      return r.notApplicable(`${p} listener passes traffic through without terminating it; encryption is end to end or not at all`);
    }
    const ev = [r.evidence('Protocol'), r.evidence('DefaultActions')];
    // An HTTP listener passes by its redirect, so that is where the pass points.
    if (d === true) return r.pass(p === 'HTTP' ? 'HTTP listener only redirects to HTTPS' : `listener uses ${p}`, r.locate(p === 'HTTP' ? 'DefaultActions' : 'Protocol'), ev);
    if (d === false) return r.fail(`listener uses ${p ?? 'an unencrypted protocol'} and does not redirect to HTTPS: traffic is served in clear text`, r.locate('Protocol'), ev);
    return r.unknown('cannot tell whether the listener encrypts traffic', d.unknown, r.locate('Protocol'), ev);
  },
});
