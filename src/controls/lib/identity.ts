// Shared helpers of the identity pack: walking the policy statements a resource declares
// (including SAM function / state machine `Policies`), principals, and a runner that turns a
// per-statement test into located outcomes.
import type { Value } from '../../model/types.js';
import { asList, asString, prop } from '../../model/value.js';
import { evidenceAt, type Outcome, type ResourceContext } from '../api.js';
import { actionMatches, policyDocuments, statementsOf, type PolicyDoc, type Statement } from './policy.js';

/** Resource types that carry identity (permission) policies. */
export const IDENTITY_POLICY_TYPES = [
  'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy',
  'AWS::Serverless::Function', 'AWS::Serverless::StateMachine',
];

/** Every policy document of the resource (see policyDocuments, which also reads SAM Policies). */
export function docsOf(r: ResourceContext): PolicyDoc[] {
  return policyDocuments(r.type, r.properties);
}

export interface Stmt extends Statement {
  /** Dotted path under Properties. */
  path: string;
  doc: PolicyDoc;
}

/** Allow statements and the rest: `true` for Allow, `false` for Deny, the value when it is known only at deploy time. */
export function isAllow(st: Statement): boolean | Value {
  const e = prop(st.value, 'Effect');
  if (e && e.k === 'unknown') return e;
  return st.effect === 'Allow';
}

/** Does the statement's Action cover `action`? `unknown` when a non-concrete action might. */
export function coversAction(st: Statement, action: string): boolean | Value {
  if (st.actions.some((a) => actionMatches(a, action))) return true;
  return unknownIn(st, 'Action') ?? false;
}

export interface Principal {
  /** `*` for the bare wildcard, else AWS / Service / Federated / CanonicalUser. */
  kind: string;
  /** Concrete text, or undefined when known only at deploy time. */
  text?: string;
  value: Value;
}

/** Flatten a Principal value. A non-concrete value yields one entry without text. */
export function principalsOf(v: Value | undefined): Principal[] {
  if (!v) return [];
  if (v.k === 'scalar') return [{ kind: asString(v) === '*' ? '*' : 'AWS', text: asString(v), value: v }];
  if (v.k !== 'object') return [{ kind: 'AWS', value: v }];
  const out: Principal[] = [];
  for (const [kind, pv] of v.props) {
    const items = pv.k === 'unknown' ? [pv] : asList(pv) ?? [];
    for (const i of items) out.push({ kind, text: asString(i), value: i });
  }
  return out;
}

/**
 * A parameter standing for the account the template deploys into: CloudFormation's
 * AWS::AccountId, or the account id of Terraform's `data.aws_caller_identity` (the reader
 * names it only when the data source uses the default provider configuration, which is
 * assumed to be the resource's; src/sources/terraform/eval/values.ts callerIdentity).
 */
export function isOwnAccountParam(p: string): boolean {
  return p === 'AWS::AccountId' || /^(?:module\.\S+\.)?data\.aws_caller_identity\.[^.]+\.account_id$/.test(p);
}

/** The own account as a placeholder in text: `${AWS::AccountId}`, `${data.aws_caller_identity.current.account_id}`. */
export const OWN_ACCOUNT_TEXT = '\\$\\{(?:AWS::AccountId|(?:module\\.\\S+\\.)?data\\.aws_caller_identity\\.[^.}]+\\.account_id)\\}';
const OWN_ACCOUNT = new RegExp(`^(arn:[^:]+:iam::)?${OWN_ACCOUNT_TEXT}(:root)?$`);

/** Is the value the stack's own account (a join or sub of its account id only)? */
export function isOwnAccount(p: Principal): boolean {
  const v = p.value;
  if (v.k === 'unknown') return v.params.length > 0 && v.params.every(isOwnAccountParam);
  return OWN_ACCOUNT.test(p.text ?? '');
}

/** Wildcard principal: `*`, or AWS `*`. */
export function isWildcardPrincipal(p: Principal): boolean {
  return p.kind === '*' || (p.kind === 'AWS' && p.text === '*');
}

/** Condition keys (lower-cased) used by a statement, across operators. */
export function conditionKeys(st: Statement): string[] {
  const c = st.condition;
  if (!c || c.k !== 'object') return [];
  const out: string[] = [];
  for (const ops of c.props.values()) if (ops.k === 'object') for (const k of ops.props.keys()) out.push(k.toLowerCase());
  return out;
}

/** Every statement of the resource's policy documents of the given kinds; documents that cannot be read are returned apart. */
export function statementsOfResource(r: ResourceContext, kinds: PolicyDoc['kind'][]): { docs: PolicyDoc[]; stmts: Stmt[]; unreadable: { doc: PolicyDoc; value: Value }[] } {
  const docs = docsOf(r).filter((d) => kinds.includes(d.kind));
  const stmts: Stmt[] = [];
  const unreadable: { doc: PolicyDoc; value: Value }[] = [];
  for (const doc of docs) {
    const { statements, unknown } = statementsOf(doc.doc);
    if (unknown) unreadable.push({ doc, value: unknown });
    const raw = prop(doc.doc, 'Statement');
    const list = raw && raw.k === 'list' ? raw.items : undefined;
    for (const st of statements) {
      const i = list ? list.indexOf(st.value) : -1;
      stmts.push({ ...st, doc, path: `${doc.path}.Statement${i >= 0 ? '.' + i : ''}` });
    }
  }
  return { docs, stmts, unreadable };
}

export type StmtResult = { fail: string } | { unknown: Value; message: string } | undefined;

/**
 * Run a per-statement test over a resource's policy statements: one fail per offending
 * statement, unknown where a deploy-time value decides, else one pass with the documents as evidence.
 */
export function judgeStatements(r: ResourceContext, opts: {
  kinds: PolicyDoc['kind'][];
  /** not_applicable message when the resource has no such policy. */
  none: string;
  pass: string;
  test: (s: Stmt) => StmtResult;
  /** Only Allow statements are tested (default true). */
  allowOnly?: boolean;
}): Outcome | Outcome[] {
  const { docs, stmts, unreadable } = statementsOfResource(r, opts.kinds);
  if (docs.length === 0) return r.notApplicable(opts.none);
  const out: Outcome[] = [];
  for (const u of unreadable) {
    out.push(r.unknown(`the policy at ${u.doc.path} is not fully known until deploy time`, u.value, u.value.loc, [evidenceAt(`Properties.${u.doc.path}`, u.doc.doc, u.doc.doc.loc)]));
  }
  for (const s of stmts) {
    const allow = opts.allowOnly === false ? true : isAllow(s);
    if (allow === false) continue;
    const res = opts.test(s);
    if (!res) continue;
    const ev = [evidenceAt(`Properties.${s.path}`, s.value, s.loc)];
    if (allow !== true && typeof allow === 'object') {
      out.push(r.unknown(`statement ${s.path} would be a finding if its Effect is Allow; the Effect is not known until deploy time`, allow, s.loc, ev));
    } else if ('fail' in res) out.push(r.fail(res.fail, s.loc, ev));
    else out.push(r.unknown(res.message, res.unknown, s.loc, ev));
  }
  if (out.length) return out;
  const first = docs[0];
  return r.pass(opts.pass, first.doc.loc, docs.map((d) => evidenceAt(`Properties.${d.path}`, d.doc, d.doc.loc)));
}

/** Every concrete resource of a statement is a wildcard covering all resources. */
export function wildcardResource(st: Statement): boolean {
  return st.resources.some((x) => x === '*');
}

/** A short description of a statement for messages. */
export function describe(s: Stmt): string {
  return s.sid ? `statement "${s.sid}" (${s.path})` : `statement ${s.path}`;
}

/**
 * The first value of a statement key (Action, Resource, ...) that is known only at deploy time.
 * Values built only from pseudo parameters (an ARN joined with AWS::AccountId, or Terraform's caller account id) are specific, never a bare wildcard, and are skipped.
 */
export function unknownIn(st: Statement, key: string): Value | undefined {
  const v = prop(st.value, key);
  if (!v) return undefined;
  const open = (x: Value) => x.k === 'unknown' && !(x.params.length > 0 && !x.alts && x.params.every((p) => p.startsWith('AWS::') || isOwnAccountParam(p)));
  if (v.k === 'unknown') return open(v) ? v : undefined;
  return v.k === 'list' ? v.items.find(open) : undefined;
}
