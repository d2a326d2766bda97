import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';
import { credentialIn, looksSecretName, maskedValue, deployInputsOf, secretExposure } from '../lib/secrets.js';

export default defineControl({
  id: 'AT-SSM-001',
  title: 'SSM parameters created by the template do not hold secrets as plain String values',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::SSM::Parameter'],
  rationale: 'String and StringList parameters are stored unencrypted and returned to anyone allowed ssm:GetParameter, and a value written in the template also sits in source control and the stack history. CloudFormation cannot create SecureString parameters, so a secret declared as AWS::SSM::Parameter is always stored in plain text; Terraform can create them (aws_ssm_parameter type = "SecureString").',
  remediation: 'Do not create secrets with AWS::SSM::Parameter: CloudFormation supports only String and StringList. Store the secret in Secrets Manager (AWS::SecretsManager::Secret with GenerateSecretString), or create a SecureString parameter outside the stack (CLI, console, or a custom resource) and reference it with {{resolve:ssm-secure:name}}.',
  remediationTerraform: 'Set type = "SecureString" on the aws_ssm_parameter and take value from a sensitive variable, a generated password (random_password) or another secret store, never a literal written in the configuration; or keep the secret in an aws_secretsmanager_secret instead.',
  references: {},
  evaluate(r): Outcome {
    const typeV = r.get('Type');
    const type = asString(typeV) ?? 'String';
    // Terraform (unlike CloudFormation) creates SecureString parameters, encrypted with KMS.
    const secure = type === 'SecureString';
    const terraform = /^terraform/.test(r.graph.template(r.resource)?.format ?? '');
    const value = r.get('Value');
    const typeAt = r.locate('Type');
    const valueAt = r.locate('Value');
    const shownValue = value && value.k === 'scalar' ? maskedValue(value, true) : value;
    const cred = credentialIn(value);
    if (cred && value) {
      return r.fail(`the value holds a credential: ${cred.why}; ${secure ? 'SecureString encrypts it in SSM, but its text is written in the configuration' : `a ${type} parameter stores it unencrypted`}`, valueAt,
        [evidenceAt('Properties.Value', maskedValue(value, false), valueAt, cred.hit.kind), r.evidence('Type')]);
    }
    const name = asString(r.get('Name'));
    const named = [name?.split('/').pop(), r.id].filter((n): n is string => !!n).find(looksSecretName);
    const nameV = r.get('Name');
    if (!named && nameV && nameV.k === 'unknown') return r.unknown('whether the parameter holds a secret depends on its name, known only at deploy time', nameV, r.locate('Name'), [r.evidence('Name'), r.evidence('Type')]);
    if (!named) return r.pass('neither the parameter name nor its value looks like a credential', valueAt, [r.evidence('Name'), evidenceAt('Properties.Value', shownValue, valueAt)]);
    const ex = secretExposure(value, deployInputsOf(r));
    const ev = [r.evidence('Name', r.get('Name'), name ? undefined : `not set; judged by the logical id ${r.id}`), r.evidence('Type'), evidenceAt('Properties.Value', ex?.exposed ? shownValue : value, valueAt, ex?.why)];
    if (secure) {
      if (ex?.exposed) return r.fail(`${named} looks like a secret: SecureString encrypts it in SSM, but its value is ${ex.why}`, valueAt, ev);
      return r.pass(`${named} is a SecureString parameter, encrypted with KMS; its value is ${ex?.why ?? 'empty'}`, typeAt, ev);
    }
    if (typeV && typeV.k === 'unknown') return r.unknown(`${named} looks like a secret; whether it is stored as a SecureString depends on its type, known only at deploy time`, typeV, typeAt, ev);
    if (ex?.exposed) return r.fail(`${named} looks like a secret and its value is ${ex.why}, stored as an unencrypted ${type} parameter`, valueAt, ev);
    const instead = terraform ? 'set type = "SecureString"' : 'CloudFormation cannot create a SecureString';
    return r.fail(`${named} looks like a secret but is a ${type} parameter: its value (${ex?.why ?? 'empty'}) is stored unencrypted; ${instead}`, typeAt, ev);
  },
});
