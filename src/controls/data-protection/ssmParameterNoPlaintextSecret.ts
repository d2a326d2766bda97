import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';
import { credentialIn, looksSecretName, maskedValue, deployInputsOf, secretExposure } from '../lib/secrets.js';
import { whereWritten } from '../lib/where.js';

export default defineControl({
  id: 'AT-SSM-001',
  title: 'SSM parameters created by the template do not hold secrets as plain String values',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::SSM::Parameter'],
  rationale: 'String and StringList parameters are stored unencrypted and returned to anyone allowed ssm:GetParameter, and a value written in the template also sits in source control and the stack history. CloudFormation cannot create SecureString parameters, so a secret declared as AWS::SSM::Parameter is always stored in plain text.',
  remediation: 'Do not create secrets with AWS::SSM::Parameter: CloudFormation supports only String and StringList. Store the secret in Secrets Manager (AWS::SecretsManager::Secret with GenerateSecretString), or create a SecureString parameter outside the stack (CLI, console, or a custom resource) and reference it with {{resolve:ssm-secure:name}}.',
  references: {},
  evaluate(r): Outcome {
    const type = asString(r.get('Type')) ?? 'String';
    const value = r.get('Value');
    const typeAt = whereWritten(r, 'Type');
    const valueAt = whereWritten(r, 'Value');
    const shownValue = value && value.k === 'scalar' ? maskedValue(value, true) : value;
    const cred = credentialIn(value);
    if (cred && value) {
      return r.fail(`the value holds a credential: ${cred.why}; a ${type} parameter stores it unencrypted`, valueAt,
        [evidenceAt('Properties.Value', maskedValue(value, false), valueAt, cred.hit.kind), r.evidence('Type')]);
    }
    const name = asString(r.get('Name'));
    const named = [name?.split('/').pop(), r.id].filter((n): n is string => !!n).find(looksSecretName);
    const nameV = r.get('Name');
    if (!named && nameV && nameV.k === 'unknown') return r.unknown('whether the parameter holds a secret depends on its name, known only at deploy time', nameV, whereWritten(r, 'Name'), [r.evidence('Name'), r.evidence('Type')]);
    if (!named) return r.pass('neither the parameter name nor its value looks like a credential', valueAt, [r.evidence('Name'), evidenceAt('Properties.Value', shownValue, valueAt)]);
    const ex = secretExposure(value, deployInputsOf(r));
    const ev = [r.evidence('Name', r.get('Name'), name ? undefined : `not set; judged by the logical id ${r.id}`), r.evidence('Type'), evidenceAt('Properties.Value', ex?.exposed ? shownValue : value, valueAt, ex?.why)];
    if (ex?.exposed) return r.fail(`${named} looks like a secret and its value is ${ex.why}, stored as an unencrypted ${type} parameter`, valueAt, ev);
    return r.fail(`${named} looks like a secret but is a ${type} parameter: its value (${ex?.why ?? 'empty'}) is stored unencrypted and CloudFormation cannot create a SecureString`, typeAt, ev);
  },
});
