import { defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Evidence, Loc } from '../../model/types.js';
import { asString, prop } from '../../model/value.js';
import { itemsOf, keyAt } from '../lib/operations.js';
import { credentialIn, looksSecretName, maskedValue, deployInputsOf, secretExposure } from '../lib/secrets.js';

export default defineControl({
  id: 'AT-CB-003',
  title: 'CodeBuild environment variables do not hold plaintext credentials',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::CodeBuild::Project'],
  rationale: 'PLAINTEXT environment variables are shown to anyone who can view the project or its builds, and the value written in the template also sits in source control. Credentials belong in Parameter Store or Secrets Manager, which CodeBuild reads at build time.',
  remediation: 'Set Type: SECRETS_MANAGER (Value: the secret id, optionally :json-key) or Type: PARAMETER_STORE (Value: the SecureString parameter name) for every credential; use the project\'s service role instead of AWS access keys.',
  remediationTerraform: 'In each environment { environment_variable } block of the aws_codebuild_project that holds a credential, set type = "SECRETS_MANAGER" (value: the secret id, optionally :json-key) or type = "PARAMETER_STORE" (value: the SecureString parameter name); use the project\'s service_role instead of AWS access keys.',
  references: { guard: ['CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK'] },
  evaluate(r): Outcome {
    const env = r.get('Environment');
    if (env?.k === 'unknown') return r.unknown('the build environment depends on a deploy-time value', env, r.locate('Environment'), [r.evidence('Environment', env)]);
    const { items, unknown } = itemsOf(r, 'Environment.EnvironmentVariables');
    if (unknown) return r.unknown('the environment variables depend on a deploy-time value', unknown, r.locate('Environment.EnvironmentVariables'), [r.evidence('Environment.EnvironmentVariables', unknown)]);
    if (items.length === 0) return r.notApplicable('the project defines no environment variables');
    const inputs = deployInputsOf(r);
    const bad: { name: string; why: string; ev: Evidence; at: Loc }[] = [];
    const ok: Evidence[] = [];
    for (const it of items) {
      if (it.value.k === 'unknown') continue;
      const name = asString(prop(it.value, 'Name')) ?? `#${it.index}`;
      const type = asString(prop(it.value, 'Type')) ?? 'PLAINTEXT';
      const v = prop(it.value, 'Value');
      const at = keyAt(it.value, 'Value');
      const path = `${it.path}.Value`;
      // Parameter Store and Secrets Manager variables hold a name, resolved by CodeBuild at build time.
      if (type !== 'PLAINTEXT') { ok.push(evidenceAt(path, v, at, `${name}: ${type}, resolved at build time`)); continue; }
      const cred = credentialIn(v);
      if (cred && v) { bad.push({ name, why: cred.why, ev: evidenceAt(path, maskedValue(v, false), at, `${name}: ${cred.hit.kind}`), at }); continue; }
      if (!looksSecretName(name)) continue;
      const ex = secretExposure(v, inputs);
      const e = evidenceAt(path, ex?.exposed && v ? maskedValue(v, true) : v, at, `${name}: PLAINTEXT, ${ex?.why ?? 'empty'}`);
      if (ex?.exposed) bad.push({ name, why: ex.why, ev: e, at });
      else ok.push(e);
    }
    if (bad.length) return r.fail(`plaintext credential in environment variable ${bad.map((b) => b.name).join(', ')}: ${bad[0].why}`, bad[0].at, bad.map((b) => b.ev));
    // A variable not known before apply (a dynamic block over a variable) could hold anything.
    const undecided = items.find((i) => i.value.k === 'unknown');
    if (undecided) return r.unknown('an environment variable depends on a deploy-time value', undecided.value, undecided.value.loc, [evidenceAt(undecided.path, undecided.value, undecided.value.loc)]);
    return r.pass('no PLAINTEXT variable holds a credential written in the template', r.locate('Environment.EnvironmentVariables'),
      ok.length ? ok : [r.evidence('Environment.EnvironmentVariables', undefined, `names: ${items.map((i) => asString(prop(i.value, 'Name')) ?? '?').join(', ')}`)]);
  },
});
