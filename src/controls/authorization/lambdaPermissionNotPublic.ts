import { any, decide, defineControl } from '../api.js';
import { isPresent } from '../predicates.js';
import { asString } from '../../model/value.js';

const SCOPES = ['SourceArn', 'SourceAccount', 'PrincipalOrgID'];

export default defineControl({
  id: 'AT-LAMBDA-005',
  title: 'Lambda permissions do not let anyone invoke the function',
  domain: 'authorization',
  severity: 'high',
  resourceTypes: ['AWS::Lambda::Permission'],
  rationale: 'A resource policy statement with Principal "*" and no source or organization condition lets any AWS account (or anyone, for function URLs) invoke the function.',
  remediation: 'Set Principal to the specific account or service, and for service principals add SourceArn or SourceAccount; use PrincipalOrgID to share within an organization.',
  remediationTerraform: 'Set principal on the aws_lambda_permission to the specific account or service and, for a service principal, add source_arn or source_account; use principal_org_id to share within an organization.',
  references: { cfn_nag: ['F13'], guard: ['LAMBDA_NO_WILDCARD_PRINCIPAL'] },
  evaluate(r) {
    const principal = r.get('Principal');
    const ev = [r.evidence('Principal', principal), ...SCOPES.map((s) => r.evidence(s))];
    const at = r.locate('Principal');
    const d = decide(principal, (v) => (v && v.k === 'unknown' ? { unknown: v } : asString(v) === '*'));
    if (d === false) return r.pass('the permission names a specific principal', at, ev);
    const scoped = any(SCOPES.map((s) => decide(r.get(s), isPresent)));
    if (scoped === true) {
      // The condition that limits the wildcard is what decides, not the wildcard itself.
      const by = SCOPES.find((s) => decide(r.get(s), isPresent) === true)!;
      return r.pass(`the wildcard principal is limited by ${by}`, r.locate(by), ev);
    }
    if (d === true && scoped === false) {
      const url = asString(r.get('FunctionUrlAuthType')) === 'NONE' ? ' through an unauthenticated function URL' : '';
      return r.fail(`Principal is "*" with no SourceArn, SourceAccount or PrincipalOrgID: anyone can invoke the function${url}`, at, ev);
    }
    const blocking = typeof d === 'object' ? d.unknown : typeof scoped === 'object' ? scoped.unknown : undefined;
    return r.unknown('cannot tell whether the permission is public', blocking, at, ev);
  },
});
