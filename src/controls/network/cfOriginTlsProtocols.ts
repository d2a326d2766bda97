import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';
import { DC, origins } from './cfCommon.js';
import { stringsOf } from '../lib/workloads.js';

const DEPRECATED = ['SSLv3', 'TLSv1', 'TLSv1.1'];

export default defineControl({
  id: 'AT-CF-008',
  title: 'CloudFront does not offer deprecated SSL/TLS versions to custom origins',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  rationale: 'OriginSSLProtocols lists the protocol versions CloudFront may negotiate with a custom origin. Listing SSLv3, TLSv1 or TLSv1.1 lets the connection to the origin fall back to versions with known weaknesses whenever the origin (or something impersonating it on the path) offers nothing better.',
  remediation: 'Set CustomOriginConfig.OriginSSLProtocols to [TLSv1.2] on every custom origin.',
  remediationTerraform: 'Set origin_ssl_protocols = ["TLSv1.2"] in the custom_origin_config of every origin of the aws_cloudfront_distribution.',
  references: {},
  evaluate(r) {
    const custom = origins(r).filter((o) => prop(o.value, 'CustomOriginConfig') !== undefined);
    if (custom.length === 0) {
      const l = r.get(`${DC}.Origins`);
      if (l && l.k === 'unknown') return r.unknown('cannot read the origins', l, r.locate(`${DC}.Origins`), [r.evidence(`${DC}.Origins`)]);
      return r.notApplicable('no custom origins (S3 or VPC origins only)');
    }
    const outs: Outcome[] = [];
    for (const o of custom) {
      const cfg = prop(o.value, 'CustomOriginConfig');
      const id = asString(prop(o.value, 'Id')) ?? `#${o.i}`;
      const policy = prop(cfg, 'OriginProtocolPolicy');
      if (decide(policy, (x) => (x && x.k === 'unknown' ? { unknown: x } : asString(x) === 'http-only')) === true) continue;
      const v = prop(cfg, 'OriginSSLProtocols');
      const at = v?.loc ?? (cfg && cfg.k === 'object' ? cfg.loc : o.value.loc);
      const ev = [evidenceAt(`Properties.${DC}.Origins[${o.i}].CustomOriginConfig.OriginSSLProtocols`, v, at, v ? undefined : 'not set')];
      if (v === undefined) {
        outs.push(r.unknown(`origin ${id} does not list OriginSSLProtocols, and the versions CloudFront then offers are not documented for CloudFormation: not known`, undefined, at, ev));
        continue;
      }
      const d = decide(v, (x) => {
        const { words, unknown } = stringsOf(x);
        if (words.some((w) => DEPRECATED.includes(w))) return false;
        return unknown ? { unknown } : words.length > 0;
      });
      const bad = stringsOf(v).words.filter((w) => DEPRECATED.includes(w));
      if (d === true) outs.push(r.pass(`origin ${id} is offered ${stringsOf(v).words.join(', ')} only`, at, ev));
      else if (d === false) outs.push(r.fail(`origin ${id} may be reached with ${bad.join(', ') || 'no protocol listed'}`, at, ev));
      else outs.push(r.unknown(`the protocol versions offered to origin ${id} depend on a deploy-time value`, d.unknown, at, ev));
    }
    if (outs.length === 0) return r.notApplicable('every custom origin is reached over plain HTTP (AT-CF-005 reports that)');
    const bad = outs.filter((o) => o.status !== 'pass');
    return bad.length ? bad : outs;
  },
});
