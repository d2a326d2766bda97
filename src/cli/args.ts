/** Thrown for a command line that cannot be used; the CLI prints it with usage and exits 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
}

/**
 * A small GNU-style parser: `--name value`, `--name=value`, boolean flags, `--` ends options.
 * `spec` maps each known long option to whether it takes a value; `short` maps one-letter aliases.
 */
export function parseArgs(argv: string[], spec: Record<string, boolean>, short: Record<string, string> = {}): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { out.positional.push(...argv.slice(i + 1)); break; }
    let name: string | undefined;
    let value: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) value = a.slice(eq + 1);
    } else if (a.length === 2 && a[0] === '-' && a[1] !== '-') {
      name = short[a[1]];
      if (!name) throw new UsageError(`unknown option ${a}`);
    } else {
      out.positional.push(a);
      continue;
    }
    if (!(name in spec)) throw new UsageError(`unknown option --${name}`);
    if (spec[name]) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new UsageError(`option --${name} needs a value`);
        value = argv[++i];
      }
    } else if (value !== undefined) throw new UsageError(`option --${name} takes no value`);
    const l = out.flags.get(name) ?? [];
    l.push(value ?? 'true');
    out.flags.set(name, l);
  }
  return out;
}

export function one(a: ParsedArgs, name: string): string | undefined {
  const l = a.flags.get(name);
  if (l && l.length > 1) throw new UsageError(`option --${name} given more than once`);
  return l?.[0];
}

export function many(a: ParsedArgs, name: string): string[] {
  return a.flags.get(name) ?? [];
}
