import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Evidence, Loc, Value } from '../../model/types.js';
import { asList, asString, prop } from '../../model/value.js';
import { isNotTrue } from '../predicates.js';
import { keyAt } from '../lib/operations.js';
import { valueThrough } from '../../model/value.js';

/** Artifact types for which EncryptionDisabled does not apply: nothing is written, or CodePipeline stores it under its own key. */
const NOT_STORED_BY_CODEBUILD = new Set(['NO_ARTIFACTS', 'CODEPIPELINE']);

export default defineControl({
  id: 'AT-CB-002',
  title: 'CodeBuild artifacts and S3 build logs are encrypted',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::CodeBuild::Project'],
  rationale: 'Build outputs and logs often hold compiled code, configuration and traces of secrets. CodeBuild encrypts them unless EncryptionDisabled is set, which stores them in S3 in the clear.',
  remediation: 'Remove EncryptionDisabled: true from Artifacts, SecondaryArtifacts and LogsConfig.S3Logs (it is meant only for static websites served from the artifact bucket).',
  remediationTerraform: 'Remove encryption_disabled = true from the artifacts, secondary_artifacts and logs_config.s3_logs blocks of the aws_codebuild_project (it is meant only for static websites served from the artifact bucket).',
  references: { checkov: ['CKV_AWS_78'], trivy: ['AVD-AWS-0018'] },
  evaluate(r): Outcome {
    const places: { path: string; v: Value | undefined; at: Loc; type?: string }[] = [];
    // Blocks known only at deploy time (a parameter, a Terraform block not known before apply)
    // leave their EncryptionDisabled unknown, never unset.
    const artifacts = r.get('Artifacts');
    if (artifacts) places.push({ path: 'Artifacts', v: valueThrough(artifacts, 'EncryptionDisabled'), at: r.locate('Artifacts.EncryptionDisabled'), type: asString(prop(artifacts, 'Type')) });
    const secondary = r.get('SecondaryArtifacts');
    if (secondary?.k === 'unknown') places.push({ path: 'SecondaryArtifacts', v: secondary, at: r.locate('SecondaryArtifacts') });
    (asList(secondary) ?? []).forEach((a, i) => places.push({ path: `SecondaryArtifacts[${i}]`, v: valueThrough(a, 'EncryptionDisabled'), at: keyAt(a, 'EncryptionDisabled'), type: asString(prop(a, 'Type')) }));
    const s3logs = valueThrough(r.properties, 'LogsConfig.S3Logs');
    if (s3logs) places.push({ path: 'LogsConfig.S3Logs', v: valueThrough(s3logs, 'EncryptionDisabled'), at: r.locate('LogsConfig.S3Logs.EncryptionDisabled') });
    const ev: Evidence[] = [];
    let unknown: { u: Value & { k: 'unknown' }; at: Loc } | undefined;
    for (const p of places) {
      const e = evidenceAt(`Properties.${p.path}.EncryptionDisabled`, p.v, p.at, p.v === undefined ? 'not set: encrypted' : undefined);
      ev.push(e);
      if (p.type && NOT_STORED_BY_CODEBUILD.has(p.type)) continue;
      const d = decide(p.v, isNotTrue);
      if (d === false) return r.fail(`${p.path}.EncryptionDisabled is true: ${p.path.startsWith('LogsConfig') ? 'build logs are' : 'build artifacts are'} written to S3 unencrypted`, p.at, [e]);
      if (d !== true) unknown ??= { u: d.unknown, at: p.at };
    }
    if (unknown) return r.unknown('whether artifact encryption is disabled depends on a deploy-time value', unknown.u, unknown.at, ev);
    if (places.length === 0) return r.pass('the project declares no artifacts or S3 logs to encrypt', r.resource.loc, [evidenceAt('Properties.Artifacts', undefined, r.resource.loc)]);
    return r.pass('artifacts and S3 logs keep CodeBuild\'s default encryption', places[0].at, ev);
  },
});
