import control from '../../../src/controls/audit/codebuildLogging.js';
import { cases } from '../../helpers/cases.js';
import { SOURCE, environment, project } from '../builders/codebuild.js';

export default cases(control, {
  pass: [
    { name: 'no LogsConfig: CloudWatch Logs by default', template: project(SOURCE + environment()).replace('  Build:\n', '  Build: # <--\n') },
    { name: 'CloudWatch off, S3 on', template: project(`${SOURCE}${environment()}      LogsConfig:
        CloudWatchLogs:
          Status: DISABLED
        S3Logs:
          Status: ENABLED # <--
          Location: build-logs/app
`) },
  ],
  fail: [
    { name: 'CloudWatch Logs disabled, no S3 logs', template: project(`${SOURCE}${environment()}      LogsConfig:
        CloudWatchLogs:
          Status: DISABLED # <--
`) },
  ],
  unknown: [
    { name: 'log status from a parameter', template: project(`${SOURCE}${environment()}      LogsConfig:
        CloudWatchLogs:
          Status: !Ref LogStatus # <--
`, 'Parameters:\n  LogStatus: { Type: String }\n') },
  ],
});
