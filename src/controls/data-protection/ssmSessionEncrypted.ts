import { defineControl, evidenceAt } from '../api.js';
import { isPresent } from '../predicates.js';
import { input, sessionInputs } from '../lib/sessionManager.js';

export default defineControl({
  id: 'AT-SSM-003',
  title: 'Session Manager sessions are encrypted with a KMS key',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::SSM::Document'],
  rationale: 'Session Manager traffic is protected by TLS, but with a KMS key in the session preferences the session data is additionally encrypted end to end and access to sessions can be controlled through the key policy. Only documents of type Session (such as SSM-SessionManagerRunShell, which holds the account\'s preferences) are evaluated.',
  remediation: 'Set inputs.kmsKeyId in Content of the Session document.',
  remediationTerraform: 'Set inputs.kmsKeyId in the content of the aws_ssm_document (document_type = "Session").',
  references: {},
  evaluate(r) {
    const i = sessionInputs(r);
    if (!i) return undefined;
    if ('unknown' in i) return r.unknown('the session preferences are not known statically', i.unknown, i.at, [r.evidence('Content')]);
    const { v, at } = input(i, 'kmsKeyId');
    const ev = [evidenceAt('Properties.Content.inputs.kmsKeyId', v, at, v === undefined ? 'not set' : undefined)];
    const d = isPresent(v);
    if (d === true) return r.pass('session data is encrypted with a KMS key', at, ev);
    if (d === false) return r.fail('the session preferences set no kmsKeyId: session data is not encrypted with a KMS key', at, ev);
    return r.unknown('the session KMS key depends on a value not known statically', d.unknown, at, ev);
  },
});
