// Copying Terraform arguments into CloudFormation properties, table by table. Unlike a bare
// `CfnBuilder.set`, a value that cannot be decided statically anywhere on the argument's
// path (a `dynamic` block, a block built from a variable) is kept as that unknown value, so
// a control answers "unknown" instead of judging the property absent.
import type { Loc, ObjectValue, Value } from '../../../model/types.js';
import { CfnBuilder, type TfView } from './api.js';

export type Convert = (v: Value) => Value | undefined;

/** The unknown value met on `tfPath` before its end (a block or list that is not known). */
export function unknownOnPath(tf: TfView, tfPath: string): (Value & { k: 'unknown' }) | undefined {
  const parts = tfPath.split('.');
  for (let i = 1; i <= parts.length; i++) {
    const v = tf.get(parts.slice(0, i).join('.'));
    if (v === undefined) return undefined;
    if (v.k === 'unknown') return v;
    if (v.k === 'list' && i < parts.length && v.items[0]?.k === 'unknown') return v.items[0];
  }
  return undefined;
}

/** Is the argument written with a value? `null` is Terraform's way of leaving it out. */
export function written(tf: TfView, tfPath: string): boolean {
  const v = tf.get(tfPath);
  return v !== undefined && !(v.k === 'scalar' && v.v === null);
}

/** The first of `paths` that is written (provider spellings of one setting), else the first. */
export function firstWritten(tf: TfView, ...paths: string[]): string {
  return paths.find((p) => written(tf, p)) ?? paths[0]!;
}

/** `out.set`, keeping an unknown block or argument on the way as the property's value; `null` is left out. */
export function copy(out: CfnBuilder, cfnPath: string, tfPath: string, convert?: Convert): void {
  const v = out.tf.get(tfPath);
  if (v !== undefined) {
    if (!(v.k === 'scalar' && v.v === null)) out.set(cfnPath, tfPath, convert);
    return;
  }
  const u = unknownOnPath(out.tf, tfPath);
  if (u) out.put(cfnPath, u, out.tf.locate(tfPath));
}

/** Copy a table of `CloudFormation property: Terraform argument` pairs. */
export function copyAll(out: CfnBuilder, table: Record<string, string>): void {
  for (const [cfn, tf] of Object.entries(table)) copy(out, cfn, tf);
}

/** A builder for the object made of one block, located where the block is written (a property it lacks is reported there). */
function inBlock(block: TfView): CfnBuilder {
  return new CfnBuilder(block, { k: 'object', props: new Map(), keyLocs: new Map(), loc: block.locate('') });
}

/**
 * A repeatable block as a CloudFormation list, each element built from its block by `build`
 * and the list located at the block's argument. An element not known statically stays
 * unknown in its place.
 */
export function blockList(tf: TfView, out: CfnBuilder, cfnPath: string, tfPath: string, build: (b: CfnBuilder, block: TfView) => void): void {
  const v = tf.get(tfPath);
  if (v?.k === 'scalar' && v.v === null) return;
  if (v === undefined) {
    const u = unknownOnPath(tf, tfPath);
    if (u) out.put(cfnPath, u, tf.locate(tfPath));
    return;
  }
  if (v.k === 'unknown') {
    out.put(cfnPath, v, tf.locate(tfPath));
    return;
  }
  const views = tf.blocks(tfPath);
  const raw = v.k === 'list' ? v.items : [v];
  let next = 0;
  const items: Value[] = [];
  for (const item of raw) {
    if (item.k === 'object') {
      const b = inBlock(views[next++]!);
      build(b, b.tf);
      items.push(b.properties);
    } else if (item.k === 'unknown') {
      items.push(item);
    }
  }
  const at = tf.locate(tfPath);
  out.put(cfnPath, { k: 'list', items, loc: at }, at);
}

/**
 * A map argument (`dimensions = { k = v }`) or key/value blocks as a CloudFormation list of
 * `{<keyName>: k, <valueName>: v}`, each element located at its key.
 */
export function pairList(v: Value, keyName: string, valueName: string): Value {
  if (v.k !== 'object') return v;
  const items: Value[] = [];
  for (const [k, val] of v.props) {
    const at: Loc = v.keyLocs.get(k) ?? v.loc;
    items.push({
      k: 'object', loc: at,
      props: new Map<string, Value>([[keyName, { k: 'scalar', v: k, loc: at }], [valueName, val]]),
      keyLocs: new Map([[keyName, at], [valueName, val.loc]]),
    });
  }
  return { k: 'list', items, loc: v.loc };
}

/**
 * Blocks of `{ <keyArg> = …, <valueArg> = … }` (RDS `parameter` blocks) as the CloudFormation
 * map `{key: value}`, each entry located at its block; `value` is the argument holding the
 * value, or builds it from the block. A key that is not a known string makes the whole map
 * unknown: a parameter could be any one.
 */
export function blocksAsMap(tf: TfView, out: CfnBuilder, cfnPath: string, tfPath: string, keyArg: string, value: string | ((b: CfnBuilder) => void)): void {
  const v = tf.get(tfPath);
  if (v === undefined || (v.k === 'scalar' && v.v === null)) return;
  const at = tf.locate(tfPath);
  if (v.k === 'unknown') { out.put(cfnPath, v, at); return; }
  const map: ObjectValue = { k: 'object', props: new Map(), keyLocs: new Map(), loc: at };
  for (const block of tf.blocks(tfPath)) {
    const key = block.get(keyArg);
    let val: Value | undefined;
    if (typeof value === 'string') val = block.get(value);
    else {
      const b = inBlock(block);
      value(b);
      val = b.properties;
    }
    if (key?.k !== 'scalar' || key.v === null) {
      const reason = key?.k === 'unknown' ? key.reason : `${keyArg} is not a known string`;
      out.put(cfnPath, { k: 'unknown', reason, params: key?.k === 'unknown' ? key.params : [], loc: block.locate(keyArg) }, at);
      return;
    }
    const name = String(key.v);
    map.props.set(name, val ?? { k: 'absent', loc: block.locate(keyArg) });
    map.keyLocs.set(name, block.locate(keyArg));
  }
  if (v.k === 'list' && v.items.some((i) => i.k === 'unknown')) {
    const u = v.items.find((i) => i.k === 'unknown') as Value & { k: 'unknown' };
    out.put(cfnPath, u, at);
    return;
  }
  out.put(cfnPath, map, at);
}
