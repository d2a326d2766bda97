// What the AWS provider does with an argument left out, where that differs from what
// CloudFormation does with the property left out (the provider sends its own default, or the
// property is required in CloudFormation and optional in Terraform). The control must judge
// the setting AWS applies, so the value is written, marked as the provider's (`via`, shown in
// evidence) and located where the argument would be written: the resource or its enclosing
// block, or the argument itself when it is set to null. The origin names the argument.
import type { Scalar, Value } from '../../../model/types.js';
import type { CfnBuilder, TfView } from './api.js';
import { written } from './copy.js';

/**
 * Set `cfnPath` to the provider's default `value` when `tfPath` is not written. `why` says
 * where the default comes from when it depends on other arguments (`engine is valkey`).
 */
export function providerDefault(out: CfnBuilder, cfnPath: string, tfPath: string, value: Scalar, why?: string): void {
  const tf = out.tf;
  if (written(tf, tfPath)) return;
  const at = { ...tf.locate(tfPath), path: tf.origin(tfPath) };
  const via = `the AWS provider's default when ${tfPath} is not set${why ? ` and ${why}` : ''}`;
  const v: Value = { k: 'scalar', v: value, loc: at, via };
  out.put(cfnPath, v, at);
}

/** A Terraform string argument known to equal `s` (case-insensitive); false for unknown values. */
export function isLiteral(tf: TfView, path: string, s: string): boolean {
  const v = tf.get(path);
  return v?.k === 'scalar' && typeof v.v === 'string' && v.v.toLowerCase() === s.toLowerCase();
}

/**
 * Set `cfnPath`, when `tfPath` is not written, to a default that changed between provider
 * major versions: the configuration does not say which version applies it, so the value is
 * unknown between the alternatives, and a control decides only where they agree.
 */
export function providerDefaultByVersion(out: CfnBuilder, cfnPath: string, tfPath: string, defaults: { value: Scalar; versions: string }[]): void {
  const tf = out.tf;
  if (written(tf, tfPath)) return;
  const at = { ...tf.locate(tfPath), path: tf.origin(tfPath) };
  const said = defaults.map((d) => `${JSON.stringify(d.value)} with provider ${d.versions}`).join(', ');
  const v: Value = {
    k: 'unknown', loc: at, params: [],
    reason: `${tfPath} is not set, and the AWS provider's default depends on its version, which is not known from the configuration: ${said}`,
    alts: defaults.map((d): Value => ({ k: 'scalar', v: d.value, loc: at, via: `the AWS provider's default (${d.versions}) when ${tfPath} is not set` })),
  };
  out.put(cfnPath, v, at);
}
