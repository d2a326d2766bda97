// Every input format behind one call: walk the paths once, hand each file to the source
// that reads it, and return the model. Nothing found is dropped silently: a file no source
// reads is skipped with a reason, infrastructure of a kind Attest does not read says so.
import { basename } from 'node:path';
import type { Skipped, SourceInfo, Template, Value } from '../model/types.js';
import { discover, displayPath, loadFile, type Loaded } from './cloudformation/load.js';
import { IGNORE_FILE_NAME, type FolderSource, type LoadOptions, type SourceLoad, type TextSource } from './types.js';
import { terraformSource } from './terraform/source.js';
import { namedUnsupported, sniffUnsupported } from './unsupported.js';
import { terraformPlanSource } from './terraform/plan.js';
import { pulumiPreviewSource, pulumiStateSource } from './pulumi/state.js';
import { pulumiYamlSource } from './pulumi/yaml.js';

export type { FolderSource, LoadOptions, SourceLoad, TextSource } from './types.js';

/** Formats recognised by content, asked before CloudFormation (which reads what none of them claims). */
const TEXT_SOURCES: TextSource[] = [terraformPlanSource, pulumiStateSource, pulumiPreviewSource, pulumiYamlSource];
/** Formats whose unit is a folder. */
const FOLDER_SOURCES: FolderSource[] = [terraformSource];

/** Add a source (done once, by the module that implements it, listed in sources/all.ts). */
export function registerSource(s: { kind: 'text'; source: TextSource } | { kind: 'folder'; source: FolderSource }): void {
  if (s.kind === 'text') TEXT_SOURCES.push(s.source);
  else FOLDER_SOURCES.push(s.source);
}

/** What Attest reads, for messages such as "no infrastructure files found". */
export function readableFormats(): string {
  const all = ['CloudFormation templates', ...FOLDER_SOURCES.map((s) => s.title), ...TEXT_SOURCES.map((s) => s.title)];
  return all.length === 1 ? all[0]! : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

export interface Sources extends SourceLoad {
  /** Folders and files named on the command line that do not exist or cannot be read: reported first. */
  pathErrors: SourceInfo[];
}

/** Read every input under `paths` into the model. */
export function loadSources(paths: string[], opts: LoadOptions): Sources {
  const claimedBy = (name: string) => FOLDER_SOURCES.find((s) => s.claims(name));
  const d = discover(paths, { exclude: opts.exclude ?? [], candidate: (name) => !!claimedBy(name) || namedUnsupported(name) !== undefined });
  const out: Sources = { pathErrors: [], sources: [], templates: [], skipped: [...d.skipped] };
  for (const e of d.errors) out.pathErrors.push({ file: e.file, format: 'unknown', resources: 0, errors: [e] });

  const folderFiles = new Map<FolderSource, Map<string, string[]>>();
  const textFiles: { path: string; explicit: boolean }[] = [];
  for (const f of d.files) {
    const name = basename(f.path);
    if (name === IGNORE_FILE_NAME) continue;
    const unsupported = namedUnsupported(name);
    if (unsupported) { out.skipped.push({ file: displayPath(f.path), reason: unsupported }); continue; }
    const owner = claimedBy(name);
    if (!owner) { textFiles.push(f); continue; }
    let byFolder = folderFiles.get(owner);
    if (!byFolder) folderFiles.set(owner, (byFolder = new Map()));
    const dir = displayPath(f.path).replace(/\/?[^/]*$/, '') || '.';
    let l = byFolder.get(dir);
    if (!l) byFolder.set(dir, (l = []));
    l.push(f.path);
  }

  const other = (text: string, file: string): Loaded | undefined => {
    const s = TEXT_SOURCES.find((t) => t.sniff(text, file));
    if (s) return contained(file, () => fromLoad(s.load(text, file, opts)));
    const kind = sniffUnsupported(text);
    return kind ? { skipped: { file, reason: kind } } : undefined;
  };
  const total = textFiles.length + [...folderFiles.values()].reduce((n, m) => n + m.size, 0);
  let done = 0;
  const loaded: { path: string; l: Loaded }[] = [];
  for (const f of textFiles) {
    loaded.push({ path: f.path, l: contained(displayPath(f.path), () => loadFile(f.path, f.explicit, opts, other)) });
    opts.onProgress?.(++done, total);
  }
  // Stacks import each other's exports: resolve those imports against the scanned stacks
  // by loading the importing templates again (only those), now knowing every export.
  const exports = new Map<string, { file: string; value: Value }>();
  for (const { l } of loaded) for (const t of [...(l.template ? [l.template] : []), ...(l.more?.templates ?? [])]) for (const o of t.outputs.values()) if (o.exportName) exports.set(o.exportName, { file: t.file, value: o.value });
  for (const e of loaded) {
    const again = e.l.resolveAgain;
    if (again && e.l.template!.imports.some((n) => exports.has(n))) e.l = contained(displayPath(e.path), () => again({ ...opts, exports }));
  }
  for (const { l } of loaded) {
    if (l.source) out.sources.push(l.source);
    out.sources.push(...(l.more?.sources ?? []));
    if (l.template) out.templates.push(l.template);
    out.templates.push(...(l.more?.templates ?? []));
    if (l.skipped) out.skipped.push(l.skipped);
    out.skipped.push(...(l.more?.skipped ?? []));
  }
  for (const [source, byFolder] of folderFiles) {
    const r = containedLoad([...byFolder.keys()][0] ?? '.', () => source.load(byFolder, opts));
    out.sources.push(...r.sources);
    out.templates.push(...r.templates);
    out.skipped.push(...r.skipped);
    done += byFolder.size;
    opts.onProgress?.(done, total);
  }
  return out;
}

/** A text source's result in the shape the file loop collects. */
function fromLoad(r: SourceLoad): Loaded {
  return { more: r };
}

/**
 * Load one file so that nothing in it can stop the scan: an exception (a defect in Attest,
 * since bad input is recorded as errors) leaves the file out with an error that says so,
 * and the run fails closed.
 */
function contained(file: string, load: () => Loaded): Loaded {
  try {
    return load();
  } catch (e) {
    return { source: defect(file, e) };
  }
}

function containedLoad(file: string, load: () => SourceLoad): SourceLoad {
  try {
    return load();
  } catch (e) {
    return { sources: [defect(file, e)], templates: [], skipped: [] };
  }
}

function defect(file: string, e: unknown): SourceInfo {
  const message = `Attest could not scan this file (${errorText(e)}); this is a defect in Attest, please report it. The file is left out of the results.`;
  return { file, format: 'unknown', resources: 0, errors: [{ file, line: 1, column: 1, message }] };
}

/** The message of a thrown value, without its stack. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export type { Template };
