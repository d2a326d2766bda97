import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Evidence, Value } from '../../model/types.js';
import { asList } from '../../model/value.js';
import { keyAt } from '../lib/operations.js';
import { valueThrough } from '../../model/value.js';
import { isNotTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-CB-007',
  title: 'CodeBuild projects verify the TLS certificate of their source repositories',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::CodeBuild::Project'],
  rationale: 'InsecureSsl makes CodeBuild ignore TLS warnings when it fetches the source, so anyone able to intercept the connection to a GitHub Enterprise server can present their own certificate and feed the build modified code, which then runs with the project\'s role.',
  remediation: 'Remove InsecureSsl: true from Source and SecondarySources; give the project the server\'s CA certificate (Environment.Certificate) instead when it uses a private CA.',
  remediationTerraform: 'Remove insecure_ssl = true from the source and secondary_sources blocks of the aws_codebuild_project; set environment.certificate to the server\'s CA certificate instead when it uses a private CA.',
  references: {},
  evaluate(r): Outcome {
    const sources: { path: string; item: Value }[] = [];
    const src = r.get('Source');
    if (src) sources.push({ path: 'Source', item: src });
    const secondary = r.get('SecondarySources');
    if (secondary?.k === 'unknown') sources.push({ path: 'SecondarySources', item: secondary });
    (asList(secondary) ?? []).forEach((s, i) => sources.push({ path: `SecondarySources[${i}]`, item: s }));
    if (sources.length === 0) return r.notApplicable('no source is declared');
    const ev: Evidence[] = [];
    let undecided: { u: Value & { k: 'unknown' }; at: ReturnType<typeof keyAt> } | undefined;
    for (const s of sources) {
      const v = valueThrough(s.item, 'InsecureSsl');
      const at = s.path === 'Source' ? r.locate('Source.InsecureSsl') : s.item.k === 'unknown' ? s.item.loc : keyAt(s.item, 'InsecureSsl');
      const e = evidenceAt(`Properties.${s.path}.InsecureSsl`, v, at, v === undefined ? 'not set: false' : undefined);
      ev.push(e);
      const d = decide(v, isNotTrue);
      if (d === false) return r.fail(`${s.path}.InsecureSsl is true: the repository\'s TLS certificate is not verified`, at, [e]);
      if (d !== true) undecided ??= { u: d.unknown, at };
    }
    if (undecided) return r.unknown('whether TLS warnings are ignored depends on a deploy-time value', undecided.u, undecided.at, ev);
    return r.pass('source repositories are fetched with TLS verification', sources[0].path === 'Source' ? r.locate('Source.InsecureSsl') : keyAt(sources[0].item, 'InsecureSsl'), ev);
  },
});
