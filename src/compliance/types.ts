/**
 * The compliance readiness model: what an assessment of a framework catalog says about each
 * requirement, and the manual evidence (attestations) and exceptions it is decided from.
 * Plain data, free of any server or UI dependency, so the CLI, the HTTP service and the
 * console share one vocabulary.
 */
import type { Status } from '../model/types.js';

/** Where a requirement stands. Only `met` counts towards the score. */
export type RequirementStatus =
  | 'met'
  | 'not_met'
  | 'partially_met'
  | 'unknown'
  | 'not_started'
  | 'expired'
  | 'not_applicable'
  | 'excepted';

/** Every status, in the order reports list counts. */
export const REQUIREMENT_STATUSES: readonly RequirementStatus[] = ['met', 'partially_met', 'not_met', 'unknown', 'not_started', 'expired', 'excepted', 'not_applicable'];

/**
 * Seed 001's three symbols mapped onto the eight statuses: ✅ only for `met`, ❌ only for
 * `not_met`, — for `not_applicable`, ⚠️ for everything that needs attention without being a
 * proven gap (partly met, undecidable, evidence missing or stale, risk accepted).
 */
export const STATUS_SYMBOL: Readonly<Record<RequirementStatus, '✅' | '❌' | '⚠️' | '—'>> = Object.freeze({
  met: '✅',
  not_met: '❌',
  partially_met: '⚠️',
  unknown: '⚠️',
  not_started: '⚠️',
  expired: '⚠️',
  excepted: '⚠️',
  not_applicable: '—',
});

/** Words for each status, as the renderers print them. */
export const STATUS_TEXT: Readonly<Record<RequirementStatus, string>> = Object.freeze({
  met: 'met',
  not_met: 'not met',
  partially_met: 'partially met',
  unknown: 'unknown',
  not_started: 'not started',
  expired: 'expired',
  excepted: 'excepted',
  not_applicable: 'not applicable',
});

/** The sentence every rendering of a checklist carries. */
export const SELF_ASSESSED = 'Self-assessed; a third-party audit is required.';

/** Who wrote a compliance record: the authenticated principal (server) or the local operator (CLI). */
export interface ComplianceActor {
  /** The principal's subject, or the operator's name on the command line. */
  id: string;
  type: 'user' | 'service';
  /** The token issuer (server), or `local` for the command line; with `id` it identifies a person. */
  issuer: string;
  /** Personal data: held beside the ledger's chain and erasable. */
  name?: string;
  email?: string;
  source: 'cli' | 'api';
}

/** The identity a compliance record names (personal data left out). */
export interface RecordedBy {
  id: string;
  type: 'user' | 'service';
  issuer: string;
  source: 'cli' | 'api';
}

/** An evidence file as an attestation refers to it (the content lives in the evidence store). */
export interface EvidenceFileRef {
  name: string;
  sha256: string;
  size: number;
  mediaType: string;
}

/** An attestation as read back from the ledger (`compliance.attestation`), with its revocation if any. */
export interface Attestation {
  /** The ledger record's sequence number, as text: what a revocation names. */
  id: string;
  framework: string;
  requirement: string;
  kind: 'evidence' | 'not-applicable';
  statement: string;
  files: EvidenceFileRef[];
  links: string[];
  /** Last day (UTC, YYYY-MM-DD) it counts. */
  validUntil: string;
  attestedBy: RecordedBy;
  /** The ledger's time of the record (server time). */
  attestedAt: string;
  /** The ledger record's hash: anyone with the ledger can check this attestation is unchanged. */
  recordHash: string;
  revoked?: { id: string; by: RecordedBy; at: string; reason: string };
  /**
   * Problems with the stored evidence files found by whoever read them (a file missing from
   * the store, or no longer matching its hash); an attestation with problems decides nothing.
   */
  fileProblems?: string[];
}

export type ExceptionTarget = { control: string } | { framework: string; requirement: string };
export type ExceptionRisk = 'low' | 'medium' | 'high' | 'critical';
export const EXCEPTION_RISKS: readonly ExceptionRisk[] = ['low', 'medium', 'high', 'critical'];
/** `requested` until approved; `expired` from the day after `expires`; `revoked` for good. */
export type ExceptionState = 'requested' | 'approved' | 'expired' | 'revoked';

/** One row of the exceptions register (seed 004). */
export interface ExceptionEntry {
  exceptionId: string;
  /** `ledger`: requested and approved through the register; `template`: a suppression written in a template (read-only here). */
  source: 'ledger' | 'template';
  target: ExceptionTarget;
  /** Resources it covers: logical ids (`Bucket`) or `file#LogicalId`; empty = everywhere. */
  scope: string[];
  reason: string;
  /** Absent on template suppressions (they carry no risk rating). */
  risk?: ExceptionRisk;
  compensatingControls: string[];
  owner?: string;
  /** Last day (UTC) it applies; absent only on template suppressions written without one. */
  expires?: string;
  reviewEveryDays?: number;
  state: ExceptionState;
  requestedBy?: RecordedBy;
  requestedAt?: string;
  approval?: { by: RecordedBy; at: string; note: string };
  revocation?: { by: RecordedBy; at: string; reason: string };
  reviews: { by: RecordedBy; at: string; note: string }[];
  /** Approved and not expired: when the next review is due (last review or approval + reviewEveryDays). */
  nextReviewDue?: string;
  /** Template suppressions: where it is written, and which tool's syntax. */
  location?: { file: string; line: number; column: number };
  suppressionSource?: string;
}

/** A finding as a requirement's evidence cites it. */
export interface FindingRef {
  controlId: string;
  status: Status;
  resource: { type: string; id: string };
  /** file:line of the setting that decided it. */
  location: { file: string; line: number; column: number };
  message: string;
  dependsOn?: string[];
  /** The exception (register id) or template suppression that excepts this finding. */
  exceptedBy?: string;
}

export type PartKind = 'controls' | 'service' | 'manual';

/**
 * How one part of a requirement's evidence rule came out. `no_evidence`: no resource in scope
 * (a controls or service part whose every finding is not applicable, or that has none).
 */
export type PartStatus = 'met' | 'not_met' | 'unknown' | 'excepted' | 'no_evidence' | 'not_started' | 'expired';

export interface PartResult {
  kind: PartKind;
  status: PartStatus;
  /** The controls (or service controls) the part lists. */
  controls?: string[];
  /** Per listed control, its findings. */
  findings?: { controlId: string; findings: FindingRef[] }[];
  /** The latest unrevoked attestation (manual part). */
  attestation?: Attestation;
  reasons: string[];
}

export interface RequirementResult {
  id: string;
  title: string;
  section: string;
  category?: string;
  parent?: string;
  obligation?: 'required' | 'addressable';
  status: RequirementStatus;
  symbol: (typeof STATUS_SYMBOL)[RequirementStatus];
  /** Plain sentences saying why. */
  reasons: string[];
  /** Decided (at least partly) by configuration: it has a controls or service part. */
  automated: boolean;
  parts: PartResult[];
  /** Exceptions that apply to this requirement or its findings (active or expired). */
  exceptions: ExceptionEntry[];
  /** What a person must attach, when the requirement takes manual evidence. */
  manual?: { attach: string; attesters: string[]; validityDays: number };
}

/** A share: `numerator / denominator`, and its percentage floored to one decimal (null when the denominator is 0). */
export interface Ratio {
  numerator: number;
  denominator: number;
  percent: number | null;
}

export interface FrameworkSummary {
  total: number;
  applicable: number;
  met: number;
  counts: Record<RequirementStatus, number>;
  /** met / applicable. unknown, expired, excepted and partially met never count as met. */
  score: Ratio;
  /**
   * Applicable requirements decided (at least partly) by configuration / applicable: those with
   * a controls or service part that had findings in scope (not a part with nothing in scope,
   * nor service controls that were not assessed).
   */
  coverage: Ratio;
}

export interface FrameworkAssessment {
  id: string;
  framework: string;
  name: string;
  version: string;
  source: string;
  licence: string;
  /** The categories assessed (empty when the catalog has none). */
  categories: string[];
  requirements: RequirementResult[];
  summary: FrameworkSummary;
}

export interface ComplianceAssessment {
  /** The time the statuses were decided at (ISO 8601). */
  assessedAt: string;
  /** Whether attestations and exceptions were read from a ledger (false: manual parts are not started). */
  evidenceRead: boolean;
  /** Whether service-control findings (attest serve's self-assessment) were given. */
  serviceAssessed: boolean;
  frameworks: FrameworkAssessment[];
  /** Notes for the reader (evidence not read, service not assessed, ...). */
  notes: string[];
}

/** One framework's line in the assessment history. */
export interface AssessmentSummary {
  at: string;
  framework: string;
  categories: string[];
  counts: Record<RequirementStatus, number>;
  met: number;
  applicable: number;
  total: number;
  /** Percent, floored to one decimal; null when nothing is applicable. */
  score: number | null;
  coverage: number | null;
}
