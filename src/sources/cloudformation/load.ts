import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { SourceError, SourceFormat, Template } from '../../model/types.js';
import { parseJson } from './parseJson.js';
import { parseYaml } from './parseYaml.js';
import { buildTemplate, looksLikeTemplate, type ResolveOptions } from './template.js';

export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', 'cdk.out', '.aws-sam', '.terraform']);
const CANDIDATE_EXT = new Set(['.yaml', '.yml', '.json', '.template', '.cfn', '.tmpl', '']);

export interface SourceInfo {
  file: string;
  format: SourceFormat | 'unknown';
  resources: number;
  errors: SourceError[];
}

export interface Discovered {
  /** Files to read, with whether the user named them explicitly. */
  files: { path: string; explicit: boolean }[];
  errors: SourceError[];
}

/** Find candidate template files under the given paths (recursively, skipping build and vendor folders). */
export function discover(paths: string[]): Discovered {
  const out: Discovered = { files: [], errors: [] };
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let entries;
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch (e) {
      out.errors.push({ file: dir, line: 0, column: 0, message: `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const p = join(dir, ent.name);
      if (ent.isDirectory()) { if (!SKIP_DIRS.has(ent.name)) walk(p); }
      else if (ent.isFile() && CANDIDATE_EXT.has(extname(ent.name).toLowerCase()) && !seen.has(p)) { seen.add(p); out.files.push({ path: p, explicit: false }); }
    }
  };
  for (const p of paths) {
    let st;
    try { st = statSync(p); } catch {
      out.errors.push({ file: p, line: 0, column: 0, message: 'no such file or directory' });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else if (!seen.has(p)) { seen.add(p); out.files.push({ path: p, explicit: true }); }
  }
  return out;
}

/** A cheap look at the text: does it mention what every template has? */
function sniff(text: string): boolean {
  return text.includes('Resources') && (text.includes('AWS::') || text.includes('AWSTemplateFormatVersion') || text.includes('Alexa::'));
}

export interface Loaded {
  source?: SourceInfo;
  template?: Template;
}

/** Display path: relative to the working directory when below it. */
export function displayPath(p: string, cwd = process.cwd()): string {
  const abs = resolve(p);
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : abs;
}

/**
 * Read and resolve one file. A file found by walking a folder that is not a template is
 * skipped (no source); a file named explicitly, or one that looks like a template but
 * cannot be read, yields a source with errors.
 */
export function loadFile(path: string, explicit: boolean, opts: ResolveOptions): Loaded {
  const file = displayPath(path);
  const fail = (message: string, line = 0, column = 0, format: SourceInfo['format'] = 'unknown'): Loaded =>
    ({ source: { file, format, resources: 0, errors: [{ file, line, column, message }] } });
  let size: number;
  try { size = statSync(path).size; } catch (e) { return fail(`cannot read file: ${(e as Error).message}`); }
  if (size > MAX_TEMPLATE_BYTES) {
    if (!explicit && !/\.(ya?ml|json|template)$/i.test(path)) return {};
    return fail(`file is ${(size / 1048576).toFixed(1)} MiB, over Attest's limit of ${MAX_TEMPLATE_BYTES / 1048576} MiB (CloudFormation itself accepts at most 1 MiB); split the stack or use nested stacks`);
  }
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { return fail(`cannot read file: ${(e as Error).message}`); }
  return loadText(text, file, explicit, opts);
}

/** Parse and resolve template text already read; `file` is the name used in locations. */
export function loadText(text: string, file: string, explicit: boolean, opts: ResolveOptions): Loaded {
  const fail = (message: string, line = 0, column = 0, format: SourceInfo['format'] = 'unknown'): Loaded =>
    ({ source: { file, format, resources: 0, errors: [{ file, line, column, message }] } });
  if (!explicit && !sniff(text)) return {};
  if (text.includes('\u0000')) return explicit ? fail('file is binary, not a template') : {};
  const trimmed = text.trimStart().replace(/^\uFEFF/, '');
  const isJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  const format: SourceFormat = isJson ? 'cloudformation-json' : 'cloudformation-yaml';
  const parsed = isJson ? parseJson(text, file) : parseYaml(text, file);
  if (parsed.errors.length || !parsed.root) {
    if (!parsed.errors.length) parsed.errors.push({ file, line: 1, column: 1, message: 'file is empty' });
    return { source: { file, format, resources: 0, errors: parsed.errors } };
  }
  if (!looksLikeTemplate(parsed.root)) {
    if (!explicit) return {};
    return fail('not a CloudFormation template: no AWSTemplateFormatVersion and no Resources with AWS:: types', 1, 1, format);
  }
  const template = buildTemplate(parsed.root, file, format, opts);
  return { template, source: { file, format, resources: template.resources.size, errors: template.errors } };
}
