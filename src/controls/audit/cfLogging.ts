import { defineControl, evidenceAt } from '../api.js';
import { isPresent } from '../predicates.js';
import { DC } from '../network/cfCommon.js';
import { asString } from '../../model/value.js';

export default defineControl({
  id: 'AT-CF-004',
  title: 'CloudFront distributions write access logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  rationale: 'Edge access logs are the record of every viewer request; without them abuse of the distribution cannot be investigated.',
  remediation: 'Set DistributionConfig.Logging.Bucket to a log bucket, or declare standard logging v2 (AWS::Logs::DeliverySource with the distribution\'s ARN).',
  remediationTerraform: 'Add logging_config { bucket = "<log bucket>.s3.amazonaws.com" } to the aws_cloudfront_distribution, or set up standard logging v2 with an aws_cloudwatch_log_delivery_source (resource_arn = the distribution\'s arn), an aws_cloudwatch_log_delivery_destination and an aws_cloudwatch_log_delivery joining them.',
  references: { checkov: ['CKV_AWS_86'], trivy: ['AVD-AWS-0010'], cfn_nag: ['W10'], cdk_nag: ['AwsSolutions-CFR3'], guard: ['CLOUDFRONT_ACCESSLOGS_ENABLED'] },
  evaluate(r) {
    if (!r.get(`${DC}.Logging`)) {
      const sources = r.graph.referrers(r.resource, 'AWS::Logs::DeliverySource');
      if (sources.length) {
        // A delivery source only names what can be logged; nothing is written until an
        // AWS::Logs::Delivery connects it to a destination.
        for (const s of sources) {
          const name = asString(s.properties.props.get('Name'));
          const delivery = r.graph.referrers(s, 'AWS::Logs::Delivery')[0]
            ?? r.graph.ofType('AWS::Logs::Delivery', r.resource).find((d) => name !== undefined && asString(d.properties.props.get('DeliverySourceName')) === name);
          if (delivery) {
            const at = delivery.properties.keyLocs.get('DeliverySourceName') ?? delivery.loc;
            return r.pass(`standard logging v2 is configured: ${delivery.id} delivers logs from ${s.id}`, at, [evidenceAt('Properties.DeliverySourceName', delivery.properties.props.get('DeliverySourceName'), at, `delivery ${delivery.id} of source ${s.id}`)]);
          }
        }
        const s = sources[0];
        const at = s.properties.keyLocs.get('ResourceArn') ?? s.loc;
        return r.fail(`delivery source ${s.id} refers to the distribution but no AWS::Logs::Delivery uses it, so no access logs are written (a delivery may be declared outside the scanned templates)`, at,
          [evidenceAt('Properties.ResourceArn', s.properties.props.get('ResourceArn'), at, `delivery source ${s.id} without a delivery`)]);
      }
    }
    return r.expect(`${DC}.Logging.Bucket`, isPresent, {
      pass: 'access logs are delivered to a bucket',
      fail: 'DistributionConfig.Logging is not configured and no logging v2 delivery source refers to the distribution',
      unknown: 'cannot tell whether access logging is configured',
    });
  },
});
