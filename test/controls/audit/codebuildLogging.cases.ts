import control from '../../../src/controls/audit/codebuildLogging.js';
import { cases, tf } from '../../helpers/cases.js';
import { SOURCE, TF_SOURCE, environment, project, tfEnvironment, tfProject } from '../builders/codebuild.js';

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
    tf(tfProject(TF_SOURCE + tfEnvironment()).replace('"build" {\n', '"build" { # <--\n'), { name: 'no logs_config: CloudWatch Logs by default' }),
    tf(tfProject(`${TF_SOURCE}${tfEnvironment()}
  logs_config {
    cloudwatch_logs {
      status = "DISABLED"
    }
    s3_logs {
      status   = "ENABLED" # <--
      location = "build-logs/app"
    }
  }
`), { name: 'cloudwatch_logs DISABLED, s3_logs ENABLED' }),
  ],
  fail: [
    { name: 'CloudWatch Logs disabled, no S3 logs', template: project(`${SOURCE}${environment()}      LogsConfig:
        CloudWatchLogs:
          Status: DISABLED # <--
`) },
    tf(tfProject(`${TF_SOURCE}${tfEnvironment()}
  logs_config {
    cloudwatch_logs {
      status = "DISABLED" # <--
    }
  }
`), { name: 'cloudwatch_logs DISABLED, no s3_logs' }),
  ],
  unknown: [
    { name: 'log status from a parameter', template: project(`${SOURCE}${environment()}      LogsConfig:
        CloudWatchLogs:
          Status: !Ref LogStatus # <--
`, 'Parameters:\n  LogStatus: { Type: String }\n') },
    tf(tfProject(`${TF_SOURCE}${tfEnvironment()}
  logs_config {
    cloudwatch_logs {
      status = var.log_status # <--
    }
  }
`, 'variable "log_status" {\n  type = string\n}\n\n'), { name: 'cloudwatch_logs status from a variable without a value' }),
    tf(tfProject(`${TF_SOURCE}${tfEnvironment()}
  dynamic "logs_config" { # <--
    for_each = var.logs
    content {
      cloudwatch_logs {
        status = logs_config.value
      }
    }
  }
`, 'variable "logs" {\n  type = list(string)\n}\n\n'), { name: 'logs_config from a dynamic block over a variable without a value' }),
  ],
});
