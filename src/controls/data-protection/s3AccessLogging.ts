import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-S3-006',
  title: 'S3 buckets have server access logging configured',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'Server access logs record each request made to the bucket, with requester, operation and response, which investigations of data access depend on. CloudTrail records object-level calls only when data events are enabled.',
  remediation: 'Set LoggingConfiguration.DestinationBucketName to a dedicated log bucket (and a LogFilePrefix); do not log a log bucket into itself.',
  references: { checkov: ['CKV_AWS_18'], trivy: ['AVD-AWS-0089'], cfn_nag: ['W35'], cdk_nag: ['AwsSolutions-S1'], guard: ['S3_BUCKET_LOGGING_ENABLED'] },
  frameworks: { 'soc2-tsc-2017': ['CC7.2'], 'nist-csf-2.0': ['DE.CM-09', 'PR.PS-04'], gdpr: ['Art.30', 'Art.33'] },
  evaluate(r) {
    return r.expect('LoggingConfiguration', isPresent, {
      pass: 'server access logging is configured',
      fail: 'LoggingConfiguration is not set: requests to the bucket are not logged by S3',
      unknown: 'logging configuration depends on a deploy-time value',
    });
  },
});
