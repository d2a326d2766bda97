import { defineControl, evidenceAt } from '../api.js';
import { asBool } from '../../model/value.js';
import { isPresent } from '../predicates.js';
import { input, sessionInputs } from '../lib/sessionManager.js';

export default defineControl({
  id: 'AT-SSM-004',
  title: 'Session Manager sessions are logged to S3 or CloudWatch Logs, encrypted',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::SSM::Document'],
  rationale: 'Without session logging, what an operator typed on an instance through Session Manager is not recorded anywhere. The log destination must also require encryption (s3EncryptionEnabled / cloudWatchEncryptionEnabled set to true; the session document schema lists them as required, so a value left out is not taken as on). Only documents of type Session are evaluated.',
  remediation: 'Set inputs.s3BucketName (with s3EncryptionEnabled: true) or inputs.cloudWatchLogGroupName (with cloudWatchEncryptionEnabled: true) in Content of the Session document.',
  remediationTerraform: 'In the content of the aws_ssm_document (document_type = "Session"), set inputs.s3BucketName (with s3EncryptionEnabled = true) or inputs.cloudWatchLogGroupName (with cloudWatchEncryptionEnabled = true).',
  references: {},
  evaluate(r) {
    const i = sessionInputs(r);
    if (!i) return undefined;
    if ('unknown' in i) return r.unknown('the session preferences are not known statically', i.unknown, i.at, [r.evidence('Content')]);
    const dests = [['s3BucketName', 's3EncryptionEnabled', 'S3'], ['cloudWatchLogGroupName', 'cloudWatchEncryptionEnabled', 'CloudWatch Logs']] as const;
    let pending: { u: Parameters<typeof r.unknown>[1]; at: ReturnType<typeof input>['at'] } | undefined;
    const ev = dests.flatMap(([d, e]) => [input(i, d), input(i, e)].map((x, k) => evidenceAt(`Properties.Content.inputs.${k ? e : d}`, x.v, x.at)));
    let failure: ReturnType<typeof r.fail> | undefined;
    for (const [dest, enc, name] of dests) {
      const d = input(i, dest);
      const present = isPresent(d.v);
      if (present === false) continue;
      if (present !== true) { pending ??= { u: present.unknown, at: d.at }; continue; }
      const e = input(i, enc);
      if (e.v?.k === 'unknown') { pending ??= { u: e.v, at: e.at }; continue; }
      if (asBool(e.v) !== true) { failure ??= r.fail(`sessions are logged to ${name} without ${enc} set to true: the log is not required to be encrypted`, e.at, ev); continue; }
      return r.pass(`sessions are logged to ${name}`, d.at, ev);
    }
    if (pending) return r.unknown('session logging depends on a value not known statically', pending.u, pending.at, ev);
    return failure ?? r.fail('the session preferences log sessions nowhere (no s3BucketName or cloudWatchLogGroupName)', i.at, ev);
  },
});
