// Session Manager preferences: the inputs of an SSM document of type Session
// (SSM-SessionManagerRunShell holds the account's defaults).
import type { Loc, Value } from '../../model/types.js';
import { asString, getPath, prop } from '../../model/value.js';
import type { ResourceContext } from '../api.js';
import { policyValue } from './resourcePolicy.js';

export type Inputs = { inputs: Value | undefined; at: Loc } | { unknown: Value & { k: 'unknown' }; at: Loc } | undefined;

/** The `inputs` of a Session document's content; undefined when the document is not a Session document. */
export function sessionInputs(r: ResourceContext): Inputs {
  const type = r.get('DocumentType');
  if (type?.k === 'unknown') return { unknown: type, at: r.locate('DocumentType') };
  if (asString(type) !== 'Session') return undefined;
  // Content written as JSON text is read as the object it holds; other text (YAML) is not read.
  const content = policyValue(r.get('Content'));
  const at = r.properties.props.has('Content') ? r.locate('Content') : r.resource.loc;
  if (content?.k === 'unknown') return { unknown: { ...content, reason: content.reason.replace('the policy text is not JSON', 'the document content is not JSON') }, at };
  const inputs = prop(content, 'inputs');
  if (inputs?.k === 'unknown') return { unknown: inputs, at: inputs.loc };
  return { inputs, at: inputs && content?.k === 'object' ? content.keyLocs.get('inputs') ?? at : at };
}

/** An input's value and where it is written (the inputs block when it is not). */
export function input(i: { inputs: Value | undefined; at: Loc }, key: string): { v: Value | undefined; at: Loc } {
  const v = getPath(i.inputs, key);
  const at = i.inputs?.k === 'object' ? i.inputs.keyLocs.get(key) ?? i.at : i.at;
  return { v, at };
}
