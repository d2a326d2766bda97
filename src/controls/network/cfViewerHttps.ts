import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';
import { behaviours, DC } from './cfCommon.js';

const GOOD = ['redirect-to-https', 'https-only'];

export default defineControl({
  id: 'AT-CF-001',
  title: 'CloudFront distributions require HTTPS from viewers',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  rationale: 'With ViewerProtocolPolicy allow-all, content and cookies travel between users and the edge in clear text on any behaviour that permits it.',
  remediation: 'Set ViewerProtocolPolicy to redirect-to-https or https-only on DefaultCacheBehavior and on every entry of CacheBehaviors.',
  remediationTerraform: 'Set viewer_protocol_policy = "redirect-to-https" or "https-only" in default_cache_behavior and in every ordered_cache_behavior of the aws_cloudfront_distribution.',
  references: { checkov: ['CKV_AWS_34'], trivy: ['AVD-AWS-0012'], guard: ['CLOUDFRONT_VIEWER_POLICY_HTTPS'] },
  evaluate(r) {
    const bs = behaviours(r);
    if (bs.length === 0) {
      const dc = r.get(DC);
      if (dc && dc.k === 'unknown') return r.unknown('cannot read the distribution configuration', dc, r.locate(DC), [r.evidence(DC)]);
      return r.notApplicable('no cache behaviour declared');
    }
    const outs: Outcome[] = [];
    for (const b of bs) {
      const v = prop(b.value, 'ViewerProtocolPolicy');
      const at = v?.loc ?? b.value.loc;
      const ev = [evidenceAt(`Properties.${b.path}.ViewerProtocolPolicy`, v, at)];
      const d = decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : GOOD.includes(asString(x) ?? '')));
      if (d === true) outs.push(r.pass(`${b.label} uses ${asString(v)}`, at, ev));
      else if (d === false) outs.push(r.fail(`${b.label} has ViewerProtocolPolicy ${asString(v) ?? '(not set)'}: viewers can use plain HTTP`, at, ev));
      else outs.push(r.unknown(`cannot tell the viewer protocol policy of the ${b.label}`, d.unknown, at, ev));
    }
    const bad = outs.filter((o) => o.status !== 'pass');
    return bad.length ? bad : outs;
  },
});
