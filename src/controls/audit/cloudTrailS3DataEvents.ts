import { defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Loc, Value } from '../../model/types.js';
import { asList, asString, asStrings, prop } from '../../model/value.js';

const ALL_BUCKETS = /^arn:aws[a-z-]*:s3(:::)?$/;
type U = Value & { k: 'unknown' };

/** A basic event selector logging object events of every bucket, for reads and writes. */
function basic(sel: Value): true | string | U {
  if (sel.k === 'unknown') return sel;
  const rw = prop(sel, 'ReadWriteType');
  if (rw?.k === 'unknown') return rw;
  const mode = asString(rw) ?? 'All';
  for (const d of asList(prop(sel, 'DataResources')) ?? []) {
    if (d.k === 'unknown') return d;
    const type = prop(d, 'Type');
    if (type?.k === 'unknown') return type;
    if (asString(type) !== 'AWS::S3::Object') continue;
    const values = prop(d, 'Values');
    if (values?.k === 'unknown') return values;
    const strs = asStrings(values) ?? [];
    if (!strs.some((v) => ALL_BUCKETS.test(v))) return 'S3 object events are recorded for selected buckets only';
    return mode === 'All' ? true : `S3 object events are recorded for ${mode} operations only`;
  }
  return 'no selector records S3 object events';
}

/** An advanced event selector logging S3 object data events without narrowing them. */
function advanced(sel: Value): true | string | U {
  if (sel.k === 'unknown') return sel;
  const fields = asList(prop(sel, 'FieldSelectors'));
  if (!fields) return 'no selector records S3 object events';
  let category = false;
  let type = false;
  const narrowing: string[] = [];
  for (const f of fields) {
    if (f.k === 'unknown') return f;
    const name = asString(prop(f, 'Field'));
    const eq = asStrings(prop(f, 'Equals')) ?? [];
    const u = ['Equals', 'NotEquals', 'StartsWith', 'NotStartsWith', 'EndsWith', 'NotEndsWith'].map((k) => prop(f, k)).find((v) => v?.k === 'unknown');
    if (u) return u as U;
    if (name === 'eventCategory') category = eq.includes('Data');
    else if (name === 'resources.type') type = eq.includes('AWS::S3::Object');
    else if (name) narrowing.push(name);
  }
  if (!category || !type) return 'no selector records S3 object events';
  if (narrowing.length) return `the S3 data event selector is narrowed by ${narrowing.join(', ')}`;
  return true;
}

export default defineControl({
  id: 'AT-CT-007',
  title: 'CloudTrail records S3 object-level read and write events for all buckets',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  rationale: 'Management events do not show who read, wrote or deleted an object. Object-level (data) events for every bucket are what an investigation of a data leak or tampering needs (CIS AWS Foundations Benchmark v5.0 items 3.8 and 3.9).',
  remediation: 'Add an EventSelectors entry with ReadWriteType: All and DataResources [{Type: AWS::S3::Object, Values: ["arn:aws:s3"]}], or an AdvancedEventSelectors entry with FieldSelectors eventCategory = Data and resources.type = AWS::S3::Object.',
  remediationTerraform: 'Add event_selector { read_write_type = "All", data_resource { type = "AWS::S3::Object", values = ["arn:aws:s3"] } } to the aws_cloudtrail, or an advanced_event_selector whose field_selector blocks match eventCategory = Data and resources.type = AWS::S3::Object.',
  // Trivy's AVD-AWS-0171/0172 ask for write-only / read-only events of one bucket: related, not equivalent, so not listed.
  references: { guard: ['CLOUDTRAIL_S3_DATAEVENTS_ENABLED'] },
  evaluate(r): Outcome {
    const reasons: string[] = [];
    let pending: { u: U; at: Loc } | undefined;
    for (const [path, judge] of [['EventSelectors', basic], ['AdvancedEventSelectors', advanced]] as const) {
      const list = r.get(path);
      if (list?.k === 'unknown') { pending ??= { u: list, at: r.locate(path) }; continue; }
      for (const [i, sel] of (asList(list) ?? []).entries()) {
        const v = judge(sel);
        if (v === true) return r.pass(`${path}[${i}] records S3 object read and write events for all buckets`, sel.loc, [evidenceAt(`Properties.${path}.${i}`, sel, sel.loc)]);
        if (typeof v === 'string') reasons.push(v);
        else pending ??= { u: v, at: v.loc };
      }
    }
    const ev = [r.evidence('EventSelectors'), r.evidence('AdvancedEventSelectors')];
    if (pending) return r.unknown('whether S3 data events are recorded depends on a value not known statically', pending.u, pending.at, ev);
    const at = r.properties.props.has('EventSelectors') ? r.locate('EventSelectors') : r.locate('AdvancedEventSelectors');
    const why = [...new Set(reasons)].filter((x) => x !== 'no selector records S3 object events');
    return r.fail(`the trail does not record S3 object-level events for all buckets${why.length ? ` (${why.join('; ')})` : ''}`, at, ev);
  },
});
