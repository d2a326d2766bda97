import { defineControl, evidenceAt } from '../api.js';
import { statementsOf } from '../lib/policy.js';
import { deniesInsecureTransport, policyValue } from '../lib/resourcePolicy.js';

export default defineControl({
  id: 'AT-EFS-005',
  title: 'EFS file system policies refuse clients that do not use TLS',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::EFS::FileSystem'],
  rationale: 'NFS traffic to EFS is unencrypted unless the client mounts with TLS; only a file system policy that denies requests with aws:SecureTransport false makes encryption in transit mandatory for every client.',
  remediation: 'Set FileSystemPolicy with a statement Effect: Deny, Principal: {AWS: "*"}, Action: "*", Condition: {Bool: {"aws:SecureTransport": "false"}}.',
  remediationTerraform: 'Declare an aws_efs_file_system_policy whose policy has a statement with Effect Deny, Principal {AWS = "*"}, Action "*" and Condition Bool aws:SecureTransport = "false".',
  references: {},
  evaluate(r) {
    const raw = r.get('FileSystemPolicy');
    const at = r.locate('FileSystemPolicy');
    const ev = [r.evidence('FileSystemPolicy', raw, raw === undefined ? 'not set: no file system policy' : undefined)];
    if (raw === undefined) return r.fail('the file system has no policy, so clients may mount it without TLS', at, ev);
    const doc = policyValue(raw);
    if (doc?.k === 'unknown') return r.unknown('the file system policy is not known statically', doc, at, ev);
    const { statements, unknown } = statementsOf(doc);
    const hit = statements.findIndex((s) => deniesInsecureTransport(s, 'elasticfilesystem:ClientMount'));
    if (hit >= 0) return r.pass('the file system policy denies requests without TLS', statements[hit]!.loc, [evidenceAt(`Properties.FileSystemPolicy.Statement.${hit}`, statements[hit]!.value, statements[hit]!.loc)]);
    if (unknown) return r.unknown('the file system policy is not fully known statically', unknown, unknown.loc, ev);
    return r.fail('the file system policy has no Deny for requests with aws:SecureTransport false', at, ev);
  },
});
