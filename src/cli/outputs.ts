// Where `attest scan` writes its report: one or several formats in one run, to files and at
// most one to standard output.
import { extname, resolve } from 'node:path';
import { UsageError } from './args.js';
import { FORMATS, type Format } from '../report/index.js';

export type OutputFormat = Format | 'text';

export interface OutputPlan {
  format: OutputFormat;
  /** Undefined: standard output. */
  file?: string;
}

const FORMAT_BY_EXT: Record<string, Format> = {
  '.json': 'json', '.sarif': 'sarif', '.xml': 'junit', '.csv': 'csv', '.md': 'markdown', '.html': 'html', '.htm': 'html',
};

const ALL: OutputFormat[] = ['text', ...FORMATS];
const isFormat = (s: string): s is OutputFormat => (ALL as string[]).includes(s);

function checkFormat(f: string, what: string): OutputFormat {
  if (!isFormat(f)) throw new UsageError(`${what} must be one of ${ALL.join(', ')}; got ${JSON.stringify(f)}`);
  return f;
}

/**
 * The outputs of a run, from `--format` and every `--output`:
 *   --output FORMAT=FILE   that format to FILE (`-` is standard output)
 *   --output FORMAT        that format to standard output
 *   --output FILE          --format if given, else the format of FILE's extension, else json
 * `--format` alone (or with only FORMAT=FILE outputs) is what standard output gets; with
 * neither, the terminal view. A plain `--output FILE` takes `--format`, as it always has.
 */
export function planOutputs(format: string | undefined, outputs: readonly string[]): OutputPlan[] {
  const fmt = format === undefined ? undefined : checkFormat(format, '--format');
  const plans: OutputPlan[] = [];
  let plainTookFormat = false;
  for (const o of outputs) {
    const eq = o.indexOf('=');
    const head = eq > 0 ? o.slice(0, eq) : o;
    if (eq > 0 && isFormat(head)) {
      const file = o.slice(eq + 1);
      if (!file) throw new UsageError(`--output ${o}: name a file after "=" (or - for standard output)`);
      plans.push({ format: head, ...(file === '-' ? {} : { file }) });
    } else if (eq < 0 && isFormat(o)) {
      plans.push({ format: o });
    } else if (!o) {
      throw new UsageError('--output needs a file or FORMAT=FILE');
    } else {
      plans.push({ format: fmt ?? FORMAT_BY_EXT[extname(o).toLowerCase()] ?? 'json', file: o });
      if (fmt) plainTookFormat = true;
    }
  }
  if (!plans.length) plans.push({ format: fmt ?? 'text' });
  else if (fmt && !plainTookFormat && !plans.some((p) => p.file === undefined && p.format === fmt)) plans.unshift({ format: fmt });
  const toStdout = plans.filter((p) => p.file === undefined);
  if (toStdout.length > 1) throw new UsageError(`only one report can go to standard output; got ${toStdout.map((p) => p.format).join(' and ')} (write the others to files: --output FORMAT=FILE)`);
  const seen = new Map<string, OutputPlan>();
  for (const p of plans) {
    if (p.file === undefined) continue;
    const abs = resolve(p.file);
    const prev = seen.get(abs);
    if (prev) throw new UsageError(`${p.file} is named as the output of both ${prev.format} and ${p.format}`);
    seen.set(abs, p);
  }
  return plans;
}

/**
 * Colour on standard output only when it is a terminal, and never when the user opted out:
 * --no-color, or NO_COLOR set to anything but the empty string (https://no-color.org).
 */
export function useColor(stream: { isTTY?: boolean }, noColorFlag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return !!stream.isTTY;
}
