// Helpers the service families share for Terraform's nested blocks, which CloudFormation
// holds as lists of objects or as key/value lists.
import type { Loc, ObjectValue, Value } from '../../../model/types.js';
import { CfnBuilder, type TfView } from './api.js';

/** A builder for one nested block's CloudFormation object, located at the block itself. */
export function blockBuilder(b: TfView): CfnBuilder {
  return new CfnBuilder(b, { k: 'object', props: new Map(), keyLocs: new Map(), loc: b.locate('') });
}

/**
 * The blocks written at `tfPath`, in order, and in their place what is not known before
 * apply (a `dynamic` block over an unknown collection, a list from a variable): those must
 * reach the controls as unknown, never vanish, or a rule or route nobody can see would pass.
 */
export function blockItems(tf: TfView, tfPath: string): ({ view: TfView; index: number } | { unknown: Value; index: number })[] {
  const v = tf.get(tfPath);
  if (v === undefined) return [];
  if (v.k === 'object') return tf.blocks(tfPath).map((view) => ({ view, index: 0 }));
  if (v.k !== 'list') return [{ unknown: v, index: 0 }];
  const views = tf.blocks(tfPath);
  let next = 0;
  return v.items.map((item, index) => (item.k === 'object' ? { view: views[next++]!, index } : { unknown: item, index }));
}

/** At least one block is written at `tfPath` (plan JSON writes an absent block as an empty list), or one not known before apply. */
export function hasBlock(tf: TfView, tfPath: string): boolean {
  return blockItems(tf, tfPath).length > 0;
}

/**
 * Every block at `tfPath` as one CloudFormation list at `cfnPath`, each element built by
 * `each`, which returns false for a block that stands for no element. What is not known
 * before apply stays in the list: as it is, or as an element whose `unknownAs` properties
 * (the ones controls decide on) hold it; a whole value not known stands for the list.
 */
export function blockList(tf: TfView, out: CfnBuilder, cfnPath: string, tfPath: string, each: (b: CfnBuilder, view: TfView) => unknown, unknownAs: string[] = []): void {
  const whole = tf.get(tfPath);
  if (whole !== undefined && whole.k !== 'list' && whole.k !== 'object') { out.put(cfnPath, whole, tf.locate(tfPath)); return; }
  const items: Value[] = [];
  for (const it of blockItems(tf, tfPath)) {
    if ('unknown' in it) { items.push(unknownElement(it.unknown, unknownAs)); continue; }
    const b = blockBuilder(it.view);
    if (each(b, it.view) === false) continue;
    items.push(b.properties);
  }
  if (!items.length) return;
  const at = tf.locate(tfPath);
  out.put(cfnPath, { k: 'list', items, loc: at }, at);
}

/** An element standing for a block not known before apply: the unknown itself, or an object whose `keys` (dotted) hold it. */
export function unknownElement(u: Value, keys: string[]): Value {
  if (!keys.length) return u;
  const root: ObjectValue = { k: 'object', props: new Map(), keyLocs: new Map(), loc: u.loc };
  for (const key of keys) {
    const parts = key.split('.');
    let obj = root;
    for (const part of parts.slice(0, -1)) {
      let next = obj.props.get(part);
      if (next?.k !== 'object') obj.props.set(part, (next = { k: 'object', props: new Map(), keyLocs: new Map(), loc: u.loc }));
      obj.keyLocs.set(part, u.loc);
      obj = next;
    }
    obj.props.set(parts[parts.length - 1]!, u);
    obj.keyLocs.set(parts[parts.length - 1]!, u.loc);
  }
  return root;
}

/** A value relocated at `at`, so evidence names the Terraform argument it came from. */
export function located(v: Value, at: Loc): Value {
  return { ...v, loc: at };
}

/**
 * A property CloudFormation nests the whole configuration under (DistributionConfig, LaunchTemplateData),
 * located at the resource, so a setting left out is reported there rather than at
 * whichever argument happened to be translated first.
 */
export function wholeResource(tf: TfView, out: CfnBuilder, cfnPath: string): void {
  const at = tf.locate('');
  out.put(cfnPath, { k: 'object', props: new Map(), keyLocs: new Map(), loc: at }, at);
}

/**
 * The CloudFormation object at `cfnPath` a Terraform block stands for, located at the block
 * (when written), so a setting the block leaves out is reported where the block is.
 */
export function nested(tf: TfView, out: CfnBuilder, cfnPath: string, tfPath: string): CfnBuilder {
  if (!hasBlock(tf, tfPath)) return out;
  const at = tf.locate(tfPath);
  return out.put(cfnPath, { k: 'object', props: new Map(), keyLocs: new Map(), loc: at }, at);
}
