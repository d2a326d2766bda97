import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';
import { DC, origins } from './cfCommon.js';

export default defineControl({
  id: 'AT-CF-005',
  title: 'CloudFront connects to custom origins over HTTPS only',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  rationale: 'HTTPS at the edge protects only half the path; with http-only or match-viewer, requests and responses cross the internet between CloudFront and the origin unencrypted.',
  remediation: 'Set CustomOriginConfig.OriginProtocolPolicy to https-only on every custom origin (and OriginSSLProtocols to TLSv1.2).',
  remediationTerraform: 'Set origin_protocol_policy = "https-only" (and origin_ssl_protocols = ["TLSv1.2"]) in the custom_origin_config block of every origin of the aws_cloudfront_distribution.',
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
      const v = prop(prop(o.value, 'CustomOriginConfig'), 'OriginProtocolPolicy');
      const at = v?.loc ?? o.value.loc;
      const id = asString(prop(o.value, 'Id')) ?? `#${o.i}`;
      const ev = [evidenceAt(`Properties.${DC}.Origins[${o.i}].CustomOriginConfig.OriginProtocolPolicy`, v, at)];
      const d = decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : asString(x) === 'https-only'));
      if (d === true) outs.push(r.pass(`origin ${id} is reached over HTTPS only`, at, ev));
      else if (d === false) outs.push(r.fail(`origin ${id} uses OriginProtocolPolicy ${asString(v) ?? '(not set)'}: traffic to the origin can be plain HTTP`, at, ev));
      else outs.push(r.unknown(`cannot tell origin ${id}'s protocol policy`, d.unknown, at, ev));
    }
    const bad = outs.filter((o) => o.status !== 'pass');
    return bad.length ? bad : outs;
  },
});
