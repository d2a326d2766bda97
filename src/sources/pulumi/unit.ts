// A Pulumi stack or program as one scan unit: AWS Classic resources become Terraform-shaped
// resources for the translators, AWS Native ones are already in CloudFormation's vocabulary,
// other providers' resources are kept to be counted as not translated.
import type { Loc, ObjectValue, Resource, SourceError, SourceFormat, Value } from '../../model/types.js';
import type { SourceLoad } from '../types.js';
import type { TfResource } from '../terraform/types.js';
import { optionAttributes } from '../terraform/translate/keep.js';
import { unitTemplate } from '../terraform/unit.js';
import { classify, snake } from './tokens.js';
import { classicValues, nativeProperties } from './values.js';

/** A resource as a Pulumi format writes it, special values decoded, references by address. */
export interface PulumiResource {
  /** Unique in the unit: the resource's name (from its URN or its key in Pulumi.yaml). */
  address: string;
  /** Type token, e.g. `aws:s3/bucketV2:BucketV2`. */
  token: string;
  /** What evidence paths start with: the URN, or `resources.<name>.properties` in Pulumi.yaml. */
  origin: string;
  loc: Loc;
  /** Properties under their Pulumi names. */
  props: ObjectValue;
  refs: Set<string>;
  /** `data` for a resource read rather than managed (`get`, `external`). */
  mode: 'managed' | 'data';
  /**
   * The resource options that keep it from being deleted (`protect`, `retainOnDelete`), each
   * key located where written with its full path as written; absent when none is written.
   */
  options?: ObjectValue;
}

export function pulumiUnit(file: string, format: SourceFormat, resources: PulumiResource[], errors: SourceError[], notes: SourceError[] = []): SourceLoad {
  const tf: TfResource[] = [];
  const native: Resource[] = [];
  const kinds = new Map(resources.map((r) => [r.address, classify(r.token)]));
  for (const r of resources) {
    const kind = kinds.get(r.address)!;
    if (kind.kind === 'internal') continue;
    const refs = new Set([...r.refs].filter((a) => a !== r.address));
    if (kind.kind === 'native') {
      if (r.mode !== 'managed') continue;
      const attributes: ObjectValue = { k: 'object', props: new Map(), keyLocs: new Map(), loc: r.loc };
      optionAttributes(r.options, attributes);
      native.push({
        id: r.address, type: kind.cfnType, sourceType: r.token, file: r.loc.file,
        loc: { ...r.loc, path: r.origin },
        properties: nativeProperties(kind.cfnType, refAttrs(r.props, kinds), r.origin),
        attributes,
        dependsOn: [], refs, serverless: false,
      });
      continue;
    }
    const base = { address: r.address, name: r.address, module: '', mode: r.mode, file: r.loc.file, loc: r.loc, refs, ...(r.options ? { lifecycle: r.options } : {}) };
    if (kind.kind === 'classic') {
      const c = classicValues(kind.tfType, refAttrs(r.props, kinds));
      tf.push({ ...base, type: kind.tfType, values: c.values, origin: (p: string) => (p ? `${r.origin}.${c.written(p)}` : r.origin) });
    } else {
      // Counted as a type without translation, under its own token.
      tf.push({ ...base, type: r.token, values: r.props });
    }
  }
  const { template, source } = unitTemplate({ file, format, files: [file], resources: tf, native, errors, notes });
  return { sources: [source], templates: [template], skipped: [] };
}

/**
 * A reference's attribute as the target's vocabulary names it: Terraform's snake_case for
 * an AWS Classic target (`aws_kms_key.k.arn`), as written otherwise.
 */
function refAttrs(props: ObjectValue, kinds: Map<string, ReturnType<typeof classify>>): ObjectValue {
  const fix = (v: Value): Value => {
    if (v.k === 'ref') return v.attr && kinds.get(v.resource)?.kind === 'classic' ? { ...v, attr: snake(v.attr) } : v;
    if (v.k === 'list') return { ...v, items: v.items.map(fix) };
    if (v.k === 'object') {
      const p = new Map<string, Value>();
      for (const [k, x] of v.props) p.set(k, fix(x));
      return { ...v, props: p };
    }
    return v;
  };
  return fix(props) as ObjectValue;
}
