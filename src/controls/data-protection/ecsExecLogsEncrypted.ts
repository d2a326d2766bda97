import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';
import { isTrue } from '../predicates.js';

const EXEC = 'Configuration.ExecuteCommandConfiguration';

export default defineControl({
  id: 'AT-ECS-013',
  title: 'ECS Exec session logs are encrypted where the cluster sends them',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::ECS::Cluster'],
  rationale: 'ECS Exec session logs hold every command typed into a container and its output, secrets included. When the cluster overrides where they go, the CloudWatch Logs group or S3 bucket it names must be written encrypted, or ECS delivers those transcripts regardless of how the destination is protected.',
  remediation: 'With ExecuteCommandConfiguration.Logging OVERRIDE, set LogConfiguration.CloudWatchEncryptionEnabled: true for a CloudWatchLogGroupName and LogConfiguration.S3EncryptionEnabled: true for an S3BucketName.',
  remediationTerraform: 'With logging = "OVERRIDE" in configuration { execute_command_configuration } of the aws_ecs_cluster, set cloud_watch_encryption_enabled = true (with cloud_watch_log_group_name) and s3_bucket_encryption_enabled = true (with s3_bucket_name) in its log_configuration block.',
  references: {},
  evaluate(r): Outcome | Outcome[] {
    const logging = r.get(`${EXEC}.Logging`);
    const mode = decide(logging, (v) => (v && v.k === 'unknown' ? { unknown: v } : asString(v)?.toUpperCase() === 'OVERRIDE'));
    if (mode === false) return r.notApplicable('the cluster does not override where ECS Exec session logs go (Logging is DEFAULT, NONE or not set)');
    if (mode !== true) return r.unknown('the ECS Exec logging mode depends on a deploy-time value', mode.unknown, r.locate(`${EXEC}.Logging`), [r.evidence(`${EXEC}.Logging`)]);
    const cfg = r.get(`${EXEC}.LogConfiguration`);
    const outs: Outcome[] = [];
    for (const [dest, flag, what] of [['CloudWatchLogGroupName', 'CloudWatchEncryptionEnabled', 'CloudWatch Logs group'], ['S3BucketName', 'S3EncryptionEnabled', 'S3 bucket']] as const) {
      if (prop(cfg, dest) === undefined) continue;
      const path = `${EXEC}.LogConfiguration.${flag}`;
      const v = r.get(path);
      const at = v ? r.locate(path) : r.locate(`${EXEC}.LogConfiguration.${dest}`);
      const ev = [evidenceAt(`Properties.${path}`, v, at, v ? undefined : 'not set: false')];
      const d = decide(v, isTrue);
      if (d === true) outs.push(r.pass(`session logs are written encrypted to the ${what}`, at, ev));
      else if (d === false) outs.push(r.fail(`${flag} is not true: session logs are written to the ${what} without requiring encryption`, at, ev));
      else outs.push(r.unknown(`encryption of session logs in the ${what} depends on a deploy-time value`, d.unknown, at, ev));
    }
    if (!outs.length) return r.notApplicable('Logging is OVERRIDE but no log group or bucket is named');
    const bad = outs.filter((o) => o.status !== 'pass');
    return bad.length ? bad : outs;
  },
});
