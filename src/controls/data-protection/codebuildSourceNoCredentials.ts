import { defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Evidence, Value } from '../../model/types.js';
import { asList, asString, prop } from '../../model/value.js';
import { keyAt } from '../lib/operations.js';
import { findSecrets, mask } from '../lib/secrets.js';

/** `https://<userinfo>@host`: a token or user:password before the host of a repository URL. */
const USERINFO = /^(https?:\/\/)([^/@\s]+)@/i;

export default defineControl({
  id: 'AT-CB-006',
  title: 'CodeBuild source locations do not embed repository credentials',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::CodeBuild::Project'],
  rationale: 'A personal access token or password in a source URL is stored in the project and shown to anyone who can view it, and grants the repository access of its owner rather than of the build.',
  remediation: 'Use a plain repository URL and connect the source provider with an AWS CodeConnections connection or AWS::CodeBuild::SourceCredential (with the token from Secrets Manager).',
  remediationTerraform: 'Write plain repository URLs in source { location } and secondary_sources { location } of the aws_codebuild_project, and connect the source provider with an AWS CodeConnections connection or an aws_codebuild_source_credential whose token comes from Secrets Manager.',
  references: { guard: ['CODEBUILD_PROJECT_SOURCE_REPO_URL_CHECK'] },
  evaluate(r): Outcome {
    const sources: { path: string; v: Value | undefined; item: Value }[] = [];
    const src = r.get('Source');
    if (src) sources.push({ path: 'Source', v: prop(src, 'Location'), item: src });
    (asList(r.get('SecondarySources')) ?? []).forEach((s, i) => sources.push({ path: `SecondarySources[${i}]`, v: prop(s, 'Location'), item: s }));
    const located = sources.filter((s) => s.v !== undefined);
    if (located.length === 0) return r.notApplicable('no source location is declared');
    const ok: Evidence[] = [];
    for (const s of located) {
      const at = keyAt(s.item, 'Location');
      const url = asString(s.v);
      const m = url ? USERINFO.exec(url) : null;
      const hit = url ? findSecrets(url)[0] : undefined;
      if (m || hit) {
        const shown = m ? url!.replace(USERINFO, `$1${mask(m[2])}@`) : `${hit!.kind} ${hit!.masked}`;
        return r.fail(`${s.path}.Location embeds credentials (${m ? 'user information before the host' : hit!.kind}): they are stored in the project in plain text`, at,
          [evidenceAt(`Properties.${s.path}.Location`, { k: 'scalar', v: shown, loc: s.v!.loc }, at)]);
      }
      ok.push(evidenceAt(`Properties.${s.path}.Location`, s.v, at));
    }
    return r.pass('source locations carry no credentials', keyAt(located[0].item, 'Location'), ok);
  },
});
