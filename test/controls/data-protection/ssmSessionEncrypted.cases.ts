import control from '../../../src/controls/data-protection/ssmSessionEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';
import { cfnSession, tfSession } from '../builders/sessionManager.js';

export default cases(control, {
  pass: [
    cfnSession(`          kmsKeyId: alias/session-manager # <--
          s3BucketName: acme-sessions
          s3EncryptionEnabled: true`),
    tf(tfSession(`      kmsKeyId            = "alias/session-manager" # <--
      s3BucketName        = "acme-sessions"
      s3EncryptionEnabled = true`), { name: 'kmsKeyId set' }),
  ],
  fail: [
    cfnSession(`          kmsKeyId: '' # <--
          s3BucketName: acme-sessions`),
    cfnSession(''),
    tf(tfSession(`      s3BucketName        = "acme-sessions"
      s3EncryptionEnabled = true`), { name: 'no kmsKeyId' }),
  ],
  unknown: [
    { name: 'key from a parameter', template: `Parameters:
  Key: { Type: String }
${cfnSession(`          kmsKeyId: !Ref Key # <--`)}` },
  ],
});
