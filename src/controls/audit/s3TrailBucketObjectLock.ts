import { defineControl, evidenceAt, type Outcome, type ResourceContext } from '../api.js';
import type { Resource, Value } from '../../model/types.js';
import { asNumber, asString, getPath } from '../../model/value.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-S3-010',
  title: 'Buckets that receive CloudTrail logs lock them with S3 Object Lock',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::S3::Bucket', 'AWS::CloudTrail::Trail'],
  rationale: 'An intruder with write access to the log bucket can delete or overwrite the trail\'s record of what they did. Object Lock with a default retention makes each log file immutable for the retention period, even for the account\'s administrators in compliance mode.',
  remediation: 'Create the log bucket with ObjectLockEnabled: true and ObjectLockConfiguration {ObjectLockEnabled: Enabled, Rule: {DefaultRetention: {Mode: COMPLIANCE (or GOVERNANCE), Days: N}}}; CloudTrail does not set a retention on the files it writes, so the default retention is what locks them.',
  remediationTerraform: 'Set object_lock_enabled = true on the log bucket\'s aws_s3_bucket and declare an aws_s3_bucket_object_lock_configuration with rule { default_retention { mode = "COMPLIANCE" (or "GOVERNANCE"), days = N } }; CloudTrail writes files without a retention, so the default retention is what locks them.',
  references: {},
  evaluate(r): Outcome | undefined {
    if (r.type === 'AWS::CloudTrail::Trail') {
      // The bucket's own finding covers it when it is scanned; otherwise the trail reports what is not known.
      const b = r.get('S3BucketName');
      if (!b || trailBucket(r.resource, r) !== undefined) return undefined;
      const blocking: Value = b.k === 'unknown' ? b : { k: 'unknown', reason: `bucket ${asString(b) ?? '(reference)'} is not declared in the scanned templates, so its Object Lock settings are not known`, params: [], loc: b.loc };
      return r.unknown('cannot tell whether the trail\'s log files are locked', blocking, r.locate('S3BucketName'), [r.evidence('S3BucketName')]);
    }
    const trails = trailsWritingTo(r);
    if (trails.length === 0) return undefined;
    const names = trails.map((t) => t.id).join(', ');
    const lock = r.get('ObjectLockEnabled');
    const lockAt = r.locate('ObjectLockEnabled');
    const retention = r.get('ObjectLockConfiguration.Rule.DefaultRetention');
    const ev = [r.evidence('ObjectLockEnabled', lock, lock === undefined ? 'not set: Object Lock off' : undefined), r.evidence('ObjectLockConfiguration.Rule.DefaultRetention', retention)];
    const on = lock === undefined ? false : lock.k === 'unknown' ? undefined : isTrue(lock) === true;
    if (on === undefined) return r.unknown(`Object Lock on the log bucket of ${names} depends on a deploy-time value`, lock, lockAt, ev);
    if (!on) return r.fail(`the bucket receives CloudTrail logs from ${names} without Object Lock: log files can be deleted or overwritten by anyone with write access`, lockAt, ev);
    const retAt = r.locate('ObjectLockConfiguration.Rule.DefaultRetention');
    if (retention === undefined) return r.fail(`Object Lock is enabled but no default retention is set: CloudTrail writes log files without a retention, so they are not locked (trail ${names})`, retAt, ev);
    if (retention.k === 'unknown') return r.unknown('the default retention depends on a deploy-time value', retention, retAt, ev);
    const mode = asString(getPath(retention, 'Mode')) ?? '?';
    const period = asNumber(getPath(retention, 'Days')) ?? asNumber(getPath(retention, 'Years'));
    const unit = getPath(retention, 'Days') ? 'days' : 'years';
    return r.pass(`log files from ${names} are locked in ${mode} mode${period !== undefined ? ` for ${period} ${unit}` : ''}${mode === 'GOVERNANCE' ? ' (users with s3:BypassGovernanceRetention can still remove them)' : ''}`, retAt,
      [...ev, evidenceAt('Properties.ObjectLockConfiguration.Rule.DefaultRetention.Mode', getPath(retention, 'Mode'), retAt)]);
  },
});

/** The trails whose S3BucketName is this bucket (a reference, or its literal BucketName). */
function trailsWritingTo(r: ResourceContext): Resource[] {
  const out = [...r.graph.pointingAt(r.resource, 'AWS::CloudTrail::Trail', 'S3BucketName')];
  const name = asString(r.get('BucketName'));
  if (name) for (const t of r.graph.withLiteral('AWS::CloudTrail::Trail', 'S3BucketName', r.resource, name)) if (!out.includes(t)) out.push(t);
  return out;
}

/** The scanned bucket a trail writes to, if any. */
function trailBucket(trail: Resource, r: ResourceContext): Resource | undefined {
  const b = trail.properties.props.get('S3BucketName');
  const t = r.graph.target(trail, b);
  if (t) return t;
  const name = asString(b);
  if (!name) return undefined;
  return r.graph.withLiteral('AWS::S3::Bucket', 'BucketName', trail, name)[0];
}
