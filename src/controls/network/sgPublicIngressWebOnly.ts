import { all, decide, defineControl, type Verdict } from '../api.js';
import { asNumber } from '../../model/value.js';
import { allProtocols, describeRule, normaliseProtocol, openToWorld, type SecurityGroupRule } from '../lib/network.js';
import { checkRules, SG_TYPES } from './sgRuleCheck.js';

const WEB = new Set([80, 443]);

/** The rule admits something other than TCP/UDP 80 or 443. */
function beyondWeb(rule: SecurityGroupRule): Verdict {
  if (rule.opaque) return { unknown: rule.opaque };
  const a = allProtocols(rule);
  if (a === true) return true;
  return decide(rule.raw.protocol, (pv) => {
    if (pv && pv.k === 'unknown') return { unknown: pv };
    const p = normaliseProtocol(pv);
    if (p !== 'tcp' && p !== 'udp') return p !== undefined;
    return decide(rule.raw.fromPort, (fv) => {
      if (fv && fv.k === 'unknown') return { unknown: fv };
      return decide(rule.raw.toPort, (tv) => {
        if (tv && tv.k === 'unknown') return { unknown: tv };
        const f = asNumber(fv);
        const t = asNumber(tv);
        return !(f !== undefined && f === t && WEB.has(f));
      });
    });
  });
}

export default defineControl({
  id: 'AT-SG-004',
  title: 'Security groups allow ingress from the internet only to web ports (80, 443)',
  domain: 'network',
  severity: 'medium',
  resourceTypes: SG_TYPES,
  rationale: 'Every port open to the whole internet is attack surface. Public entry points normally serve only HTTP and HTTPS; anything else exposed to 0.0.0.0/0 deserves a deliberate, reviewed exception.',
  remediation: 'Restrict internet-facing rules to TCP 80/443 (UDP 443 for HTTP/3), and narrow other ports to known CIDRs, prefix lists or security groups.',
  remediationTerraform: 'Restrict ingress rules open to 0.0.0.0/0 or ::/0 (ingress blocks of the aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule) to TCP 80/443 (UDP 443 for HTTP/3), and narrow other ports to known CIDRs, prefix lists or security groups.',
  references: { cfn_nag: ['W2'], cdk_nag: ['AwsSolutions-EC23'] },
  evaluate(r) {
    return checkRules(r, {
      direction: 'ingress',
      violates: (rule) => all([openToWorld(rule), beyondWeb(rule)]),
      fail: (rule) => `${describeRule(rule)} opens more than HTTP/HTTPS to the internet`,
      pass: 'ingress from 0.0.0.0/0 or ::/0, if any, is limited to ports 80 and 443',
      none: 'the security group has no ingress rules',
    });
  },
});
