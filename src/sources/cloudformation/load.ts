import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { SourceError, SourceFormat, SourceInfo, Skipped, Template } from '../../model/types.js';

export type { SourceInfo, Skipped };
import { parseJson } from './parseJson.js';
import { parseYaml } from './parseYaml.js';
import { buildTemplate, looksLikeTemplate, type ResolveOptions } from './template.js';

export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', 'cdk.out', '.aws-sam', '.terraform']);
/** Extensions a template is written with. Extensionless files are candidates too, recognised by content only. */
const TEMPLATE_EXT = new Set(['.yaml', '.yml', '.json', '.template', '.cfn', '.tmpl']);

export interface Discovered {
  /** Files to read, with whether the user named them explicitly. */
  files: { path: string; explicit: boolean }[];
  errors: SourceError[];
  skipped: Skipped[];
}

const namedLikeTemplate = (name: string) => TEMPLATE_EXT.has(extname(name).toLowerCase());
const isTemplateCandidate = (name: string) => extname(name) === '' || namedLikeTemplate(name);

type FileKind = Pick<Stats, 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isDirectory'>;

/** "not a regular file (it is a FIFO)": for a Stats or a Dirent. */
function notRegularFile(st: FileKind): string {
  const kind = st.isFIFO() ? 'a FIFO' : st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device'
    : st.isSocket() ? 'a socket' : st.isDirectory() ? 'a folder' : 'not a file';
  return `not a regular file (it is ${kind})`;
}

const notRegular = (st: FileKind) => `${notRegularFile(st)}; name a template file or a folder`;
const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * `--exclude` patterns, gitignore-like: a pattern without `/` matches a file or folder name
 * anywhere; one with `/` matches the path as displayed (relative to the working directory)
 * from its start. `*` and `?` stay within a name, `**` crosses folders.
 */
export function excludeMatcher(patterns: string[]): (path: string) => string | undefined {
  const compiled = patterns.map((pat) => {
    const clean = pat.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const body = clean
      .split(/(\*\*|\*|\?)/)
      .map((t) => (t === '**' ? '.*' : t === '*' ? '[^/]*' : t === '?' ? '[^/]' : t.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return { pat, byName: !clean.includes('/'), re: new RegExp(`^${body}$`) };
  });
  // Without patterns (most scans) no entry of the walk pays for its display path.
  if (!compiled.length) return () => undefined;
  return (path) => {
    const shown = displayPath(path).replace(/\\/g, '/');
    const name = shown.slice(shown.lastIndexOf('/') + 1);
    return compiled.find((c) => c.re.test(c.byName ? name : shown))?.pat;
  };
}

/** A path named on the command line: a folder or a regular file, or why it cannot be scanned. */
function namedPath(p: string): { st: Stats; real: string } | { error: string } {
  let st: Stats;
  let real: string;
  try { st = statSync(p); real = realpathSync.native(p); } catch (e) {
    return { error: errorCode(e) === 'ENOENT' ? 'no such file or directory' : `cannot read: ${errorCode(e)}` };
  }
  return st.isDirectory() || st.isFile() ? { st, real } : { error: notRegular(st) };
}

/** The paths named on the command line that cannot be scanned, each with the message a scan reports for it. */
export function namedPathErrors(paths: readonly string[]): { file: string; message: string }[] {
  const out: { file: string; message: string }[] = [];
  for (const p of paths) {
    const n = namedPath(p);
    if ('error' in n) out.push({ file: displayPath(p), message: n.error });
  }
  return out;
}

/**
 * Find candidate template files under the given paths, recursively, skipping build and
 * vendor folders. Symbolic links are followed when their target is inside one of the
 * scanned folders; each real file and folder is visited once (which also ends link loops).
 * Links are followed only after every folder has been walked, so a file reachable both
 * directly and through a link is reported under its direct path. A link out of the scanned
 * folders, or a candidate that is not a regular file, is an input error: its content could
 * be deployed, so skipping it could hide a failure. A broken link has no content and is
 * listed as skipped, as is any candidate that was not read.
 */
export function discover(paths: string[], opts: { exclude?: string[]; candidate?: (name: string) => boolean } = {}): Discovered {
  const out: Discovered = { files: [], errors: [], skipped: [] };
  // Other sources widen what the walk looks at (`.tf` files); a template's names are always candidates.
  const more = opts.candidate;
  const isCandidate = more ? (name: string) => isTemplateCandidate(name) || more(name) : isTemplateCandidate;
  const excludedBy = excludeMatcher(opts.exclude ?? []);
  const err = (file: string, message: string) => out.errors.push({ file: displayPath(file), line: 0, column: 0, message });
  const skip = (file: string, reason: string) => out.skipped.push({ file: displayPath(file), reason });
  const files = new Map<string, string>(); // real path -> path it is scanned under
  const dirs = new Map<string, string>();
  const links: { path: string; real: string; st: Stats }[] = [];
  const roots: string[] = [];
  const inside = (real: string) => roots.some((r) => real === r || real.startsWith(r.endsWith(sep) ? r : r + sep));

  const addFile = (path: string, real: string, explicit: boolean) => {
    const first = files.get(real);
    if (first === undefined) { files.set(real, path); out.files.push({ path, explicit }); }
    else skip(path, `already scanned as ${displayPath(first)}`);
  };
  const walk = (dir: string, realDir: string) => {
    dirs.set(realDir, dir);
    let entries;
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch (e) {
      err(dir, `cannot read directory: ${errorCode(e)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const p = join(dir, ent.name);
      const pat = excludedBy(p);
      if (pat !== undefined) {
        // Listed, not silent: the user chose it, and the report shows what the choice left out.
        if (ent.isDirectory() || ent.isSymbolicLink() || isCandidate(ent.name)) skip(p, `excluded by --exclude ${pat}`);
        continue;
      }
      if (ent.isDirectory()) {
        // A folder already walked was named twice (attest scan infra/sub infra): not again.
        if (!SKIP_DIRS.has(ent.name) && !dirs.has(join(realDir, ent.name))) walk(p, join(realDir, ent.name));
        continue;
      }
      if (ent.isSymbolicLink()) {
        if (SKIP_DIRS.has(ent.name)) continue;
        let real: string;
        let st: Stats;
        try { real = realpathSync.native(p); st = statSync(p); } catch (e) {
          if (isCandidate(ent.name)) skip(p, errorCode(e) === 'ELOOP' ? 'symbolic link loop: the link points back to itself' : 'broken symbolic link: its target does not exist');
          continue;
        }
        links.push({ path: p, real, st });
        continue;
      }
      if (!isCandidate(ent.name)) continue;
      if (ent.isFile()) addFile(p, join(realDir, ent.name), false);
      else if (namedLikeTemplate(ent.name)) err(p, notRegular(ent));
      else skip(p, `${notRegularFile(ent)}, not named like a template`);
    }
  };
  const followLink = ({ path, real, st }: typeof links[number]) => {
    const isDir = st.isDirectory();
    if (!isDir && !isCandidate(basename(path))) return;
    if (!inside(real)) {
      const what = isDir ? 'folder' : 'file';
      if (!isDir && !namedLikeTemplate(path)) { skip(path, `symbolic link to a ${what} outside the scanned folder(s), not named like a template; not read`); return; }
      const suggestion = [...paths, displayPath(isDir ? real : dirname(real))].join(' ');
      err(path, `symbolic link to ${displayPath(real)}, outside the scanned folder(s); it was not read. Scan its folder too (attest scan ${suggestion}) or replace the link with the ${what}`);
      return;
    }
    const first = (isDir ? dirs : files).get(real);
    if (first !== undefined) {
      const target = displayPath(real);
      skip(path, `symbolic link to ${isDir ? 'folder ' : ''}${target}, already scanned${displayPath(first) !== target ? ` as ${displayPath(first)}` : ''}`);
    } else if (isDir) walk(path, real);
    else if (st.isFile()) addFile(path, real, false);
    else if (namedLikeTemplate(path)) err(path, notRegular(st));
    else skip(path, `${notRegularFile(st)}, not named like a template`);
  };

  const dirArgs: { p: string; real: string }[] = [];
  for (const p of paths) {
    const n = namedPath(p);
    if ('error' in n) { err(p, n.error); continue; }
    if (n.st.isDirectory()) { dirArgs.push({ p, real: n.real }); roots.push(n.real); }
    else addFile(p, n.real, true);
  }
  for (const { p, real } of dirArgs) if (!dirs.has(real)) walk(p, real);
  for (let i = 0; i < links.length; i++) followLink(links[i]!);
  return out;
}

export type ReadResult = { bytes: Buffer } | { error: string; tooLarge?: boolean };

/**
 * Read a file whole, refusing anything that is not a regular file or is over `limit` bytes.
 * It opens without blocking (a FIFO would otherwise wait for a writer), checks the opened
 * descriptor, not the path, and never reads more than limit + 1 bytes, so a file swapped
 * for a pipe or a device after discovery, or one that grows while read, cannot hang the
 * scan or exhaust memory.
 */
export function readBounded(path: string, limit = MAX_TEMPLATE_BYTES): ReadResult {
  let fd: number;
  try { fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)); } catch (e) { return { error: `cannot read file: ${errorCode(e)}` }; }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { error: notRegular(st) };
    const tooLarge = (size: number) => ({ tooLarge: true, error: `file is ${(size / 1048576).toFixed(1)} MiB, over Attest's limit of ${limit / 1048576} MiB (CloudFormation itself accepts at most 1 MiB); split the stack or use nested stacks` });
    if (st.size > limit) return tooLarge(st.size);
    let buf = Buffer.allocUnsafe(st.size + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > limit) return tooLarge(n);
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, buf.length * 2));
        buf.copy(grown, 0, 0, n);
        buf = grown;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return { bytes: buf.subarray(0, n) };
  } catch (e) {
    return { error: `cannot read file: ${errorCode(e)}` };
  } finally {
    closeSync(fd);
  }
}

/** A cheap look at the text: does it mention what every template has? */
function sniff(text: string): boolean {
  return text.includes('Resources') && (text.includes('AWS::') || text.includes('AWSTemplateFormatVersion') || text.includes('Alexa::'));
}

export interface Loaded {
  source?: SourceInfo;
  template?: Template;
  /** Set when a file found by walking a folder is not a template. */
  skipped?: Skipped;
  /** What another format's source read from the file (a Terraform plan, a Pulumi stack export). */
  more?: { sources: SourceInfo[]; templates: Template[]; skipped: Skipped[] };
  /**
   * Set when the template imports exports: resolves the same parse again with other options
   * (the scanned stacks' exports), without reading or parsing the file a second time.
   */
  resolveAgain?: (opts: ResolveOptions) => Loaded;
}

/** Display path: relative to the working directory when below it. */
export function displayPath(p: string, cwd = process.cwd()): string {
  const abs = resolve(p);
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : abs;
}

/**
 * Read and resolve one file. A file found by walking a folder that is not a template is
 * skipped (no source, a reason); a file named explicitly, or one that looks like a template
 * but cannot be read, yields a source with errors.
 */
export function loadFile(path: string, explicit: boolean, opts: ResolveOptions, other?: (text: string, file: string) => Loaded | undefined): Loaded {
  const file = displayPath(path);
  const read = readBounded(path);
  if ('error' in read) {
    if (read.tooLarge && !explicit && !namedLikeTemplate(path)) return { skipped: { file, reason: `over ${MAX_TEMPLATE_BYTES / 1048576} MiB and not named like a template; not read` } };
    return { source: { file, format: 'unknown', resources: 0, errors: [{ file, line: 0, column: 0, message: read.error }] } };
  }
  const b = read.bytes;
  // Saved as UTF-16 (PowerShell's Out-File does that): every ASCII character carries a NUL
  // byte, so say what it is rather than calling the file binary.
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    if (!explicit && !namedLikeTemplate(path)) return { skipped: { file, reason: 'UTF-16 text, not named like a template' } };
    return { source: { file, format: 'unknown', resources: 0, errors: [{ file, line: 1, column: 1, message: 'file is UTF-16 encoded; CloudFormation reads UTF-8: save it as UTF-8' }] } };
  }
  const text = b.toString('utf8');
  // Another format recognised by content (a Terraform plan, a Pulumi stack export) is read by its source.
  return other?.(text, file) ?? loadText(text, file, explicit, opts);
}

/** 1-based line and column (in UTF-16 units, as every other location) of offset `i` in `text`. */
function positionOf(text: string, i: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let j = text.indexOf('\n'); j !== -1 && j < i; j = text.indexOf('\n', j + 1)) { line++; start = j + 1; }
  return { line, column: i - start + 1 };
}

const NOT_A_TEMPLATE = 'not a CloudFormation template: no Resources with AWS:: types';

/** Parse and resolve template text already read; `file` is the name used in locations. */
export function loadText(text: string, file: string, explicit: boolean, opts: ResolveOptions): Loaded {
  const fail = (message: string, line = 0, column = 0, format: SourceInfo['format'] = 'unknown'): Loaded =>
    ({ source: { file, format, resources: 0, errors: [{ file, line, column, message }] } });
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    // A binary file that only shares the extensionless name pattern (an executable, an
    // image) is not a template; one named or shaped like a template is broken input.
    if (!explicit && !namedLikeTemplate(file) && !sniff(text)) return { skipped: { file, reason: 'binary file (contains a NUL byte), not named like a template' } };
    const at = positionOf(text, nul);
    return fail('file contains a NUL byte (binary data): not a template; remove the byte or the file', at.line, at.column);
  }
  if (!explicit && !sniff(text)) return { skipped: { file, reason: NOT_A_TEMPLATE } };
  const trimmed = text.trimStart().replace(/^\uFEFF/, '');
  const isJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  const format: SourceFormat = isJson ? 'cloudformation-json' : 'cloudformation-yaml';
  const parsed = isJson ? parseJson(text, file) : parseYaml(text, file);
  if (parsed.errors.length || !parsed.root) {
    if (!parsed.errors.length) parsed.errors.push({ file, line: 1, column: 1, message: 'file is empty' });
    return { source: { file, format, resources: 0, errors: parsed.errors } };
  }
  if (!looksLikeTemplate(parsed.root)) {
    if (!explicit) return { skipped: { file, reason: NOT_A_TEMPLATE } };
    return fail('not a CloudFormation template: no AWSTemplateFormatVersion and no Resources with AWS:: types', 1, 1, format);
  }
  const { root } = parsed;
  const build = (o: ResolveOptions): Loaded => {
    const template = buildTemplate(root, file, format, o);
    const loaded: Loaded = { template, source: { file, format, resources: template.resources.size, errors: template.errors } };
    // Only an import can resolve differently, so only an importing template keeps its parse.
    if (template.imports.length) loaded.resolveAgain = build;
    return loaded;
  };
  return build(opts);
}
