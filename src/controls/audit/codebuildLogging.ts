import { decide, defineControl, type Outcome } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-CB-004',
  title: 'CodeBuild projects keep build logs (CloudWatch Logs or S3)',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::CodeBuild::Project'],
  rationale: 'Build logs show what a build ran and fetched; without them a tampered build or a leaked credential in a build step leaves no trace to investigate.',
  remediation: 'Leave LogsConfig.CloudWatchLogs.Status at its default (ENABLED), or enable LogsConfig.S3Logs with a Location.',
  remediationTerraform: 'In the aws_codebuild_project\'s logs_config block, leave cloudwatch_logs { status } at ENABLED (the default), or add s3_logs { status = "ENABLED", location = "<bucket>/<prefix>" }.',
  references: {},
  evaluate(r): Outcome {
    const cwPath = 'LogsConfig.CloudWatchLogs.Status';
    const s3Path = 'LogsConfig.S3Logs.Status';
    // A LogsConfig known only at deploy time leaves both statuses unknown, not at their defaults.
    const cw = r.get(cwPath);
    const s3 = r.get(s3Path);
    const cwOn = decide(cw, (v) => (v === undefined ? true : oneOf(['ENABLED'], true)(v)));
    const s3On = decide(s3, oneOf(['ENABLED'], true));
    const ev = [r.evidence(cwPath, cw, cw === undefined ? 'not set: CodeBuild sends build logs to CloudWatch Logs by default' : undefined), r.evidence(s3Path, s3)];
    if (cwOn === true) return r.pass(cw === undefined ? 'build logs go to CloudWatch Logs (the default)' : 'build logs go to CloudWatch Logs', r.locate(cwPath), ev);
    if (s3On === true) return r.pass('build logs are written to S3', r.locate(s3Path), ev);
    if (cwOn === false && s3On === false) return r.fail('CloudWatch Logs is DISABLED and S3 logs are not enabled: builds leave no log', r.locate(cwPath), ev);
    const u = cwOn !== false ? cwOn.unknown : s3On !== false ? s3On.unknown : undefined;
    return r.unknown('whether build logs are kept depends on a deploy-time value', u, u?.loc ?? r.locate(cwPath), ev);
  },
});
