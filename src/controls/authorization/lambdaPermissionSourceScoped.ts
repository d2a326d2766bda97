import { decide, defineControl, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';
import { isPresent } from '../predicates.js';

const SCOPES = ['SourceArn', 'SourceAccount'];

export default defineControl({
  id: 'AT-LAMBDA-012',
  title: 'Lambda permissions for AWS services name the source resource or account',
  domain: 'authorization',
  severity: 'medium',
  resourceTypes: ['AWS::Lambda::Permission'],
  rationale: 'A permission for a service principal (s3.amazonaws.com, sns.amazonaws.com) without SourceArn or SourceAccount lets that service invoke the function on behalf of any account\'s resource: someone else\'s bucket or topic can then trigger it (the confused deputy problem).',
  remediation: 'Set SourceArn to the bucket, topic, rule or API that should invoke the function, or at least SourceAccount.',
  remediationTerraform: 'Set source_arn on the aws_lambda_permission to the bucket, topic, rule or API that should invoke the function, or at least source_account.',
  references: { trivy: ['AVD-AWS-0067'] },
  evaluate(r): Outcome {
    const principal = r.get('Principal');
    const at = r.locate('Principal');
    const svc = decide(principal, (v) => (v && v.k === 'unknown' ? { unknown: v } : /\.amazonaws\.com(\.cn)?$|\.amazon\.com$/.test(asString(v) ?? '')));
    if (svc === false) return r.notApplicable('the principal is not an AWS service');
    const ev = [r.evidence('Principal', principal), ...SCOPES.map((s) => r.evidence(s))];
    if (svc !== true) return r.unknown('cannot tell whether the principal is an AWS service', svc.unknown, at, ev);
    for (const s of SCOPES) {
      const d = decide(r.get(s), isPresent);
      if (d === true) return r.pass(`the ${asString(principal)} permission is limited by ${s}`, r.locate(s), ev);
    }
    for (const s of SCOPES) {
      const d = decide(r.get(s), isPresent);
      if (d !== false && d !== true) return r.unknown(`whether ${s} limits the permission depends on a deploy-time value`, d.unknown, r.locate(s), ev);
    }
    return r.fail(`${asString(principal)} may invoke the function for any account's resources: no SourceArn or SourceAccount`, at, ev);
  },
});
