/**
 * `attest frameworks`, `attest checklist`, `attest evidence …` and `attest exceptions …`: the
 * compliance readiness commands. The checklist reuses the scan pipeline and the compliance
 * module's assessment; evidence and exceptions are ledger records written through the
 * compliance module, with the local operator (`--actor`, default the OS user) as the actor.
 */
import { basename, dirname, extname, join } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { many, one, parseArgs, UsageError, type ParsedArgs } from './args.js';
import { COMMON, withLedger } from './ledger.js';
import { isClosedReader, writeChunks, writeChunksToFile } from './output.js';
import { Progress } from './progress.js';
import { ConfigError, DEFAULT_COMPLIANCE, durationSeconds, loadConfig, type ComplianceConfig } from '../config.js';
import { CONTROLS } from '../controls/index.js';
import { scanPaths, type ScanResult } from '../engine/scan.js';
import { inputErrorLines } from '../report/text.js';
import { applyIgnores, type IgnoreSummary } from '../report/ignore.js';
import type { Finding } from '../model/types.js';
import { readScanInputs, requireInputPaths, SCAN_INPUT_FLAGS } from './scan-input.js';
import { REPORT_DISCLAIMER, verifyBytes, type DetachedSignature } from '../compliance/framework-report.js';
import { OSCAL_VERSION } from '../compliance/oscal.js';
import { certificateSubject, prepareSelfIssuedKey, PdfFontError, type PdfCertificate } from '../compliance/report-pdf.js';
import { assembleFrameworkReport, isReportFormat, renderFrameworkReport, REPORT_FORMATS, scopeNotes, writeArtefacts, type AssembledReport, type AssembleInput, type ReportArtefact, type ReportFormat } from '../compliance/report-output.js';
import type { Catalog } from '../frameworks/schema.js';
import { parseTime } from '../ledger/record.js';
import { TOOL_VERSION } from '../report/model.js';
import { CATALOGS } from '../frameworks/index.js';
import { ParamsError } from '../sources/params.js';
import type { Ledger } from '../ledger/ledger.js';
import { isPostgresUrl } from '../ledger/open.js';
import { assessCompliance, selectCategories } from '../compliance/assess.js';
import { resolveFramework } from '../compliance/frameworks.js';
import {
  approveException,
  readEvidence,
  readRegister,
  recordAttestation,
  recordPackageGenerated,
  requestException,
  revokeAttestation,
  revokeException,
  reviewException,
  validateAttestation,
} from '../compliance/records.js';
import { dueThisMonth, templateEntries, type Register } from '../compliance/register.js';
import { CHECKLIST_FORMATS, exceptionLine, renderChecklistChunks, ratioText, type Checklist, type ChecklistFormat } from '../compliance/render.js';
import { assessmentSummaries, openComplianceStore, sha256Hex, type ComplianceStore } from '../compliance/store.js';
import { REQUIREMENT_STATUSES, STATUS_TEXT, type Attestation, type ComplianceActor, type ExceptionEntry } from '../compliance/types.js';
import { ComplianceInputError, utcDay } from '../compliance/util.js';

const LEDGER_OPTIONS = `      --db PATH|URL        the ledger: SQLite file or postgres://user@host/db (default: config
                           ledger.db, $ATTEST_LEDGER_DB, $DATABASE_URL, else .attest/ledger.db)
      --keys DIR           the ledger's key directory (default: config ledger.keys, else .attest/keys)
      --config FILE        config file (default ./attest.config.json when present)`;

export const FRAMEWORKS_HELP = `Usage: attest frameworks [--format text|json]

Lists the framework catalogs: id, version, requirement counts (automated, manual, not
applicable) and selectable categories (the defaults are marked *). A framework is named by
its id (soc2-tsc-2017) or by its family (soc2-tsc: the latest version).
`;

export const CHECKLIST_HELP = `Usage: attest checklist <framework> [path...] [options]

Scans the templates under the paths (as attest scan does) and decides every requirement of
the framework: met, not met, partially met, unknown, not started, expired, excepted or not
applicable, each with its reasons and its evidence located file:line. Manual evidence
(attestations) and the exceptions register are read from the ledger when --db is given;
without it every manual part is "not started" and the output says evidence was not read.

Options:
      --category C         a category to assess (repeatable; default: the catalog's defaults)
  -f, --format FORMAT      text (default on a terminal), json, markdown, csv, html
  -o, --output FILE        write the checklist to FILE (format from the extension unless
                           --format is given); a summary goes to stderr
      --fail-on-status S   comma-separated statuses that fail the run (default not_met; 'none'
                           never fails on statuses), e.g. not_met,partially_met,expired
      --db / --keys / --config   read attestations and exceptions from the ledger, and store
                           this assessment in its history
${LEDGER_OPTIONS}
  -p, --param KEY=VALUE    parameter value (repeatable), as for attest scan
      --params-file FILE   parameter values from a file, as for attest scan
      --config-env NAME    samconfig environment to read
      --var-file FILE      Terraform variables (.tfvars), as for attest scan (repeatable)
      --ignore-file FILE   findings to accept, as for attest scan (repeatable; default:
                           .attestignore.yaml in each scanned folder): an accepted finding
                           counts as excepted, never as met; an expired entry stops applying.
                           A --baseline does not apply here: it gates CI, it meets nothing
      --exclude PATTERN    leave files or folders out of the walk (repeatable)
  -q, --quiet              no progress bar and no summary on stderr
  -h, --help               this help

Status symbols (seed 001): ✅ met · ❌ not met · ⚠️ partially met, unknown, not started, expired,
excepted · — not applicable. Score = met / applicable requirements, floored to one decimal.
Self-assessed; a third-party audit is required.

Exit codes: 0 no applicable requirement has a status listed in --fail-on-status; 1 one has,
a template could not be read, or no template was found; 2 usage error (an unknown framework
lists the valid ids).

Examples:
  attest checklist soc2-tsc examples/
  attest checklist soc2-tsc-2017 infra/ --category security --category availability --db .attest/ledger.db
  attest checklist hipaa infra/ --format html --output hipaa.html
`;

export const EVIDENCE_HELP = `Usage: attest evidence <command> [options]

Manual evidence: attestations recorded in the ledger (compliance.attestation), each with its
statement, files (stored content-addressed beside the ledger; their SHA-256 is in the record,
so 'attest ledger verify' covers them), links and validity. The attester is --actor (default:
your OS user name); the time is the ledger's. A revocation is a new record, never an edit.

Commands:
  add       --framework F --requirement R --statement S [--file PATH ...] [--link URL ...]
            [--valid-until YYYY-MM-DD] [--not-applicable]
            validity defaults to the catalog's validity for the requirement (its maximum);
            --not-applicable records why the requirement does not apply (the statement is the
            justification) and makes it "not applicable"
  list      [--framework F] [--requirement R] [--revoked] [--format text|json]: attestations
            and whether each of their files is stored and still matches its hash
  revoke    ID --reason TEXT
  verify    every stored evidence file and every file an attestation names, checked against
            its hash; exit 1 when one is missing or altered

Options:
      --actor NAME         who you are in the record (default: the OS user name); the command
                           line's records are marked source "cli"
${LEDGER_OPTIONS}
  -h, --help               this help

Files are limited to compliance.evidenceMaxBytes (config; default 25 MiB). Only add creates
the ledger; list, revoke and verify exit 2 when there is no ledger at --db (a mistyped path).
`;

export const EXCEPTIONS_HELP = `Usage: attest exceptions <command> [options]

The exceptions register (seed 004): an accepted risk on a control or a requirement, requested
by one person and approved by another, reviewed periodically, expiring. Each step is a ledger
record. Template suppressions (Metadata in the templates) appear read-only in the list when
paths are given.

Commands:
  add       (--control ID | --framework F --requirement R) --reason TEXT --risk low|medium|high|critical
            --owner NAME --expires YYYY-MM-DD [--scope RESOURCE ...] [--compensating TEXT ...]
            [--review-every DAYS]   scope: a logical id or file#LogicalId (default: everywhere);
            expires at most compliance.exceptionMaxDays ahead (default 365); reviews every 90 days
  approve   ID [--note TEXT]        refused when you requested it yourself
  review    ID --note TEXT          record a periodic review of an approved exception
  revoke    ID --reason TEXT        close it (also an expired one)
  list      [path...] [--due] [--state S] [--format text|json]   --due: reviews due this month
            (or overdue), expiries this month, and expired exceptions not closed yet

Options:
      --actor NAME         who you are in the record (default: the OS user name)
${LEDGER_OPTIONS}
  -h, --help               this help

Only add creates the ledger; the other commands exit 2 when there is no ledger at --db.

The command line trusts --actor: an operator who can write the ledger can name anyone. The
service (attest serve) records the authenticated principal instead; use it where the
separation of requester and approver must be enforced.
`;

// ---------------------------------------------------------------------------
// Shared

function complianceSettings(a: ParsedArgs): { db: string; compliance: ComplianceConfig } {
  try {
    const cfg = loadConfig(one(a, 'config'));
    return { db: one(a, 'db') ?? cfg.ledger.db, compliance: cfg.compliance ?? DEFAULT_COMPLIANCE };
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * For commands that read or amend an existing ledger: opening a path where none is would
 * create an empty ledger and report on nothing (evidence verify would say VERIFIED).
 */
function existingLedger(a: ParsedArgs): { db: string; compliance: ComplianceConfig } {
  const s = complianceSettings(a);
  if (!isPostgresUrl(s.db) && !existsSync(s.db)) throw new UsageError(`--db ${s.db}: no ledger there; check the path (attest evidence add and attest exceptions add create it)`);
  return s;
}

/**
 * The ledger a read-only command (checklist, report, bundle create) uses: the one named by --db
 * or --keys; else the default one (config ledger.db, else .attest/ledger.db) when a SQLite file
 * is there, said on stderr so nobody wonders where attestations or the audit log came from. A
 * PostgreSQL URL from the environment is used only when asked for with --db: a DATABASE_URL set
 * for something else must not turn a scan into a database connection.
 */
export function ledgerToUse(a: ParsedArgs, quiet: boolean): { db: string; compliance: ComplianceConfig } | undefined {
  if (a.flags.has('db') || a.flags.has('keys')) return existingLedger(a);
  const s = complianceSettings(a);
  if (isPostgresUrl(s.db) || !existsSync(s.db)) return undefined;
  if (!quiet) process.stderr.write(`attest: using the ledger ${s.db} (its attestations, exceptions and audit log); --db chooses another\n`);
  return s;
}

function localActor(a: ParsedArgs): ComplianceActor {
  let id = one(a, 'actor');
  if (id === undefined) {
    try {
      id = userInfo().username;
    } catch {
      throw new UsageError('--actor NAME is required: the OS user name cannot be read');
    }
  }
  if (!id.trim()) throw new UsageError('--actor must not be empty');
  return { id: id.trim(), type: 'user', issuer: 'local', source: 'cli' };
}

/** Runs fn with the compliance store of the ledger's database (tables created when missing). */
async function withStore<T>(db: string, compliance: ComplianceConfig, fn: (s: ComplianceStore) => Promise<T>): Promise<T> {
  const store = openComplianceStore(db, { evidenceMaxBytes: compliance.evidenceMaxBytes });
  try {
    await store.init();
    return await fn(store);
  } finally {
    await store.close();
  }
}

function format(a: ParsedArgs, allowed: string[]): string {
  const f = one(a, 'format') ?? 'text';
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}; got ${JSON.stringify(f)}`);
  return f;
}

function frameworkArg(id: string | undefined, what: string): ReturnType<typeof resolveFramework> {
  if (!id) throw new UsageError(`${what} needs a framework; use one of ${CATALOGS.map((c) => c.id).join(', ')} (or a family such as ${CATALOGS[0]?.framework ?? 'soc2-tsc'})`);
  try {
    return resolveFramework(id);
  } catch (e) {
    if (e instanceof ComplianceInputError) throw new UsageError(e.message);
    throw e;
  }
}

function out(text: string): void {
  process.stdout.write(text);
}

function usageFrom<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ComplianceInputError || e instanceof ParamsError) throw new UsageError(e.message);
    throw e;
  }
}

// ---------------------------------------------------------------------------
// attest frameworks

export function runFrameworks(argv: string[]): number {
  const a = parseArgs(argv, { format: true, help: false }, { f: 'format', h: 'help' });
  if (a.flags.has('help')) { out(FRAMEWORKS_HELP); return 0; }
  const fmt = format(a, ['text', 'json']);
  const rows = CATALOGS.map((c) => {
    const by = (p: (r: (typeof c.requirements)[number]) => boolean) => c.requirements.filter(p).length;
    return {
      id: c.id, framework: c.framework, name: c.name, version: c.version, source: c.source, licence: c.licence,
      requirements: c.requirements.length,
      automated: by((r) => !!(r.evidence.controls || r.evidence.service)),
      manual: by((r) => !!r.evidence.manual),
      notApplicable: by((r) => r.evidence.notApplicable !== undefined),
      categories: (c.categories ?? []).map((k) => ({ id: k.id, title: k.title, default: k.default, requirements: by((r) => r.category === k.id) })),
    };
  });
  if (fmt === 'json') { out(JSON.stringify({ frameworks: rows }, null, 2) + '\n'); return 0; }
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(`${r.id.padEnd(26)} ${r.name} ${r.version}`);
    lines.push(`${''.padEnd(26)} ${r.requirements} requirements: ${r.automated} decided by configuration, ${r.manual} with manual evidence, ${r.notApplicable} not applicable by the catalog`);
    if (r.categories.length) lines.push(`${''.padEnd(26)} categories: ${r.categories.map((k) => `${k.id}${k.default ? '*' : ''} (${k.requirements})`).join(', ')}`);
    lines.push(`${''.padEnd(26)} family ${r.framework}; source: ${r.source}`);
  }
  lines.push('', 'Name a framework by its id or its family (the latest version). * = assessed by default.');
  out(lines.join('\n') + '\n');
  return 0;
}

// ---------------------------------------------------------------------------
// attest checklist

const FORMAT_BY_EXT: Record<string, ChecklistFormat> = { '.json': 'json', '.md': 'markdown', '.csv': 'csv', '.html': 'html', '.htm': 'html', '.txt': 'text' };

function ignoreLine(i: IgnoreSummary): string {
  const expired = i.expired.map((e) => `${e.control} (${e.at.file}:${e.at.line}, expired ${e.expires})`);
  return `attest: ignore files (${i.files.join(', ')}): ${i.suppressed} finding(s) accepted, counted as excepted` +
    `${expired.length ? `; expired entries no longer apply: ${expired.join(', ')}` : ''}\n`;
}

/** The scan a checklist rests on: the same inputs as `attest scan`, ignore files applied (a baseline is not: it gates CI, it does not meet a requirement). */
function scanFor(a: ParsedArgs, paths: string[], quiet: boolean): { result: ScanResult; findings: Finding[]; ignores?: IgnoreSummary } {
  const today = new Date().toISOString().slice(0, 10);
  const { params, varFiles, exclude, ignoreFiles } = readScanInputs(a, paths, today);
  const progress = new Progress(process.stderr, !quiet);
  const result = scanPaths(paths, { controls: CONTROLS, params, exclude, varFiles, onProgress: (d, t) => progress.update(d, t) });
  progress.done();
  if (!ignoreFiles.length) return { result, findings: result.findings };
  const { findings, summary } = applyIgnores(result.findings, ignoreFiles, today);
  return { result, findings, ignores: summary };
}

export async function runChecklist(argv: string[]): Promise<number> {
  const a = parseArgs(argv, {
    ...COMMON, ...SCAN_INPUT_FLAGS, category: true, format: true, output: true, 'fail-on-status': true, quiet: false,
  }, { f: 'format', o: 'output', p: 'param', q: 'quiet', h: 'help' });
  if (a.flags.has('help')) { out(CHECKLIST_HELP); return 0; }
  const catalog = frameworkArg(a.positional[0], 'checklist');
  const categories = usageFrom(() => selectCategories(catalog, many(a, 'category')));
  const output = one(a, 'output');
  let fmt = one(a, 'format') as ChecklistFormat | undefined;
  if (fmt !== undefined && !CHECKLIST_FORMATS.includes(fmt)) throw new UsageError(`--format must be one of ${CHECKLIST_FORMATS.join(', ')}; got ${JSON.stringify(fmt)}`);
  fmt ??= output ? FORMAT_BY_EXT[extname(output).toLowerCase()] ?? 'json' : 'text';
  const failRaw = one(a, 'fail-on-status') ?? 'not_met';
  const failOn = failRaw === 'none' ? [] : failRaw.split(',').map((s) => s.trim());
  for (const s of failOn) if (!(REQUIREMENT_STATUSES as readonly string[]).includes(s) || s === 'not_applicable') throw new UsageError(`--fail-on-status: ${JSON.stringify(s)} is not a status; use none or a list of ${REQUIREMENT_STATUSES.filter((x) => x !== 'not_applicable').join(', ')}`);
  const quiet = a.flags.has('quiet');
  const settings = ledgerToUse(a, quiet);
  const paths = a.positional.length > 1 ? a.positional.slice(1) : ['.'];
  const { result, findings, ignores } = scanFor(a, paths, quiet);
  const now = new Date();

  let register: Register | undefined;
  if (settings) {
    register = await withStore(settings.db, settings.compliance, (s) => withLedger(a, false, (ledger: Ledger) => readEvidence(ledger, s, now)));
  }
  const assessment = assessCompliance({
    frameworks: [{ catalog, categories }],
    findings,
    ...(register ? { attestations: register.attestations, exceptions: register.exceptions } : {}),
    now,
  });
  const sourceErrors = result.sources.reduce((n, s) => n + s.errors.length, 0);
  const files = result.sources.filter((s) => s.format !== 'unknown').length;
  const checklist: Checklist = {
    assessment,
    scan: { paths, files, resources: result.sources.reduce((n, s) => n + s.resources, 0), findings: result.findings.length, skipped: result.skipped.length, sourceErrors },
    ...(register ? { problems: register.problems } : {}),
  };
  if (settings) await withStore(settings.db, settings.compliance, (s) => s.addAssessments(assessmentSummaries(assessment)));

  const chunks = renderChecklistChunks(checklist, fmt);
  if (output) {
    const failure = writeChunksToFile(output, chunks);
    if (failure) { process.stderr.write(`attest: cannot write ${output}: ${failure}\n`); return 1; }
  } else {
    const failure = await writeChunks(process.stdout, chunks);
    if (failure && !isClosedReader(failure)) { process.stderr.write(`attest: cannot write the checklist to standard output: ${failure.code ?? failure.message}\n`); return 1; }
  }
  // The checklist's formats count input errors; which file and what is wrong goes to stderr, as the scan's terminal view says it.
  if (sourceErrors) process.stderr.write(`attest: input errors (${sourceErrors}), these files were not fully evaluated:\n${inputErrorLines(result.sources).join('\n')}\n`);
  const fw = assessment.frameworks[0]!;
  const failing = fw.requirements.filter((r) => (failOn as string[]).includes(r.status));
  const nothing = files === 0;
  const code = failing.length || sourceErrors || nothing ? 1 : 0;
  if (!quiet) {
    const why: string[] = [];
    if (nothing) why.push(`no infrastructure files found under ${paths.join(', ')}: nothing was scanned, so nothing configured can be shown`);
    if (sourceErrors) why.push(`${sourceErrors} input error(s): templates that could not be read are missing from every status`);
    if (failing.length) why.push(`${failing.length} requirement(s) ${[...new Set(failing.map((r) => STATUS_TEXT[r.status]))].join(' / ')}`);
    process.stderr.write(
      `attest: ${fw.id}: ${ratioText(fw.summary.score)} met, automated coverage ${ratioText(fw.summary.coverage)}; ` +
        REQUIREMENT_STATUSES.filter((s) => fw.summary.counts[s]).map((s) => `${fw.summary.counts[s]} ${STATUS_TEXT[s]}`).join(', ') +
        `${settings ? '' : '; manual evidence not read (no --db, no ledger at the default place)'}; exit ${code}${why.length ? ` (${why.join('; ')})` : ''}\n` +
        (ignores ? ignoreLine(ignores) : '') +
        (output ? `Checklist written to ${output} (${fmt}).\n` : '') +
        'Self-assessed; a third-party audit is required.\n',
    );
  }
  return code;
}

// ---------------------------------------------------------------------------
// attest evidence

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml',
  '.txt': 'text/plain', '.md': 'text/markdown', '.csv': 'text/csv', '.html': 'text/html', '.htm': 'text/html', '.json': 'application/json',
  '.yaml': 'application/yaml', '.yml': 'application/yaml', '.xml': 'application/xml', '.zip': 'application/zip',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

function readEvidenceFile(path: string, max: number): { name: string; content: Buffer; mediaType: string } {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new UsageError(`--file ${path}: not a regular file`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--file ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  // Checked before reading, so an oversized file is not loaded only to be refused.
  if (size > max) throw new UsageError(`--file ${path}: ${size} bytes is over the evidence file limit of ${max} bytes (compliance.evidenceMaxBytes in the config)`);
  return { name: basename(path), content: readFileSync(path), mediaType: MEDIA_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
}

async function evidenceAdd(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, actor: true, framework: true, requirement: true, statement: true, file: true, link: true, 'valid-until': true, 'not-applicable': false, format: true }, { h: 'help' });
  const fmt = format(a, ['text', 'json']);
  const actor = localActor(a);
  const { db, compliance } = complianceSettings(a);
  const files = many(a, 'file').map((p) => readEvidenceFile(p, compliance.evidenceMaxBytes));
  const input = {
    framework: one(a, 'framework'),
    requirement: one(a, 'requirement'),
    kind: a.flags.has('not-applicable') ? 'not-applicable' : 'evidence',
    statement: one(a, 'statement'),
    files: files.map((f) => ({ name: f.name, sha256: sha256Hex(f.content), size: f.content.length, mediaType: f.mediaType })),
    links: many(a, 'link'),
    ...(one(a, 'valid-until') !== undefined ? { validUntil: one(a, 'valid-until') } : {}),
  };
  const opts = { evidenceMaxBytes: compliance.evidenceMaxBytes };
  // Checked before any file is stored, so a refused attestation leaves nothing behind.
  usageFrom(() => validateAttestation(input, opts));
  return withLedger(a, true, async (ledger) => withStore(db, compliance, async (store) => {
    for (const f of files) await store.putFile(f.content, f.mediaType, sha256Hex(f.content));
    const att = await recordAttestation(ledger, actor, input, { ...opts, evidence: store });
    if (fmt === 'json') out(JSON.stringify(att, null, 2) + '\n');
    else {
      out(`attestation ${att.id} recorded: ${att.framework} ${att.requirement} (${att.kind}) by ${att.attestedBy.id} at ${att.attestedAt}, valid until ${att.validUntil}\n`);
      for (const f of att.files) out(`  file ${f.name} sha256 ${f.sha256} (${f.size} bytes) stored\n`);
    }
    return 0;
  }));
}

function attestationText(att: Attestation, checks: Map<string, string>): string {
  const lines = [`${att.id.padStart(6)}  ${att.framework} ${att.requirement}  ${att.kind}  by ${att.attestedBy.id} (${att.attestedBy.source}) ${att.attestedAt.slice(0, 10)}  valid until ${att.validUntil}${att.revoked ? `  REVOKED by ${att.revoked.by.id} ${att.revoked.at.slice(0, 10)}: ${att.revoked.reason}` : ''}`];
  lines.push(`        ${att.statement}`);
  for (const f of att.files) lines.push(`        file ${f.name} sha256 ${f.sha256} ${f.size} bytes: ${checks.get(f.sha256) ?? '?'}`);
  for (const l of att.links) lines.push(`        link ${l}`);
  return lines.join('\n');
}

async function evidenceList(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, framework: true, requirement: true, revoked: false, format: true }, { h: 'help' });
  const fmt = format(a, ['text', 'json']);
  const fw = one(a, 'framework') !== undefined ? frameworkArg(one(a, 'framework'), 'evidence list').id : undefined;
  const req = one(a, 'requirement');
  const { db, compliance } = existingLedger(a);
  return withLedger(a, false, async (ledger) => {
    const reg = await readRegister(ledger, new Date());
    const atts = reg.attestations.filter((x) => (!fw || x.framework === fw) && (!req || x.requirement === req) && (a.flags.has('revoked') || !x.revoked));
    const checks = new Map<string, string>();
    await withStore(db, compliance, async (s) => {
      for (const x of atts) for (const f of x.files) if (!checks.has(f.sha256)) checks.set(f.sha256, (await s.checkFile(f.sha256)).status);
    });
    if (fmt === 'json') out(JSON.stringify({ attestations: atts.map((x) => ({ ...x, files: x.files.map((f) => ({ ...f, stored: checks.get(f.sha256) })) })), problems: reg.problems }, null, 2) + '\n');
    else {
      out(atts.length ? atts.map((x) => attestationText(x, checks)).join('\n') + '\n' : '(no attestations)\n');
      for (const p of reg.problems) out(`problem: ${p}\n`);
    }
    return 0;
  });
}

async function evidenceRevoke(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, actor: true, reason: true, format: true }, { h: 'help' });
  const fmt = format(a, ['text', 'json']);
  const id = a.positional[0];
  if (!id) throw new UsageError('evidence revoke needs the attestation id (see attest evidence list)');
  const actor = localActor(a);
  existingLedger(a);
  return withLedger(a, false, async (ledger) => {
    const att = await revokeAttestation(ledger, actor, { attestation: id, reason: one(a, 'reason') });
    out(fmt === 'json' ? JSON.stringify(att, null, 2) + '\n' : `attestation ${att.id} (${att.framework} ${att.requirement}) revoked by ${actor.id}: ${att.revoked!.reason}\n`);
    return 0;
  });
}

async function evidenceVerify(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, format: true }, { h: 'help' });
  const fmt = format(a, ['text', 'json']);
  const { db, compliance } = existingLedger(a);
  return withLedger(a, false, async (ledger) => {
    const reg = await readRegister(ledger, new Date());
    return withStore(db, compliance, async (s) => {
      const stored: { sha256: string; status: string; size?: number }[] = [];
      for await (const c of s.checkAll()) stored.push({ sha256: c.sha256, status: c.status, ...(c.size !== undefined ? { size: c.size } : {}) });
      const byHash = new Map(stored.map((c) => [c.sha256, c.status]));
      const referenced: { attestation: string; name: string; sha256: string; status: string }[] = [];
      for (const att of reg.attestations) for (const f of att.files) referenced.push({ attestation: att.id, name: f.name, sha256: f.sha256, status: byHash.get(f.sha256) ?? 'missing' });
      const bad = stored.filter((c) => c.status !== 'ok').length + referenced.filter((r) => r.status !== 'ok').length;
      if (fmt === 'json') out(JSON.stringify({ ok: bad === 0, stored, referenced }, null, 2) + '\n');
      else {
        for (const c of stored) out(`${c.status.padEnd(8)} ${c.sha256}${c.size !== undefined ? ` ${c.size} bytes` : ''}\n`);
        for (const r of referenced.filter((x) => x.status !== 'ok')) out(`${r.status.padEnd(8)} ${r.sha256} named by attestation ${r.attestation} (${r.name})\n`);
        out(bad ? `FAILED: ${bad} evidence file problem(s)\n` : `VERIFIED: ${stored.length} stored file(s) match their hashes; every file named by an attestation is stored\n`);
      }
      return bad ? 1 : 0;
    });
  });
}

export async function runEvidence(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) { out(EVIDENCE_HELP); return 0; }
  switch (sub) {
    case 'add': return evidenceAdd(rest);
    case 'list': return evidenceList(rest);
    case 'revoke': return evidenceRevoke(rest);
    case 'verify': return evidenceVerify(rest);
    default: throw new UsageError(`unknown evidence command ${JSON.stringify(sub)}; use add, list, revoke or verify (see 'attest evidence --help')`);
  }
}

// ---------------------------------------------------------------------------
// attest exceptions

function entryText(e: ExceptionEntry): string {
  const lines = [exceptionLine(e)];
  if (e.source === 'ledger') {
    lines.push(`    requested by ${e.requestedBy?.id} (${e.requestedBy?.source}) ${e.requestedAt?.slice(0, 10)}${e.compensatingControls.length ? `; compensating: ${e.compensatingControls.join('; ')}` : ''}`);
    if (e.nextReviewDue) lines.push(`    next review due ${e.nextReviewDue} (every ${e.reviewEveryDays} days; ${e.reviews.length} review(s) so far)`);
    if (e.revocation) lines.push(`    revoked by ${e.revocation.by.id} ${e.revocation.at.slice(0, 10)}: ${e.revocation.reason}`);
  }
  return lines.join('\n');
}

async function exceptionsAdd(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, actor: true, control: true, framework: true, requirement: true, scope: true, reason: true, risk: true, compensating: true, owner: true, expires: true, 'review-every': true, format: true }, { h: 'help' });
  const fmt = format(a, ['text', 'json']);
  const actor = localActor(a);
  const control = one(a, 'control');
  if (control !== undefined && (one(a, 'framework') !== undefined || one(a, 'requirement') !== undefined)) throw new UsageError('give --control, or --framework and --requirement, not both');
  const every = one(a, 'review-every');
  const input = {
    target: control !== undefined ? { control } : { framework: one(a, 'framework'), requirement: one(a, 'requirement') },
    scope: many(a, 'scope'),
    reason: one(a, 'reason'),
    risk: one(a, 'risk'),
    compensatingControls: many(a, 'compensating'),
    owner: one(a, 'owner'),
    expires: one(a, 'expires'),
    ...(every !== undefined ? { reviewEveryDays: /^\d+$/.test(every) ? Number(every) : every } : {}),
  };
  const { compliance } = complianceSettings(a);
  return withLedger(a, true, async (ledger) => {
    const e = await requestException(ledger, actor, input, { maxDays: compliance.exceptionMaxDays });
    out(fmt === 'json' ? JSON.stringify(e, null, 2) + '\n' : `exception ${e.exceptionId} requested by ${actor.id}; it excepts nothing until another person approves it (attest exceptions approve ${e.exceptionId})\n`);
    return 0;
  });
}

async function exceptionsStep(argv: string[], step: 'approve' | 'review' | 'revoke'): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, actor: true, note: true, reason: true, format: true }, { h: 'help' });
  const fmt = format(a, ['text', 'json']);
  const id = a.positional[0];
  if (!id) throw new UsageError(`exceptions ${step} needs the exception id (see attest exceptions list)`);
  const actor = localActor(a);
  existingLedger(a);
  return withLedger(a, false, async (ledger) => {
    const e = step === 'approve'
      ? await approveException(ledger, actor, { exceptionId: id, ...(one(a, 'note') !== undefined ? { note: one(a, 'note') } : {}) })
      : step === 'review'
        ? await reviewException(ledger, actor, { exceptionId: id, note: one(a, 'note') })
        : await revokeException(ledger, actor, { exceptionId: id, reason: one(a, 'reason') });
    const done = { approve: 'approved', review: 'reviewed', revoke: 'revoked' }[step];
    out(fmt === 'json' ? JSON.stringify(e, null, 2) + '\n' : `exception ${e.exceptionId} ${done} by ${actor.id}; now ${e.state}${e.nextReviewDue ? `, next review due ${e.nextReviewDue}` : ''}\n`);
    return 0;
  });
}

async function exceptionsList(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, due: false, state: true, format: true, param: true, 'params-file': true, 'config-env': true, exclude: true }, { h: 'help', p: 'param' });
  const fmt = format(a, ['text', 'json']);
  const state = one(a, 'state');
  if (state !== undefined && !['requested', 'approved', 'expired', 'revoked'].includes(state)) throw new UsageError('--state must be requested, approved, expired or revoked');
  existingLedger(a);
  const now = new Date();
  return withLedger(a, false, async (ledger) => {
    const reg = await readRegister(ledger, now);
    const templates = a.positional.length ? templateEntries(scanFor(a, a.positional, true).findings, now) : [];
    const all = [...reg.exceptions, ...templates].filter((e) => !state || e.state === state);
    if (a.flags.has('due')) {
      const due = dueThisMonth(all, now);
      if (fmt === 'json') out(JSON.stringify({ today: utcDay(now), due: due.map((d) => ({ why: d.why, date: d.date, overdue: d.overdue, exception: d.entry })) }, null, 2) + '\n');
      else {
        out(due.length ? due.map((d) => `${d.date}  ${d.why === 'review' ? 'review due' : d.why === 'expires' ? 'expires' : 'expired, not closed'}${d.overdue && d.why === 'review' ? ' (overdue)' : ''}  ${exceptionLine(d.entry)}`).join('\n') + '\n' : `nothing due this month (${utcDay(now).slice(0, 7)})\n`);
      }
      return 0;
    }
    if (fmt === 'json') out(JSON.stringify({ exceptions: all, problems: reg.problems }, null, 2) + '\n');
    else {
      out(all.length ? all.map(entryText).join('\n') + '\n' : '(the register is empty)\n');
      if (!a.positional.length) out('(template suppressions are listed when template paths are given: attest exceptions list infra/)\n');
      for (const p of reg.problems) out(`problem: ${p}\n`);
    }
    return 0;
  });
}

export async function runExceptions(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) { out(EXCEPTIONS_HELP); return 0; }
  switch (sub) {
    case 'add': return exceptionsAdd(rest);
    case 'approve': return exceptionsStep(rest, 'approve');
    case 'review': return exceptionsStep(rest, 'review');
    case 'revoke': return exceptionsStep(rest, 'revoke');
    case 'list': return exceptionsList(rest);
    default: throw new UsageError(`unknown exceptions command ${JSON.stringify(sub)}; use add, approve, review, revoke or list (see 'attest exceptions --help')`);
  }
}


// ---------------------------------------------------------------------------
// attest report

export const REPORT_HELP = `Usage: attest report --framework <id> [path...] [options]
       attest report verify FILE [--signature FILE.sig] [--public-key PEMFILE]...

The compliance report for one framework, for an auditor: scope (sources scanned, ledger),
the score and coverage with the gaps first, every requirement with its status and evidence
(file:line of each finding, attestations with attester, time and record hash, exceptions),
the audit log of the period (records by action category and outcome, denials, principals,
the ledger's verification and the signed checkpoint it is anchored to), the encryption
status, and the policy documents attested. Every rendering carries "Self-reported compliance.
Third-party audit required."

With the ledger (--db / --keys), the report is signed: FILE.sig holds an Ed25519 signature
of the file's bytes with the ledger's checkpoint signing key; 'attest report verify FILE'
checks it offline. Without a ledger the report has no audit log and no signature, and says so.

Options:
      --framework ID       the framework (attest frameworks lists them)
      --format json|pdf|oscal   the report's format (default json, or pdf when --out ends in
                           .pdf). The PDF carries the same report: cover (scope, period,
                           signing key), score, gaps first, every requirement with its evidence,
                           audit log, principals, encryption, attested policies; the disclaimer
                           on every page; DejaVu Sans embedded. oscal writes OSCAL 1.1.2
                           assessment results to FILE (one finding per requirement, satisfied
                           only when met, our status in props; one observation per piece of
                           evidence; the ledger records and checkpoint) and the framework as an
                           OSCAL catalog to FILE.catalog.json, each signed (.sig)
  -o, --out FILE           write the report to FILE (default: standard output, unsigned; pdf needs it)
      --cert FILE --cert-key FILE   PDF: the certificate (PEM, chain may follow) and its RSA key
                           (PEM) for the signature embedded in the PDF (CMS, shown by PDF
                           readers); without them a self-issued certificate signs it
      --since DURATION     the period: the last DURATION (default 90d), or
      --from TIME --to TIME
      --category C         a category to assess (repeatable; default: the catalog's defaults)
      --db / --keys / --config   the ledger: attestations, exceptions, audit log, signing key;
                           the report made is recorded in it (compliance.report.generated:
                           who, framework, format, period, each file's SHA-256 and size)
      --actor NAME         who you are in that record (default: the OS user name)
${LEDGER_OPTIONS}
  -p, --param KEY=VALUE / --params-file / --config-env / --var-file / --ignore-file / --exclude
                           scan inputs, as for attest scan
  -q, --quiet              no progress bar and no summary on stderr

Every path named must exist (checked before anything is scanned or written); an unknown
--framework lists the valid ids and suggests the closest.

verify: --signature FILE (default FILE.sig), --public-key PEMFILE (repeatable: pin the key(s)
you trust; without it the key inside the signature is used and the output says so).

Exit codes: 0 written (or verified); 1 the scan could not read an input, nothing was found to
scan, or verification failed; 2 usage error (a path that does not exist, an unknown framework).
`;

/**
 * What `attest report` and `attest bundle create` share from the command line: the framework,
 * the period, the ledger settings and the scan, every usage error raised (and every named path
 * checked) before anything is scanned or written.
 */
export interface CliReportRun {
  catalog: Catalog;
  categories: string[];
  period: { from: string; to: string };
  now: Date;
  quiet: boolean;
  paths: string[];
  /** The ledger's settings: --db/--keys (the ledger must exist), or the default ledger when it exists (ledgerToUse). */
  settings?: { db: string; compliance: ComplianceConfig };
  /** The report's inputs, less the ledger (assembleFrameworkReport). */
  input: Omit<AssembleInput, 'ledger'>;
  /** Input errors and whether any infrastructure file was found: the exit code's part. */
  sourceErrors: number;
  files: number;
  actor?: ComplianceActor;
}

/** The flags `attest report` and `attest bundle create` both read (with the scan's). */
export const REPORT_RUN_FLAGS = { ...COMMON, ...SCAN_INPUT_FLAGS, framework: true, since: true, from: true, to: true, category: true, quiet: false, actor: true } as const;

/** Checks what the report needs from the command line; `validate` runs the caller's own checks before any path is looked at. */
export function cliReportRun(a: ParsedArgs, validate: () => void = () => undefined): CliReportRun {
  const catalog = frameworkArg(one(a, 'framework'), 'report');
  const categories = usageFrom(() => selectCategories(catalog, many(a, 'category')));
  validate();
  const now = new Date();
  const period = usageFrom(() => reportPeriod(a, now));
  const paths = a.positional.length ? a.positional : ['.'];
  requireInputPaths(paths);
  const quiet = a.flags.has('quiet');
  const settings = ledgerToUse(a, quiet);
  const actor = settings ? localActor(a) : undefined;
  const { result, findings } = scanFor(a, paths, quiet);
  const files = result.sources.filter((s) => s.format !== 'unknown');
  const sourceErrors = result.sources.reduce((n, s) => n + s.errors.length, 0);
  return {
    catalog, categories, period, now, quiet, paths, sourceErrors, files: files.length,
    ...(settings ? { settings } : {}),
    ...(actor ? { actor } : {}),
    input: {
      catalog,
      categories,
      findings,
      titles: new Map(CONTROLS.map((c) => [c.id, c.title])),
      paths,
      sources: files.map((s) => ({ file: s.file, format: s.format, resources: s.resources, errors: s.errors.length })),
      period,
      now,
      version: TOOL_VERSION,
      notes: scopeNotes(sourceErrors, files.length, paths),
    },
  };
}

/**
 * Runs fn with the report assembled: from the ledger (its store and connection open while fn
 * runs, so fn may append to it) when the run has one, else without.
 */
export async function withAssembledReport<T>(a: ParsedArgs, run: CliReportRun, fn: (r: AssembledReport, ledger?: { ledger: Ledger; store: ComplianceStore }) => Promise<T>): Promise<T> {
  const settings = run.settings;
  if (!settings) return fn(await assembleFrameworkReport(run.input));
  return withStore(settings.db, settings.compliance, (store) => withLedger(a, false, async (ledger: Ledger) => {
    const assembled = await assembleFrameworkReport({ ...run.input, ledger: { ledger, store, location: redactDb(settings.db) } });
    return fn(assembled, { ledger, store });
  }));
}

/** 1 when the report rests on incomplete input (a read error, nothing found) or a ledger that does not verify. */
/** Why the report command exits 1 (empty: it exits 0). */
export function reportExitReasons(run: CliReportRun, r: AssembledReport): string[] {
  const why: string[] = [];
  if (!run.files) why.push(`no infrastructure files found under ${run.paths.join(', ')}: nothing was scanned, so nothing configured can be shown`);
  if (run.sourceErrors) why.push(`${run.sourceErrors} input error(s): templates that could not be read are missing from every status`);
  if (r.snapshot && !r.snapshot.verification.ok) why.push('the ledger does not verify');
  return why;
}


/** The ledger record of a package made on the command line (the local operator as actor). */
export async function recordCliPackage(ledger: Ledger, run: CliReportRun, r: AssembledReport, kind: 'report' | 'bundle', format: string, artefacts: { name: string; sha256: string; bytes: number }[], signed: boolean): Promise<void> {
  await recordPackageGenerated(ledger, run.actor!, {
    kind, framework: r.report.framework.id, format, artefacts, period: r.report.period,
    ...(signed && r.signer ? { signedBy: r.signer.kid } : {}),
  });
}

export async function runReport(argv: string[]): Promise<number> {
  if (argv[0] === 'verify') return reportVerify(argv.slice(1));
  const a = parseArgs(argv, { ...REPORT_RUN_FLAGS, format: true, out: true, cert: true, 'cert-key': true }, { o: 'out', p: 'param', q: 'quiet', h: 'help' });
  if (a.flags.has('help')) { out(REPORT_HELP); return 0; }
  const outArg = one(a, 'out');
  const fmt = one(a, 'format') ?? (outArg && extname(outArg).toLowerCase() === '.pdf' ? 'pdf' : 'json');
  const certFile = one(a, 'cert');
  const certKeyFile = one(a, 'cert-key');
  let operatorCert: PdfCertificate | undefined;
  let certSubject: string | undefined;
  const run = cliReportRun(a, () => {
    if (!isReportFormat(fmt)) throw new UsageError(`--format must be ${REPORT_FORMATS.slice(0, -1).join(', ')} or ${REPORT_FORMATS[REPORT_FORMATS.length - 1]}; got ${JSON.stringify(fmt)}`);
    if (fmt === 'pdf' && !outArg) throw new UsageError('--format pdf writes a file: give it with --out FILE.pdf');
    if (fmt === 'oscal' && !outArg) throw new UsageError('--format oscal writes two files (the assessment results and FILE.catalog.json): give it with --out FILE.json');
    if ((certFile === undefined) !== (certKeyFile === undefined)) throw new UsageError('give both --cert FILE and --cert-key FILE (PEM), or neither');
    if (certFile !== undefined && fmt !== 'pdf') throw new UsageError('--cert/--cert-key sign a PDF report: add --format pdf (or --out FILE.pdf)');
    const readPem = (flag: string, f: string) => {
      try { return readFileSync(f, 'utf8'); } catch (e) { throw new UsageError(`--${flag} ${f}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`); }
    };
    if (certFile !== undefined) {
      operatorCert = { certPem: readPem('cert', certFile), keyPem: readPem('cert-key', certKeyFile!), selfIssued: false };
      try { certSubject = certificateSubject(operatorCert.certPem); } catch (e) { throw new UsageError(`--cert ${certFile}: not a PEM certificate (${(e as Error).message})`); }
    }
    // The self-issued certificate's key is generated on the thread pool while the scan runs.
    if (fmt === 'pdf' && certFile === undefined) prepareSelfIssuedKey();
  });
  const format = fmt as ReportFormat;
  const outFile = outArg;
  let assembled: AssembledReport;
  try {
    assembled = await withAssembledReport(a, run, async (r, ledger) => {
      let artefacts: ReportArtefact[];
      try {
        artefacts = await renderFrameworkReport(r, format, { name: outFile ? basename(outFile) : 'stdout', ...(operatorCert ? { certificate: operatorCert } : {}), ...(certSubject ? { certificateSubject: certSubject } : {}) });
      } catch (e) {
        if (operatorCert && !(e instanceof PdfFontError)) throw new UsageError(`--cert ${certFile} / --cert-key ${certKeyFile}: cannot sign the PDF with them (${(e as Error).message})`);
        throw e;
      }
      if (outFile) writeArtefacts(dirname(outFile), artefacts);
      else process.stdout.write(artefacts[0]!.bytes);
      // Standard output is not signed (nothing to put the signature beside).
      const names = (f: ReportArtefact) => (outFile ? join(dirname(outFile), f.name) : 'stdout');
      if (ledger) await recordCliPackage(ledger.ledger, run, r, 'report', format, artefacts.map((f) => ({ name: names(f), sha256: sha256Hex(f.bytes), bytes: f.bytes.length })), !!outFile);
      return r;
    });
  } catch (e) {
    if (e instanceof PdfFontError) { process.stderr.write(`attest: ${e.message}\n`); return 1; }
    throw e;
  }
  const { report, snapshot, signer } = assembled;
  const signed = signer && outFile;
  const fw = report.summary;
  const why = reportExitReasons(run, assembled);
  if (!run.quiet) {
    const period = run.period;
    process.stderr.write(
      `attest: ${report.framework.id}: ${ratioText(fw.score)} met, automated coverage ${ratioText(fw.coverage)}; ${report.gaps.length} gap(s) listed first` +
        `${snapshot ? `; audit log ${period.from.slice(0, 10)}..${period.to.slice(0, 10)}: ${snapshot.records} record(s), verification ${snapshot.verification.ok ? 'VERIFIED' : 'FAILED'}, anchored to checkpoint ${snapshot.checkpoint.size}` : ''}` +
        `${why.length ? `; exit 1 (${why.join('; ')})` : ''}\n` +
        (outFile ? `Report written to ${outFile}${format === 'oscal' ? ` (OSCAL ${OSCAL_VERSION} assessment results; the catalog its findings resolve against in ${outFile}.catalog.json)` : ''}${signed ? `, signed in ${outFile}.sig (key ${signer.kid}; check with attest report verify ${outFile})` : ' (not signed: no ledger keys)'}.\n` : '') +
        `${REPORT_DISCLAIMER}\n`,
    );
  }
  return why.length ? 1 : 0;
}

function reportPeriod(a: ParsedArgs, now: Date): { from: string; to: string } {
  const from = one(a, 'from');
  const to = one(a, 'to');
  if (from !== undefined || to !== undefined) {
    if (a.flags.has('since')) throw new UsageError('give either --since or --from/--to, not both');
    const f = from !== undefined ? new Date(parseTime(from, 'from').replace(/(\.\d{3})\d*Z$/, '$1Z')) : new Date(0);
    const t = to !== undefined ? new Date(parseTime(to, 'to').replace(/(\.\d{3})\d*Z$/, '$1Z')) : now;
    if (f > t) throw new UsageError(`--from ${from} is after --to ${to}`);
    return { from: f.toISOString(), to: t.toISOString() };
  }
  const since = one(a, 'since') ?? '90d';
  const seconds = durationSeconds(since);
  if (seconds === undefined) throw new UsageError(`--since must be a duration such as 90d or 1y; got ${JSON.stringify(since)}`);
  return { from: new Date(now.getTime() - seconds * 1000).toISOString(), to: now.toISOString() };
}

function redactDb(db: string): string {
  return db.replace(/:[^:@/]*@/, ':***@');
}

async function reportVerify(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { signature: true, 'public-key': true, help: false }, { h: 'help' });
  if (a.flags.has('help')) { out(REPORT_HELP); return 0; }
  const file = a.positional[0];
  if (!file) throw new UsageError('report verify needs the report file, e.g. attest report verify soc2.json');
  const sigFile = one(a, 'signature') ?? `${file}.sig`;
  let data: Buffer;
  let sig: DetachedSignature;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new UsageError(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    sig = JSON.parse(readFileSync(sigFile, 'utf8')) as DetachedSignature;
  } catch (e) {
    throw new UsageError(`${sigFile}: cannot read the signature (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); give it with --signature FILE`);
  }
  const pins = many(a, 'public-key').map((f) => {
    try { return readFileSync(f, 'utf8'); } catch (e) { throw new UsageError(`--public-key ${f}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`); }
  });
  const r = verifyBytes(data, sig, pins);
  if (!r.ok) {
    process.stdout.write(`FAILED: ${file}: ${r.reason}\n`);
    return 1;
  }
  process.stdout.write(`VERIFIED: ${file} (SHA-256 ${sig.sha256}) was signed at ${sig.signedAt} by key ${sig.keyId}${pins.length ? '' : ' (checked with the key inside the signature; pass --public-key to pin the key you trust)'}\n`);
  return 0;
}
