import { defineControl } from '../api.js';
import { asBool } from '../../model/value.js';

export default defineControl({
  id: 'AT-SH-002',
  title: 'Security Hub enables new controls automatically',
  domain: 'audit',
  severity: 'info',
  resourceTypes: ['AWS::SecurityHub::Hub'],
  rationale: 'When AWS adds controls to an enabled standard, they stay off unless AutoEnableControls is true, so coverage quietly falls behind the standard.',
  remediation: 'Leave AutoEnableControls at its default (true).',
  remediationTerraform: 'Remove auto_enable_controls = false from the aws_securityhub_account (the provider defaults it to true).',
  references: {},
  evaluate(r) {
    return r.expect('AutoEnableControls', (v) => (v && v.k === 'unknown' ? { unknown: v } : asBool(v) !== false), {
      pass: 'new controls in enabled standards are turned on automatically',
      fail: 'AutoEnableControls is false: controls added to a standard later stay disabled',
    });
  },
});
