import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';
import type { Evidence, Loc } from '../../model/types.js';
import { itemsOf, keyAt } from '../lib/operations.js';
import { credentialIn, looksSecretName, maskedValue, deployInputsOf, secretExposure } from '../lib/secrets.js';

export default defineControl({
  id: 'AT-ECS-004',
  title: 'ECS container environments do not contain plaintext secrets',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  rationale: 'Environment values in a task definition are visible to anyone who can describe it and stay in every revision; credentials belong in Secrets Manager or SSM and are injected with Secrets.',
  remediation: 'Move credential values from Environment to Secrets (Name plus ValueFrom pointing to a Secrets Manager secret or SSM SecureString parameter).',
  remediationTerraform: 'In the container_definitions JSON of the aws_ecs_task_definition, move credential values from environment to secrets entries (name plus valueFrom naming a Secrets Manager secret or SSM SecureString parameter ARN).',
  references: { trivy: ['AVD-AWS-0036'] },
  evaluate(r): Outcome {
    const { items, unknown } = itemsOf(r, 'ContainerDefinitions');
    if (unknown) return r.unknown('ContainerDefinitions is only known at deploy time', unknown, undefined, [r.evidence('ContainerDefinitions', unknown)]);
    if (items.length === 0) return r.notApplicable('the task definition declares no containers');
    const inputs = deployInputsOf(r);
    const bad: { name: string; why: string; ev: Evidence; at: Loc }[] = [];
    const ok: Evidence[] = [];
    for (const c of items) {
      const env = prop(c.value, 'Environment');
      if (!env || env.k !== 'list') {
        ok.push(evidenceAt(`${c.path}.Environment`, env, keyAt(c.value, 'Environment')));
        continue;
      }
      const before = ok.length + bad.length;
      env.items.forEach((e, i) => {
        const name = asString(prop(e, 'Name'));
        const v = prop(e, 'Value');
        const at = keyAt(e, 'Value');
        if (!name || !looksSecretName(name)) {
          // A value shaped like a credential is a secret whatever it is named.
          const cred = credentialIn(v);
          if (cred && v) bad.push({ name: `${c.name}/${name ?? `#${i}`}`, why: cred.why, ev: evidenceAt(`${c.path}.Environment[${i}].Value`, maskedValue(v, false), at, `${name ?? '(unnamed)'}: ${cred.hit.kind}`), at });
          return;
        }
        const ex = secretExposure(v, inputs);
        const shown = ex?.exposed && v ? maskedValue(v, true) : v;
        const ev = evidenceAt(`${c.path}.Environment[${i}].Value`, shown, at, `${name}: ${ex?.why ?? 'empty'}`);
        if (ex?.exposed) bad.push({ name: `${c.name}/${name}`, why: ex.why, ev, at });
        else ok.push(ev);
      });
      if (ok.length + bad.length === before) ok.push(evidenceAt(`${c.path}.Environment`, env, keyAt(c.value, 'Environment'), 'no credential-like names'));
    }
    if (bad.length) return r.fail(`plaintext secret in container environment ${bad.map((b) => b.name).join(', ')}: ${bad[0].why}`, bad[0].at, bad.map((b) => b.ev));
    return r.pass('no credential-like environment variable carries a value written in the template', ok[0] ? { file: ok[0].file, line: ok[0].line, column: ok[0].column } : r.resource.loc, ok);
  },
});
