// What a scan reads besides the files themselves, shared by `attest scan` and `attest
// checklist` so both see the same resources and accept the same findings: parameter values
// (--param, --params-file, --config-env), Terraform variables files (--var-file) and ignore
// files (--ignore-file, or `.attestignore.yaml` in each scanned folder). Every problem is a
// usage error raised before anything is scanned.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { many, one, UsageError, type ParsedArgs } from './args.js';
import { CONTROLS } from '../controls/index.js';
import { IGNORE_FILE_NAME, IgnoreFileError, parseIgnoreFile, type IgnoreFile } from '../report/ignore.js';
import { ParamsError, paramRecord, parseParamArg, readParamsFile } from '../sources/params.js';
import { namedPathErrors } from '../sources/cloudformation/load.js';

/** The flags this module reads, for parseArgs (true: takes a value). */
export const SCAN_INPUT_FLAGS = { param: true, 'params-file': true, 'config-env': true, 'var-file': true, 'ignore-file': true, exclude: true } as const;

/** A named path that cannot be scanned, as attest scan prints it (without the leading `attest: `). */
export function pathErrorText(e: { file: string; message: string }): string {
  return `${e.file}: ${e.message}`;
}

/**
 * Before anything is scanned or written (attest report, attest bundle create): every path named
 * on the command line must be a folder or a file. A usage error names each that is not, in the
 * words attest scan uses (`attest: /x: no such file or directory`).
 */
export function requireInputPaths(paths: readonly string[]): void {
  const bad = namedPathErrors(paths);
  if (bad.length) throw new UsageError(bad.map(pathErrorText).join('\nattest: '));
}

export interface ScanInputs {
  params: Record<string, string>;
  varFiles: string[];
  exclude: string[];
  ignoreFiles: IgnoreFile[];
}

export function readScanInputs(a: ParsedArgs, paths: string[], today: string): ScanInputs {
  const params = paramRecord();
  try {
    for (const f of many(a, 'params-file')) Object.assign(params, readParamsFile(f, one(a, 'config-env')));
    for (const p of many(a, 'param')) { const [k, v] = parseParamArg(p); params[k] = v; }
  } catch (e) {
    if (e instanceof ParamsError) throw new UsageError(e.message);
    throw e;
  }
  const varFiles = many(a, 'var-file');
  for (const f of varFiles) {
    if (!f.endsWith('.tfvars')) throw new UsageError(`--var-file ${f}: expected a Terraform variables file (.tfvars); JSON parameter files go to --params-file`);
    try { readFileSync(f); } catch (e) { throw new UsageError(`--var-file ${f}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`); }
  }
  const ignoreFiles = readIgnoreFiles(a.flags.has('ignore-file') ? many(a, 'ignore-file') : defaultIgnoreFiles(paths), today);
  return { params, varFiles, exclude: many(a, 'exclude'), ignoreFiles };
}

/** `.attestignore.yaml` in each scanned folder that has one, each real file once. */
function defaultIgnoreFiles(paths: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const candidate = join(p, IGNORE_FILE_NAME);
    try {
      if (!statSync(p).isDirectory() || !statSync(candidate).isFile()) continue;
      const real = realpathSync(candidate);
      if (seen.has(real)) continue;
      seen.add(real);
      out.push(candidate);
    } catch {
      // No folder or no ignore file there: nothing to read.
    }
  }
  return out;
}

/** Read and check every ignore file; any problem in any of them is a usage error listing all of them. */
function readIgnoreFiles(files: string[], today: string): IgnoreFile[] {
  const problems: string[] = [];
  const out: IgnoreFile[] = [];
  const ids = new Set(CONTROLS.map((c) => c.id));
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      problems.push(`${f}: cannot read the ignore file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    const r = parseIgnoreFile(text, f, { today, controls: ids });
    problems.push(...r.problems);
    out.push(r.file);
  }
  if (problems.length) throw new UsageError(new IgnoreFileError(problems).message);
  return out;
}
