// The contract every control follows: metadata plus one evaluate function (ESLint-rule
// style), and the helpers that turn a resolved value into a located verdict.
import type { DomainId, Evidence, Loc, References, Resource, Severity, Value } from '../model/types.js';
import { render, valueThrough } from '../model/value.js';
import type { Graph } from '../engine/graph.js';

export type OutcomeStatus = 'pass' | 'fail' | 'not_applicable' | 'unknown';

export interface Outcome {
  status: OutcomeStatus;
  message: string;
  /** Location of the deciding attribute; the resource when omitted. */
  at?: Loc;
  evidence: Evidence[];
  /** For `unknown`: the parameters or conditions the result depends on. */
  dependsOn?: string[];
}

export interface Control {
  /** Stable id, e.g. AT-S3-001. Never reused. */
  id: string;
  title: string;
  domain: DomainId;
  severity: Severity;
  /** CloudFormation types this control evaluates (SAM types included where they apply). */
  resourceTypes: string[];
  rationale: string;
  /** How to fix a failing finding, in CloudFormation's terms (the controls' vocabulary). */
  remediation: string;
  /**
   * The same fix in the Terraform AWS provider's terms (the argument or resource to set), for
   * findings on Terraform resources and Pulumi AWS Classic ones (the same schema, camelCase).
   */
  remediationTerraform?: string;
  /** Equivalent rule ids in other tools; framework mappings live in the catalogs (src/frameworks). */
  references: References;
  evaluate(r: ResourceContext): Outcome | Outcome[] | undefined;
}

export function defineControl(c: Control): Control {
  return c;
}

/** Result of a predicate over a value: decided, or blocked by a value known only at deploy time. */
export type Verdict = boolean | { unknown: Value & { k: 'unknown' } };

/** What a control sees: one resource, its properties, and the graph around it. */
export class ResourceContext {
  /**
   * `today` is the scan's reference date (YYYY-MM-DD), so date-dependent verdicts are reproducible;
   * `region` is the deployment region when the scan was told it (--param AWS::Region=...).
   */
  constructor(readonly resource: Resource, readonly graph: Graph, readonly today: string = new Date().toISOString().slice(0, 10), readonly region?: string) {}

  get id(): string { return this.resource.id; }
  get type(): string { return this.resource.type; }
  get properties() { return this.resource.properties; }

  /** Property at a dotted path under Properties (e.g. `BucketEncryption.ServerSideEncryptionConfiguration`). */
  /**
   * The property at `path`; a block on the way known only at deploy time makes it unknown
   * (never absent: a setting below a block that is not known yet may well be there).
   */
  get(path: string): Value | undefined {
    return valueThrough(this.resource.properties, path);
  }

  /** Where `path` is written, or the nearest enclosing attribute that is. */
  locate(path: string, base: Value = this.resource.properties): Loc {
    let cur: Value | undefined = base;
    // A property left out is reported at the resource (its logical id, its Terraform block), not at whichever sibling property is written first.
    let loc: Loc = base === this.resource.properties ? this.resource.loc : base.loc;
    if (path === '') return loc;
    for (const part of path.split('.')) {
      if (!cur || cur.k !== 'object') break;
      const kl = cur.keyLocs.get(part);
      if (!kl) break;
      loc = kl;
      cur = cur.props.get(part);
    }
    return loc;
  }

  /** Evidence for the value at `path`, located where it is written (or where it would go). */
  evidence(path: string, v: Value | undefined = this.get(path), note?: string): Evidence {
    return evidenceAt(`Properties.${path}`, v, this.locate(path), note);
  }

  pass(message: string, at: Loc = this.resource.loc, evidence: Evidence[] = []): Outcome {
    return { status: 'pass', message, at, evidence };
  }

  fail(message: string, at: Loc = this.resource.loc, evidence: Evidence[] = []): Outcome {
    return { status: 'fail', message, at, evidence };
  }

  notApplicable(message: string): Outcome {
    return { status: 'not_applicable', message, at: this.resource.loc, evidence: [] };
  }

  unknown(message: string, blocking: Value | undefined, at: Loc = blocking?.loc ?? this.resource.loc, evidence: Evidence[] = []): Outcome {
    const params = blocking && blocking.k === 'unknown' ? blocking.params : [];
    const reason = blocking && blocking.k === 'unknown' ? `: ${blocking.reason}` : '';
    return { status: 'unknown', message: `${message}${reason}`, at, evidence, dependsOn: params };
  }

  /**
   * The common shape of a control: a property must satisfy `test`. Handles values known
   * only at deploy time (unknown unless every alternative agrees) and locates the verdict
   * at the property, or where it is missing.
   */
  /**
   * The verdict of `test` on the property at `path`, located where it is written (a missing
   * one at the innermost block on its path, or the resource); `note` explains a property left
   * out (e.g. the default that applies) in the evidence.
   */
  expect(path: string, test: (v: Value | undefined) => Verdict, messages: { pass: string; fail: string; unknown?: string }, note?: string): Outcome {
    const v = this.get(path);
    const d = decide(v, test);
    const ev = [this.evidence(path, v, v === undefined ? note : undefined)];
    const at = this.locate(path);
    if (d === true) return this.pass(messages.pass, at, ev);
    if (d === false) return this.fail(messages.fail, at, ev);
    return this.unknown(messages.unknown ?? `cannot tell whether ${path} is set correctly`, d.unknown, at, ev);
  }
}

/** Evidence for a value at an explicit location (for values found inside lists). */
export function evidenceAt(path: string, v: Value | undefined, at: Loc, note?: string): Evidence {
  const via = v && v.k === 'scalar' && v.via ? `value from ${v.via} (line ${v.loc.line})`
    : v && v.loc.file !== at.file ? `imported from the export written at ${v.loc.file}:${v.loc.line}` : undefined;
  const n = [note, via].filter(Boolean).join('; ');
  return { path, ...(at.path ? { origin: at.path } : {}), value: render(v), file: at.file, line: at.line, column: at.column, ...(n ? { note: n } : {}) };
}

/**
 * Apply `test` to a value, trying every alternative of an undecidable `Fn::If` or
 * parameter with `AllowedValues`: all true -> true, all false -> false, else unknown.
 */
export function decide(v: Value | undefined, test: (v: Value | undefined) => Verdict): Verdict {
  if (v && v.k === 'unknown') {
    if (!v.alts || v.alts.length === 0) return { unknown: v };
    const results = v.alts.map((a) => decide(a.k === 'absent' ? undefined : a, test));
    if (results.every((r) => r === true)) return true;
    if (results.every((r) => r === false)) return false;
    return { unknown: v };
  }
  return test(v);
}

/** Combine verdicts with AND semantics: any false -> false; else any unknown -> unknown. */
export function all(verdicts: Verdict[]): Verdict {
  if (verdicts.some((x) => x === false)) return false;
  const u = verdicts.find((x) => x !== true);
  return u ?? true;
}

/** Combine verdicts with OR semantics: any true -> true; else any unknown -> unknown. */
export function any(verdicts: Verdict[]): Verdict {
  if (verdicts.some((x) => x === true)) return true;
  const u = verdicts.find((x) => x !== false);
  return u ?? false;
}
