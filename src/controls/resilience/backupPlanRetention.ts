import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { atLeast } from '../predicates.js';
import { asList, asString, getPath } from '../../model/value.js';
import { at } from '../lib/data.js';

export default defineControl({
  id: 'AT-BAK-001',
  title: 'AWS Backup plan rules keep recovery points for at least 7 days',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  rationale: 'A backup that expires within days may be gone before corruption or an intrusion is noticed. Rules without a lifecycle keep recovery points until deleted by hand.',
  remediation: 'Set Lifecycle.DeleteAfterDays on each rule to 7 or more (35 or more for production data), or omit it to keep recovery points indefinitely.',
  remediationTerraform: 'Set lifecycle { delete_after = 7 or more } (35 or more for production data) in each rule of the aws_backup_plan, or leave delete_after out to keep recovery points indefinitely.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const path = 'BackupPlan.BackupPlanRule';
    const rules = r.get(path);
    if (rules && rules.k === 'unknown') return r.unknown('the backup rules depend on a deploy-time value', rules, r.locate(path), [r.evidence(path)]);
    const items = asList(rules) ?? [];
    if (items.length === 0) return r.fail('the plan declares no backup rules', r.locate(path), [r.evidence(path)]);
    return items.map((rule, i): Outcome => {
      const name = asString(getPath(rule, 'RuleName')) ?? `rule ${i}`;
      const { v, loc } = at(rule, 'Lifecycle.DeleteAfterDays', rule.loc);
      const ev = [evidenceAt(`Properties.${path}.${i}.Lifecycle.DeleteAfterDays`, v, loc)];
      if (v === undefined) return r.pass(`${name} has no expiry: recovery points are kept until deleted`, loc, ev);
      const d = decide(v, atLeast(7));
      if (d === true) return r.pass(`${name} keeps recovery points for 7 days or more`, loc, ev);
      if (d === false) return r.fail(`${name} deletes recovery points after less than 7 days`, loc, ev);
      return r.unknown(`retention of ${name} depends on a deploy-time value`, d.unknown, loc, ev);
    });
  },
});
