import { readFileSync } from 'node:fs';

/** Thrown for a parameters file or --param that cannot be used; the CLI turns it into exit 2. */
export class ParamsError extends Error {}

/**
 * An empty record to collect parameter values by name (`--param`, files merged in). It has
 * no prototype, so a parameter named `__proto__` or `constructor` is stored like any other.
 */
export function paramRecord(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/** `KEY=VALUE` from the command line. */
export function parseParamArg(s: string): [string, string] {
  const i = s.indexOf('=');
  if (i <= 0) throw new ParamsError(`--param expects KEY=VALUE, got ${JSON.stringify(s)}`);
  return [s.slice(0, i), s.slice(i + 1)];
}

/**
 * Parameter overrides from a file. Accepted shapes:
 * - `[{"ParameterKey": "K", "ParameterValue": "V"}]` (aws cloudformation create-stack / deploy)
 * - `{"Parameters": {"K": "V"}}` (CloudFormation template configuration file)
 * - SAM samconfig (JSON or TOML): `parameter_overrides` under `<env>.deploy.parameters` or `<env>.global.parameters`
 * - `{"K": "V"}`
 */
export function readParamsFile(path: string, env = 'default'): Record<string, string> {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) {
    throw new ParamsError(`cannot read parameters file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (/\.toml$/i.test(path)) return fromOverrides(tomlOverrides(text, env), path);
  let data: unknown;
  try { data = JSON.parse(text); } catch (e) {
    throw new ParamsError(`parameters file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  // Collected in a Map and returned with fromEntries: both keep a parameter named
  // `__proto__` as a parameter, where assigning it to a plain object would not.
  const out = new Map<string, string>();
  if (Array.isArray(data)) {
    data.forEach((item, i) => {
      if (!item || typeof item !== 'object' || typeof (item as Record<string, unknown>).ParameterKey !== 'string') {
        throw new ParamsError(`parameters file ${path}: item ${i} needs ParameterKey and ParameterValue`);
      }
      const it = item as Record<string, unknown>;
      if (it.UsePreviousValue === true) return;
      out.set(it.ParameterKey as string, String(it.ParameterValue ?? ''));
    });
    return Object.fromEntries(out);
  }
  if (!data || typeof data !== 'object') throw new ParamsError(`parameters file ${path}: expected a JSON array or object`);
  const obj = data as Record<string, unknown>;
  if (obj.Parameters && typeof obj.Parameters === 'object') {
    for (const [k, v] of Object.entries(obj.Parameters as Record<string, unknown>)) out.set(k, String(v));
    return Object.fromEntries(out);
  }
  const envObj = obj[env] as Record<string, Record<string, Record<string, unknown>>> | undefined;
  if ('version' in obj && envObj && typeof envObj === 'object') {
    const po = envObj.deploy?.parameters?.parameter_overrides ?? envObj.global?.parameters?.parameter_overrides;
    if (po === undefined) throw new ParamsError(`samconfig ${path}: no ${env}.deploy.parameters.parameter_overrides`);
    return fromOverrides(po, path);
  }
  for (const [k, v] of Object.entries(obj)) {
    if (v !== null && typeof v === 'object') throw new ParamsError(`parameters file ${path}: value of ${k} must be a string, number or boolean`);
    out.set(k, String(v));
  }
  return Object.fromEntries(out);
}

function tomlOverrides(text: string, env: string): unknown {
  let section = '';
  let found: unknown;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const sec = /^\[([^\]]+)\]$/.exec(line);
    if (sec) { section = sec[1].trim(); continue; }
    const kv = /^parameter_overrides\s*=\s*(.+)$/.exec(line);
    if (kv && (section === `${env}.deploy.parameters` || (section === `${env}.global.parameters` && found === undefined))) {
      const v = kv[1].trim();
      if (v.startsWith('[')) {
        try { found = JSON.parse(v); } catch { throw new ParamsError('samconfig: parameter_overrides list is not valid'); }
      } else found = v.replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"');
    }
  }
  return found ?? '';
}

/** SAM `parameter_overrides`: `K=V K2="a b"` or a list of `K=V`. */
function fromOverrides(po: unknown, path: string): Record<string, string> {
  const out = new Map<string, string>();
  const items: string[] = [];
  if (Array.isArray(po)) items.push(...po.map(String));
  else if (typeof po === 'string') {
    const re = /([^\s=]+)=("((?:[^"\\]|\\.)*)"|'([^']*)'|(\S*))/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(po))) items.push(`${m[1]}=${m[3] ?? m[4] ?? m[5] ?? ''}`);
  } else throw new ParamsError(`${path}: parameter_overrides must be a string or a list`);
  for (const it of items) {
    const [k, v] = parseParamArg(it);
    out.set(k, v);
  }
  return Object.fromEntries(out);
}
