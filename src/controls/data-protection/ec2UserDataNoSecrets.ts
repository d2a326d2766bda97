import { defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { LAUNCH_TYPES, userDataOf } from '../lib/ec2.js';
import { findSecrets, maskSecretsIn } from '../lib/secrets.js';

export default defineControl({
  id: 'AT-EC2-003',
  title: 'EC2 user data does not contain plaintext credentials',
  domain: 'data-protection',
  severity: 'critical',
  resourceTypes: LAUNCH_TYPES,
  rationale: 'User data is stored with the instance or launch template, readable by anyone allowed to describe it and by every process on the instance through instance metadata; a credential written there also sits in source control and the stack history.',
  remediation: 'Give the instance a role (instance profile) instead of access keys, and have the user data fetch other secrets at boot from Secrets Manager or SSM Parameter Store (SecureString).',
  remediationTerraform: 'Remove credentials from user_data / user_data_base64 (aws_instance, aws_launch_template, aws_launch_configuration): give the instance an iam_instance_profile instead of access keys, and have the user data fetch other secrets at boot from Secrets Manager or SSM Parameter Store (SecureString).',
  references: { checkov: ['CKV_AWS_46'], trivy: ['AVD-AWS-0029', 'AVD-AWS-0129'] },
  evaluate(r): Outcome {
    const ud = userDataOf(r);
    if (!ud) return r.notApplicable('no user data is declared');
    const path = `Properties.${ud.path}`;
    const v = ud.v!;
    if (v.k === 'unknown') {
      return r.unknown('the user data text is not known statically, so it cannot be inspected', v, ud.loc, [evidenceAt(path, v, ud.loc)]);
    }
    if (v.k !== 'scalar' || typeof v.v !== 'string') return r.notApplicable('the user data is not text');
    const texts = [{ text: v.v, how: '' }];
    const decoded = decodedBase64(v.v);
    if (decoded) texts.push({ text: decoded, how: ' (base64-encoded in the template)' });
    for (const { text, how } of texts) {
      const hits = findSecrets(text);
      if (!hits.length) continue;
      const lines = text.split('\n');
      const ev = hits.map((h) => evidenceAt(path, shown(v, maskSecretsIn(lines[h.line]).trim()), ud.loc, `${h.kind} on line ${h.line + 1} of the user data${how}`));
      const list = hits.map((h) => `${h.kind} ${h.masked} on line ${h.line + 1}`).join('; ');
      return r.fail(`the user data${how} contains ${hits.length === 1 ? 'a credential' : `${hits.length} credentials`}: ${list}`, ud.loc, ev);
    }
    return r.pass('no credential-shaped text in the user data', ud.loc, [evidenceAt(path, shown(v, `${v.v.trimEnd().split('\n').length} line(s), no credential found`), ud.loc)]);
  },
});

/** The evidence value: a line of the user data with secrets masked, never the raw text. */
function shown(v: Value & { k: 'scalar' }, text: string): Value {
  return { ...v, v: text, sensitive: false };
}

/** User data written directly as base64 (without Fn::Base64), decoded when it is text. */
function decodedBase64(s: string): string | undefined {
  const compact = s.replace(/\s+/g, '');
  if (compact.length < 16 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  const text = Buffer.from(compact, 'base64').toString('utf8');
  // Only text: binary (gzip-compressed cloud-init) cannot be read here.
  return /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(text) && !text.includes('\ufffd') ? text : undefined;
}
