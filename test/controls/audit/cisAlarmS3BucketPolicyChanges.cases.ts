import control from '../../../src/controls/audit/cisAlarmS3BucketPolicyChanges.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.8: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ ($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication) }",
  "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = \"PutBucketAcl\") || ($.eventName = \"PutBucketPolicy\") || ($.eventName = \"PutBucketCors\") || ($.eventName = \"PutBucketLifecycle\") || ($.eventName = \"PutBucketReplication\") || ($.eventName = \"DeleteBucketPolicy\") || ($.eventName = \"DeleteBucketCors\") || ($.eventName = \"DeleteBucketLifecycle\") || ($.eventName = \"DeleteBucketReplication\")) }",
], [
  "{ ($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) }",
  "{ ($.eventName = PutBucketAcl) && ($.eventName = PutBucketPolicy) && ($.eventName = PutBucketCors) && ($.eventName = PutBucketLifecycle) && ($.eventName = PutBucketReplication) && ($.eventName = DeleteBucketPolicy) && ($.eventName = DeleteBucketCors) && ($.eventName = DeleteBucketLifecycle) && ($.eventName = DeleteBucketReplication) }",
  "{ ($.eventSource = s3.amazonaws.com) }",
]);
