// Helpers the service families share for Terraform's nested blocks, which CloudFormation
// holds as lists of objects or as key/value lists.
import type { Loc, Value } from '../../../model/types.js';
import { CfnBuilder, type TfView } from './api.js';

/** A builder for one nested block's CloudFormation object, located at the block itself. */
export function blockBuilder(b: TfView): CfnBuilder {
  return new CfnBuilder(b, { k: 'object', props: new Map(), keyLocs: new Map(), loc: b.locate('') });
}

/**
 * Every block at `tfPath` as one CloudFormation list at `cfnPath`, each element built by
 * `each`, which returns false for a block that stands for no element.
 */
export function blockList(tf: TfView, out: CfnBuilder, cfnPath: string, tfPath: string, each: (b: CfnBuilder, view: TfView) => unknown): void {
  const items: Value[] = [];
  for (const view of tf.blocks(tfPath)) {
    const b = blockBuilder(view);
    if (each(b, view) === false) continue;
    items.push(b.properties);
  }
  if (!items.length) return;
  const at = tf.locate(tfPath);
  out.put(cfnPath, { k: 'list', items, loc: at }, at);
}

/** A value relocated at `at`, so evidence names the Terraform argument it came from. */
export function located(v: Value, at: Loc): Value {
  return { ...v, loc: at };
}
