/**
 * Attestations and the exceptions register as ledger records. Each function validates its
 * input (a ComplianceInputError names the field), checks it against the catalogs and the
 * register as folded from the ledger, and appends one record. The actor is a parameter: the
 * service passes the authenticated principal, the CLI the local operator. The record's time
 * is the ledger's (server) time; validity bounds are counted from `now`, the server's clock.
 * Nothing is ever edited: revocations, approvals and reviews are later records.
 */
import { randomBytes } from 'node:crypto';
import { CATALOGS } from '../frameworks/index.js';
import type { Catalog, Requirement } from '../frameworks/schema.js';
import type { Ledger, LedgerRecord } from '../ledger/ledger.js';
import type { AuditEventInput } from '../ledger/record.js';
import type { Principal } from '../access/scopes.js';
import { CONTROLS } from '../controls/index.js';
import { catalogControlIds, resolveFramework } from './frameworks.js';
import { checkAttestationFiles, type ComplianceStore } from './store.js';
import { ACTIONS, COMPLIANCE_QUERY_ACTION, foldRegister, samePerson, type Register } from './register.js';
import { EXCEPTION_RISKS, type Attestation, type ComplianceActor, type EvidenceFileRef, type ExceptionEntry, type ExceptionRisk, type ExceptionTarget } from './types.js';
import { addDays, ComplianceInputError, COMPLIANCE_DEFAULTS, isDay, utcDay } from './util.js';


const LIMITS = { statement: 4000, name: 256, files: 50, links: 50, link: 2048, scope: 1000, scopeItem: 512, compensating: 50, text: 4000 } as const;

export interface RecordOptions {
  /** The catalogs requirements are checked against (default: the shipped ones). */
  catalogs?: readonly Catalog[];
  /** The server's clock: validity and expiry bounds count from its UTC day. */
  now?: Date;
  /** The tenant the record belongs to (multi-tenant services). */
  tenant?: string;
}

/** What the attestation check needs of the evidence store: whether a file is held, and its size. */
export interface EvidenceLookup {
  fileInfo(sha256: string): Promise<{ size: number; mediaType: string } | undefined>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function fields(raw: unknown, allowed: string[], what: string): Obj {
  if (!isObj(raw)) throw new ComplianceInputError(what, 'must be a JSON object');
  for (const k of Object.keys(raw)) if (!allowed.includes(k)) throw new ComplianceInputError(k, `is not a field of ${what} (fields: ${allowed.join(', ')})`);
  return raw;
}

function text(o: Obj, k: string, max: number, required: true, field?: string): string;
function text(o: Obj, k: string, max: number, required: false, field?: string): string | undefined;
function text(o: Obj, k: string, max: number, required: boolean, field = k): string | undefined {
  const v = o[k];
  if (v === undefined || v === null) {
    if (required) throw new ComplianceInputError(field, 'is required');
    return undefined;
  }
  if (typeof v !== 'string') throw new ComplianceInputError(field, `must be a string, got ${Array.isArray(v) ? 'an array' : typeof v}`);
  const t = v.trim();
  if (required && t === '') throw new ComplianceInputError(field, 'must not be empty');
  if (t.length > max) throw new ComplianceInputError(field, `is longer than ${max} characters`);
  if (CONTROL_CHARS.test(t)) throw new ComplianceInputError(field, 'contains control characters');
  return t;
}

function list(o: Obj, k: string, max: number): unknown[] {
  const v = o[k];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ComplianceInputError(k, 'must be an array');
  if (v.length > max) throw new ComplianceInputError(k, `has more than ${max} entries`);
  return v;
}

function textList(o: Obj, k: string, maxItems: number, maxLen: number): string[] {
  return list(o, k, maxItems).map((item, i) => text({ v: item }, 'v', maxLen, true, `${k}[${i}]`));
}

function checkActor(actor: ComplianceActor): void {
  if (!isObj(actor)) throw new ComplianceInputError('actor', 'is required');
  for (const k of ['id', 'issuer'] as const) if (typeof actor[k] !== 'string' || !actor[k].trim() || actor[k].length > 256) throw new ComplianceInputError(`actor.${k}`, 'must be a non-empty string of at most 256 characters');
  if (actor.type !== 'user' && actor.type !== 'service') throw new ComplianceInputError('actor.type', 'must be user or service');
  if (actor.source !== 'cli' && actor.source !== 'api') throw new ComplianceInputError('actor.source', 'must be cli or api');
}

function event(actor: ComplianceActor, action: string, target: { type: string; id: string }, metadata: Obj, o: RecordOptions): AuditEventInput {
  return {
    actor: { id: actor.id, type: actor.type, ...(actor.name ? { name: actor.name } : {}), ...(actor.email ? { email: actor.email } : {}) },
    action,
    target,
    outcome: 'success',
    ...(o.tenant ? { tenant: o.tenant } : {}),
    metadata: { ...metadata, by: { issuer: actor.issuer, source: actor.source } },
  };
}

async function appendOne(ledger: Ledger, ev: AuditEventInput): Promise<LedgerRecord> {
  const r = await ledger.append([ev], { compliance: true });
  const page = await ledger.query({ seqFrom: r.first, seqBefore: r.first + 1, order: 'asc', limit: 1 });
  const rec = page.records[0];
  if (!rec || rec.seq !== r.first) throw new Error(`ledger record ${r.first} was appended but cannot be read back`);
  return rec;
}

function requirementOf(catalog: Catalog, id: string, field = 'requirement'): Requirement {
  const r = catalog.requirements.find((x) => x.id === id);
  if (!r) throw new ComplianceInputError(field, `${JSON.stringify(id)} is not a requirement of ${catalog.id}`);
  return r;
}

function day(o: Obj, k: string, today: string, latest: number, setting: string): string | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (!isDay(v)) throw new ComplianceInputError(k, `must be a date written YYYY-MM-DD, got ${JSON.stringify(v)}`);
  if (v < today) throw new ComplianceInputError(k, `${v} is in the past (today is ${today}, UTC)`);
  const max = addDays(today, latest);
  if (v > max) throw new ComplianceInputError(k, `${v} is more than ${latest} days after today (${today}); the latest allowed is ${max} (${setting})`);
  return v;
}

/**
 * The actor of records written through the service: the authenticated principal, identified
 * by its token's issuer and subject (what separation of duties compares). The user name is
 * personal data: the ledger keeps it beside the chain, erasable.
 */
export function actorFromPrincipal(p: Pick<Principal, 'subject' | 'kind' | 'issuer' | 'username'>): ComplianceActor {
  return { id: p.subject, type: p.kind === 'service' ? 'service' : 'user', issuer: p.issuer ?? 'unknown-issuer', ...(p.username ? { name: p.username } : {}), source: 'api' };
}

// ---------------------------------------------------------------------------
// Attestations

export interface ValidAttestation {
  catalog: Catalog;
  requirement: Requirement;
  metadata: { framework: string; requirement: string; kind: 'evidence' | 'not-applicable'; statement: string; files: EvidenceFileRef[]; links: string[]; validUntil: string };
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;

/** Checks an attestation against its catalog and bounds; pure. */
export function validateAttestation(raw: unknown, o: RecordOptions & { evidenceMaxBytes?: number } = {}): ValidAttestation {
  const a = fields(raw, ['framework', 'requirement', 'kind', 'statement', 'files', 'links', 'validUntil'], 'an attestation');
  const today = utcDay(o.now ?? new Date());
  const catalog = resolveFramework(text(a, 'framework', 256, true), o.catalogs ?? CATALOGS);
  const requirement = requirementOf(catalog, text(a, 'requirement', 256, true));
  const kind = a['kind'] === undefined ? 'evidence' : a['kind'];
  if (kind !== 'evidence' && kind !== 'not-applicable') throw new ComplianceInputError('kind', 'must be evidence or not-applicable');
  if (requirement.evidence.notApplicable !== undefined) {
    throw new ComplianceInputError('requirement', `${requirement.id} is not applicable by the catalog (${requirement.evidence.notApplicable}); it takes no attestation`);
  }
  const manual = requirement.evidence.manual;
  if (kind === 'evidence' && !manual) {
    throw new ComplianceInputError('requirement', `${requirement.id} of ${catalog.id} is decided by configuration alone (${[...(requirement.evidence.controls ?? []), ...(requirement.evidence.service ?? [])].join(', ')}); it takes no manual evidence. An attestation of kind not-applicable can still record why it does not apply`);
  }
  const statement = text(a, 'statement', LIMITS.statement, true);
  const maxBytes = o.evidenceMaxBytes ?? COMPLIANCE_DEFAULTS.evidenceMaxBytes;
  const files = list(a, 'files', LIMITS.files).map((f, i): EvidenceFileRef => {
    const at = `files[${i}]`;
    if (!isObj(f)) throw new ComplianceInputError(at, 'must be an object {name, sha256, size, mediaType}');
    for (const k of Object.keys(f)) if (!['name', 'sha256', 'size', 'mediaType'].includes(k)) throw new ComplianceInputError(`${at}.${k}`, 'is not a field of a file (fields: name, sha256, size, mediaType)');
    const name = text(f, 'name', LIMITS.name, true, `${at}.name`);
    const sha256 = f['sha256'];
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) throw new ComplianceInputError(`${at}.sha256`, 'must be the file\'s SHA-256, 64 lower-case hex digits');
    const size = f['size'];
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) throw new ComplianceInputError(`${at}.size`, 'must be the file\'s size in bytes');
    if (size > maxBytes) throw new ComplianceInputError(`${at}.size`, `${size} bytes is over the evidence file limit of ${maxBytes} bytes (compliance.evidenceMaxBytes)`);
    const mediaType = text(f, 'mediaType', 127, true, `${at}.mediaType`);
    if (!MEDIA_TYPE.test(mediaType)) throw new ComplianceInputError(`${at}.mediaType`, `${JSON.stringify(mediaType)} is not a media type such as application/pdf`);
    return { name, sha256, size, mediaType: mediaType.toLowerCase() };
  });
  const links = list(a, 'links', LIMITS.links).map((l, i) => {
    const at = `links[${i}]`;
    const s = text({ v: l }, 'v', LIMITS.link, true, at);
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      throw new ComplianceInputError(at, 'is not a URL');
    }
    if (u.protocol !== 'https:') throw new ComplianceInputError(at, 'must be an https:// URL');
    // A link is shown to every reader of the checklist: it must not carry a password.
    if (u.username || u.password) throw new ComplianceInputError(at, 'must not carry a user name or password; link to the document, not to a login');
    return u.toString();
  });
  const validity = manual?.validityDays ?? COMPLIANCE_DEFAULTS.notApplicableValidityDays;
  const setting = manual ? `the catalog's validity for ${requirement.id}` : 'the validity of a not-applicable attestation';
  const validUntil = day(a, 'validUntil', today, validity, setting) ?? addDays(today, validity);
  return { catalog, requirement, metadata: { framework: catalog.id, requirement: requirement.id, kind, statement, files, links, validUntil } };
}

/**
 * Records an attestation. With `evidence`, every file it names must already be in the
 * evidence store with the size given (upload first, then attest), so no record points at
 * a file nobody holds.
 */
export async function recordAttestation(
  ledger: Ledger,
  actor: ComplianceActor,
  raw: unknown,
  o: RecordOptions & { evidence?: EvidenceLookup; evidenceMaxBytes?: number } = {},
): Promise<Attestation> {
  checkActor(actor);
  const v = validateAttestation(raw, o);
  if (o.evidence) {
    for (const [i, f] of v.metadata.files.entries()) {
      const held = await o.evidence.fileInfo(f.sha256);
      if (!held) throw new ComplianceInputError(`files[${i}].sha256`, `no evidence file with this hash is stored; store ${f.name} first`);
      if (held.size !== f.size) throw new ComplianceInputError(`files[${i}].size`, `the stored file with this hash has ${held.size} bytes, not ${f.size}`);
    }
  }
  const rec = await appendOne(ledger, event(actor, ACTIONS.attestation, { type: 'requirement', id: `${v.catalog.id}/${v.requirement.id}` }, v.metadata, o));
  const a = foldRegister([rec], o.now ?? new Date()).attestations[0];
  if (!a) throw new Error(`attestation record ${rec.seq} does not read back as an attestation`);
  return a;
}

/** Revokes an attestation (a new record; the attestation stays in the ledger, marked revoked). */
export async function revokeAttestation(ledger: Ledger, actor: ComplianceActor, raw: unknown, o: RecordOptions = {}): Promise<Attestation> {
  checkActor(actor);
  const r = fields(raw, ['attestation', 'reason'], 'a revocation');
  const idRaw = r['attestation'];
  const id = typeof idRaw === 'number' ? String(idRaw) : idRaw;
  if (typeof id !== 'string' || !/^[1-9]\d{0,15}$/.test(id)) throw new ComplianceInputError('attestation', 'must be the id of an attestation (its ledger record number)');
  const reason = text(r, 'reason', LIMITS.text, true);
  const register = await readRegister(ledger, o.now ?? new Date(), o.tenant ? { tenants: [o.tenant] } : {});
  const a = register.attestations.find((x) => x.id === id);
  if (!a) throw new ComplianceInputError('attestation', `${id} is not an attestation in this ledger`, 'not_found');
  if (a.revoked) throw new ComplianceInputError('attestation', `${id} was already revoked by ${a.revoked.by.id} on ${a.revoked.at.slice(0, 10)}`, 'conflict');
  const rec = await appendOne(ledger, event(actor, ACTIONS.attestationRevoke, { type: 'requirement', id: `${a.framework}/${a.requirement}` }, { attestation: id, reason }, o));
  return { ...a, revoked: { id: String(rec.seq), by: { id: actor.id, type: actor.type, issuer: actor.issuer, source: actor.source }, at: rec.ts, reason } };
}

// ---------------------------------------------------------------------------
// Exceptions register

export interface ExceptionOptions extends RecordOptions {
  /** Longest an exception may run, in days (compliance.exceptionMaxDays, default 365). */
  maxDays?: number;
  /** Control ids an exception may target (default: the scanner's controls and every control a catalog lists). */
  knownControls?: ReadonlySet<string>;
}

let knownDefault: Set<string> | undefined;
function defaultControls(catalogs: readonly Catalog[]): Set<string> {
  if (catalogs === CATALOGS) return (knownDefault ??= new Set([...CONTROLS.map((c) => c.id), ...catalogControlIds(CATALOGS)]));
  return new Set([...CONTROLS.map((c) => c.id), ...catalogControlIds(catalogs)]);
}

export interface ValidExceptionRequest {
  target: ExceptionTarget;
  scope: string[];
  reason: string;
  risk: ExceptionRisk;
  compensatingControls: string[];
  owner: string;
  expires: string;
  reviewEveryDays: number;
}

/** Checks an exception request; pure. */
export function validateExceptionRequest(raw: unknown, o: ExceptionOptions = {}): ValidExceptionRequest {
  const r = fields(raw, ['target', 'scope', 'reason', 'risk', 'compensatingControls', 'owner', 'expires', 'reviewEveryDays'], 'an exception request');
  const catalogs = o.catalogs ?? CATALOGS;
  const today = utcDay(o.now ?? new Date());
  const t = r['target'];
  if (!isObj(t)) throw new ComplianceInputError('target', 'is required: {control} or {framework, requirement}');
  let target: ExceptionTarget;
  if (t['control'] !== undefined) {
    if (Object.keys(t).length !== 1) throw new ComplianceInputError('target', 'names either a control or a framework and requirement, not both');
    const control = text(t, 'control', 256, true, 'target.control');
    if (!(o.knownControls ?? defaultControls(catalogs)).has(control)) throw new ComplianceInputError('target.control', `${JSON.stringify(control)} is not an Attest control (see attest controls)`);
    target = { control };
  } else {
    for (const k of Object.keys(t)) if (k !== 'framework' && k !== 'requirement') throw new ComplianceInputError(`target.${k}`, 'is not a field of a target (fields: control, or framework and requirement)');
    const catalog = resolveFramework(text(t, 'framework', 256, true, 'target.framework'), catalogs, 'target.framework');
    const requirement = requirementOf(catalog, text(t, 'requirement', 256, true, 'target.requirement'), 'target.requirement');
    target = { framework: catalog.id, requirement: requirement.id };
  }
  const scope = textList(r, 'scope', LIMITS.scope, LIMITS.scopeItem);
  for (const [i, s] of scope.entries()) if (/\s/.test(s) || s.endsWith('#') || s.startsWith('#')) throw new ComplianceInputError(`scope[${i}]`, `${JSON.stringify(s)} is not a resource: use a logical id (Bucket) or file#LogicalId`);
  const reason = text(r, 'reason', LIMITS.text, true);
  const risk = r['risk'];
  if (typeof risk !== 'string' || !(EXCEPTION_RISKS as readonly string[]).includes(risk)) throw new ComplianceInputError('risk', `must be one of ${EXCEPTION_RISKS.join(', ')}`);
  const compensatingControls = textList(r, 'compensatingControls', LIMITS.compensating, LIMITS.text);
  const owner = text(r, 'owner', LIMITS.name, true);
  const maxDays = o.maxDays ?? COMPLIANCE_DEFAULTS.exceptionMaxDays;
  if (r['expires'] === undefined || r['expires'] === null) throw new ComplianceInputError('expires', `is required: the last day the exception applies (at most ${maxDays} days ahead, compliance.exceptionMaxDays)`);
  const expires = day(r, 'expires', today, maxDays, 'the maximum is set by compliance.exceptionMaxDays in the config')!;
  const every = r['reviewEveryDays'] ?? COMPLIANCE_DEFAULTS.reviewEveryDays;
  if (typeof every !== 'number' || !Number.isInteger(every) || every < 1 || every > 366) throw new ComplianceInputError('reviewEveryDays', 'must be a whole number of days from 1 to 366');
  return { target, scope, reason, risk: risk as ExceptionRisk, compensatingControls, owner, expires, reviewEveryDays: every };
}

function newExceptionId(): string {
  return `EXC-${randomBytes(5).toString('hex').toUpperCase()}`;
}

function exceptionTarget(t: ExceptionTarget): { type: string; id: string } {
  return 'control' in t ? { type: 'control', id: t.control } : { type: 'requirement', id: `${t.framework}/${t.requirement}` };
}

/** Requests an exception; its id is generated. It excepts nothing until another person approves it. */
export async function requestException(ledger: Ledger, actor: ComplianceActor, raw: unknown, o: ExceptionOptions = {}): Promise<ExceptionEntry> {
  checkActor(actor);
  if (isObj(raw) && raw['exceptionId'] !== undefined) throw new ComplianceInputError('exceptionId', 'is generated by Attest; leave it out of a request');
  const v = validateExceptionRequest(raw, o);
  const now = o.now ?? new Date();
  const register = await readRegister(ledger, now, o.tenant ? { tenants: [o.tenant] } : {});
  let id = newExceptionId();
  while (register.exceptions.some((e) => e.exceptionId === id)) id = newExceptionId();
  const rec = await appendOne(ledger, event(actor, ACTIONS.exceptionRequest, exceptionTarget(v.target), { exceptionId: id, ...v }, o));
  return foldRegister([rec], now).exceptions[0]!;
}

async function entryFor(ledger: Ledger, raw: unknown, allowed: string[], what: string, o: RecordOptions): Promise<{ entry: ExceptionEntry; input: Obj }> {
  const input = fields(raw, allowed, what);
  const id = text(input, 'exceptionId', 64, true);
  const register = await readRegister(ledger, o.now ?? new Date(), o.tenant ? { tenants: [o.tenant] } : {});
  const entry = register.exceptions.find((e) => e.exceptionId === id);
  if (!entry) throw new ComplianceInputError('exceptionId', `${id} is not in the exceptions register`, 'not_found');
  return { entry, input };
}

/**
 * Approves a requested exception. Refused when the approver is the requester (same issuer and
 * subject): the register's point is that two people agree to carry the risk.
 */
export async function approveException(ledger: Ledger, actor: ComplianceActor, raw: unknown, o: RecordOptions = {}): Promise<ExceptionEntry> {
  checkActor(actor);
  const { entry, input } = await entryFor(ledger, raw, ['exceptionId', 'note'], 'an approval', o);
  const note = text(input, 'note', LIMITS.text, false) ?? '';
  const id = entry.exceptionId;
  if (entry.state === 'revoked') throw new ComplianceInputError('exceptionId', `${id} was revoked; request a new exception`, 'conflict');
  if (entry.state === 'expired') throw new ComplianceInputError('exceptionId', `${id} expired on ${entry.expires}; request a new exception`, 'conflict');
  if (entry.state === 'approved') throw new ComplianceInputError('exceptionId', `${id} was already approved by ${entry.approval!.by.id} on ${entry.approval!.at.slice(0, 10)}`, 'conflict');
  if (entry.requestedBy && samePerson(entry.requestedBy, actor)) {
    throw new ComplianceInputError('exceptionId', `${id} was requested by ${actor.id} (${actor.issuer}); the requester cannot approve their own exception: another person must approve it`, 'separation_of_duties');
  }
  await appendOne(ledger, event(actor, ACTIONS.exceptionApprove, exceptionTarget(entry.target), { exceptionId: id, note }, o));
  return (await readRegister(ledger, o.now ?? new Date(), o.tenant ? { tenants: [o.tenant] } : {})).exceptions.find((e) => e.exceptionId === id)!;
}

/** Revokes an exception (open, approved or expired: revoking an expired one closes it in the register). */
export async function revokeException(ledger: Ledger, actor: ComplianceActor, raw: unknown, o: RecordOptions = {}): Promise<ExceptionEntry> {
  checkActor(actor);
  const { entry, input } = await entryFor(ledger, raw, ['exceptionId', 'reason'], 'a revocation', o);
  const reason = text(input, 'reason', LIMITS.text, true);
  if (entry.state === 'revoked') throw new ComplianceInputError('exceptionId', `${entry.exceptionId} was already revoked by ${entry.revocation!.by.id} on ${entry.revocation!.at.slice(0, 10)}`, 'conflict');
  await appendOne(ledger, event(actor, ACTIONS.exceptionRevoke, exceptionTarget(entry.target), { exceptionId: entry.exceptionId, reason }, o));
  return (await readRegister(ledger, o.now ?? new Date(), o.tenant ? { tenants: [o.tenant] } : {})).exceptions.find((e) => e.exceptionId === entry.exceptionId)!;
}

/** Records a periodic review of an approved exception; the next review falls due reviewEveryDays later. */
export async function reviewException(ledger: Ledger, actor: ComplianceActor, raw: unknown, o: RecordOptions = {}): Promise<ExceptionEntry> {
  checkActor(actor);
  const { entry, input } = await entryFor(ledger, raw, ['exceptionId', 'note'], 'a review', o);
  const note = text(input, 'note', LIMITS.text, true);
  if (entry.state !== 'approved') throw new ComplianceInputError('exceptionId', `${entry.exceptionId} is ${entry.state}; only an approved exception is reviewed`, 'conflict');
  await appendOne(ledger, event(actor, ACTIONS.exceptionReview, exceptionTarget(entry.target), { exceptionId: entry.exceptionId, note }, o));
  return (await readRegister(ledger, o.now ?? new Date(), o.tenant ? { tenants: [o.tenant] } : {})).exceptions.find((e) => e.exceptionId === entry.exceptionId)!;
}

// ---------------------------------------------------------------------------
// Auditor packages made

/** A report or bundle that was made: what an auditor reads to see who generated which package, when. */
export interface PackageGenerated {
  kind: 'report' | 'bundle';
  /** The catalog id (soc2-tsc-2017, not the family). */
  framework: string;
  /** json, pdf or oscal for a report; zip for a bundle. */
  format: string;
  /** Every file made (OSCAL: the results and the catalog; a bundle: the zip), with its SHA-256 and size in bytes. */
  artefacts: { name: string; sha256: string; bytes: number }[];
  period: { from: string; to: string };
  /** The service's job id; absent on the command line. */
  jobId?: string;
  /** The ledger key that signed the files (absent when unsigned: a report written to standard output). */
  signedBy?: string;
}

/**
 * Appends `compliance.report.generated` or `compliance.bundle.generated`. Target: the job
 * (`report_job` / `bundle_job`, as its creation and download records) in the service; the
 * file (`report_file` / `bundle_file`, the first artefact's name) on the command line.
 */
export async function recordPackageGenerated(ledger: Ledger, actor: ComplianceActor, p: PackageGenerated, o: RecordOptions = {}): Promise<LedgerRecord> {
  checkActor(actor);
  if (!p.artefacts.length) throw new ComplianceInputError('artefacts', 'must list the files made');
  const target = p.jobId ? { type: `${p.kind}_job`, id: p.jobId } : { type: `${p.kind}_file`, id: p.artefacts[0]!.name };
  const metadata: Obj = {
    framework: p.framework,
    format: p.format,
    artefacts: p.artefacts.map((a) => ({ name: a.name, sha256: a.sha256, bytes: a.bytes })),
    period: { from: p.period.from, to: p.period.to },
    ...(p.jobId ? { jobId: p.jobId } : {}),
    ...(p.signedBy ? { signedBy: p.signedBy } : {}),
  };
  return appendOne(ledger, event(actor, p.kind === 'report' ? ACTIONS.reportGenerated : ACTIONS.bundleGenerated, target, metadata, o));
}

// ---------------------------------------------------------------------------
// Reading

/** Every compliance record in the ledger (of the given tenants), oldest first. */
export async function readComplianceRecords(ledger: Ledger, o: { tenants?: string[] } = {}): Promise<LedgerRecord[]> {
  const out: LedgerRecord[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await ledger.query({ action: COMPLIANCE_QUERY_ACTION, order: 'asc', limit: 1000, ...(o.tenants ? { tenants: o.tenants } : {}), ...(cursor ? { cursor } : {}) });
    out.push(...page.records);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}

/** The attestations and the exceptions register as of `now`, folded from the ledger. */
export async function readRegister(ledger: Ledger, now: Date, o: { tenants?: string[] } = {}): Promise<Register> {
  return foldRegister(await readComplianceRecords(ledger, o), now);
}

/**
 * What an assessment reads from the ledger: the register, with every unrevoked attestation's
 * files checked in the evidence store (an attestation whose file is missing or altered then
 * decides nothing). Pass the result's attestations and exceptions to assessCompliance.
 */
export async function readEvidence(ledger: Ledger, store: Pick<ComplianceStore, 'checkFile'>, now: Date, o: { tenants?: string[] } = {}): Promise<Register> {
  const register = await readRegister(ledger, now, o);
  await checkAttestationFiles(register.attestations, store);
  return register;
}
