import { defineControl } from '../api.js';
import { asString } from '../../model/value.js';

export default defineControl({
  id: 'AT-MACIE-001',
  title: 'Amazon Macie sessions are enabled, not paused',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::Macie::Session'],
  rationale: 'Macie finds sensitive data and unsafe access settings in S3; a paused session keeps its configuration but runs no discovery and raises no findings. Status defaults to ENABLED in CloudFormation and in the Macie API.',
  remediation: 'Leave Status out or set Status: ENABLED.',
  remediationTerraform: 'Leave status on the aws_macie2_account unset or "ENABLED".',
  references: {},
  evaluate(r) {
    const v = r.get('Status');
    const at = r.locate('Status');
    const ev = [r.evidence('Status', v, v === undefined ? 'not set: ENABLED' : undefined)];
    if (v?.k === 'unknown') return r.unknown('the Macie status depends on a value not known statically', v, at, ev);
    const s = asString(v) ?? 'ENABLED';
    if (s === 'ENABLED') return r.pass('Macie is enabled', at, ev);
    return r.fail(`Macie is ${s}: no sensitive data discovery runs`, at, ev);
  },
});
