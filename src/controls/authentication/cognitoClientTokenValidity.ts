import { all, decide, defineControl, evidenceAt, type Verdict } from '../api.js';
import type { Value } from '../../model/types.js';
import { asNumber, asString, getPath } from '../../model/value.js';

const MINUTES: Record<string, number> = { seconds: 1 / 60, minutes: 1, hours: 60, days: 1440 };

/** Token kinds: property, unit key, default unit, default value (in that unit), limit in minutes. */
const TOKENS = [
  { prop: 'AccessTokenValidity', unit: 'AccessToken', defUnit: 'hours', limit: 60, label: 'access token', max: '1 hour' },
  { prop: 'IdTokenValidity', unit: 'IdToken', defUnit: 'hours', limit: 60, label: 'ID token', max: '1 hour' },
  { prop: 'RefreshTokenValidity', unit: 'RefreshToken', defUnit: 'days', limit: 30 * 1440, label: 'refresh token', max: '30 days' },
];

export default defineControl({
  id: 'AT-COG-010',
  title: 'Cognito app client tokens are short-lived (access/ID tokens at most 1 hour, refresh tokens at most 30 days)',
  domain: 'authentication',
  severity: 'low',
  resourceTypes: ['AWS::Cognito::UserPoolClient'],
  rationale: 'Access and ID tokens cannot be revoked individually once issued, and refresh tokens mint new ones; long validity extends how long a stolen token stays useful.',
  remediation: 'Keep AccessTokenValidity and IdTokenValidity at 60 minutes or less and RefreshTokenValidity at 30 days or less, interpreting each in its TokenValidityUnits unit (hours / hours / days by default).',
  remediationTerraform: 'On the aws_cognito_user_pool_client keep access_token_validity and id_token_validity at 60 minutes or less and refresh_token_validity at 30 days or less, each read in the unit its token_validity_units block gives (hours, hours and days when unset).',
  references: {},
  evaluate(r) {
    const verdicts: { d: Verdict; prop: string }[] = [];
    const bad: string[] = [];
    for (const t of TOKENS) {
      const v = r.get(t.prop);
      if (!v) continue; // Cognito defaults: 60 minutes, 60 minutes, 30 days
      const unitV = r.get(`TokenValidityUnits.${t.unit}`);
      const d = decide(v, (x: Value | undefined): Verdict => decide(unitV, (u): Verdict => {
        const n = asNumber(x);
        if (n === undefined) return false;
        const unit = (u ? asString(u) : undefined) ?? t.defUnit;
        // A unit Cognito does not define is not read as the default: the lifetime is not known.
        if (!Object.hasOwn(MINUTES, unit)) {
          return { unknown: { k: 'unknown', reason: `TokenValidityUnits.${t.unit} "${unit}" is not a unit known to Cognito (seconds, minutes, hours, days)`, params: [], loc: u?.loc ?? x!.loc } };
        }
        const ok = n * MINUTES[unit]! <= t.limit;
        if (!ok) bad.push(`${t.label} ${n} ${unit} (max ${t.max})`);
        return ok;
      }));
      verdicts.push({ d, prop: t.prop });
    }
    const ev = [...TOKENS.map((t) => r.evidence(t.prop)), evidenceAt('Properties.TokenValidityUnits', getPath(r.properties, 'TokenValidityUnits'), r.locate('TokenValidityUnits'))];
    const d = all(verdicts.map((x) => x.d));
    // The lifetime that decides: the first too long, else the first set (the resource when all are defaults); an unknown is located where it is written.
    const deciding = verdicts.find((x) => x.d === false) ?? verdicts[0];
    const at = deciding ? r.locate(deciding.prop) : r.resource.loc;
    if (d === true) return r.pass('token lifetimes are within 1 hour (access/ID) and 30 days (refresh)', at, ev);
    if (d === false) return r.fail(`token lifetimes too long: ${[...new Set(bad)].join(', ')}`, at, ev);
    return r.unknown('a token lifetime is not known', d.unknown, d.unknown.loc, ev);
  },
});
