import { defineControl, evidenceAt, type Outcome, type ResourceContext } from '../api.js';
import type { Value } from '../../model/types.js';
import { asString, prop } from '../../model/value.js';
import { DC, origins } from './cfCommon.js';

/** An origin served from an S3 REST endpoint (not a website endpoint). */
function isS3Origin(r: ResourceContext, o: Value): boolean {
  if (prop(o, 'S3OriginConfig') !== undefined) return true;
  if (prop(o, 'CustomOriginConfig') !== undefined) return false;
  const dn = prop(o, 'DomainName');
  const t = r.graph.target(r.resource, dn);
  if (t && t.type === 'AWS::S3::Bucket' && dn?.k === 'ref') return dn.attr === 'RegionalDomainName' || dn.attr === 'DomainName';
  const s = asString(dn);
  return s !== undefined && /\.s3[.-]/.test(s) && !s.includes('s3-website');
}

export default defineControl({
  id: 'AT-CF-006',
  title: 'CloudFront S3 origins use origin access control',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  rationale: 'Without origin access control (or a legacy origin access identity) the bucket must be readable by everyone for CloudFront to fetch from it, so the CDN\'s controls can be bypassed by going to S3 directly.',
  remediation: 'Create an AWS::CloudFront::OriginAccessControl, set OriginAccessControlId on the S3 origin (with S3OriginConfig.OriginAccessIdentity empty), and allow only the cloudfront.amazonaws.com service principal in the bucket policy.',
  remediationTerraform: 'Declare an aws_cloudfront_origin_access_control, set origin_access_control_id on the S3 origin of the aws_cloudfront_distribution (with an empty origin_access_identity in s3_origin_config), and allow only the cloudfront.amazonaws.com service principal in the bucket\'s aws_s3_bucket_policy.',
  references: { cdk_nag: ['AwsSolutions-CFR6'], guard: ['CLOUDFRONT_ORIGIN_ACCESS_IDENTITY_ENABLED'] },
  evaluate(r) {
    const s3 = origins(r).filter((o) => isS3Origin(r, o.value));
    if (s3.length === 0) return r.notApplicable('no S3 origins');
    const outs: Outcome[] = [];
    for (const o of s3) {
      const id = asString(prop(o.value, 'Id')) ?? `#${o.i}`;
      const oac = prop(o.value, 'OriginAccessControlId');
      const oai = prop(prop(o.value, 'S3OriginConfig'), 'OriginAccessIdentity');
      const base = `Properties.${DC}.Origins[${o.i}]`;
      const set = (v: Value | undefined) => v !== undefined && !(v.k === 'scalar' && (v.v === null || String(v.v).trim() === ''));
      if (set(oac)) {
        outs.push(r.pass(`S3 origin ${id} uses origin access control`, oac!.loc, [evidenceAt(`${base}.OriginAccessControlId`, oac, oac!.loc)]));
      } else if (set(oai)) {
        outs.push(r.pass(`S3 origin ${id} uses a (legacy) origin access identity`, oai!.loc, [evidenceAt(`${base}.S3OriginConfig.OriginAccessIdentity`, oai, oai!.loc)]));
      } else {
        outs.push(r.fail(`S3 origin ${id} has neither OriginAccessControlId nor an origin access identity: the bucket must be public for CloudFront to read it`, o.value.loc,
          [evidenceAt(`${base}.OriginAccessControlId`, oac, o.value.loc, 'no origin access control or identity')]));
      }
    }
    const bad = outs.filter((o) => o.status !== 'pass');
    return bad.length ? bad : outs;
  },
});
