// The per-framework report an auditor receives (issue 13's JSON form; PDF and OSCAL render
// the same document): what was assessed and from what, the score with the gaps first, every
// requirement with its evidence, a snapshot of the audit log over the period, the principals
// seen, the encryption status, and the policy documents attested. It never claims what is
// not met: statuses come from the assessment as they are, gaps listed before anything else.
import { createHash, sign, verify as verifySignature, createPublicKey, type KeyObject } from 'node:crypto';
import type { Finding } from '../model/types.js';
import type { SignedCheckpoint, VerifyReport } from '../ledger/ledger.js';
import type { Attestation, FrameworkAssessment, RequirementResult, RequirementStatus } from './types.js';

export const FRAMEWORK_REPORT_FORMAT = 'attest-framework-report/v1';
/** Seed 001 F07-SH-03: carried by every rendering of the report, on every page. */
export const REPORT_DISCLAIMER = 'Self-reported compliance. Third-party audit required.';

/** Requirement statuses in the order a reader should meet them: what is wrong first. */
const GAP_ORDER: RequirementStatus[] = ['not_met', 'expired', 'partially_met', 'unknown', 'not_started', 'excepted'];

export interface AuditSnapshot {
  /** Records in the period. */
  records: number;
  /** Per action category (the action's first segment) and outcome. */
  byCategory: Record<string, Record<string, number>>;
  /** Refused requests recorded in the period (outcome denied), and how many distinct actors were refused. */
  denials: { records: number; actors: number };
  /** Distinct actors seen in the period, by actor type. */
  principals: Record<string, number>;
  /** The ledger's verification when the report was made. */
  verification: { ok: boolean; records: number; checkpointsChecked: number; firstBadSeq?: number; problem?: string };
  /** The signed checkpoint the report is anchored to (the tree as it stood). */
  checkpoint: SignedCheckpoint;
}

export interface FrameworkReport {
  format: typeof FRAMEWORK_REPORT_FORMAT;
  disclaimer: typeof REPORT_DISCLAIMER;
  generatedAt: string;
  tool: { name: 'attest'; version: string };
  framework: { id: string; framework: string; name: string; version: string; source: string; categories: string[] };
  scope: {
    paths: string[];
    sources: { file: string; format: string; resources: number; errors: number }[];
    /** The ledger attestations, exceptions and the audit log come from; absent when none was read. */
    ledger?: { location: string; origin: string };
    /** Why parts of the report are empty (no ledger, input errors). */
    notes: string[];
  };
  period: { from: string; to: string };
  summary: FrameworkAssessment['summary'];
  /** Applicable requirements that are not met, worst first (not met, expired, partially met, unknown, not started, excepted). */
  gaps: { id: string; title: string; status: RequirementStatus; reasons: string[] }[];
  requirements: RequirementResult[];
  auditLog?: AuditSnapshot;
  /** Encryption at rest and in transit, as the scanned configuration shows it: per control, resources passing, failing or undecided. */
  encryption: { control: string; title: string; pass: number; fail: number; unknown: number }[];
  /** Policy and procedure documents attested for this framework (manual evidence), with their hashes. */
  policies: { requirement: string; statement: string; attestedBy: string; attestedAt: string; validUntil: string; recordHash: string; files: { name: string; sha256: string }[] }[];
}

export interface ReportInput {
  framework: FrameworkAssessment;
  findings: readonly Finding[];
  titles: ReadonlyMap<string, string>;
  paths: string[];
  sources: FrameworkReport['scope']['sources'];
  period: { from: string; to: string };
  now: Date;
  version: string;
  attestations?: readonly Attestation[];
  ledger?: { location: string; origin: string };
  auditLog?: AuditSnapshot;
  notes?: string[];
}

/** Controls whose subject is encryption (their titles say so): the report's encryption status. */
const ENCRYPTION = /\bencrypt|\bTLS\b|\bKMS\b|customer managed key|\bHTTPS\b|\bSSL\b/i;

export function buildFrameworkReport(inp: ReportInput): FrameworkReport {
  const fw = inp.framework;
  const rank = (s: RequirementStatus) => GAP_ORDER.indexOf(s);
  const gaps = fw.requirements
    .filter((r) => rank(r.status) >= 0)
    .sort((a, b) => rank(a.status) - rank(b.status))
    .map((r) => ({ id: r.id, title: r.title, status: r.status, reasons: r.reasons }));
  const mapped = new Set(fw.requirements.flatMap((r) => r.parts.flatMap((p) => (p.kind === 'controls' ? p.controls ?? [] : []))));
  const enc = new Map<string, { control: string; title: string; pass: number; fail: number; unknown: number }>();
  for (const f of inp.findings) {
    const title = inp.titles.get(f.controlId) ?? f.title;
    if (!mapped.has(f.controlId) || !ENCRYPTION.test(title)) continue;
    const e = enc.get(f.controlId) ?? enc.set(f.controlId, { control: f.controlId, title, pass: 0, fail: 0, unknown: 0 }).get(f.controlId)!;
    if (f.status === 'pass') e.pass++;
    else if (f.status === 'fail') e.fail++;
    else if (f.status === 'unknown') e.unknown++;
  }
  const policies = (inp.attestations ?? [])
    .filter((a) => a.framework === fw.id && a.kind === 'evidence' && !a.revoked && !a.fileProblems?.length)
    .map((a) => ({
      requirement: a.requirement, statement: a.statement, attestedBy: a.attestedBy.id, attestedAt: a.attestedAt, validUntil: a.validUntil,
      recordHash: a.recordHash, files: a.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
    }));
  return {
    format: FRAMEWORK_REPORT_FORMAT,
    disclaimer: REPORT_DISCLAIMER,
    generatedAt: inp.now.toISOString(),
    tool: { name: 'attest', version: inp.version },
    framework: { id: fw.id, framework: fw.framework, name: fw.name, version: fw.version, source: fw.source, categories: fw.categories },
    scope: { paths: inp.paths, sources: inp.sources, ...(inp.ledger ? { ledger: inp.ledger } : {}), notes: inp.notes ?? [] },
    period: inp.period,
    summary: fw.summary,
    gaps,
    requirements: fw.requirements,
    ...(inp.auditLog ? { auditLog: inp.auditLog } : {}),
    encryption: [...enc.values()].sort((a, b) => b.fail - a.fail || (a.control < b.control ? -1 : 1)),
    policies,
  };
}

/** Verification summary as the report carries it. */
export function verificationOf(v: VerifyReport): AuditSnapshot['verification'] {
  return {
    ok: v.ok, records: v.records, checkpointsChecked: v.checkpointsChecked,
    ...(v.firstBadSeq !== undefined ? { firstBadSeq: v.firstBadSeq } : {}),
    ...(v.problems[0] ? { problem: v.problems[0].message } : {}),
  };
}

// ---------------------------------------------------------------------------
// Detached signature over a report's bytes (any format), verifiable offline.

export const SIGNATURE_FORMAT = 'attest-signature/v1';

export interface DetachedSignature {
  format: typeof SIGNATURE_FORMAT;
  /** SHA-256 of the signed bytes, hex. */
  sha256: string;
  bytes: number;
  signedAt: string;
  keyId: string;
  /** Ed25519 public key, SPKI PEM (pin the one you trust with --public-key). */
  publicKey: string;
  /** Ed25519 signature of `attest-signature/v1\n<sha256>\n<bytes>\n<signedAt>\n`, base64. */
  signature: string;
}

function signedText(sha256: string, bytes: number, signedAt: string): string {
  return `${SIGNATURE_FORMAT}\n${sha256}\n${bytes}\n${signedAt}\n`;
}

export function signBytes(data: Buffer, key: { kid: string; privateKey: KeyObject; publicKeyPem: string }, now = new Date()): DetachedSignature {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const signedAt = now.toISOString();
  const signature = sign(null, Buffer.from(signedText(sha256, data.length, signedAt)), key.privateKey).toString('base64');
  return { format: SIGNATURE_FORMAT, sha256, bytes: data.length, signedAt, keyId: key.kid, publicKey: key.publicKeyPem, signature };
}

/** Checks a detached signature against the bytes; `pinnedPems`, when given, must include the signing key. */
export function verifyBytes(data: Buffer, s: DetachedSignature, pinnedPems: string[] = []): { ok: boolean; reason?: string } {
  if (s?.format !== SIGNATURE_FORMAT || typeof s.signature !== 'string' || typeof s.sha256 !== 'string') return { ok: false, reason: 'not an attest-signature/v1 document' };
  let key: KeyObject;
  try {
    key = createPublicKey(s.publicKey);
  } catch {
    return { ok: false, reason: 'the signature carries no readable public key' };
  }
  if (pinnedPems.length && !pinnedPems.some((p) => createPublicKey(p).equals(key))) return { ok: false, reason: 'signed by a different key than the one(s) you pinned' };
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (sha256 !== s.sha256 || data.length !== s.bytes) return { ok: false, reason: `the file is not the one signed (SHA-256 ${sha256.slice(0, 16)}…, signed ${s.sha256.slice(0, 16)}…): it was changed after signing` };
  if (!verifySignature(null, Buffer.from(signedText(s.sha256, s.bytes, s.signedAt)), key, Buffer.from(s.signature, 'base64'))) return { ok: false, reason: 'the signature is not valid' };
  return { ok: true };
}
