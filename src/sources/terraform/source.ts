// Terraform configurations read from their `.tf` files. A folder is a module; a folder that
// another scanned folder calls as a local module is read through its callers (with the
// inputs they give it), every other folder is a root and becomes one scan unit.
import { basename, resolve } from 'node:path';
import type { SourceInfo, Template } from '../../model/types.js';
import type { FolderSource, LoadOptions, SourceLoad } from '../types.js';
import type { ParsedFile } from './hcl/ast.js';
import { parseHcl } from './hcl/parser.js';
import { loadTerraformModule, moduleDir, parseFile, type ModuleDir } from './module.js';
import { declaredBlocks, mapOntoConfiguration, keptUnmapped, planDir, plannedFrom, plansOf, type PlanEntry } from './planHcl.js';
import { applySuppressions } from './suppressions.js';
import { unitTemplate } from './unit.js';

export const terraformSource: FolderSource = {
  id: 'terraform',
  title: 'Terraform configurations (.tf)',
  claims: (name) => name.endsWith('.tf') || name.endsWith('.tfvars'),
  load: loadFolders,
};

interface Folder {
  display: string;
  real: string;
  tf: string[];
  tfvars: string[];
}

function loadFolders(folders: Map<string, string[]>, opts: LoadOptions): SourceLoad {
  const out: SourceLoad = { sources: [], templates: [], skipped: [] };
  const parsed = new Map<string, ParsedFile>();
  const dirs = new Map<string, ModuleDir>();
  const realDir = (dir: string) => moduleDir(dir, dirs).real ?? dir;
  const all: Folder[] = [];
  const varFiles = (opts.varFiles ?? []).map((f) => resolve(f));
  const named = new Set(varFiles);
  for (const [display, files] of folders) {
    const tf = files.filter((f) => f.endsWith('.tf')).sort();
    const tfvars = files.filter((f) => f.endsWith('.tfvars')).sort();
    if (!tf.length) {
      for (const f of tfvars) out.skipped.push({ file: displayOf(display, f), reason: 'Terraform variables file in a folder without .tf files: no module here reads it' });
      continue;
    }
    // Terraform itself reads only these; another .tfvars is read when named with -var-file.
    const auto = (f: string) => basename(f) === 'terraform.tfvars' || basename(f).endsWith('.auto.tfvars');
    for (const f of tfvars.filter((x) => !auto(x) && !named.has(resolve(x)))) {
      out.skipped.push({ file: displayOf(display, f), reason: 'Terraform variables file Terraform reads only when named with -var-file; its values are not used (name it with --var-file, or give values with --param NAME=VALUE)' });
    }
    all.push({ display, real: realDir(resolve(tf[0]!, '..')), tf, tfvars: tfvars.filter(auto) });
  }

  // Folders another scanned folder calls as a local module are read through that caller.
  const called = new Set<string>();
  for (const f of all) for (const dir of localCalls(f, parsed, realDir)) if (dir !== f.real) called.add(dir);
  const roots = all.filter((f) => !called.has(f.real));
  const fromPlans = plannedRoots(roots, opts, parsed);
  const read = new Set<string>();
  const unit = (f: Folder) => {
    try {
      const m = loadTerraformModule(f.real, [...f.tf, ...f.tfvars], { vars: opts.params ?? {}, varFiles, parsed, dirs });
      for (const p of m.parsedFiles) read.add(resolve(p.file));
      // A plan made from this folder is scanned: it is assessed with this folder's lines, the folder not again.
      const plans = fromPlans.get(f) ?? [];
      if (plans.length && !m.errors.length) {
        for (const e of plans) mapOntoConfiguration(e, f.display, m);
        return;
      }
      for (const e of plans) keptUnmapped(e, f.display);
      const { template, source } = unitTemplate({
        file: f.display, format: 'terraform', files: m.files, resources: m.resources, parameters: m.parameters, errors: m.errors, notes: m.notes,
      });
      applySuppressions(template, m.suppressions);
      push(out, template, source);
    } catch (e) {
      // A defect in Attest leaves this module out, not every Terraform module of the scan; the run fails closed.
      const message = `Attest could not scan this module (${e instanceof Error ? e.message : String(e)}); this is a defect in Attest, please report it. The module is left out of the results.`;
      out.sources.push({ file: f.display, format: 'terraform', resources: 0, errors: [{ file: f.display, line: 1, column: 1, message }] });
    }
  };
  for (const f of roots) unit(f);
  // A folder no root reaches (modules that only call each other) is read on its own, so nothing scanned is left out.
  for (const f of all) if (called.has(f.real) && !f.tf.some((t) => read.has(resolve(t)))) unit(f);
  return out;
}

/**
 * The plans of this scan, by the root folder each was planned from: the one whose blocks its
 * configuration declares, the plan's own folder first when several do. A plan two other
 * folders could equally be is left with its own locations.
 */
function plannedRoots(roots: Folder[], opts: LoadOptions, parsed: Map<string, ParsedFile>): Map<Folder, PlanEntry[]> {
  const out = new Map<Folder, PlanEntry[]>();
  const entries = plansOf(opts);
  if (!entries.length) return out;
  const declared = new Map<Folder, ReturnType<typeof declaredBlocks>>();
  for (const f of roots) declared.set(f, declaredBlocks(f.tf.flatMap((t) => { const p = parseFile(t, parsed); return 'error' in p ? [] : [p]; })));
  for (const e of entries) {
    const fits = roots.filter((f) => plannedFrom(e, declared.get(f)!));
    const own = fits.filter((f) => f.real === planDir(e));
    const f = own.length === 1 ? own[0] : fits.length === 1 ? fits[0] : undefined;
    if (!f) continue;
    let l = out.get(f);
    if (!l) out.set(f, (l = []));
    l.push(e);
  }
  return out;
}

function push(out: SourceLoad, template: Template, source: SourceInfo): void {
  out.templates.push(template);
  out.sources.push(source);
}

function displayOf(dir: string, file: string): string {
  return dir === '.' ? basename(file) : `${dir}/${basename(file)}`;
}

/** Real paths of the folders a module calls with `source = "./…"` or `"../…"`. */
function localCalls(f: Folder, parsed: Map<string, ParsedFile>, realDir: (dir: string) => string): string[] {
  const out: string[] = [];
  for (const file of f.tf) {
    const p = parseFile(file, parsed);
    if ('error' in p) continue;
    for (const b of p.body.items) {
      if (b.kind !== 'block' || b.type !== 'module') continue;
      const src = b.body.items.find((i) => i.kind === 'attr' && i.name === 'source');
      if (!src || src.kind !== 'attr' || src.expr.t !== 'lit' || typeof src.expr.v !== 'string') continue;
      if (!/^\.\.?(\/|\\|$)/.test(src.expr.v)) continue;
      out.push(realDir(resolve(f.real, src.expr.v)));
    }
  }
  return out;
}


/** Where a configuration given as text notionally lives (never read from disk: the parse is handed over). */
const TEXT_DIR = '/attest-text';

/**
 * One Terraform configuration given as text (a single `.tf` file: a labelled example, a
 * control's test case) as a scan unit, exactly as a folder holding only that file is read.
 */
export function terraformTextUnit(text: string, name = 'main.tf', vars: Record<string, string> = {}): { template: Template; source: SourceInfo } {
  const file = `${TEXT_DIR}/${name}`;
  const m = loadTerraformModule(TEXT_DIR, [file], { vars, parsed: new Map([[file, parseHcl(text, name)]]) });
  const unit = unitTemplate({ file: name, format: 'terraform', files: [name], resources: m.resources, parameters: m.parameters, errors: m.errors, notes: m.notes });
  applySuppressions(unit.template, m.suppressions);
  return unit;
}
