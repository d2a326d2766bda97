import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { stringsOf } from '../lib/workloads.js';

export default defineControl({
  id: 'AT-LAMBDA-011',
  title: 'Lambda function URLs do not allow cross-origin requests from every origin',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::Lambda::Url', 'AWS::Serverless::Function'],
  rationale: 'A CORS policy with AllowOrigins "*" lets scripts on any web site read the function\'s responses from a visitor\'s browser. For a function that serves anything user-specific, that turns every malicious page a user visits into a client of the function.',
  remediation: 'List the exact origins that may call the URL in Cors.AllowOrigins (SAM: FunctionUrlConfig.Cors.AllowOrigins).',
  remediationTerraform: 'List the exact origins that may call the URL in cors { allow_origins = ["https://app.example.com"] } of the aws_lambda_function_url.',
  references: {},
  evaluate(r): Outcome {
    let base = 'Cors';
    if (r.type === 'AWS::Serverless::Function') {
      if (!r.get('FunctionUrlConfig')) return r.notApplicable('the function has no function URL');
      base = 'FunctionUrlConfig.Cors';
    }
    const path = `${base}.AllowOrigins`;
    const v = r.get(path);
    const at = v ? r.locate(path) : r.locate(base);
    if (v === undefined) return r.pass('no CORS origins are allowed: browsers do not let other sites read the responses', at, [evidenceAt(`Properties.${path}`, v, at, 'not set')]);
    const { words, unknown } = stringsOf(v);
    const ev = [r.evidence(path)];
    if (words.includes('*')) return r.fail('Cors.AllowOrigins includes "*": scripts on any web site can read the function\'s responses', at, ev);
    if (unknown) return r.unknown('the allowed origins depend on a deploy-time value', unknown, at, ev);
    return r.pass(`cross-origin requests are allowed from ${words.length ? words.join(', ') : 'no origin'} only`, at, ev);
  },
});
