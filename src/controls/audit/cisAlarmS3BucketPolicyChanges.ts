import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-009',
  cis: '4.8',
  title: "A metric filter and alarm watch for S3 bucket policy changes",
  what: "S3 bucket policy changes",
  severity: 'medium',
  rationale: "Bucket policies, ACLs and CORS rules decide who can reach the data; an alert on their change shortens the time a bucket stays open by mistake.",
  samples: [
    ...['PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle', 'PutBucketReplication', 'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication'].map((n) => ({ label: n, event: call('s3', n) })),
  ],
  ignore: [call('s3', 'GetBucketPolicy'), call('s3', 'PutObject')],
  example: "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ... ) }",
});
