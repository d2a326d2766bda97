/**
 * Compliance readiness over HTTP: framework checklists assessed from the server's findings
 * (its scan and its self-assessment) and the ledger's attestations and exceptions, the
 * assessment history, evidence files, attestations and the exceptions register.
 *
 * Who may do what: compliance:read reads statuses, history, attestations and the register;
 * the resources, files and lines behind a status (findings) also need security:read, as in
 * the report. compliance:write attests (and the principal must hold a role the catalog
 * names as an attester of the requirement), uploads evidence and requests or revokes
 * exceptions; compliance:approve approves and reviews exceptions, never one its holder
 * requested. The attester, requester and approver are the authenticated principal and the
 * time is the server's: neither can be given in a body.
 *
 * Writes are refused to principals bound to tenants: the checklists are the server's own
 * platform, one register for every tenant, so a record written for one tenant would decide
 * a status every tenant reads.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../access/scopes.js';
import { CONTROLS } from '../../controls/index.js';
import type { Catalog, Requirement } from '../../frameworks/schema.js';
import {
  addDays,
  approveException,
  catalogControlIds,
  dueThisMonth,
  endOfMonth,
  EvidenceIntegrityError,
  recordAttestation,
  REQUIREMENT_STATUSES,
  requestException,
  resolveFramework,
  reviewException,
  revokeAttestation,
  revokeException,
  samePerson,
  selectCategories,
  SELF_ASSESSED,
  STATUS_SYMBOL,
  STATUS_TEXT,
  utcDay,
  validateAttestation,
  type Attestation,
  type ComplianceActor,
  type ExceptionEntry,
  type FindingRef,
  type FrameworkAssessment,
  type PartResult,
  type RequirementResult,
  type RequirementStatus,
} from '../../compliance/index.js';
import { DEFAULT_COMPLIANCE } from '../../config.js';
import { ComplianceInputError } from '../../compliance/util.js';
import { actorOf, deny } from '../auth.js';
import type { ServerContext } from '../context.js';
import { SERVICE_CONTROLS } from '../self-assessment.js';
import { errorResponse, type JsonSchema, type RouteDecl } from '../types.js';
import { badRequest, errorBody, notFound, principalOf, str } from './common.js';

// ---------------------------------------------------------------------------
// Schemas (documented in OpenAPI; the route × role suite validates answers against them)

const int = { type: 'integer' };
const string = { type: 'string' };
const RATIO: JsonSchema = {
  type: 'object',
  required: ['numerator', 'denominator', 'percent'],
  properties: { numerator: int, denominator: int, percent: { type: ['number', 'null'], description: 'Floored to one decimal (never rounded up); null when the denominator is 0' } },
};
const COUNTS: JsonSchema = { type: 'object', required: [...REQUIREMENT_STATUSES], properties: Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, int])) };
const SUMMARY: JsonSchema = {
  type: 'object',
  required: ['total', 'applicable', 'met', 'counts', 'score', 'coverage'],
  properties: { total: int, applicable: int, met: int, counts: COUNTS, score: RATIO, coverage: RATIO },
};
const STATUS_ENUM = { type: 'string', enum: [...REQUIREMENT_STATUSES] };
const STATUSES: JsonSchema = {
  type: 'array',
  description: 'Every requirement status with seed 001\'s symbol; only met counts towards the score',
  items: { type: 'object', required: ['status', 'symbol', 'text', 'countsAsMet'], properties: { status: STATUS_ENUM, symbol: string, text: string, countsAsMet: { type: 'boolean' } } },
};
const BY: JsonSchema = { type: 'object', required: ['id', 'type', 'issuer', 'source'], properties: { id: string, type: string, issuer: string, source: { type: 'string', enum: ['cli', 'api'] } } };
const FILE_REF: JsonSchema = { type: 'object', required: ['name', 'sha256', 'size', 'mediaType'], properties: { name: string, sha256: string, size: int, mediaType: string } };
const ATTESTATION: JsonSchema = {
  type: 'object',
  required: ['id', 'framework', 'requirement', 'kind', 'statement', 'files', 'links', 'validUntil', 'attestedBy', 'attestedAt', 'recordHash'],
  properties: {
    id: { type: 'string', description: 'The ledger record number of the attestation' },
    framework: string,
    requirement: string,
    kind: { type: 'string', enum: ['evidence', 'not-applicable'] },
    statement: string,
    files: { type: 'array', items: FILE_REF },
    links: { type: 'array', items: string },
    validUntil: { type: 'string', description: 'Last UTC day it counts (YYYY-MM-DD)' },
    attestedBy: BY,
    attestedAt: { type: 'string', description: 'The ledger\'s (server) time of the record' },
    recordHash: { type: 'string', description: 'The ledger record\'s hash; ledger verify covers it' },
    revoked: { type: 'object', required: ['id', 'by', 'at', 'reason'], properties: { id: string, by: BY, at: string, reason: string } },
    fileProblems: { type: 'array', items: string, description: 'Evidence files missing from the store or altered: the attestation then decides nothing' },
  },
};
const NOTE: JsonSchema = { type: 'object', required: ['by', 'at', 'note'], properties: { by: BY, at: string, note: string } };
const EXCEPTION: JsonSchema = {
  type: 'object',
  required: ['exceptionId', 'source', 'target', 'scope', 'reason', 'compensatingControls', 'state', 'reviews'],
  properties: {
    exceptionId: string,
    source: { type: 'string', enum: ['ledger', 'template'], description: 'template: a suppression written in a template, shown read-only' },
    target: { type: 'object', additionalProperties: false, properties: { control: string, framework: string, requirement: string } },
    scope: { type: 'array', items: string, description: 'Resources covered (logical id or file#LogicalId); empty: everywhere' },
    reason: string,
    risk: { type: 'string', enum: ['low', 'medium', 'high', 'critical'] },
    compensatingControls: { type: 'array', items: string },
    owner: string,
    expires: string,
    reviewEveryDays: int,
    state: { type: 'string', enum: ['requested', 'approved', 'expired', 'revoked'] },
    requestedBy: BY,
    requestedAt: string,
    approval: NOTE,
    revocation: { type: 'object', required: ['by', 'at', 'reason'], properties: { by: BY, at: string, reason: string } },
    reviews: { type: 'array', items: NOTE },
    nextReviewDue: string,
    location: { type: 'object', properties: { file: string, line: int, column: int } },
    suppressionSource: string,
  },
};
const DUE: JsonSchema = {
  type: 'object',
  required: ['exceptionId', 'why', 'date', 'overdue'],
  properties: { exceptionId: string, why: { type: 'string', enum: ['review', 'expires', 'expired'] }, date: string, overdue: { type: 'boolean' } },
};
const PART: JsonSchema = {
  type: 'object',
  required: ['kind', 'status', 'reasons'],
  properties: {
    kind: { type: 'string', enum: ['controls', 'service', 'manual'] },
    status: { type: 'string', enum: ['met', 'not_met', 'unknown', 'excepted', 'no_evidence', 'not_started', 'expired'] },
    controls: { type: 'array', items: string },
    counts: { type: 'object', additionalProperties: int, description: 'Findings per status (and excepted) over the part\'s controls' },
    findings: { type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Per control, its findings with file:line (needs security:read)' },
    attestation: ATTESTATION,
    reasons: { type: 'array', items: string },
  },
};
const REQUIREMENT_ROW: JsonSchema = {
  type: 'object',
  required: ['id', 'title', 'section', 'status', 'symbol', 'reasons', 'automated', 'parts', 'exceptions'],
  properties: {
    id: string,
    title: string,
    summary: string,
    section: string,
    category: string,
    parent: string,
    obligation: { type: 'string', enum: ['required', 'addressable'] },
    status: STATUS_ENUM,
    symbol: string,
    reasons: { type: 'array', items: string },
    automated: { type: 'boolean', description: 'Decided (at least partly) by configuration' },
    manual: { type: 'object', required: ['attach', 'attesters', 'validityDays'], properties: { attach: string, attesters: { type: 'array', items: string }, validityDays: int } },
    parts: { type: 'array', items: PART },
    exceptions: { type: 'array', items: { oneOf: [string, EXCEPTION] } },
  },
};
const CATEGORY: JsonSchema = { type: 'object', required: ['id', 'title', 'default'], properties: { id: string, title: string, default: { type: 'boolean' } } };
const FRAMEWORK_HEAD: Record<string, JsonSchema> = {
  id: string,
  framework: string,
  name: string,
  version: string,
  source: string,
  licence: string,
  categories: { type: 'array', items: CATEGORY, description: 'Every category of the catalog' },
  selectedCategories: { type: 'array', items: string, description: 'The categories assessed' },
  summary: SUMMARY,
};
const FRAMEWORK_ID = str('A catalog id (soc2-tsc-2017) or family (soc2-tsc: its latest version)', { minLength: 1, maxLength: 128 });
const FRAMEWORK_PARAM: JsonSchema = { type: 'object', required: ['id'], properties: { id: FRAMEWORK_ID } };
const CATEGORY_QUERY: JsonSchema = {
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: 64 },
  maxItems: 20,
  description: 'Categories to assess (repeat the parameter or separate with commas); default: the catalog\'s default categories',
};
const EXCEPTION_ID_PARAM: JsonSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: str('The exception\'s register id (EXC-…)', { pattern: '^[A-Za-z0-9._-]{1,64}$' }) },
};
const DAY_OR_TIME = { type: 'string', maxLength: 40 };

// ---------------------------------------------------------------------------
// Helpers

const WORST: RequirementStatus[] = ['not_met', 'partially_met', 'expired', 'unknown', 'not_started', 'excepted'];
const PART_LABEL = { controls: 'configuration', service: 'service', manual: 'manual evidence' } as const;
/** Findings listed per control in a requirement's answer; the rest are counted. */
const FINDINGS_PER_CONTROL = 200;

function statuses() {
  return REQUIREMENT_STATUSES.map((s) => ({ status: s, symbol: STATUS_SYMBOL[s], text: STATUS_TEXT[s], countsAsMet: s === 'met' }));
}

/** Whether the principal may see the resources, files and lines behind a status (as in the report). */
function seesFindings(p: Principal): boolean {
  return p.scopes.has('security:read');
}

function actorFor(p: Principal): ComplianceActor {
  return { ...actorOf(p), issuer: p.issuer ?? 'unknown', ...(p.username ? { name: p.username } : {}), source: 'api' };
}

function catalogOf(ctx: ServerContext, idOrFamily: string): Catalog | undefined {
  try {
    return resolveFramework(idOrFamily, ctx.compliance.catalogs);
  } catch {
    return undefined;
  }
}

function noFramework(ctx: ServerContext, req: FastifyRequest, reply: FastifyReply, id: string): FastifyReply {
  return notFound(req, reply, `no framework ${JSON.stringify(id.slice(0, 128))}; the frameworks are ${ctx.compliance.catalogs.map((c) => c.id).join(', ')}`);
}

/** `?category=a,b&category=c` → [a, b, c]; undefined when none was given. */
function categoriesOf(q: { category?: string[] }): string[] | undefined {
  const list = (q.category ?? []).flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

function counts(findings: { controlId: string; findings: FindingRef[] }[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of findings ?? []) {
    for (const f of c.findings) {
      const k = f.exceptedBy ? 'excepted' : f.status;
      out[k] = (out[k] ?? 0) + 1;
    }
  }
  return out;
}

function countText(c: Record<string, number>): string {
  const words: Record<string, string> = { fail: 'failing', unknown: 'undecided', excepted: 'excepted', suppressed: 'suppressed', pass: 'passing', not_applicable: 'not applicable' };
  const parts = Object.entries(words).filter(([k]) => c[k]).map(([k, w]) => `${c[k]} ${w}`);
  return parts.length ? `${parts.join(', ')} finding${Object.values(c).reduce((a, b) => a + b, 0) === 1 ? '' : 's'}` : 'no finding in scope';
}

/**
 * A requirement as a principal may read it. Without security:read the findings (resource,
 * file, line, message) are left out and the configuration and service reasons — which name
 * them — are replaced by their counts.
 */
function viewOf(r: RequirementResult, p: Principal, full: boolean, domains: Map<string, string>, catalogReq?: Requirement): Record<string, unknown> {
  const findings = seesFindings(p);
  const parts = r.parts.map((part): Record<string, unknown> => {
    const c = counts(part.findings);
    const base: Record<string, unknown> = { kind: part.kind, status: part.status, ...(part.controls ? { controls: part.controls } : {}), ...(part.attestation ? { attestation: part.attestation } : {}) };
    if (part.kind === 'manual') return { ...base, reasons: part.reasons };
    base['counts'] = c;
    if (!findings) return { ...base, reasons: [`${part.status.replace(/_/g, ' ')}: ${countText(c)} (which resources, and where, needs security:read)`] };
    if (full) {
      base['findings'] = (part.findings ?? []).map((x) => ({
        controlId: x.controlId,
        ...(domains.has(x.controlId) ? { domain: domains.get(x.controlId) } : {}),
        findings: x.findings.slice(0, FINDINGS_PER_CONTROL),
        ...(x.findings.length > FINDINGS_PER_CONTROL ? { more: x.findings.length - FINDINGS_PER_CONTROL } : {}),
      }));
    }
    return { ...base, reasons: part.reasons };
  });
  let reasons = r.reasons;
  if (!findings) {
    const hidden = new Set(['configuration', 'service']);
    const kept = r.reasons.filter((x) => !hidden.has(x.slice(0, x.indexOf(':'))));
    const said = parts.filter((x) => x['kind'] !== 'manual').map((x) => `${PART_LABEL[x['kind'] as PartResult['kind']]}: ${(x['reasons'] as string[])[0]}`);
    reasons = [...said, ...kept];
  }
  const exceptions = full ? r.exceptions.map((e) => exceptionView(e, p)) : r.exceptions.map((e) => exceptionIdFor(e, p));
  return {
    id: r.id,
    title: r.title,
    ...(catalogReq ? { summary: catalogReq.summary } : {}),
    section: r.section,
    ...(r.category !== undefined ? { category: r.category } : {}),
    ...(r.parent !== undefined ? { parent: r.parent } : {}),
    ...(r.obligation !== undefined ? { obligation: r.obligation } : {}),
    status: r.status,
    symbol: r.symbol,
    reasons,
    automated: r.automated,
    ...(r.manual ? { manual: r.manual } : {}),
    parts,
    exceptions,
  };
}

/**
 * The id a principal reads for a register row. A template suppression's id is its file, line
 * and control, so without security:read it becomes an opaque one derived from it: the same
 * in the register, its due list and every requirement, so they still join up.
 */
function exceptionIdFor(e: ExceptionEntry, p: Principal): string {
  if (seesFindings(p) || e.source !== 'template') return e.exceptionId;
  return `template:${createHash('sha256').update(e.exceptionId).digest('hex').slice(0, 16)}`;
}

/** A register row as a principal may read it: a template suppression's file and line need security:read. */
function exceptionView(e: ExceptionEntry, p: Principal): ExceptionEntry {
  if ((e.location || e.source === 'template') && !seesFindings(p)) {
    const { location: _l, ...rest } = e;
    return { ...rest, exceptionId: exceptionIdFor(e, p), scope: rest.scope.map((s) => s.slice(s.lastIndexOf('#') + 1)) };
  }
  return e;
}

function frameworkHead(c: Catalog, f: FrameworkAssessment) {
  return {
    id: c.id,
    framework: c.framework,
    name: c.name,
    version: c.version,
    source: c.source,
    licence: c.licence,
    categories: (c.categories ?? []).map((k) => ({ id: k.id, title: k.title, default: k.default })),
    selectedCategories: f.categories,
    summary: f.summary,
  };
}

/** 2026-03-01 or an ISO 8601 time → the ISO string the history compares with; undefined when it is neither. */
function timeOf(v: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return utcDay(new Date(`${v}T00:00:00Z`)) === v ? v : undefined;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v)) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Refreshes the assessment after a write, so the history stores it and the next read shows it. */
async function afterWrite(ctx: ServerContext, req: FastifyRequest): Promise<void> {
  try {
    await ctx.compliance.refresh();
  } catch (e) {
    // The record is written either way; the assessment is retried at the next read or tick.
    req.log.error({ err: { message: (e as Error).message } }, 'the compliance assessment could not be refreshed after a write');
  }
}

/** Which roles may attest a requirement: the catalog's attesters; undefined: any holder of compliance:write (not-applicable on an automated requirement). */
function attestersOf(r: Requirement | undefined): string[] | undefined {
  return r?.evidence.manual?.attesters;
}

/**
 * Refuses (403, recorded) a principal holding none of the roles that may attest; true when
 * it did. A boolean, not the reply: a Fastify reply is thenable, so awaiting it yields
 * undefined and the caller would carry on as if nothing had been refused.
 */
async function refusedNonAttester(ctx: ServerContext, req: FastifyRequest, reply: FastifyReply, p: Principal, attesters: string[] | undefined, what: string): Promise<boolean> {
  if (!attesters || attesters.some((r) => p.roles.includes(r))) return false;
  await deny(ctx.denialRecorder, req, reply, {
    status: 403,
    reason: 'not_attester',
    message: `${what} may be attested only by the role${attesters.length > 1 ? 's' : ''} ${attesters.join(', ')} (the catalog's attesters); you hold ${p.roles.length ? p.roles.join(', ') : 'no role'}`,
  });
  return true;
}

function conflict(req: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  return reply.code(409).send(errorBody(req, 'conflict', message));
}

// ---------------------------------------------------------------------------

export function complianceRoutes(ctx: ServerContext): RouteDecl[] {
  const settings = ctx.config.compliance ?? DEFAULT_COMPLIANCE;
  let known: Set<string> | undefined;
  const knownControls = () => (known ??= new Set([...CONTROLS.map((c) => c.id), ...SERVICE_CONTROLS.map((c) => c.id), ...catalogControlIds(ctx.compliance.catalogs)]));
  const domainsOf = (scan: { controlId: string; domain: string }[], service: { controlId: string; domain: string }[]) => {
    const m = new Map<string, string>();
    for (const f of [...scan, ...service]) if (!m.has(f.controlId)) m.set(f.controlId, f.domain);
    return m;
  };

  return [
    {
      method: 'GET',
      url: '/api/compliance/frameworks',
      scopes: ['compliance:read'],
      summary: 'Every framework catalog with its categories, its current score and automated coverage, the worst gaps and a year\'s daily trend',
      description:
        'Assessed over the server\'s current findings (its configured targets and its own self-assessment) and the ledger\'s attestations and exceptions, for each catalog\'s default categories. score = met / applicable requirements, floored to one decimal; unknown, expired, excepted and partially met never count as met. coverage = applicable requirements decided (at least partly) by configuration / applicable. Self-assessed; a third-party audit is required.',
      tags: ['compliance'],
      response: {
        200: {
          description: 'The frameworks',
          type: 'object',
          required: ['assessedAt', 'disclaimer', 'statuses', 'evidenceRead', 'serviceAssessed', 'notes', 'frameworks'],
          properties: {
            assessedAt: string,
            disclaimer: string,
            statuses: STATUSES,
            evidenceRead: { type: 'boolean' },
            serviceAssessed: { type: 'boolean' },
            notes: { type: 'array', items: string },
            lastStored: { type: 'string', description: 'When this server last stored the assessment in the history' },
            frameworks: {
              type: 'array',
              items: {
                type: 'object',
                required: [...Object.keys(FRAMEWORK_HEAD), 'requirements', 'worstGaps', 'trend'],
                properties: {
                  ...FRAMEWORK_HEAD,
                  requirements: { type: 'integer', description: 'Requirements in the selected categories' },
                  worstGaps: {
                    type: 'array',
                    description: 'Up to five requirements, worst first (not met, partially met, expired, unknown, not started, excepted)',
                    items: { type: 'object', required: ['id', 'title', 'status', 'symbol'], properties: { id: string, title: string, status: STATUS_ENUM, symbol: string } },
                  },
                  trend: {
                    type: 'array',
                    description: 'The last stored assessment of each day over the past 365 days, oldest first',
                    items: { type: 'object', required: ['day', 'score', 'coverage', 'met', 'applicable'], properties: { day: string, score: { type: ['number', 'null'] }, coverage: { type: ['number', 'null'] }, met: int, applicable: int } },
                  },
                },
              },
            },
          },
        },
      },
      async handler() {
        const { assessment } = await ctx.compliance.assessment();
        const today = utcDay(new Date(assessment.assessedAt));
        const frameworks = await Promise.all(
          ctx.compliance.catalogs.map(async (c) => {
            const f = assessment.frameworks.find((x) => x.id === c.id)!;
            const rank = (s: RequirementStatus) => WORST.indexOf(s);
            const worstGaps = f.requirements
              .filter((r) => rank(r.status) >= 0)
              .sort((a, b) => rank(a.status) - rank(b.status))
              .slice(0, 5)
              .map((r) => ({ id: r.id, title: r.title, status: r.status, symbol: r.symbol }));
            const trend = await ctx.compliance.trend(c.id, today);
            return { ...frameworkHead(c, f), requirements: f.requirements.length, worstGaps, trend };
          }),
        );
        return {
          assessedAt: assessment.assessedAt,
          disclaimer: SELF_ASSESSED,
          statuses: statuses(),
          evidenceRead: assessment.evidenceRead,
          serviceAssessed: assessment.serviceAssessed,
          notes: assessment.notes,
          ...(ctx.compliance.lastStored ? { lastStored: ctx.compliance.lastStored } : {}),
          frameworks,
        };
      },
    },
    {
      method: 'GET',
      url: '/api/compliance/frameworks/:id/checklist',
      scopes: ['compliance:read'],
      summary: 'The checklist of one framework: every requirement of the selected categories with its status, symbol and reasons',
      description:
        'Findings are counted per part, not listed (GET …/requirements/{rid} lists them). Without security:read the configuration and service reasons give counts instead of resources, files and lines.',
      tags: ['compliance'],
      params: FRAMEWORK_PARAM,
      querystring: { type: 'object', additionalProperties: false, properties: { category: CATEGORY_QUERY } },
      response: {
        200: {
          description: 'The checklist',
          type: 'object',
          required: ['assessedAt', 'disclaimer', 'statuses', 'framework', 'notes', 'findingsShown', 'requirements'],
          properties: {
            assessedAt: string,
            disclaimer: string,
            statuses: STATUSES,
            framework: { type: 'object', required: Object.keys(FRAMEWORK_HEAD), properties: FRAMEWORK_HEAD },
            notes: { type: 'array', items: string },
            findingsShown: { type: 'boolean', description: 'false: the principal lacks security:read, so reasons give counts, not resources' },
            requirements: { type: 'array', items: REQUIREMENT_ROW },
          },
        },
        400: errorResponse('A category the catalog does not have (field category)'),
        404: errorResponse('No such framework'),
      },
      example: { params: { id: 'soc2-tsc-2017' } },
      async handler(req, reply) {
        const p = principalOf(req);
        const { id } = req.params as { id: string };
        const catalog = catalogOf(ctx, id);
        if (!catalog) return noFramework(ctx, req, reply, id);
        const { assessment, framework, current } = await ctx.compliance.framework(catalog, categoriesOf(req.query as { category?: string[] }));
        const domains = domainsOf(current.findings.scan, current.findings.service);
        return {
          assessedAt: assessment.assessedAt,
          disclaimer: SELF_ASSESSED,
          statuses: statuses(),
          framework: frameworkHead(catalog, framework),
          notes: assessment.notes,
          findingsShown: seesFindings(p),
          requirements: framework.requirements.map((r) => viewOf(r, p, false, domains)),
        };
      },
    },
    {
      method: 'GET',
      url: '/api/compliance/frameworks/:id/requirements/:rid',
      scopes: ['compliance:read'],
      summary: 'One requirement: its status and reasons, the automated findings (file:line), every attestation (who, when, SHA-256, valid until, revocation) and the exceptions that bear on it',
      description: `Findings need security:read (they name resources, files and lines); at most ${FINDINGS_PER_CONTROL} per control are listed, the rest counted in "more".`,
      tags: ['compliance'],
      params: {
        type: 'object',
        required: ['id', 'rid'],
        properties: { id: FRAMEWORK_ID, rid: str('The requirement id (CC6.1, 164.312(a)(1), Art.32 …)', { minLength: 1, maxLength: 128 }) },
      },
      response: {
        200: {
          description: 'The requirement',
          type: 'object',
          required: ['assessedAt', 'disclaimer', 'statuses', 'framework', 'findingsShown', 'requirement', 'attestations'],
          properties: {
            assessedAt: string,
            disclaimer: string,
            statuses: STATUSES,
            framework: { type: 'object', required: ['id', 'name', 'version'], properties: { id: string, name: string, version: string } },
            findingsShown: { type: 'boolean' },
            requirement: REQUIREMENT_ROW,
            attestations: { type: 'array', items: ATTESTATION, description: 'Every attestation of the requirement, newest first, revoked ones included' },
          },
        },
        404: errorResponse('No such framework or requirement'),
      },
      example: { params: { id: 'soc2-tsc-2017', rid: 'CC6.1' } },
      async handler(req, reply) {
        const p = principalOf(req);
        const { id, rid } = req.params as { id: string; rid: string };
        const catalog = catalogOf(ctx, id);
        if (!catalog) return noFramework(ctx, req, reply, id);
        const creq = catalog.requirements.find((r) => r.id === rid);
        if (!creq) return notFound(req, reply, `${catalog.id} has no requirement ${JSON.stringify(rid.slice(0, 128))}`);
        // Assessed with its own category when that is not among the defaults, so every requirement can be opened.
        const defaults = selectCategories(catalog);
        const cats = creq.category !== undefined && !defaults.includes(creq.category) ? [creq.category] : undefined;
        const { assessment, framework, current } = await ctx.compliance.framework(catalog, cats);
        const r = framework.requirements.find((x) => x.id === rid)!;
        const attestations = current.register.attestations.filter((a) => a.framework === catalog.id && a.requirement === rid).sort((a, b) => Number(b.id) - Number(a.id));
        return {
          assessedAt: assessment.assessedAt,
          disclaimer: SELF_ASSESSED,
          statuses: statuses(),
          framework: { id: catalog.id, name: catalog.name, version: catalog.version },
          findingsShown: seesFindings(p),
          requirement: viewOf(r, p, true, domainsOf(current.findings.scan, current.findings.service), creq),
          attestations,
        };
      },
    },
    {
      method: 'GET',
      url: '/api/compliance/history',
      scopes: ['compliance:read'],
      summary: 'Stored assessments (one row per framework each time the outcome\'s inputs changed, and at least daily), oldest first',
      tags: ['compliance'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          framework: str('Only this framework (catalog id or family)', { minLength: 1, maxLength: 128 }),
          from: { ...DAY_OR_TIME, description: 'Inclusive lower bound: YYYY-MM-DD (UTC) or an ISO 8601 time' },
          to: { ...DAY_OR_TIME, description: 'Exclusive upper bound: YYYY-MM-DD (UTC) or an ISO 8601 time' },
          limit: { type: 'integer', minimum: 1, maximum: 10000, default: 2000, description: 'At most this many rows, the newest kept' },
        },
      },
      response: {
        200: {
          description: 'The history',
          type: 'object',
          required: ['assessments'],
          properties: {
            assessments: {
              type: 'array',
              items: {
                type: 'object',
                required: ['at', 'framework', 'categories', 'counts', 'met', 'applicable', 'total', 'score', 'coverage'],
                properties: { at: string, framework: string, categories: { type: 'array', items: string }, counts: COUNTS, met: int, applicable: int, total: int, score: { type: ['number', 'null'] }, coverage: { type: ['number', 'null'] } },
              },
            },
          },
        },
        400: errorResponse('A bad framework, date or range (the field is named)'),
      },
      async handler(req, reply) {
        const q = req.query as { framework?: string; from?: string; to?: string; limit?: number };
        let framework: string | undefined;
        if (q.framework !== undefined) {
          const c = catalogOf(ctx, q.framework);
          if (!c) return badRequest(req, reply, `framework: ${JSON.stringify(q.framework.slice(0, 128))} is not a framework; use one of ${ctx.compliance.catalogs.map((x) => x.id).join(', ')}`, 'framework');
          framework = c.id;
        }
        const bounds: { from?: string; to?: string } = {};
        for (const k of ['from', 'to'] as const) {
          const v = q[k];
          if (v === undefined) continue;
          const t = timeOf(v);
          if (!t) return badRequest(req, reply, `${k}: ${JSON.stringify(v)} is not a date (YYYY-MM-DD) or an ISO 8601 time`, k);
          bounds[k] = t;
        }
        if (bounds.from && bounds.to && bounds.from >= bounds.to) return badRequest(req, reply, `to: ${q.to} is not after from (${q.from}); the range is [from, to)`, 'to');
        const assessments = await ctx.compliance.store.assessments({ ...bounds, ...(framework ? { framework } : {}), limit: q.limit ?? 2000 });
        return { assessments };
      },
    },
    {
      method: 'POST',
      url: '/api/compliance/evidence-files',
      scopes: ['compliance:write'],
      unrestrictedOnly: true,
      rawBody: true,
      bodyLimit: settings.evidenceMaxBytes,
      bodyLimitSetting: 'compliance.evidenceMaxBytes',
      summary: 'Store an evidence file (the raw bytes as the body, its media type as Content-Type); content-addressed by SHA-256',
      description:
        'Upload first, then name the file (name, sha256, size, mediaType) in an attestation. A file already held is not stored twice (200 instead of 201). Multipart forms are refused: send the file itself. The upload is recorded in the ledger (evidence.file.store).',
      tags: ['compliance'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { sha256: str('The SHA-256 the client computed; refused when the bytes received hash otherwise', { pattern: '^[0-9a-f]{64}$' }) },
      },
      response: {
        201: { description: 'Stored', type: 'object', required: ['sha256', 'size', 'mediaType', 'created'], properties: { sha256: string, size: int, mediaType: string, created: { type: 'boolean' } } },
        200: { description: 'Already held', type: 'object', required: ['sha256', 'size', 'mediaType', 'created'], properties: { sha256: string, size: int, mediaType: string, created: { type: 'boolean' } } },
        400: errorResponse('No Content-Type, an empty body, a bad media type, or a hash that does not match (the field is named)'),
        413: errorResponse('Larger than compliance.evidenceMaxBytes'),
        415: errorResponse('A multipart form instead of the file\'s bytes'),
      },
      example: { body: { note: 'the bytes of any file; this example is sent as application/json' } },
      async handler(req, reply) {
        const p = principalOf(req);
        const ct = req.headers['content-type'];
        if (typeof ct !== 'string' || !ct.trim()) return badRequest(req, reply, 'content-type: send the file\'s media type (application/pdf, image/png, …) as Content-Type', 'content-type');
        const mediaType = ct.split(';')[0]!.trim().toLowerCase();
        if (mediaType.startsWith('multipart/')) {
          return reply.code(415).send(errorBody(req, 'unsupported_media_type', 'content-type: a multipart form is not a file; send the file\'s bytes as the body with its own media type'));
        }
        const body = req.body;
        if (!Buffer.isBuffer(body) || body.length === 0) return badRequest(req, reply, 'body: the file is empty', 'body');
        const sha = (req.query as { sha256?: string }).sha256;
        const stored = await ctx.compliance.store.putFile(body, mediaType, sha);
        await ctx.ledger.append([
          {
            actor: actorOf(p),
            action: 'evidence.file.store',
            target: { type: 'evidence-file', id: stored.sha256 },
            outcome: 'success',
            request_id: req.id,
            metadata: { size: stored.size, mediaType: stored.mediaType, created: stored.created },
          },
        ]);
        return reply.code(stored.created ? 201 : 200).send({ sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, created: stored.created });
      },
    },
    {
      method: 'GET',
      url: '/api/compliance/evidence-files/:sha256',
      // The files behind a status (policies, pen-test reports) are evidence, like the findings'
      // files and lines: readers of the status alone (viewer) get counts, not the documents.
      scopes: ['compliance:read', 'security:read'],
      summary: 'Download an evidence file (as an attachment), checked against its SHA-256 first; needs security:read as well, like the findings behind a status',
      tags: ['compliance'],
      params: { type: 'object', required: ['sha256'], properties: { sha256: str('The file\'s SHA-256', { pattern: '^[0-9a-f]{64}$' }) } },
      querystring: { type: 'object', additionalProperties: false, properties: { name: str('File name for the download (e.g. the name an attestation gives it)', { maxLength: 200 }) } },
      produces: ['application/octet-stream'],
      response: {
        200: { description: 'The file\'s bytes, with its stored media type', type: 'string' },
        404: errorResponse('No file with this hash is stored'),
        409: errorResponse('The stored file no longer matches its hash: the evidence store was altered; nothing is served'),
      },
      example: { params: { sha256: '0'.repeat(64) } },
      async handler(req, reply) {
        const { sha256 } = req.params as { sha256: string };
        let file;
        try {
          file = await ctx.compliance.store.getFile(sha256);
        } catch (e) {
          if (e instanceof EvidenceIntegrityError) return reply.code(409).send(errorBody(req, 'evidence_altered', e.message));
          throw e;
        }
        if (!file) return notFound(req, reply, `no evidence file with SHA-256 ${sha256} is stored`);
        const wanted = (req.query as { name?: string }).name;
        // Only characters that need no quoting in a header: the name is the client's.
        const name = (wanted ?? '').replace(/[^A-Za-z0-9._ -]/g, '_').replace(/^[. ]+/, '').slice(0, 128) || `evidence-${sha256.slice(0, 12)}`;
        return reply
          .type(file.info.mediaType)
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('x-content-sha256', sha256)
          .send(file.content);
      },
    },
    {
      method: 'POST',
      url: '/api/compliance/attestations',
      scopes: ['compliance:write'],
      unrestrictedOnly: true,
      summary: 'Attest a requirement: a statement, evidence files already uploaded (by SHA-256), links and how long it stays valid',
      description:
        'The attester is the authenticated principal, who must hold a role the catalog names as an attester of the requirement (403 otherwise, naming the roles); the time is the server\'s. validUntil defaults to, and may not exceed, today plus the catalog\'s validity. kind not-applicable records why a requirement does not apply. Recorded in the ledger as compliance.attestation; the record carries every file\'s SHA-256.',
      tags: ['compliance'],
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['framework', 'requirement', 'statement'],
        properties: {
          framework: str('Catalog id or family', { minLength: 1, maxLength: 256 }),
          requirement: str('Requirement id', { minLength: 1, maxLength: 256 }),
          kind: { type: 'string', enum: ['evidence', 'not-applicable'], default: 'evidence' },
          statement: str('What is attested, in the attester\'s words', { minLength: 1, maxLength: 4000 }),
          files: { type: 'array', maxItems: 50, items: { type: 'object', additionalProperties: false, required: ['name', 'sha256', 'size', 'mediaType'], properties: { name: { type: 'string', minLength: 1, maxLength: 256 }, sha256: { type: 'string' }, size: { type: 'integer' }, mediaType: { type: 'string' } } } },
          links: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 2048 } },
          validUntil: str('Last day it counts (YYYY-MM-DD, UTC)'),
        },
      },
      response: {
        201: { description: 'Recorded', ...ATTESTATION },
        400: errorResponse('The body does not fit the catalog or the bounds (the field is named)'),
        403: errorResponse('Missing compliance:write, bound to tenants, or no role the catalog names as an attester of this requirement'),
      },
      example: { body: { framework: 'soc2-tsc-2017', requirement: 'CC1.1', statement: 'The code of conduct was approved by the board on 2026-01-15 and acknowledged by all staff.', files: [], links: [] } },
      async handler(req, reply) {
        const p = principalOf(req);
        const now = ctx.compliance.now();
        const v = validateAttestation(req.body, { catalogs: ctx.compliance.catalogs, now, evidenceMaxBytes: settings.evidenceMaxBytes });
        if (await refusedNonAttester(ctx, req, reply, p, attestersOf(v.requirement), `${v.requirement.id} of ${v.catalog.id}`)) return reply;
        const a = await recordAttestation(ctx.ledger, actorFor(p), req.body, { catalogs: ctx.compliance.catalogs, now, evidence: ctx.compliance.store, evidenceMaxBytes: settings.evidenceMaxBytes });
        await afterWrite(ctx, req);
        return reply.code(201).send(a);
      },
    },
    {
      method: 'POST',
      url: '/api/compliance/attestations/:id/revoke',
      scopes: ['compliance:write'],
      unrestrictedOnly: true,
      summary: 'Revoke an attestation (a new ledger record; the attestation stays, marked revoked)',
      description: 'Allowed to the roles that may attest the requirement. The requirement goes back to what its other evidence says (not started, when nothing else is attested).',
      tags: ['compliance'],
      params: { type: 'object', required: ['id'], properties: { id: str('The attestation id (its ledger record number)', { pattern: '^[1-9][0-9]{0,15}$' }) } },
      body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 4000 } } },
      response: {
        200: { description: 'Revoked', ...ATTESTATION },
        400: errorResponse('No reason (field reason)'),
        403: errorResponse('Missing compliance:write, bound to tenants, or not an attester of the requirement'),
        404: errorResponse('No such attestation'),
        409: errorResponse('Already revoked'),
      },
      example: { params: { id: '1' }, body: { reason: 'superseded by the new policy' } },
      async handler(req, reply) {
        const p = principalOf(req);
        const { id } = req.params as { id: string };
        const a = (await ctx.compliance.register()).attestations.find((x) => x.id === id);
        if (!a) return notFound(req, reply, `no attestation ${id}`);
        if (a.revoked) return conflict(req, reply, `attestation ${id} was already revoked by ${a.revoked.by.id} on ${a.revoked.at.slice(0, 10)}`);
        const creq = ctx.compliance.catalogs.find((c) => c.id === a.framework)?.requirements.find((r) => r.id === a.requirement);
        if (await refusedNonAttester(ctx, req, reply, p, attestersOf(creq), `${a.requirement} of ${a.framework}`)) return reply;
        const out = await revokeAttestation(ctx.ledger, actorFor(p), { attestation: id, reason: (req.body as { reason: string }).reason }, { now: ctx.compliance.now() });
        await afterWrite(ctx, req);
        return out;
      },
    },
    {
      method: 'GET',
      url: '/api/compliance/attestations',
      scopes: ['compliance:read'],
      summary: 'Attestations, newest first (revoked ones included unless state=current)',
      tags: ['compliance'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          framework: str('Only this framework (catalog id or family)', { minLength: 1, maxLength: 128 }),
          requirement: str('Only this requirement', { minLength: 1, maxLength: 128 }),
          state: { type: 'string', enum: ['all', 'current', 'revoked'], default: 'all' },
        },
      },
      response: {
        200: { description: 'The attestations', type: 'object', required: ['attestations'], properties: { attestations: { type: 'array', items: ATTESTATION } } },
        400: errorResponse('A framework that does not exist (field framework)'),
      },
      async handler(req, reply) {
        const q = req.query as { framework?: string; requirement?: string; state?: 'all' | 'current' | 'revoked' };
        let framework: string | undefined;
        if (q.framework !== undefined) {
          const c = catalogOf(ctx, q.framework);
          if (!c) return badRequest(req, reply, `framework: ${JSON.stringify(q.framework.slice(0, 128))} is not a framework; use one of ${ctx.compliance.catalogs.map((x) => x.id).join(', ')}`, 'framework');
          framework = c.id;
        }
        const state = q.state ?? 'all';
        const attestations = (await ctx.compliance.register()).attestations
          .filter((a: Attestation) => (!framework || a.framework === framework) && (!q.requirement || a.requirement === q.requirement))
          .filter((a) => state === 'all' || (state === 'revoked') === Boolean(a.revoked))
          .sort((a, b) => Number(b.id) - Number(a.id));
        return { attestations };
      },
    },
    {
      method: 'POST',
      url: '/api/compliance/exceptions',
      scopes: ['compliance:write'],
      unrestrictedOnly: true,
      summary: 'Request an exception for a control (optionally for some resources) or a requirement; it excepts nothing until another person approves it',
      description: `The requester is the authenticated principal. expires is required and at most compliance.exceptionMaxDays (now ${settings.exceptionMaxDays}) days ahead; reviews fall due every reviewEveryDays (default 90). Recorded as compliance.exception.request; the id is generated.`,
      tags: ['compliance'],
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['target', 'reason', 'risk', 'owner', 'expires'],
        properties: {
          target: {
            type: 'object',
            description: '{ control } or { framework, requirement }',
            additionalProperties: false,
            properties: { control: { type: 'string', minLength: 1, maxLength: 256 }, framework: { type: 'string', minLength: 1, maxLength: 256 }, requirement: { type: 'string', minLength: 1, maxLength: 256 } },
          },
          scope: { type: 'array', maxItems: 1000, items: { type: 'string', minLength: 1, maxLength: 512 }, description: 'Resources: logical id or file#LogicalId; empty or absent: everywhere' },
          reason: { type: 'string', minLength: 1, maxLength: 4000 },
          risk: { type: 'string', enum: ['low', 'medium', 'high', 'critical'] },
          compensatingControls: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 4000 } },
          owner: { type: 'string', minLength: 1, maxLength: 256, description: 'Who owns the risk' },
          expires: str('Last day it applies (YYYY-MM-DD, UTC)'),
          reviewEveryDays: { type: 'integer', minimum: 1, maximum: 366 },
        },
      },
      response: {
        201: { description: 'Requested', ...EXCEPTION },
        400: errorResponse('The body does not fit (the field is named): unknown control or requirement, expiry past the maximum, …'),
      },
      example: { body: { target: { control: 'AT-SG-005' }, scope: ['DbSecurityGroup'], reason: 'Legacy database reachable from the office range until the migration', risk: 'medium', compensatingControls: ['VPN-only office range'], owner: 'platform-team', expires: addDays(utcDay(new Date()), 30) } },
      async handler(req, reply) {
        const p = principalOf(req);
        const e = await requestException(ctx.ledger, actorFor(p), req.body, { catalogs: ctx.compliance.catalogs, now: ctx.compliance.now(), maxDays: settings.exceptionMaxDays, knownControls: knownControls() });
        await afterWrite(ctx, req);
        return reply.code(201).send(e);
      },
    },
    {
      method: 'POST',
      url: '/api/compliance/exceptions/:id/approve',
      scopes: ['compliance:approve'],
      unrestrictedOnly: true,
      summary: 'Approve a requested exception; refused (403) to the person who requested it',
      tags: ['compliance'],
      params: EXCEPTION_ID_PARAM,
      body: { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 4000 } } },
      response: {
        200: { description: 'Approved', ...EXCEPTION },
        403: errorResponse('Missing compliance:approve, or the approver requested the exception (reason separation_of_duties)'),
        404: errorResponse('No such exception'),
        409: errorResponse('Not awaiting approval (already approved, revoked or expired)'),
      },
      example: { params: { id: 'EXC-0000000000' }, body: { note: 'accepted until the migration' } },
      async handler(req, reply) {
        const p = principalOf(req);
        const { id } = req.params as { id: string };
        const actor = actorFor(p);
        try {
          const out = await approveException(ctx.ledger, actor, { exceptionId: id, ...(req.body as object | undefined) }, { now: ctx.compliance.now() });
          await afterWrite(ctx, req);
          return out;
        } catch (e) {
          // Not bad input but an access decision: recorded like every other refusal.
          if (!(e instanceof ComplianceInputError) || e.kind !== 'separation_of_duties') throw e;
          await deny(ctx.denialRecorder, req, reply, { status: 403, reason: 'separation_of_duties', message: e.message });
          return reply;
        }
      },
    },
    {
      method: 'POST',
      url: '/api/compliance/exceptions/:id/revoke',
      scopes: ['compliance:write'],
      unrestrictedOnly: true,
      summary: 'Revoke an exception (requested, approved or expired); what it excepted counts again at once',
      tags: ['compliance'],
      params: EXCEPTION_ID_PARAM,
      body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 4000 } } },
      response: {
        200: { description: 'Revoked', ...EXCEPTION },
        404: errorResponse('No such exception'),
        409: errorResponse('Already revoked'),
      },
      example: { params: { id: 'EXC-0000000000' }, body: { reason: 'the bucket was fixed' } },
      async handler(req, reply) {
        const p = principalOf(req);
        const { id } = req.params as { id: string };
        const out = await revokeException(ctx.ledger, actorFor(p), { exceptionId: id, reason: (req.body as { reason: string }).reason }, { now: ctx.compliance.now() });
        await afterWrite(ctx, req);
        return out;
      },
    },
    {
      method: 'POST',
      url: '/api/compliance/exceptions/:id/review',
      scopes: ['compliance:approve'],
      unrestrictedOnly: true,
      summary: 'Record the periodic review of an approved exception (the next one falls due reviewEveryDays later)',
      tags: ['compliance'],
      params: EXCEPTION_ID_PARAM,
      body: { type: 'object', additionalProperties: false, required: ['note'], properties: { note: { type: 'string', minLength: 1, maxLength: 4000 } } },
      response: {
        200: { description: 'Reviewed', ...EXCEPTION },
        404: errorResponse('No such exception'),
        409: errorResponse('Not approved (requested, expired or revoked)'),
      },
      example: { params: { id: 'EXC-0000000000' }, body: { note: 'still needed; compensating control checked' } },
      async handler(req, reply) {
        const p = principalOf(req);
        const { id } = req.params as { id: string };
        const out = await reviewException(ctx.ledger, actorFor(p), { exceptionId: id, note: (req.body as { note: string }).note }, { now: ctx.compliance.now() });
        await afterWrite(ctx, req);
        return out;
      },
    },
    {
      method: 'GET',
      url: '/api/compliance/exceptions',
      scopes: ['compliance:read'],
      summary: 'The exceptions register (requested, approved, expired, revoked) with the template suppressions read-only, and what is due this month',
      description: 'due=month lists only the entries with a review due or overdue, an expiry this month, or an expiry passed and not closed. A template suppression\'s file and line need security:read.',
      tags: ['compliance'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          due: { type: 'string', enum: ['month'], description: 'Only what is due this month' },
          state: { type: 'string', enum: ['requested', 'approved', 'expired', 'revoked'] },
          source: { type: 'string', enum: ['ledger', 'template'] },
        },
      },
      response: {
        200: {
          description: 'The register',
          type: 'object',
          required: ['today', 'monthEnd', 'exceptions', 'due'],
          properties: { today: string, monthEnd: string, exceptions: { type: 'array', items: EXCEPTION }, due: { type: 'array', items: DUE } },
        },
      },
      async handler(req) {
        const p = principalOf(req);
        const q = req.query as { due?: 'month'; state?: ExceptionEntry['state']; source?: 'ledger' | 'template' };
        const { entries, now } = await ctx.compliance.exceptions();
        const due = dueThisMonth(entries, now).map((d) => ({ exceptionId: exceptionIdFor(d.entry, p), why: d.why, date: d.date, overdue: d.overdue }));
        const dueIds = new Set(due.map((d) => d.exceptionId));
        const exceptions = entries
          .map((e) => exceptionView(e, p))
          .filter((e) => (!q.due || dueIds.has(e.exceptionId)) && (!q.state || e.state === q.state) && (!q.source || e.source === q.source));
        const today = utcDay(now);
        return { today, monthEnd: endOfMonth(today), exceptions, due: due.filter((d) => exceptions.some((e) => e.exceptionId === d.exceptionId)) };
      },
    },
  ];
}
