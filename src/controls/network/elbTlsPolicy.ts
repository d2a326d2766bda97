import { decide, defineControl, evidenceAt } from '../api.js';
import { asString } from '../../model/value.js';

/** ELB security policies that negotiate TLS 1.2 or later only. */
export function isModernElbPolicy(name: string): boolean {
  return /TLS13-1-[23]|TLS-1-2|FS-1-2/.test(name);
}

export default defineControl({
  id: 'AT-ELB-002',
  title: 'TLS listeners use a security policy that requires TLS 1.2 or later',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  rationale: 'Policies that still accept TLS 1.0/1.1 and legacy ciphers allow downgrade attacks and fail PCI DSS and most internal crypto standards.',
  remediation: 'Set SslPolicy to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06 (or ELBSecurityPolicy-TLS13-1-3-2021-06 where clients allow).',
  remediationTerraform: 'Set ssl_policy on the aws_lb_listener to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06 (or ELBSecurityPolicy-TLS13-1-3-2021-06 where clients allow).',
  references: { checkov: ['CKV_AWS_103'], trivy: ['AVD-AWS-0047'], cfn_nag: ['W55'], guard: ['ELBV2_LISTENER_SSL_POLICY_RULE'] },
  evaluate(r) {
    const proto = r.get('Protocol');
    const tls = decide(proto, (v) => (v && v.k === 'unknown' ? { unknown: v } : ['HTTPS', 'TLS'].includes(asString(v)?.toUpperCase() ?? '')));
    if (tls === false) return r.notApplicable('listener does not terminate TLS');
    if (tls !== true) return r.unknown('cannot tell whether the listener terminates TLS', tls.unknown, r.locate('Protocol'), [r.evidence('Protocol')]);
    const pol = r.get('SslPolicy');
    if (!pol) {
      return r.fail('SslPolicy is not set, so the default policy ELBSecurityPolicy-2016-08 applies, which accepts TLS 1.0 and 1.1', r.locate('SslPolicy'), [evidenceAt('Properties.SslPolicy', pol, r.locate('SslPolicy'), 'default ELBSecurityPolicy-2016-08')]);
    }
    return r.expect('SslPolicy', (v) => {
      if (v && v.k === 'unknown') return { unknown: v };
      const s = asString(v);
      return s !== undefined && isModernElbPolicy(s);
    }, {
      pass: `SslPolicy ${asString(pol)} allows only TLS 1.2 or later`,
      fail: `SslPolicy ${asString(pol) ?? '(not a literal)'} still accepts protocol versions older than TLS 1.2 or legacy ciphers; use ELBSecurityPolicy-TLS13-1-2-2021-06 or newer`,
      unknown: 'cannot tell which TLS security policy the listener uses',
    });
  },
});
