import type { Finding, Resource, SourceError, Template, Value } from '../model/types.js';
import { ResourceContext, type Control, type Outcome } from '../controls/api.js';
import { frameworksFor } from '../frameworks/index.js';
import { discover, displayPath, loadFile, type Loaded, type Skipped, type SourceInfo } from '../sources/cloudformation/load.js';
import type { ResolveOptions } from '../sources/cloudformation/template.js';
import { Graph } from './graph.js';
import { readSuppressions, suppressionFor } from './suppressions.js';

export interface ScanOptions extends ResolveOptions {
  controls: Control[];
  /** Reference date for suppression expiry (YYYY-MM-DD); today by default. */
  today?: string;
  onProgress?: (done: number, total: number) => void;
  /** Patterns of files and folders the walk leaves out (listed as skipped); see excludeMatcher. */
  exclude?: string[];
}

export interface ScanResult {
  sources: SourceInfo[];
  /** Candidate files that were not scanned, with the reason. */
  skipped: Skipped[];
  templates: Template[];
  graph: Graph;
  findings: Finding[];
}

/** Read every template under `paths`, then evaluate the controls. */
export function scanPaths(paths: string[], opts: ScanOptions): ScanResult {
  const d = discover(paths, { exclude: opts.exclude ?? [] });
  const sources: SourceInfo[] = d.errors.map((e) => ({ file: e.file, format: 'unknown', resources: 0, errors: [e] }));
  const templates: Template[] = [];
  const loaded: { path: string; l: Loaded }[] = [];
  d.files.forEach((f, i) => {
    loaded.push({ path: f.path, l: contained(f.path, () => loadFile(f.path, f.explicit, opts)) });
    opts.onProgress?.(i + 1, d.files.length);
  });
  // Stacks import each other's exports: resolve those imports against the scanned stacks
  // by loading the importing templates again (only those), now knowing every export.
  const exports = new Map<string, { file: string; value: Value }>();
  for (const { l } of loaded) for (const o of l.template?.outputs.values() ?? []) if (o.exportName) exports.set(o.exportName, { file: l.template!.file, value: o.value });
  for (const e of loaded) {
    const again = e.l.resolveAgain;
    if (again && e.l.template!.imports.some((n) => exports.has(n))) e.l = contained(e.path, () => again({ ...opts, exports }));
  }
  const skipped = [...d.skipped];
  for (const { l } of loaded) {
    if (l.source) sources.push(l.source);
    if (l.template) templates.push(l.template);
    if (l.skipped) skipped.push(l.skipped);
  }
  return { sources, skipped, templates, ...evaluate(templates, sources, opts) };
}

/**
 * Load (or resolve again) one file so that nothing in it can stop the scan: an exception (a defect in Attest,
 * since bad input is recorded as errors) leaves the file out with an error that says so,
 * and the run fails closed.
 */
function contained(path: string, load: () => Loaded): Loaded {
  try {
    return load();
  } catch (e) {
    const file = displayPath(path);
    const message = `Attest could not scan this file (${errorText(e)}); this is a defect in Attest, please report it. The file is left out of the results.`;
    return { source: { file, format: 'unknown', resources: 0, errors: [{ file, line: 1, column: 1, message }] } };
  }
}

/** The message of a thrown value, without its stack. */
function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Evaluate controls over already-loaded templates. Suppression errors are added to their source. */
export function evaluate(templates: Template[], sources: SourceInfo[], opts: ScanOptions): { graph: Graph; findings: Finding[] } {
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
    const ctx = new ResourceContext(r, graph, today);
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
          resource: { type: r.type, id: r.id, file: r.file, line: r.loc.line },
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
  for (const t of templates) {
    const errs: SourceError[] = [];
    for (const r of t.resources.values()) {
      if (r.condition?.state === false) continue;
      const controls = byType.get(r.type);
      if (!controls) continue;
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
  return { graph, findings };
}
