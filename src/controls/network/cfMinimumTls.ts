import { defineControl } from '../api.js';
import { asBool, asString } from '../../model/value.js';
import { DC } from './cfCommon.js';

/** Viewer TLS policies that require TLS 1.2 or later with current ciphers. */
const MODERN = ['TLSv1.2_2019', 'TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];

export default defineControl({
  id: 'AT-CF-002',
  title: 'CloudFront distributions require TLS 1.2 or later from viewers',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  rationale: 'Older viewer policies accept TLS 1.0/1.1 or weak ciphers, allowing downgrade attacks on users\' connections.',
  remediation: 'Use a custom certificate (AcmCertificateArn) with SslSupportMethod sni-only and MinimumProtocolVersion TLSv1.2_2021 (TLSv1.2_2019 at least).',
  remediationTerraform: 'In the viewer_certificate block of the aws_cloudfront_distribution, use a custom certificate (acm_certificate_arn) with ssl_support_method = "sni-only" and minimum_protocol_version = "TLSv1.2_2021" (TLSv1.2_2019 at least).',
  references: { checkov: ['CKV_AWS_174'], trivy: ['AVD-AWS-0013'], cfn_nag: ['W70'], cdk_nag: ['AwsSolutions-CFR4'], guard: ['CLOUDFRONT_MINIMUM_PROTOCOL_VERSION_RULE'] },
  evaluate(r) {
    const path = `${DC}.ViewerCertificate`;
    const vc = r.get(path);
    if (vc && vc.k === 'unknown') return r.unknown('cannot read the viewer certificate settings', vc, r.locate(path), [r.evidence(path)]);
    const def = r.get(`${path}.CloudFrontDefaultCertificate`);
    if (!vc || asBool(def) === true) {
      return r.fail('the distribution uses the default *.cloudfront.net certificate, which accepts TLS 1.0 and cannot be restricted; use a custom certificate with MinimumProtocolVersion TLSv1.2_2021',
        r.locate(vc ? `${path}.CloudFrontDefaultCertificate` : path), [r.evidence(vc ? `${path}.CloudFrontDefaultCertificate` : path)]);
    }
    const mp = r.get(`${path}.MinimumProtocolVersion`);
    return r.expect(`${path}.MinimumProtocolVersion`, (v) => (v && v.k === 'unknown' ? { unknown: v } : MODERN.includes(asString(v) ?? '')), {
      pass: `MinimumProtocolVersion is ${asString(mp)}`,
      fail: mp ? `MinimumProtocolVersion ${asString(mp) ?? '(not a literal)'} allows TLS versions or ciphers older than TLSv1.2_2019` : 'MinimumProtocolVersion is not set, so CloudFront defaults to TLSv1, accepting TLS 1.0',
      unknown: 'cannot tell the minimum viewer TLS version',
    });
  },
});
