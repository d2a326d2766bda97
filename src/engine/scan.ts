import type { Finding, Resource, Skipped, SourceError, SourceInfo, Template, Unevaluated } from '../model/types.js';
import { ResourceContext, type Control, type Outcome } from '../controls/api.js';
import { frameworksFor } from '../frameworks/index.js';
import { errorText, loadSources, type LoadOptions } from '../sources/index.js';
import { Graph } from './graph.js';
import { readSuppressions, suppressionFor } from './suppressions.js';

export interface ScanOptions extends LoadOptions {
  controls: Control[];
  /** Reference date for suppression expiry (YYYY-MM-DD); today by default. */
  today?: string;
}

export interface ScanResult {
  /** Paths named to scan that do not exist or cannot be read (reported before anything else). */
  pathErrors: SourceInfo[];
  sources: SourceInfo[];
  /** Candidate files that were not scanned, with the reason. */
  skipped: Skipped[];
  templates: Template[];
  graph: Graph;
  findings: Finding[];
  /** Resources no control evaluates, per type, most numerous first. */
  unevaluated: Unevaluated[];
}

/** Read every input under `paths`, whatever its format, then evaluate the controls. */
export function scanPaths(paths: string[], opts: ScanOptions): ScanResult {
  const loaded = loadSources(paths, opts);
  // A path error is an input error like any other: it stays in the sources, so the run fails closed.
  const sources = [...loaded.pathErrors, ...loaded.sources];
  return { pathErrors: loaded.pathErrors, sources, skipped: loaded.skipped, templates: loaded.templates, ...evaluate(loaded.templates, sources, opts) };
}

/** Evaluate controls over already-loaded templates. Suppression errors are added to their source. */
export function evaluate(templates: Template[], sources: SourceInfo[], opts: ScanOptions): { graph: Graph; findings: Finding[]; unevaluated: Unevaluated[] } {
  const graph = new Graph(templates);
  const byType = new Map<string, Control[]>();
  for (const c of opts.controls) for (const t of c.resourceTypes) {
    let l = byType.get(t);
    if (!l) byType.set(t, (l = []));
    l.push(c);
  }
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const frameworks = new Map(opts.controls.map((c) => [c, frameworksFor(c.id)]));
  const findings: Finding[] = [];
  const sourceByFile = new Map(sources.map((s) => [s.file, s]));
  /** The findings of every control on one resource (suppression errors go to `errs`). */
  const findingsOf = (r: Resource, controls: Control[], errs: SourceError[]): Finding[] => {
    const out: Finding[] = [];
    const supp = readSuppressions(r, errs);
    const ctx = new ResourceContext(r, graph, today, opts.params?.['AWS::Region']);
    for (const c of controls) {
      let outs: Outcome | Outcome[] | undefined;
      try {
        outs = c.evaluate(ctx);
      } catch (e) {
        // A control bug must not turn into a pass, nor stop the scan.
        outs = { status: 'unknown', message: `control ${c.id} could not evaluate this resource: ${errorText(e)}`, evidence: [] };
      }
      if (!outs) continue;
      for (const o of Array.isArray(outs) ? outs : [outs]) {
        const at = o.at ?? r.loc;
        const f: Finding = {
          controlId: c.id, title: c.title, domain: c.domain, status: o.status, severity: c.severity, message: o.message,
          resource: { type: r.type, id: r.id, file: r.file, line: r.loc.line, ...(r.sourceType ? { sourceType: r.sourceType } : {}) },
          location: { file: at.file, line: at.line, column: at.column },
          evidence: o.evidence,
          references: { checkov: c.references.checkov ?? [], trivy: c.references.trivy ?? [], cfn_nag: c.references.cfn_nag ?? [], cdk_nag: c.references.cdk_nag ?? [] },
          frameworks: frameworks.get(c)!,
        };
        if (r.condition && r.condition.state === 'unknown') {
          f.message += ` (resource exists only when condition ${r.condition.name} holds)`;
        }
        if (o.dependsOn && o.dependsOn.length) f.dependsOn = o.dependsOn;
        if (o.status === 'fail' || o.status === 'unknown') {
          const s = suppressionFor(supp, c);
          if (s) {
            const { ids: _ids, ...rest } = s;
            void _ids;
            const expired = s.expires !== undefined && s.expires < today;
            f.suppression = { ...rest, ...(expired ? { expired: true } : {}) };
            if (expired) f.message += ` (suppression expired on ${s.expires}; it no longer applies)`;
            else f.status = 'suppressed';
          }
        }
        out.push(f);
      }
    }
    return out;
  };
  const unevaluated = new Map<string, Unevaluated>();
  const count = (type: string, sourceType: string | undefined, reason: Unevaluated['reason']) => {
    const k = `${reason}\u0000${type}\u0000${sourceType ?? ''}`;
    const u = unevaluated.get(k);
    if (u) u.count++;
    else unevaluated.set(k, { type, ...(sourceType ? { sourceType } : {}), count: 1, reason });
  };
  for (const t of templates) {
    const errs: SourceError[] = [];
    for (const u of t.untranslated ?? []) count(u.type, undefined, 'not-translated');
    for (const r of t.resources.values()) {
      if (r.condition?.state === false) continue;
      const controls = byType.get(r.type);
      if (!controls) { count(r.type, r.sourceType, 'no-control'); continue; }
      // A resource's findings are kept only when all of them could be made; a failure is that
      // resource's error (the run fails closed), and the other resources are still evaluated.
      let own: Finding[];
      try {
        own = findingsOf(r, controls, errs);
      } catch (e) {
        errs.push({ file: r.file, line: r.loc.line, column: r.loc.column, message: `Attest could not evaluate resource ${r.id} (${errorText(e)}); this is a defect in Attest, please report it. Its findings are left out of the results.` });
        continue;
      }
      for (const f of own) findings.push(f);
    }
    if (errs.length) {
      const s = sourceByFile.get(t.file);
      if (s) s.errors.push(...errs);
      else t.errors.push(...errs);
    }
  }
  const byCount = [...unevaluated.values()].sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return { graph, findings, unevaluated: byCount };
}
