import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';
import { asString, getPath } from '../../model/value.js';

export default defineControl({
  id: 'AT-S3-006',
  title: 'S3 buckets have server access logging configured',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'Server access logs record each request made to the bucket, with requester, operation and response, which investigations of data access depend on. CloudTrail records object-level calls only when data events are enabled.',
  remediation: 'Set LoggingConfiguration.DestinationBucketName to a dedicated log bucket (and a LogFilePrefix); do not log a log bucket into itself.',
  remediationTerraform: 'Declare an aws_s3_bucket_logging for the bucket with target_bucket set to a dedicated log bucket (and a target_prefix); do not log a log bucket into itself.',
  references: { checkov: ['CKV_AWS_18'], trivy: ['AVD-AWS-0089'], cfn_nag: ['W35'], cdk_nag: ['AwsSolutions-S1'], guard: ['S3_BUCKET_LOGGING_ENABLED'] },
  evaluate(r) {
    if (!r.get('LoggingConfiguration')) {
      // A dedicated access-log bucket is exempt: logging it into itself loops, and into another
      // bucket only moves the question. It is recognised by another bucket in the scanned
      // templates naming it as DestinationBucketName, or by the LogDeliveryWrite canned ACL.
      const source = r.graph.referrers(r.resource, 'AWS::S3::Bucket').find((b) => {
        const dest = getPath(b.properties, 'LoggingConfiguration.DestinationBucketName');
        return b !== r.resource && r.graph.target(b, dest) === r.resource;
      });
      if (source) return r.notApplicable(`the bucket receives the server access logs of ${source.id}`);
      if (asString(r.get('AccessControl')) === 'LogDeliveryWrite') return r.notApplicable('the bucket is an access-log destination (AccessControl: LogDeliveryWrite)');
    }
    return r.expect('LoggingConfiguration', isPresent, {
      pass: 'server access logging is configured',
      fail: 'LoggingConfiguration is not set: requests to the bucket are not logged by S3',
      unknown: 'logging configuration depends on a deploy-time value',
    });
  },
});
