import { defineControl, evidenceAt } from '../api.js';
import { isPresent } from '../predicates.js';
import { DC } from './cfCommon.js';

export default defineControl({
  id: 'AT-CF-004',
  title: 'CloudFront distributions write access logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  rationale: 'Edge access logs are the record of every viewer request; without them abuse of the distribution cannot be investigated.',
  remediation: 'Set DistributionConfig.Logging.Bucket to a log bucket, or declare standard logging v2 (AWS::Logs::DeliverySource with the distribution\'s ARN).',
  references: { checkov: ['CKV_AWS_86'], trivy: ['AVD-AWS-0010'], cfn_nag: ['W10'], cdk_nag: ['AwsSolutions-CFR3'], guard: ['CLOUDFRONT_ACCESSLOGS_ENABLED'] },
  frameworks: { 'soc2-tsc-2017': ['CC7.2'], 'nist-csf-2.0': ['DE.CM-01'] },
  evaluate(r) {
    if (!r.get(`${DC}.Logging`)) {
      const v2 = r.graph.referrers(r.resource, 'AWS::Logs::DeliverySource');
      if (v2.length) {
        const s = v2[0];
        const at = s.properties.keyLocs.get('ResourceArn') ?? s.loc;
        return r.pass(`standard logging v2 is configured by ${s.id}`, at, [evidenceAt('Properties.ResourceArn', s.properties.props.get('ResourceArn'), at, `delivery source ${s.id}`)]);
      }
    }
    return r.expect(`${DC}.Logging.Bucket`, isPresent, {
      pass: 'access logs are delivered to a bucket',
      fail: 'DistributionConfig.Logging is not configured and no logging v2 delivery source refers to the distribution',
      unknown: 'cannot tell whether access logging is configured',
    });
  },
});
