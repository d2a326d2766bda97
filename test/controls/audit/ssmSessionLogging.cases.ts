import control from '../../../src/controls/audit/ssmSessionLogging.js';
import { cases, tf } from '../../helpers/cases.js';
import { cfnSession, tfSession } from '../builders/sessionManager.js';

export default cases(control, {
  pass: [
    cfnSession(`          cloudWatchLogGroupName: /aws/ssm/sessions # <--
          cloudWatchEncryptionEnabled: true`),
    tf(tfSession(`      s3BucketName        = "acme-sessions" # <--
      s3EncryptionEnabled = true`), { name: 'S3 logging, encrypted' }),
  ],
  fail: [
    cfnSession(''),
    cfnSession(`          s3BucketName: acme-sessions
          s3EncryptionEnabled: false # <--`),
    tf(tfSession(`      kmsKeyId = "alias/session-manager"`), { name: 'no destination' }),
  ],
  unknown: [
    { name: 'bucket from a parameter', template: `Parameters:
  Bucket: { Type: String }
${cfnSession(`          s3BucketName: !Ref Bucket # <--
          s3EncryptionEnabled: true`)}` },
  ],
});
