/**
 * The status of every requirement of a framework catalog, decided from located findings,
 * attestations and exceptions — pure: everything it decides from is in its input, `now`
 * included, so an assessment can be repeated and tested to the day.
 *
 * The rules, in short (README "Compliance checklists" has them in full):
 * - controls / service part: a failing finding not excepted → not met; else an undecidable
 *   one → unknown; else excepted findings (register exception or template suppression) →
 *   excepted; else a pass → met; no finding in scope → no evidence.
 * - manual part: the latest unrevoked attestation: none → not started, past validUntil →
 *   expired, else met; of kind not-applicable → the whole requirement is not applicable.
 * - a requirement whose only parts have no evidence is not applicable; otherwise parts
 *   without evidence are left out and the others combine (see `combine`).
 * Nothing but a requirement whose every remaining part is met is `met`.
 */
import type { Catalog, Requirement } from '../frameworks/schema.js';
import type { Finding } from '../model/types.js';
import { exceptionActive, templateEntries } from './register.js';
import {
  STATUS_SYMBOL,
  REQUIREMENT_STATUSES,
  type Attestation,
  type ComplianceAssessment,
  type ExceptionEntry,
  type FindingRef,
  type FrameworkAssessment,
  type FrameworkSummary,
  type PartResult,
  type PartStatus,
  type RecordedBy,
  type RequirementResult,
  type RequirementStatus,
} from './types.js';
import { ComplianceInputError, listText, plural, ratio, utcDay } from './util.js';

/** A catalog to assess, with the categories to assess it for (the catalog's defaults when absent). */
export interface FrameworkSelection {
  catalog: Catalog;
  categories?: readonly string[];
}

export interface AssessInput {
  frameworks: readonly (Catalog | FrameworkSelection)[];
  /** The scanner's findings (Finding.frameworks is not used: the catalogs decide). */
  findings: readonly Finding[];
  /** Attest's own service controls (the self-assessment of `attest serve`); absent offline. */
  serviceFindings?: readonly Finding[];
  /** Attestations read from the ledger; absent when no ledger was read (manual parts are then not started). */
  attestations?: readonly Attestation[];
  /** The register's ledger entries (template suppressions come from the findings). */
  exceptions?: readonly ExceptionEntry[];
  now: Date;
}

export const SERVICE_NOT_ASSESSED = 'service controls are assessed by `attest serve` (its self-assessment); they were not assessed here';
export const EVIDENCE_NOT_READ = 'manual evidence was not read (no ledger given), so it counts as not started';

/** The categories to assess: the requested ones (checked) or the catalog's defaults. */
export function selectCategories(catalog: Catalog, requested?: readonly string[]): string[] {
  const known = catalog.categories ?? [];
  if (!requested || requested.length === 0) return known.filter((c) => c.default).map((c) => c.id);
  if (!known.length) throw new ComplianceInputError('category', `${catalog.id} has no categories; leave the category out`);
  for (const c of requested) {
    if (!known.some((k) => k.id === c)) throw new ComplianceInputError('category', `${JSON.stringify(c)} is not a category of ${catalog.id}; its categories are ${known.map((k) => k.id).join(', ')}`);
  }
  return [...new Set(requested)];
}

type Verdict = { kind: 'pass' | 'na' | 'fail' | 'unknown' | 'excepted'; by?: ExceptionEntry; note?: string };

/** Shared across the frameworks of one assessment: indexes, and per-finding verdicts (a finding's verdict does not depend on the requirement). */
class Context {
  readonly today: string;
  readonly byControl: Map<string, Finding[]>;
  readonly byService: Map<string, Finding[]> | undefined;
  readonly evidenceRead: boolean;
  private readonly controlExceptions = new Map<string, ExceptionEntry[]>();
  private readonly requirementExceptions = new Map<string, ExceptionEntry[]>();
  private readonly attestations = new Map<string, Attestation[]>();
  private readonly templates: Map<string, ExceptionEntry>;
  private readonly verdicts = new Map<Finding, Verdict>();
  private readonly refs = new Map<Finding, FindingRef>();

  constructor(input: AssessInput) {
    this.today = utcDay(input.now);
    this.byControl = index(input.findings);
    this.byService = input.serviceFindings ? index(input.serviceFindings) : undefined;
    this.evidenceRead = input.attestations !== undefined;
    for (const e of input.exceptions ?? []) {
      if (e.source !== 'ledger') continue;
      if ('control' in e.target) push(this.controlExceptions, e.target.control, e);
      else push(this.requirementExceptions, key(e.target.framework, e.target.requirement), e);
    }
    for (const a of input.attestations ?? []) push(this.attestations, key(a.framework, a.requirement), a);
    this.templates = new Map([...templateEntries(input.findings, input.now), ...(input.serviceFindings ? templateEntries(input.serviceFindings, input.now) : [])].map((e) => [e.exceptionId, e]));
  }

  attestationsOf(framework: string, requirement: string): Attestation[] {
    return this.attestations.get(key(framework, requirement)) ?? [];
  }

  exceptionsOfRequirement(framework: string, requirement: string): ExceptionEntry[] {
    return this.requirementExceptions.get(key(framework, requirement)) ?? [];
  }

  exceptionsOfControl(control: string): ExceptionEntry[] {
    return this.controlExceptions.get(control) ?? [];
  }

  templateOf(f: Finding): ExceptionEntry | undefined {
    const s = f.suppression;
    return s ? this.templates.get(`template:${s.file}:${s.line}:${f.controlId}`) : undefined;
  }

  verdict(f: Finding): Verdict {
    let v = this.verdicts.get(f);
    if (!v) this.verdicts.set(f, (v = this.decide(f)));
    return v;
  }

  private decide(f: Finding): Verdict {
    if (f.status === 'pass') return { kind: 'pass' };
    if (f.status === 'not_applicable') return { kind: 'na' };
    const s = f.suppression;
    if (f.status === 'suppressed') {
      // The scanner decides expiry against its own day; an assessment made later checks again.
      if (s?.expires !== undefined && s.expires < this.today) return { kind: 'fail', note: `${suppressionName(s.source)} at ${s.file}:${s.line} expired on ${s.expires}, so the finding counts as failing` };
      return { kind: 'excepted', ...(this.templateOf(f) ? { by: this.templateOf(f)! } : {}) };
    }
    const scoped = this.exceptionsOfControl(f.controlId).filter((e) => inScope(e.scope, f));
    const active = scoped.find((e) => exceptionActive(e, this.today));
    if (active) return { kind: 'excepted', by: active };
    const notes: string[] = [];
    if (s?.expired) notes.push(`${suppressionName(s.source)} at ${s.file}:${s.line} expired on ${s.expires}`);
    for (const e of scoped) {
      if (e.revocation) continue;
      if (e.expires! < this.today) notes.push(`exception ${e.exceptionId} expired on ${e.expires}`);
      else if (!e.approval) notes.push(`exception ${e.exceptionId} awaits approval`);
    }
    return { kind: f.status === 'fail' ? 'fail' : 'unknown', ...(notes.length ? { note: notes.join('; ') } : {}) };
  }

  ref(f: Finding): FindingRef {
    let r = this.refs.get(f);
    if (!r) {
      const v = this.verdict(f);
      r = {
        controlId: f.controlId,
        status: f.status,
        resource: { type: f.resource.type, id: f.resource.id },
        location: { file: f.location.file, line: f.location.line, column: f.location.column },
        message: f.message,
        ...(f.dependsOn?.length ? { dependsOn: f.dependsOn } : {}),
        ...(v.kind === 'excepted' && v.by ? { exceptedBy: v.by.exceptionId } : {}),
      };
      this.refs.set(f, r);
    }
    return r;
  }
}

function index(findings: readonly Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) push(m, f.controlId, f);
  return m;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

const key = (framework: string, requirement: string) => `${framework}\u0000${requirement}`;

/**
 * Whether an exception's scope covers a finding: empty covers everything; `Id` a logical id
 * in any file; `file#Id` that id in that file (the path as reported, or its trailing part).
 */
export function inScope(scope: readonly string[], f: Pick<Finding, 'resource'>): boolean {
  if (scope.length === 0) return true;
  return scope.some((s) => {
    const i = s.lastIndexOf('#');
    if (i < 0) return s === f.resource.id;
    const file = s.slice(0, i);
    return s.slice(i + 1) === f.resource.id && (f.resource.file === file || f.resource.file.endsWith(`/${file}`));
  });
}

const at = (f: Finding) => `${f.resource.id} (${f.location.file}:${f.location.line})`;
const who = (b: RecordedBy) => `${b.id}${b.source === 'cli' ? ' (command line)' : ''}`;

/** How a reason names a suppression: in the template, or an entry of an ignore file. */
function suppressionName(source: string | undefined): string {
  return source === 'ignore-file' ? 'the ignore file entry' : 'the template suppression';
}

function exceptionText(e: ExceptionEntry): string {
  if (e.source === 'template') return `${suppressionName(e.suppressionSource)} at ${e.location!.file}:${e.location!.line} (${e.reason}${e.expires ? `; until ${e.expires}` : '; no expiry'})`;
  return `exception ${e.exceptionId} (risk ${e.risk}, approved by ${e.approval ? who(e.approval.by) : '?'}, until ${e.expires}: ${e.reason})`;
}

/**
 * What one control's findings say, the same for every requirement that lists the control:
 * made once per control and shared, so an assessment costs one pass over the findings plus
 * one step per listed control, however many requirements cite them.
 */
interface ControlSummary {
  /** The evidence entry every part listing the control shares. */
  entry: { controlId: string; findings: FindingRef[] };
  fail?: string;
  unknowns: string[];
  excepted: string[];
  pass?: string;
  /** No finding in scope (none, or all not applicable). */
  empty: boolean;
  notes: string[];
  /** Register entries relevant to the control's findings (ledger exceptions in scope, template suppressions). */
  shown: ExceptionEntry[];
}

const summaries = new WeakMap<Context, Map<string, ControlSummary>>();

function controlSummary(kind: 'controls' | 'service', c: string, found: Map<string, Finding[]>, ctx: Context): ControlSummary {
  let cache = summaries.get(ctx);
  if (!cache) summaries.set(ctx, (cache = new Map()));
  const k = `${kind}\u0000${c}`;
  const known = cache.get(k);
  if (known) return known;
  const fs = found.get(c) ?? [];
  const failing: Finding[] = [];
  const undecided: Finding[] = [];
  const exc: string[] = [];
  const notes: string[] = [];
  const shown = new Set<ExceptionEntry>();
  let pass = 0;
  for (const f of fs) {
    const v = ctx.verdict(f);
    if (v.note) notes.push(`${c} on ${at(f)}: ${v.note}`);
    if (v.kind === 'pass') pass++;
    else if (v.kind === 'fail') failing.push(f);
    else if (v.kind === 'unknown') undecided.push(f);
    else if (v.kind === 'excepted') exc.push(`${c} on ${at(f)} is excepted by ${v.by ? exceptionText(v.by) : 'a template suppression'}`);
    const t = f.suppression ? ctx.templateOf(f) : undefined;
    if (t) shown.add(t);
  }
  for (const x of ctx.exceptionsOfControl(c)) if (fs.some((f) => inScope(x.scope, f))) shown.add(x);
  const unknowns = undecided.slice(0, 5).map((f) => `${c} cannot be decided on ${at(f)}${f.dependsOn?.length ? `: it depends on ${f.dependsOn.join(', ')}` : ''}`);
  if (undecided.length > 5) unknowns.push(`${c} cannot be decided on ${undecided.length - 5} more resources`);
  const excepted = exc.slice(0, 5);
  if (exc.length > 5) excepted.push(`${c} is excepted on ${exc.length - 5} more resources`);
  const s: ControlSummary = {
    entry: { controlId: c, findings: fs.map((f) => ctx.ref(f)) },
    ...(failing.length ? { fail: `${c} fails on ${listText(failing.map(at))}` } : {}),
    unknowns,
    excepted,
    ...(pass ? { pass: `${c} on ${plural(pass, 'resource')}` } : {}),
    empty: !failing.length && !undecided.length && !exc.length && !pass,
    notes,
    shown: [...shown],
  };
  cache.set(k, s);
  return s;
}

/** A controls or service part over the findings of its listed controls. */
function findingsPart(kind: 'controls' | 'service', controls: string[], found: Map<string, Finding[]> | undefined, ctx: Context): PartResult {
  if (!found) return { kind, status: 'unknown', controls, reasons: [`${SERVICE_NOT_ASSESSED} (${controls.join(', ')})`] };
  const fails: string[] = [];
  const unknowns: string[] = [];
  const excepted: string[] = [];
  const passes: string[] = [];
  const empty: string[] = [];
  const notes: string[] = [];
  const perControl: { controlId: string; findings: FindingRef[] }[] = [];
  for (const c of controls) {
    const s = controlSummary(kind, c, found, ctx);
    perControl.push(s.entry);
    if (s.fail) fails.push(s.fail);
    unknowns.push(...s.unknowns);
    excepted.push(...s.excepted);
    if (s.pass) passes.push(s.pass);
    if (s.empty) empty.push(c);
    notes.push(...s.notes);
  }
  const status: PartStatus = fails.length ? 'not_met' : unknowns.length ? 'unknown' : excepted.length ? 'excepted' : passes.length ? 'met' : 'no_evidence';
  const scopeText = (ids: string[]) => `no resource in the scanned configuration is in scope of ${ids.join(', ')}`;
  const passText = passes.length === 1 ? [passes[0]!.replace(' on ', ' passes on ')] : passes.length ? [`${passes.length} controls pass: ${passes.join(', ')}`] : [];
  const reasons = status === 'no_evidence' ? [scopeText(controls)] : [...fails, ...unknowns, ...excepted, ...passText, ...(empty.length ? [scopeText(empty)] : [])];
  reasons.push(...notes.slice(0, 10));
  if (notes.length > 10) reasons.push(`${notes.length - 10} more notes on expired or pending exceptions`);
  return { kind, status, controls, findings: perControl, reasons };
}

/** The latest unrevoked attestation (records are numbered in ledger order). */
function latest(atts: Attestation[]): Attestation | undefined {
  let best: Attestation | undefined;
  for (const a of atts) if (!a.revoked && (!best || Number(a.id) > Number(best.id))) best = a;
  return best;
}

function attestationText(a: Attestation): string {
  return `attestation ${a.id} by ${who(a.attestedBy)} on ${a.attestedAt.slice(0, 10)}`;
}

function manualPart(req: Requirement, a: Attestation | undefined, revoked: Attestation[], ctx: Context): PartResult {
  const m = req.evidence.manual!;
  const gone = revoked.map((r) => `${attestationText(r)} was revoked by ${who(r.revoked!.by)} on ${r.revoked!.at.slice(0, 10)}: ${r.revoked!.reason}`);
  if (!a) {
    const first = ctx.evidenceRead ? `no attestation is recorded: ${m.attach} (attested by ${m.attesters.join(' or ')}, valid ${m.validityDays} days)` : `${EVIDENCE_NOT_READ}: ${m.attach}`;
    return { kind: 'manual', status: 'not_started', reasons: [first, ...gone] };
  }
  if (a.fileProblems?.length) return { kind: 'manual', status: 'unknown', attestation: a, reasons: [`${attestationText(a)} cannot be relied on: ${a.fileProblems.join('; ')}`, ...gone] };
  if (a.validUntil < ctx.today) return { kind: 'manual', status: 'expired', attestation: a, reasons: [`${attestationText(a)} expired on ${a.validUntil}; attest again: ${m.attach}`, ...gone] };
  const what = a.kind === 'not-applicable' ? 'not applicable' : 'evidence';
  return { kind: 'manual', status: 'met', attestation: a, reasons: [`${attestationText(a)} (${what}), valid until ${a.validUntil}: ${a.statement}`, ...gone] };
}

/**
 * Combines the parts that have evidence. Every part met → met. A part not met → partially met
 * when another part is met, else not met. Otherwise, in this order: excepted, unknown,
 * expired; manual evidence missing → partially met when another part is met, else not started.
 */
export function combine(parts: readonly PartStatus[]): RequirementStatus {
  if (parts.length > 0 && parts.every((p) => p === 'met')) return 'met';
  const some = (s: PartStatus) => parts.includes(s);
  if (some('not_met')) return some('met') ? 'partially_met' : 'not_met';
  if (some('excepted')) return 'excepted';
  if (some('unknown')) return 'unknown';
  if (some('expired')) return 'expired';
  if (some('not_started')) return some('met') ? 'partially_met' : 'not_started';
  // Unreachable for a well-formed catalog (every requirement has a part); never a false met.
  return 'unknown';
}

function assessRequirement(catalog: Catalog, req: Requirement, ctx: Context): RequirementResult {
  const e = req.evidence;
  const base = {
    id: req.id,
    title: req.title,
    section: req.section,
    ...(req.category !== undefined ? { category: req.category } : {}),
    ...(req.parent !== undefined ? { parent: req.parent } : {}),
    ...(req.obligation !== undefined ? { obligation: req.obligation } : {}),
    automated: !!(e.controls || e.service),
    ...(e.manual ? { manual: { attach: e.manual.attach, attesters: [...e.manual.attesters], validityDays: e.manual.validityDays } } : {}),
  };
  const done = (status: RequirementStatus, reasons: string[], parts: PartResult[], exceptions: ExceptionEntry[]): RequirementResult => ({
    ...base, status, symbol: STATUS_SYMBOL[status], reasons, parts, exceptions,
  });
  if (e.notApplicable !== undefined) return done('not_applicable', [`not applicable: ${e.notApplicable}`], [], []);

  const parts: PartResult[] = [];
  if (e.controls) parts.push(findingsPart('controls', e.controls, ctx.byControl, ctx));
  if (e.service) parts.push(findingsPart('service', e.service, ctx.byService, ctx));

  const atts = ctx.attestationsOf(catalog.id, req.id);
  const current = latest(atts);
  const revoked = atts.filter((a) => a.revoked);
  const reasons: string[] = [];
  // A not-applicable attestation decides the whole requirement while it is valid and its files check out.
  if (current?.kind === 'not-applicable' && !current.fileProblems?.length && current.validUntil >= ctx.today) {
    const hidden = parts.filter((p) => p.status === 'not_met' || p.status === 'unknown').map((p) => p.kind);
    const r = [`not applicable: ${current.statement} (${attestationText(current)}, valid until ${current.validUntil})`];
    if (hidden.length) r.push(`the ${hidden.join(' and ')} part${hidden.length > 1 ? 's' : ''} would not be met; they are not counted because of this attestation`);
    return done('not_applicable', r, [...parts, { kind: 'manual', status: 'met', attestation: current, reasons: r.slice(0, 1) }], exceptionsShown(catalog, req, parts, ctx));
  }
  if (e.manual) parts.push(manualPart(req, current, revoked, ctx));
  else {
    if (current?.kind === 'not-applicable') {
      reasons.push(current.validUntil < ctx.today ? `the not-applicable ${attestationText(current)} expired on ${current.validUntil}` : `the not-applicable ${attestationText(current)} cannot be relied on: ${current.fileProblems!.join('; ')}`);
    }
    for (const r of revoked) reasons.push(`the ${r.kind} ${attestationText(r)} was revoked by ${who(r.revoked!.by)} on ${r.revoked!.at.slice(0, 10)}: ${r.revoked!.reason}`);
  }

  // An approved exception on the requirement itself excepts every part that is not met; one
  // scoped to resources only the configuration and service parts whose every failing or
  // undecidable finding is on those resources.
  const reqExceptions = ctx.exceptionsOfRequirement(catalog.id, req.id);
  const actives = reqExceptions.filter((x) => exceptionActive(x, ctx.today));
  for (const x of reqExceptions) {
    if (actives.includes(x) || x.revocation) continue;
    if (x.expires! < ctx.today) reasons.push(`exception ${x.exceptionId} expired on ${x.expires}; ${x.approval ? 'it no longer excepts this requirement' : 'it was never approved'}`);
    else if (!x.approval) reasons.push(`exception ${x.exceptionId} is requested and awaits approval; it excepts nothing yet`);
  }
  if (actives.length) {
    let used = false;
    for (const p of parts) {
      if (p.status !== 'not_met' && p.status !== 'unknown' && p.status !== 'not_started' && p.status !== 'expired') continue;
      const by = coveringException(actives, p, ctx);
      if (!by) {
        p.reasons.push(`${actives.map((x) => `exception ${x.exceptionId} covers only ${x.scope.join(', ')}`).join('; ')}: it does not except this ${p.status.replace('_', ' ')} part`);
        continue;
      }
      p.reasons.push(`excepted by ${exceptionText(by)} instead of ${p.status.replace('_', ' ')}`);
      p.status = 'excepted';
      used = true;
    }
    if (!used && parts.every((p) => p.status !== 'not_met' && p.status !== 'unknown' && p.status !== 'not_started' && p.status !== 'expired')) {
      reasons.push(`${exceptionText(actives[0]!)} applies, but nothing needed excepting`);
    }
  }

  const withEvidence = parts.filter((p) => p.status !== 'no_evidence');
  const partReasons = parts.flatMap((p) => p.reasons.map((r) => `${PART_LABEL[p.kind]}: ${r}`));
  const shown = exceptionsShown(catalog, req, parts, ctx);
  if (withEvidence.length === 0) {
    return done('not_applicable', ['not applicable: nothing in the scanned configuration is in scope of it', ...partReasons, ...reasons], parts, shown);
  }
  const status = combine(withEvidence.map((p) => p.status));
  return done(status, [...partReasons, ...reasons], parts, shown);
}

/**
 * The active requirement exception that excepts a part not met: one without a scope excepts
 * any part; a scoped one only a configuration or service part whose every failing or
 * undecidable finding is on its resources (a scope names resources, so it says nothing about
 * missing documents, nor about service controls that were not assessed).
 */
function coveringException(actives: ExceptionEntry[], p: PartResult, ctx: Context): ExceptionEntry | undefined {
  const everywhere = actives.find((x) => x.scope.length === 0);
  if (everywhere) return everywhere;
  if (p.kind === 'manual') return undefined;
  const found = p.kind === 'service' ? ctx.byService : ctx.byControl;
  if (!found) return undefined;
  let by: ExceptionEntry | undefined;
  for (const c of p.controls ?? []) {
    for (const f of found.get(c) ?? []) {
      const k = ctx.verdict(f).kind;
      if (k !== 'fail' && k !== 'unknown') continue;
      const x = actives.find((a) => inScope(a.scope, f));
      if (!x) return undefined;
      by ??= x;
    }
  }
  return by;
}

const PART_LABEL = { controls: 'configuration', service: 'service', manual: 'manual evidence' } as const;

/** The register entries a requirement's reader should see: on the requirement, on its controls' findings, template suppressions used. */
function exceptionsShown(catalog: Catalog, req: Requirement, parts: PartResult[], ctx: Context): ExceptionEntry[] {
  const out = new Set<ExceptionEntry>(ctx.exceptionsOfRequirement(catalog.id, req.id));
  for (const p of parts) {
    if (p.kind === 'manual') continue;
    const found = p.kind === 'service' ? ctx.byService : ctx.byControl;
    if (!found) continue;
    for (const c of p.controls ?? []) for (const x of controlSummary(p.kind, c, found, ctx).shown) out.add(x);
  }
  return [...out];
}

/**
 * Whether configuration had a say in a requirement: a controls or service part with findings in
 * scope. A rule that lists controls is not enough: with nothing in scope (an empty scan, a
 * service not assessed) configuration decided nothing, and coverage must not say it did.
 */
function decidedByConfiguration(r: RequirementResult): boolean {
  return r.parts.some((p) => p.kind !== 'manual' && p.findings !== undefined && p.status !== 'no_evidence');
}

function summarise(results: RequirementResult[]): FrameworkSummary {
  const counts = Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as Record<RequirementStatus, number>;
  for (const r of results) counts[r.status]++;
  const applicable = results.length - counts.not_applicable;
  const automated = results.filter((r) => r.status !== 'not_applicable' && decidedByConfiguration(r)).length;
  return { total: results.length, applicable, met: counts.met, counts, score: ratio(counts.met, applicable), coverage: ratio(automated, applicable) };
}

function assessFramework(sel: FrameworkSelection, ctx: Context): FrameworkAssessment {
  const c = sel.catalog;
  const categories = selectCategories(c, sel.categories);
  const chosen = c.categories ? c.requirements.filter((r) => r.category !== undefined && categories.includes(r.category)) : c.requirements;
  const requirements = chosen.map((r) => assessRequirement(c, r, ctx));
  return { id: c.id, framework: c.framework, name: c.name, version: c.version, source: c.source, licence: c.licence, categories, requirements, summary: summarise(requirements) };
}

/** Assesses each selected framework; see the module comment for the rules. */
export function assessCompliance(input: AssessInput): ComplianceAssessment {
  if (!(input.now instanceof Date) || Number.isNaN(input.now.getTime())) throw new ComplianceInputError('now', 'a valid time is required');
  const ctx = new Context(input);
  const frameworks = input.frameworks.map((f) => assessFramework('catalog' in f ? f : { catalog: f }, ctx));
  const notes: string[] = [];
  if (!ctx.evidenceRead) notes.push('Manual evidence and exceptions were not read (no ledger given): every manual part is not started and only template suppressions except findings.');
  const usesService = frameworks.some((f) => f.requirements.some((r) => r.parts.some((p) => p.kind === 'service')));
  if (!input.serviceFindings && usesService) notes.push('Service controls (Attest\'s own service, assessed by `attest serve`) were not assessed: requirements that need them are at best unknown.');
  return { assessedAt: input.now.toISOString(), evidenceRead: ctx.evidenceRead, serviceAssessed: !!input.serviceFindings, frameworks, notes };
}
