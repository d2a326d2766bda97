import control from '../../../src/controls/audit/redshiftAuditLogging.js';
import { cases } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

export default cases(control, {
  pass: [
    { name: 'logs to CloudWatch', template: cluster(`      LoggingProperties: # <--
        LogDestinationType: cloudwatch
        LogExports: [connectionlog, userlog, useractivitylog]`) },
    { name: 'logs to S3', template: cluster(`      LoggingProperties: # <--
        BucketName: !Ref AuditBucket`, { after: '  AuditBucket:\n    Type: AWS::S3::Bucket\n' }) },
  ],
  fail: [
    { name: 'no logging properties', template: cluster('', { marked: true }) },
  ],
  unknown: [
    { name: 'destination from a parameter', template: cluster(`      LoggingProperties:
        LogDestinationType: !Ref Destination # <--`, { before: 'Parameters:\n  Destination: { Type: String }\n' }) },
  ],
});
