import { defineControl } from '../api.js';
import { asBool } from '../../model/value.js';

export default defineControl({
  id: 'AT-SH-001',
  title: 'Security Hub is enabled with security standards',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::SecurityHub::Hub'],
  rationale: 'Security Hub only evaluates resources against the standards that are enabled; a hub without any standard aggregates findings but runs no checks of its own.',
  remediation: 'Leave EnableDefaultStandards at its default (true), or declare AWS::SecurityHub::Standard resources for the standards you need.',
  remediationTerraform: 'Remove enable_default_standards = false from the aws_securityhub_account (the provider defaults it to true), or declare an aws_securityhub_standards_subscription for each standard you need.',
  references: {},
  evaluate(r) {
    const v = r.get('EnableDefaultStandards');
    const ev = [r.evidence('EnableDefaultStandards', v)];
    const at = r.locate('EnableDefaultStandards');
    const standards = r.graph.ofType('AWS::SecurityHub::Standard', r.resource);
    if (standards.length) {
      // The declared subscription decides, whatever EnableDefaultStandards says: point at it.
      const s0 = standards[0]!;
      return r.pass(`standards are enabled explicitly: ${standards.map((s) => s.id).join(', ')}`, s0.properties.keyLocs.get('StandardsArn') ?? s0.loc, [
        ...ev, ...standards.map((s) => ({ path: `${s.id}.Properties.StandardsArn`, value: 'AWS::SecurityHub::Standard', file: s.loc.file, line: s.loc.line, column: s.loc.column })),
      ]);
    }
    if (v && v.k === 'unknown') return r.unknown('EnableDefaultStandards is only known at deploy time', v, at, ev);
    if (asBool(v) === false) return r.fail('EnableDefaultStandards is false and no AWS::SecurityHub::Standard is declared in this template', at, ev);
    return r.pass('the default security standards are enabled', at, ev);
  },
});
