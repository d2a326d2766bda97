// Terraform-shaped resources for translator tests, written as plain data. Each key and value
// is placed on its own line of a notional file, in writing order, so a test can assert the
// exact line a translated property points at (the line a key would have in a .tf file
// written one argument per line).
import type { Control } from '../../src/controls/api.js';
import { evaluate } from '../../src/engine/scan.js';
import type { Finding, Loc, Value } from '../../src/model/types.js';
import type { TfResource } from '../../src/sources/terraform/types.js';
import { unitTemplate } from '../../src/sources/terraform/unit.js';

export type Plain = string | number | boolean | null | Plain[] | { [k: string]: Plain } | { ref: string; attr?: string } | { unknown: string };

export function tfResources(file: string, blocks: Record<string, Record<string, Plain>>): TfResource[] {
  let line = 0;
  const at = (): Loc => ({ file, line: ++line, column: 3 });
  const value = (p: Plain, loc: Loc): Value => {
    if (p === null || typeof p !== 'object') return { k: 'scalar', v: p, loc };
    if (Array.isArray(p)) return { k: 'list', loc, items: p.map((i) => value(i, at())) };
    if ('ref' in p && typeof p.ref === 'string') return { k: 'ref', resource: p.ref, ...(typeof p.attr === 'string' ? { attr: p.attr } : {}), loc };
    if ('unknown' in p && typeof p.unknown === 'string') return { k: 'unknown', reason: `${p.unknown} has no value`, params: [p.unknown], loc };
    const props = new Map<string, Value>();
    const keyLocs = new Map<string, Loc>();
    for (const [k, v] of Object.entries(p as Record<string, Plain>)) {
      const kl = at();
      keyLocs.set(k, kl);
      props.set(k, value(v, { ...kl, column: kl.column + k.length + 3 }));
    }
    return { k: 'object', props, keyLocs, loc };
  };
  return Object.entries(blocks).map(([address, values]) => {
    const loc: Loc = { file, line: ++line, column: 1 };
    const [type, name] = address.split('.') as [string, string];
    const v = value(values, loc) as Extract<Value, { k: 'object' }>;
    const refs = new Set<string>();
    const collect = (x: Value) => {
      if (x.k === 'ref') refs.add(x.resource);
      else if (x.k === 'list') x.items.forEach(collect);
      else if (x.k === 'object') x.props.forEach(collect);
    };
    collect(v);
    return { address, type, name, module: '', mode: 'managed', file, loc, values: v, refs };
  });
}

/** The findings of one control over Terraform resources translated as one unit. */
export function tfFindings(resources: TfResource[], control: Control): Finding[] {
  const files = [...new Set(resources.map((r) => r.file))];
  const { template, source } = unitTemplate({ file: files[0] ?? 'main.tf', format: 'terraform', files, resources, errors: [] });
  return evaluate([template], [source], { controls: [control], params: {}, today: '2026-01-01' }).findings;
}

/** Where a translated property's key is written (`SSESpecification.SSEEnabled`), with its origin path. */
export function propLoc(r: { properties: Value }, path: string): Loc | undefined {
  const parts = path.split('.');
  let cur: Value | undefined = r.properties;
  for (const p of parts.slice(0, -1)) cur = cur?.k === 'object' ? cur.props.get(p) : undefined;
  return cur?.k === 'object' ? cur.keyLocs.get(parts[parts.length - 1]!) : undefined;
}
