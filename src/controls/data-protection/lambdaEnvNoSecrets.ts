import { defineControl, evidenceAt } from '../api.js';
import { LAMBDA_TYPES } from '../lib/operations.js';
import { credentialIn, looksSecretName, maskedValue, deployInputsOf, secretExposure } from '../lib/secrets.js';

export default defineControl({
  id: 'AT-LAMBDA-004',
  title: 'Lambda environment variables do not contain plaintext secrets',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: LAMBDA_TYPES,
  rationale: 'Values written into the template end up in source control, in the CloudFormation console and in the function configuration, readable by far more people than should hold the credential.',
  remediation: 'Store the secret in Secrets Manager or SSM SecureString and pass its ARN or name; read it at runtime (or use the Parameters and Secrets Lambda extension).',
  remediationTerraform: 'Remove the secret from environment { variables } of the aws_lambda_function: store it in an aws_secretsmanager_secret or a SecureString aws_ssm_parameter, pass its ARN or name, and read it at runtime (or with the Parameters and Secrets Lambda extension).',
  references: { checkov: ['CKV_AWS_45'] },
  evaluate(r) {
    const vars = r.get('Environment.Variables');
    if (!vars) return r.notApplicable('the function defines no environment variables');
    if (vars.k === 'unknown') return r.unknown('Environment.Variables is only known at deploy time', vars, undefined, [r.evidence('Environment.Variables', vars)]);
    if (vars.k !== 'object') return r.notApplicable('Environment.Variables is not a mapping');
    const inputs = deployInputsOf(r);
    const names = [...vars.props.keys()];
    const secretish = names.filter(looksSecretName);
    // A value shaped like a credential is a secret whatever it is named (AWS_KEY: AKIA..., DATABASE_URL with a password).
    const shaped = names.filter((n) => !secretish.includes(n)).flatMap((name) => {
      const v = vars.props.get(name)!;
      const c = credentialIn(v);
      if (!c) return [];
      const at = vars.keyLocs.get(name) ?? vars.loc;
      return [{ name, why: c.why, at, ev: evidenceAt(`Properties.Environment.Variables.${name}`, maskedValue(v, false), at, c.hit.kind) }];
    });
    const checks = secretish.map((name) => {
      const v = vars.props.get(name)!;
      const ex = secretExposure(v, inputs);
      const at = vars.keyLocs.get(name) ?? vars.loc;
      return { name, ex, ev: evidenceAt(`Properties.Environment.Variables.${name}`, ex?.exposed ? maskedValue(v, true) : v, at, ex?.why), at };
    });
    const bad = [...checks.filter((c) => c.ex?.exposed).map((c) => ({ name: c.name, why: c.ex!.why, at: c.at, ev: c.ev })), ...shaped];
    if (bad.length) return r.fail(`plaintext secret in environment variable ${bad.map((b) => b.name).join(', ')}: ${bad[0].why}`, bad[0].at, bad.map((b) => b.ev));
    if (secretish.length === 0) {
      return r.pass('no environment variable is named like a credential or holds a credential-shaped value', r.locate('Environment.Variables'), [r.evidence('Environment.Variables', vars, `names: ${names.join(', ') || '(none)'}`)]);
    }
    return r.pass(`credential-like variables (${secretish.join(', ')}) are not written in the template`, checks[0].at, checks.map((c) => c.ev));
  },
});
