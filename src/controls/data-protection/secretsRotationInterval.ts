import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { asNumber, asString, prop } from '../../model/value.js';
import { maxIntervalDays } from '../lib/schedule.js';

const MAX_DAYS = 90;

export default defineControl({
  id: 'AT-SM-003',
  title: 'Secrets Manager rotation schedules rotate secrets at least every 90 days',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::SecretsManager::RotationSchedule'],
  rationale: 'Rotation bounds how long a leaked credential stays useful; an interval longer than about a quarter leaves a copied password valid for most of a year.',
  remediation: 'Set RotationRules.AutomaticallyAfterDays to 90 or less, or a ScheduleExpression such as rate(30 days) or cron(0 4 1 * ? *).',
  remediationTerraform: 'Set rotation_rules { automatically_after_days = 90 or less } on the aws_secretsmanager_secret_rotation, or schedule_expression such as rate(30 days) or cron(0 4 1 * ? *).',
  references: { checkov: ['CKV_AWS_304'] },
  evaluate(r): Outcome {
    const rules = r.get('RotationRules');
    const at = r.locate('RotationRules');
    if (rules === undefined) return r.fail('no RotationRules: the schedule sets no rotation interval', at, [r.evidence('RotationRules', rules, 'not set')]);
    if (rules.k === 'unknown') return r.unknown('the rotation rules depend on a deploy-time value', rules, at, [r.evidence('RotationRules')]);
    const days = prop(rules, 'AutomaticallyAfterDays');
    const expr = prop(rules, 'ScheduleExpression');
    const v = expr ?? days;
    const vat = rules.k === 'object' ? rules.keyLocs.get(expr ? 'ScheduleExpression' : 'AutomaticallyAfterDays') ?? at : at;
    const ev = [evidenceAt(`Properties.RotationRules.${expr ? 'ScheduleExpression' : 'AutomaticallyAfterDays'}`, v, vat)];
    if (v === undefined) return r.fail('RotationRules sets neither AutomaticallyAfterDays nor ScheduleExpression: no rotation interval', at, [r.evidence('RotationRules')]);
    if (v.k === 'unknown') return r.unknown('the rotation interval depends on a deploy-time value', v, vat, ev);
    const interval = expr ? maxIntervalDays(asString(expr) ?? '') : asNumber(days);
    if (interval === undefined) {
      return r.unknown(`the interval of ${asString(expr) ?? 'the schedule'} is not known`, { k: 'unknown', reason: 'the schedule expression cannot be bounded statically', params: [], loc: vat }, vat, ev);
    }
    const shown = expr ? `${asString(expr)} (up to ${Math.round(interval * 10) / 10} days apart)` : `every ${interval} days`;
    if (interval <= MAX_DAYS) return r.pass(`secrets are rotated ${shown}`, vat, ev);
    return r.fail(`secrets are rotated ${shown}, more than ${MAX_DAYS} days`, vat, ev);
  },
});
