// Helpers shared by the data-protection and resilience controls: items of property lists
// with their own locations, RDS instance/cluster membership, and S3 bucket policies.
import type { Evidence, Loc, Resource, Value } from '../../model/types.js';
import { asList, asString, getPath, prop } from '../../model/value.js';
import { any, decide, evidenceAt, type Outcome, type ResourceContext, type Verdict } from '../api.js';
import { oneOf } from '../predicates.js';
import { statementsOf, type Statement } from './policy.js';

/** Where `key` of an object value is written, or the object itself when it is not. */
export function locIn(obj: Value | undefined, key: string, fallback: Loc): Loc {
  if (obj && obj.k === 'object') return obj.keyLocs.get(key) ?? obj.loc;
  return obj?.loc ?? fallback;
}

/** Walk a dotted path from a value (objects only) and return value and location. */
export function at(base: Value | undefined, path: string, fallback: Loc): { v: Value | undefined; loc: Loc } {
  let cur = base;
  let loc = base?.loc ?? fallback;
  for (const part of path.split('.')) {
    if (!cur || cur.k !== 'object') return { v: undefined, loc };
    loc = cur.keyLocs.get(part) ?? cur.loc;
    cur = cur.props.get(part);
  }
  return { v: cur, loc };
}

/**
 * Check `test` on `sub` of every item of the list at `listPath` and return one outcome per
 * item (pass, fail or unknown), located at the item's property or the item when missing.
 */
export function eachItem(
  r: ResourceContext,
  listPath: string,
  items: Value[],
  sub: string,
  test: (v: Value | undefined) => Verdict,
  msg: { pass: (i: number) => string; fail: (i: number) => string; unknown: (i: number) => string },
): Outcome[] {
  return items.map((item, i) => {
    const { v, loc } = at(item, sub, item.loc);
    const ev = [evidenceAt(`Properties.${listPath}.${i}.${sub}`, v, loc)];
    const d = decide(v, test);
    if (d === true) return r.pass(msg.pass(i), loc, ev);
    if (d === false) return r.fail(msg.fail(i), loc, ev);
    return r.unknown(msg.unknown(i), d.unknown, loc, ev);
  });
}

/** Items of a list property; an unknown list is returned as `unknown`. */
export function listAt(r: ResourceContext, path: string): { items: Value[]; unknown?: Value & { k: 'unknown' }; v: Value | undefined } {
  const v = r.get(path);
  if (v && v.k === 'unknown') return { items: [], unknown: v, v };
  return { items: asList(v) ?? [], v };
}

/** A DB instance that is a member of an Aurora (or Multi-AZ) DB cluster. */
export function inDbCluster(r: ResourceContext): boolean {
  return r.type === 'AWS::RDS::DBInstance' && r.get('DBClusterIdentifier') !== undefined;
}

/** The `AWS::S3::BucketPolicy` resources of the scanned templates whose Bucket is `bucket`. */
export function bucketPoliciesOf(r: ResourceContext): Resource[] {
  const bucket = r.resource;
  const name = asString(r.get('BucketName'));
  const out = r.graph.pointingAt(bucket, 'AWS::S3::BucketPolicy', 'Bucket').filter((p) => p.file === bucket.file);
  if (name) for (const p of r.graph.withLiteral('AWS::S3::BucketPolicy', 'Bucket', bucket, name)) if (!out.includes(p)) out.push(p);
  return out;
}

/** Statements of a bucket policy resource's PolicyDocument. */
export function bucketPolicyStatements(p: Resource): { statements: Statement[]; unknown?: Value } {
  return statementsOf(prop(p.properties, 'PolicyDocument'));
}

/** Does a Principal value mean "anyone" (`*` or `{AWS: "*"}`, possibly in a list)? */
export function isAnyonePrincipal(p: Value | undefined): boolean {
  if (!p) return false;
  if (p.k === 'scalar') return asString(p) === '*';
  if (p.k === 'object') {
    const aws = prop(p, 'AWS');
    return (asList(aws) ?? []).some((x) => asString(x) === '*');
  }
  return false;
}

/**
 * The value not known statically inside a principal (`"*"` or `{AWS: …}` from a parameter or
 * variable), if any: until it is known, nobody can tell whether the principal is anyone.
 */
export function unknownInPrincipal(p: Value | undefined): (Value & { k: 'unknown' }) | undefined {
  if (!p) return undefined;
  if (p.k === 'unknown') return p;
  if (p.k === 'object') {
    for (const v of p.props.values()) {
      if (v.k === 'unknown') return v;
      if (v.k === 'list') for (const x of v.items) if (x.k === 'unknown') return x;
    }
  }
  if (p.k === 'list') for (const x of p.items) if (x.k === 'unknown') return x;
  return undefined;
}

/** Evidence for a value of another resource in the same file (a related policy, a subnet). */
export function evidenceOf(res: Resource, path: string, v: Value | undefined, loc: Loc, note?: string): Evidence {
  return evidenceAt(`${res.id}.${path}`, v, loc, note);
}

/** Default-encryption rules of a bucket whose SSEAlgorithm satisfies `algs`. */
export function sseRulesMatch(algs: string[]): (v: Value | undefined) => Verdict {
  const test = oneOf(algs);
  return (cfg) => {
    if (!cfg) return false;
    if (cfg.k === 'unknown') return { unknown: cfg };
    const rules = asList(cfg) ?? [];
    return any(rules.map((rule) => {
      if (rule.k === 'unknown') return { unknown: rule };
      const alg = getPath(rule, 'ServerSideEncryptionByDefault.SSEAlgorithm');
      return decide(alg, test);
    }));
  };
}
