/**
 * Attest's own controls, generated from its running configuration: how it authenticates,
 * which scopes, roles, group mappings and endpoints it enforces (from the same route
 * declarations the access hook enforces), how its ledger is kept and whether it verified.
 * Each result is a Finding like the scanner's, with evidence pointing at the configuration
 * key that decides it (file and line when a config file says it, "(built-in default)"
 * otherwise), so the report shows the service beside the infrastructure it runs on.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Control } from '../controls/api.js';
import type { DomainId, Evidence, Finding, Severity, Status } from '../model/types.js';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, DEV_AUDIENCE, DEV_ISSUER, SCOPES, type AccessConfig } from '../access/scopes.js';
import { durationSeconds, retentionScheduleOf, type AttestConfig } from '../config.js';
import { frameworksForServiceControl } from '../frameworks/index.js';
import type { Ledger, VerifyReport } from '../ledger/ledger.js';
import { RETENTION_RUN_ACTION as RETENTION_ACTION } from '../ledger/retention-run.js';
import type { DenialTotals } from './denial-recorder.js';
import type { RetentionState } from './retention-scheduler.js';
import type { RouteDecl } from './types.js';

export const SERVICE_RESOURCE_TYPE = 'Attest::Service::Configuration';

export interface VerificationState {
  /** The latest completed verification. */
  report?: Pick<VerifyReport, 'ok' | 'records' | 'root' | 'firstBadSeq' | 'problems' | 'checkpointsChecked' | 'seconds'>;
  at?: string;
  error?: string;
  running: boolean;
}

export interface SelfAssessmentInput {
  config: AttestConfig;
  access: AccessConfig;
  routes: RouteDecl[];
  ledger: Ledger;
  verification: VerificationState;
  cwd: string;
  now?: Date;
  /** Access denials the ledger refused, waiting in the spool file to be re-appended. */
  /** unrecorded: denials counted in summaries that neither the ledger nor the spool took (in memory only). */
  denials?: { spooled: number; path: string; totals?: DenialTotals; unrecorded?: number };
  /** The retention schedule and the latest recorded run (absent: nothing watches retention). */
  retention?: RetentionState;
}

export interface SelfAssessment {
  controls: Control[];
  findings: Finding[];
  facts: Partial<Record<DomainId, Record<string, unknown>>>;
}

interface ServiceControlDef {
  id: string;
  title: string;
  domain: DomainId;
  severity: Severity;
  rationale: string;
  remediation: string;
}

const DEFS: ServiceControlDef[] = [
  {
    id: 'ATTEST-SVC-AUTHN-001', title: 'The service trusts a real identity provider (not the development issuer)', domain: 'authentication', severity: 'high',
    rationale: 'Development tokens are minted locally by anyone with access to the working directory.',
    remediation: 'Set access.issuer (and audience or clientIds) and start without --dev.',
  },
  {
    id: 'ATTEST-SVC-AUTHN-002', title: 'Tokens must be signed with an allow-listed asymmetric algorithm', domain: 'authentication', severity: 'high',
    rationale: 'alg none and HMAC algorithms allow forged tokens (key confusion).',
    remediation: 'List only RS*/PS*/ES*/EdDSA algorithms in access.algorithms.',
  },
  {
    id: 'ATTEST-SVC-AUTHN-003', title: 'Only access tokens meant for Attest are accepted', domain: 'authentication', severity: 'medium',
    rationale: 'An id token, or a token issued for another application of the same issuer, must not open the API.',
    remediation: 'Keep access.tokenUse "access" and set access.audience or access.clientIds.',
  },
  {
    id: 'ATTEST-SVC-AUTHN-004', title: 'Token lifetime is enforced with a small clock skew and a maximum of one day', domain: 'authentication', severity: 'low',
    rationale: 'exp and nbf bound a stolen token\'s use; a large skew extends it, and so does a token issued for longer than a day.',
    remediation: 'Keep access.clockSkewSeconds at 120 or less and access.maxTokenLifetimeSeconds at 86400 or less.',
  },
  {
    id: 'ATTEST-SVC-AUTHZ-001', title: 'Every endpoint declares the scopes it requires, or is explicitly public', domain: 'authorization', severity: 'high',
    rationale: 'An endpoint without a declaration would be served without a permission check.',
    remediation: 'Declare scopes (or public: true) on every route; undeclared routes are refused at runtime.',
  },
  {
    id: 'ATTEST-SVC-AUTHZ-002', title: 'Public endpoints expose no audit or compliance data', domain: 'authorization', severity: 'high',
    rationale: 'Only health, the login configuration and the API description may be read without a token.',
    remediation: 'Require a scope on any endpoint that returns data.',
  },
  {
    id: 'ATTEST-SVC-AUTHZ-003', title: 'Roles grant only known scopes; unmapped groups grant nothing', domain: 'authorization', severity: 'medium',
    rationale: 'A typo in a role or group mapping must not widen access.',
    remediation: 'Fix the role table in access.roles / access.groupRoles (the server refuses to start on unknown scopes or roles).',
  },
  {
    id: 'ATTEST-SVC-AUDIT-001', title: 'Every refused request (401/403/429) is recorded in the ledger, one by one or counted in a summary', domain: 'audit', severity: 'high',
    rationale: 'Denials are the first sign of probing and misuse (seed 001, F07-MH-03).',
    remediation: 'None: the access hook records access.denied (or counts it for the window\'s access.denied.summary) before answering.',
  },
  {
    id: 'ATTEST-SVC-AUDIT-007', title: 'The service is rate limited, and a flood of refused requests grows the ledger by a bounded number of records, every denial counted', domain: 'audit', severity: 'medium',
    rationale: 'Without limits, anonymous requests turn into one ledger record each: an attacker can grow the audit trail, and load the service, without bound (issue 14).',
    remediation: 'Keep server.rateLimit.perIp and perPrincipal on (not false), and behind a load balancer set trustProxy to its addresses or CIDRs (not true, which lets a client name its own address) so the limit applies per client, not to the balancer.',
  },
  {
    id: 'ATTEST-SVC-AUDIT-002', title: 'The audit ledger verifies (HMAC chain, Merkle tree, signed checkpoints)', domain: 'audit', severity: 'critical',
    rationale: 'A ledger that does not verify cannot be used as evidence.',
    remediation: 'Run GET /api/audit/verify or attest ledger verify; investigate the first bad sequence number.',
  },
  {
    id: 'ATTEST-SVC-AUDIT-003', title: 'Checkpoints are signed at least every 10,000 records', domain: 'audit', severity: 'medium',
    rationale: 'A signed checkpoint is what an auditor holds against truncation.',
    remediation: 'Set ledger.checkpointEvery to 10000 or less.',
  },
  {
    id: 'ATTEST-SVC-AUDIT-004', title: 'The active ledger HMAC key is younger than 365 days', domain: 'audit', severity: 'low',
    rationale: 'Keys are rotated so that a leaked key compromises a bounded part of the chain.',
    remediation: 'Run attest ledger keys rotate.',
  },
  {
    id: 'ATTEST-SVC-AUDIT-008', title: 'The checkpoint signing key is younger than its rotation period (ledger.signingKeyRotation, monthly by default)', domain: 'audit', severity: 'low',
    rationale: 'Whoever holds the signing key can sign a checkpoint of a rewritten history; rotating it on a schedule bounds the period a stolen key can forge, and each rotation is a ledger record with the old public key kept for verification.',
    remediation: 'Run attest ledger keys rotate --signing (the rotation is recorded in the ledger), or set ledger.signingKeyRotation to the period your policy sets.',
  },
  {
    id: 'ATTEST-SVC-AUDIT-005', title: 'The ledger is stored where the database itself refuses changes (PostgreSQL)', domain: 'audit', severity: 'low',
    rationale: 'SQLite triggers refuse UPDATE and DELETE, but whoever can write the file can drop them; PostgreSQL adds roles, TRUNCATE refusal and row-level security.',
    remediation: 'Set DATABASE_URL to a PostgreSQL database for production.',
  },
  {
    id: 'ATTEST-SVC-AUDIT-006', title: 'A retention policy is configured for audit records and applied on a schedule', domain: 'audit', severity: 'low',
    rationale: 'Records are kept as long as the frameworks require and no longer; a policy that nothing applies keeps everything forever.',
    remediation: 'Set ledger.retention (e.g. { "auth": "1y", "*": "7y" }) and ledger.retentionSchedule (every, and archiveDir on durable storage); on PostgreSQL run attest ledger retention run as the schema owner on a schedule with runner "external". A failed run says why in its ledger.retention.run record.',
  },
  {
    id: 'ATTEST-SVC-DP-001', title: 'Ledger keys are held outside the database', domain: 'data-protection', severity: 'high',
    rationale: 'Whoever can write the database must not be able to recompute the chain.',
    remediation: 'Keep the key directory (or ATTEST_LEDGER_KEYS) away from the database host and its backups.',
  },
  {
    id: 'ATTEST-SVC-DP-002', title: 'Secrets are scrubbed from audit metadata and personal data is kept erasable', domain: 'data-protection', severity: 'medium',
    rationale: 'Audit trails must not become a store of passwords or tokens; GDPR erasure must not break verification.',
    remediation: 'None: scrubbing and the personal-data split are built in.',
  },
  {
    id: 'ATTEST-SVC-DP-003', title: 'The connection to the ledger database is encrypted', domain: 'data-protection', severity: 'medium',
    rationale: 'Audit records and personal data travel to the database.',
    remediation: 'Add sslmode=verify-full (or require) to DATABASE_URL.',
  },
];

const DEF_BY_ID = new Map(DEFS.map((d) => [d.id, d]));

export const SERVICE_CONTROLS: Control[] = DEFS.map((d) => ({
  id: d.id,
  title: d.title,
  domain: d.domain,
  severity: d.severity,
  resourceTypes: [SERVICE_RESOURCE_TYPE],
  rationale: d.rationale,
  remediation: d.remediation,
  references: {},
  evaluate: () => undefined,
}));

const DEFAULT_FILE = '(built-in default)';

/** Finds where a configuration key is written, for evidence. */
class ConfigLocator {
  private lines: string[] = [];
  readonly file: string;

  constructor(file: string | undefined, cwd: string) {
    this.file = file ? relative(cwd, file) || file : DEFAULT_FILE;
    if (file) {
      try {
        this.lines = readFileSync(file, 'utf8').split('\n');
      } catch {
        this.lines = [];
      }
    }
  }

  /**
   * Evidence for section.key (the line of "key" after the line of "section"); a dotted key
   * (rateLimit.perIp) is found one name after the other.
   */
  at(section: string, key: string, value: string, note?: string): Evidence {
    let line = 0;
    let from = -1;
    for (const name of [section, ...key.split('.')]) {
      from = this.lines.findIndex((l, n) => n > from && l.includes(`"${name}"`));
      if (from < 0) break;
    }
    if (from >= 0) line = from + 1;
    const found = line > 0;
    return {
      path: `${section}.${key}`,
      value,
      file: found ? this.file : DEFAULT_FILE,
      line,
      column: found ? 1 : 0,
      ...(note ? { note } : {}),
    };
  }
}

const RUNTIME_FILE = '(running service) GET /api/openapi.json';

function runtime(path: string, value: string, note?: string): Evidence {
  return { path, value, file: RUNTIME_FILE, line: 0, column: 0, ...(note ? { note } : {}) };
}

function short(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 297)}...` : s;
}

/** Cognito user pool id and region from a Cognito issuer URL. */
export function cognitoPool(issuer: string | undefined): { region: string; userPoolId: string } | undefined {
  const m = issuer ? /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([A-Za-z0-9-]+_[A-Za-z0-9]+)$/.exec(issuer) : null;
  return m ? { region: m[1]!, userPoolId: m[2]! } : undefined;
}

export function describeDb(db: string): { backend: 'sqlite' | 'postgres'; location: string; tls: 'required' | 'not-required' | 'n/a' } {
  if (!/^postgres(ql)?:\/\//.test(db)) return { backend: 'sqlite', location: db, tls: 'n/a' };
  const u = new URL(db);
  const mode = u.searchParams.get('sslmode');
  const loc = `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}${u.searchParams.get('schema') ? ` (schema ${u.searchParams.get('schema')})` : ''}`;
  return { backend: 'postgres', location: loc, tls: mode === 'require' || mode === 'verify-ca' || mode === 'verify-full' ? 'required' : 'not-required' };
}

function isLoopbackHost(h: string): boolean {
  return h === 'localhost' || h === '127.0.0.1' || h === '::1' || h === '[::1]';
}

export function assessService(inp: SelfAssessmentInput): SelfAssessment {
  const { access, config, routes, ledger } = inp;
  const now = inp.now ?? new Date();
  const loc = new ConfigLocator(config.file, inp.cwd);
  const resourceFile = loc.file;
  const findings: Finding[] = [];
  const add = (id: string, status: Status, message: string, evidence: Evidence[]) => {
    const d = DEF_BY_ID.get(id)!;
    const first = evidence.find((e) => e.line > 0) ?? evidence[0];
    findings.push({
      controlId: id,
      title: d.title,
      domain: d.domain,
      status,
      severity: d.severity,
      message,
      resource: { type: SERVICE_RESOURCE_TYPE, id: `attest-serve.${d.domain}`, file: resourceFile, line: 0 },
      location: { file: first?.file ?? resourceFile, line: first?.line ?? 0, column: first?.column ?? 0 },
      evidence,
      references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [] },
      // Which requirements a service control is evidence for is the catalogs' to say (their
      // evidence.service), so a reviewer audits one file per framework, not this one.
      frameworks: frameworksForServiceControl(id),
    });
  };

  // --- authentication
  const issuerEv = loc.at('access', 'issuer', access.issuer ?? '(none)');
  if (access.dev) {
    add('ATTEST-SVC-AUTHN-001', 'fail', `development mode: tokens of the built-in issuer ${DEV_ISSUER} are accepted${access.issuer ? ` besides ${access.issuer}` : ''}; anyone who can run "attest dev-token" in the server's directory can mint any role`, [
      issuerEv,
      runtime('access.dev', 'true', 'attest serve --dev'),
    ]);
  } else {
    add('ATTEST-SVC-AUTHN-001', 'pass', `tokens are verified against the JWKS of ${access.issuer}`, [issuerEv]);
  }
  add('ATTEST-SVC-AUTHN-002', 'pass', `accepted algorithms: ${access.algorithms.join(', ')} (none, HS* and anything else are refused before verification)`, [
    loc.at('access', 'algorithms', access.algorithms.join(', ')),
  ]);
  const audEv = [loc.at('access', 'audience', access.audience.join(', ') || '(none)'), loc.at('access', 'clientIds', access.clientIds.join(', ') || '(none)'), loc.at('access', 'tokenUse', access.tokenUse)];
  if (access.tokenUse !== 'access') add('ATTEST-SVC-AUTHN-003', 'fail', `tokenUse is "${access.tokenUse}": id tokens are accepted by the API`, audEv);
  else if (access.issuer && access.audience.length + access.clientIds.length === 0) add('ATTEST-SVC-AUTHN-003', 'fail', 'no audience or client id restricts which tokens of the issuer are accepted', audEv);
  else add('ATTEST-SVC-AUTHN-003', 'pass', `access tokens only; audience ${access.audience.join(', ') || '(none)'}, client ids ${access.clientIds.join(', ') || '(none)'}${access.dev ? `; dev tokens: audience ${DEV_AUDIENCE}` : ''}`, audEv);
  const lifeEv = [loc.at('access', 'clockSkewSeconds', String(access.clockSkewSeconds)), loc.at('access', 'maxTokenLifetimeSeconds', String(access.maxTokenLifetimeSeconds))];
  add(
    'ATTEST-SVC-AUTHN-004',
    access.clockSkewSeconds <= 120 && access.maxTokenLifetimeSeconds <= DEFAULT_MAX_TOKEN_LIFETIME_SECONDS ? 'pass' : 'fail',
    `exp, nbf and sub are required; clock skew ${access.clockSkewSeconds} s; tokens valid for more than ${access.maxTokenLifetimeSeconds} s (exp − iat) are refused`,
    lifeEv,
  );

  // --- authorization
  const protectedRoutes = routes.filter((r) => !r.public);
  const publicRoutes = routes.filter((r) => r.public);
  const undeclared = routes.filter((r) => !r.public && !Array.isArray(r.scopes));
  add(
    'ATTEST-SVC-AUTHZ-001',
    undeclared.length ? 'fail' : 'pass',
    undeclared.length
      ? `${undeclared.length} route(s) without a scope declaration: ${undeclared.map((r) => `${r.method} ${r.url}`).join(', ')}`
      : `${routes.length} endpoints: ${protectedRoutes.length} require a token (${protectedRoutes.filter((r) => r.scopes!.length).length} with scopes), ${publicRoutes.length} public; routes without a declaration are refused at runtime`,
    [runtime('routes', `${routes.length} declared`, 'the same declarations are enforced by the access hook and published in the OpenAPI document')],
  );
  const dataPublic = publicRoutes.filter((r) => r.url.startsWith('/api/') && !['/api/auth/config', '/api/openapi.json'].includes(r.url) && !r.devOnly);
  add(
    'ATTEST-SVC-AUTHZ-002',
    dataPublic.length ? 'fail' : 'pass',
    dataPublic.length
      ? `public endpoints that may return data: ${dataPublic.map((r) => `${r.method} ${r.url}`).join(', ')}`
      : `public endpoints: ${publicRoutes.map((r) => `${r.method} ${r.url}`).join(', ')}${publicRoutes.some((r) => r.devOnly) ? ' (dev-only endpoints exist because development mode is on)' : ''}`,
    publicRoutes.map((r) => runtime(`${r.method} ${r.url}`, 'public', r.summary)),
  );
  const roleNames = Object.keys(access.roles);
  add(
    'ATTEST-SVC-AUTHZ-003',
    'pass',
    `${roleNames.length} roles over ${SCOPES.length} scopes; ${Object.keys(access.groupRoles).length} group mapping(s), ${Object.keys(access.clientRoles).length} client mapping(s); groups, scopes and roles not in the configuration grant nothing`,
    [loc.at('access', 'roles', roleNames.join(', ')), loc.at('access', 'groupRoles', short(access.groupRoles))],
  );

  // --- audit
  const spooled = inp.denials?.spooled ?? 0;
  const spoolEv = runtime('server.denialSpool', inp.denials ? `${spooled} waiting in ${inp.denials.path}` : '(none)', 'denials the ledger refused, kept on disk until it accepts them again');
  const unrecorded = inp.denials?.unrecorded ?? 0;
  if (spooled > 0 || unrecorded > 0) {
    const why = [
      ...(spooled > 0 ? [`${spooled} access denial(s) are not in the ledger yet: the ledger refused them, so they wait in the spool ${inp.denials!.path} and are re-appended (marked delayed, with their original time) as soon as it accepts writes again`] : []),
      ...(unrecorded > 0 ? [`${unrecorded} access denial(s) are counted in this process's memory only: neither the ledger nor the spool ${inp.denials!.path} took their summary; it is retried when the next window ends, and lost if the process stops first`] : []),
    ];
    add('ATTEST-SVC-AUDIT-001', 'fail', why.join('; '), [
      runtime('hooks.onRequest', 'access.denied', 'src/server/auth.ts'),
      spoolEv,
      ...(unrecorded > 0 ? [runtime('denials.unrecorded', String(unrecorded), 'denials in summaries held in memory, in neither the ledger nor the spool')] : []),
    ]);
  } else {
    add('ATTEST-SVC-AUDIT-001', 'pass', `the access hook appends access.denied (actor, route, method, missing scope, reason, ip) before a 401/403/429 is sent — the first ${config.server.denialRecording.individualPerKey} per class and client in each ${config.server.denialRecording.windowSeconds} s window; the rest are counted exactly into one access.denied.summary per class and client, written when the window ends and at shutdown; while the ledger refuses writes, denials are kept in a synced spool file and re-appended later, and a denial that can be recorded nowhere is answered 503`, [
      runtime('hooks.onRequest', 'access.denied', 'src/server/auth.ts'),
      spoolEv,
    ]);
  }
  const rl = config.server.rateLimit;
  const dr = config.server.denialRecording;
  const bucket = (b: typeof rl.perIp) => (b ? `${b.perSecond}/s, burst ${b.burst}` : 'off');
  const perWindow = dr.maxKeys * (dr.individualPerKey + 1) + 1;
  const totals = inp.denials?.totals;
  const limitEv = [
    loc.at('server', 'rateLimit.perIp', bucket(rl.perIp), 'per client address as trustProxy resolves it; /healthz and /readyz exempt'),
    loc.at('server', 'rateLimit.perPrincipal', bucket(rl.perPrincipal), 'per token issuer and subject, on authenticated routes'),
    loc.at('server', 'rateLimit.maxClients', String(rl.maxClients), 'buckets kept per table (least recently used dropped beyond it)'),
    loc.at('server', 'trustProxy', String(config.server.trustProxy), 'whose X-Forwarded-For gives the address the per-address limit counts'),
    loc.at('server', 'denialRecording', `${dr.individualPerKey} individual denials per key per ${dr.windowSeconds} s window, ${dr.maxKeys} keys, then counted summaries`),
    ...(totals ? [runtime('denials.totals', `${totals.denials} denials since start: ${totals.individual} recorded one by one, ${totals.summarised} counted in summaries (${totals.summaries} summary records written)`)] : []),
  ];
  const off = [rl.perIp ? undefined : 'per address', rl.perPrincipal ? undefined : 'per principal'].filter(Boolean);
  // Believing every peer's X-Forwarded-For, the per-address limit counts whatever address the client writes.
  const chosenAddress = rl.perIp !== false && config.server.trustProxy === true;
  add(
    'ATTEST-SVC-AUDIT-007',
    off.length || chosenAddress ? 'fail' : 'pass',
    `${off.length ? `rate limit ${off.join(' and ')} is off (server.rateLimit); ` : ''}${chosenAddress ? 'server.trustProxy is true, so every client chooses the address its per-address limit counts (X-Forwarded-For); trust only the proxies\' addresses or CIDRs; ' : ''}requests are limited per address (${bucket(rl.perIp)}) and per principal (${bucket(rl.perPrincipal)}), answered 429 with Retry-After beyond it; denials add at most ${perWindow} ledger records per ${dr.windowSeconds} s window (${dr.individualPerKey} one by one per class and client, then one exact summary per key, ${dr.maxKeys} keys, one overflow summary)`,
    limitEv,
  );
  const v = inp.verification;
  const verEv = [runtime('ledger.verification', v.report ? (v.report.ok ? 'ok' : 'FAILED') : v.error ? 'error' : 'not yet run', v.at ? `at ${v.at}` : undefined)];
  if (v.report?.ok) add('ATTEST-SVC-AUDIT-002', 'pass', `verified ${v.report.records} records (root ${v.report.root.slice(0, 16)}…, ${v.report.checkpointsChecked} checkpoints) at ${v.at}`, verEv);
  else if (v.report) add('ATTEST-SVC-AUDIT-002', 'fail', `verification failed at ${v.at}: first bad record ${v.report.firstBadSeq ?? '?'}: ${v.report.problems[0]?.message ?? ''}`, verEv);
  else add('ATTEST-SVC-AUDIT-002', 'unknown', v.error ? `verification could not run: ${v.error}` : 'the ledger has not been verified since the service started (verification runs in the background)', verEv);
  const every = config.ledger.checkpointEvery;
  add('ATTEST-SVC-AUDIT-003', every <= 10_000 ? 'pass' : 'fail', `a checkpoint is signed (Ed25519 key ${ledger.keys.signing().kid}) every ${every} records${config.ledger.checkpointSeconds ? ` or ${config.ledger.checkpointSeconds} s after new records` : ''} and on demand`, [loc.at('ledger', 'checkpointEvery', String(every))]);
  const active = ledger.keys.activeHmac();
  const ageDays = Math.floor((now.getTime() - Date.parse(active.created)) / 86_400_000);
  add('ATTEST-SVC-AUDIT-004', Number.isFinite(ageDays) && ageDays <= 365 ? 'pass' : Number.isFinite(ageDays) ? 'fail' : 'unknown', `active HMAC key ${active.kid} created ${active.created} (${Number.isFinite(ageDays) ? `${ageDays} days old` : 'age unknown'}); ${ledger.keys.hmacKeys().length} key(s) in the keyring`, [
    runtime('ledger.keys.active', active.kid, ledger.keys.description),
  ]);
  const period = config.ledger.signingKeyRotation ?? '30d';
  const periodDays = Math.round((durationSeconds(period) ?? 30 * 86_400) / 86_400);
  const signer = ledger.keys.signing();
  const signedSince = ledger.keys.signingCreated();
  const signAge = signedSince ? Math.floor((now.getTime() - Date.parse(signedSince)) / 86_400_000) : Number.NaN;
  add(
    'ATTEST-SVC-AUDIT-008',
    Number.isFinite(signAge) ? (signAge <= periodDays ? 'pass' : 'fail') : 'unknown',
    Number.isFinite(signAge)
      ? `checkpoint signing key ${signer.kid} created ${signedSince} (${signAge} days old; rotation due every ${periodDays} days${signAge > periodDays ? `: ${signAge - periodDays} days overdue` : ''}); ${ledger.keys.signingKeys().length - 1} retired key(s) kept for verification`
      : `checkpoint signing key ${signer.kid}: when it was created is not known to ${ledger.keys.description} (give signing.created), so its age cannot be told`,
    [loc.at('ledger', 'signingKeyRotation', period), runtime('ledger.keys.signing', signer.kid, ledger.keys.description)],
  );
  const db = describeDb(config.ledger.db);
  const dbEv = [loc.at('ledger', 'db', db.location, process.env['DATABASE_URL'] || process.env['ATTEST_LEDGER_DB'] ? 'from the environment (DATABASE_URL / ATTEST_LEDGER_DB)' : undefined)];
  if (db.backend === 'postgres') add('ATTEST-SVC-AUDIT-005', 'pass', 'PostgreSQL: triggers refuse UPDATE, DELETE and TRUNCATE of records, nodes and checkpoints', dbEv);
  else add('ATTEST-SVC-AUDIT-005', 'fail', 'embedded SQLite: triggers refuse UPDATE and DELETE, but anyone who can write the file can remove them (fine for evaluation, not for production)', dbEv);
  const retention = config.ledger.retention;
  const rs = inp.retention;
  const sched = rs?.schedule ?? retentionScheduleOf(config.ledger);
  const last = rs?.lastRun;
  const retEv = [
    loc.at('ledger', 'retention', short(retention)),
    loc.at('ledger', 'retentionSchedule.every', sched.every, sched.runner === 'external' ? 'runner external: a scheduled attest ledger retention run applies it' : 'applied by this service'),
    loc.at('ledger', 'retentionSchedule.archiveDir', sched.archiveDir ?? '(none)', `records older than ${sched.archiveOlderThan} move there`),
    runtime(
      'ledger.retention.lastRun',
      last ? `${last.at}: ${last.ok ? 'ok' : 'FAILED'}` : rs?.loaded ? 'never' : 'not read yet',
      last ? `record ${last.seq} (${RETENTION_ACTION}) by ${last.by}: ${last.message}` : undefined,
    ),
  ];
  const policy = Object.entries(retention).map(([k, d]) => `${k} ${d}`).join(', ');
  const days = (ms: number) => (ms % 86_400_000 === 0 ? `${ms / 86_400_000} d` : ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 60_000)} min`);
  const interval = rs?.intervalMs;
  if (!Object.keys(retention).length) add('ATTEST-SVC-AUDIT-006', 'fail', 'no retention policy (ledger.retention is empty): records are kept forever', retEv);
  else if (interval === undefined) add('ATTEST-SVC-AUDIT-006', 'fail', `retention policy ${policy}, but it is not applied on a schedule (ledger.retentionSchedule.every is "off"), so nothing shows that it is applied at all`, retEv);
  else if (!sched.archiveDir) add('ATTEST-SVC-AUDIT-006', 'fail', `retention policy ${policy}, but no archive directory is configured (ledger.retentionSchedule.archiveDir; none by default with PostgreSQL): records never leave the database, so no retention period elapses`, retEv);
  else if (rs?.unrecorded) add('ATTEST-SVC-AUDIT-006', 'fail', `the retention run at ${rs.unrecorded.at} failed: ${rs.unrecorded.message}`, retEv);
  else if (!rs?.loaded) add('ATTEST-SVC-AUDIT-006', 'unknown', `retention policy ${policy}, applied every ${days(interval)}; the service has not read the ledger's latest retention run yet`, retEv);
  else if (rs.readError) add('ATTEST-SVC-AUDIT-006', 'unknown', `retention policy ${policy}, applied every ${days(interval)}; the latest retention run cannot be read from the ledger: ${rs.readError}`, retEv);
  else if (last && !last.ok) add('ATTEST-SVC-AUDIT-006', 'fail', `the latest retention run, at ${last.at} (record ${last.seq}), ${last.message}`, retEv);
  else {
    const ref = last ? Date.parse(last.at) : Date.parse(rs.since);
    const late = now.getTime() - ref > 2 * interval;
    const next = rs.nextRunAt ? `; next run at ${rs.nextRunAt}` : '';
    if (late && last) add('ATTEST-SVC-AUDIT-006', 'fail', `retention last ran at ${last.at}, more than two intervals (2 × ${days(interval)}) ago${next}`, retEv);
    else if (late) add('ATTEST-SVC-AUDIT-006', 'fail', `retention has not run since ${rs.since}, more than two intervals (2 × ${days(interval)}) ago, and the ledger holds no earlier run`, retEv);
    else if (!last) add('ATTEST-SVC-AUDIT-006', 'unknown', `retention policy ${policy}, applied every ${days(interval)}, has not run yet${next}`, retEv);
    else add('ATTEST-SVC-AUDIT-006', 'pass', `retention policy ${policy}, applied every ${days(interval)} (records older than ${sched.archiveOlderThan} archived to ${sched.archiveDir}, archived records past their retention made tombstones); last ran at ${last.at}: ${last.message}${next}`, retEv);
  }

  // --- data protection
  add('ATTEST-SVC-DP-001', 'pass', `HMAC and signing keys come from the ${ledger.keys.description}, not from the database`, [loc.at('ledger', 'keys', ledger.keys.description)]);
  add('ATTEST-SVC-DP-002', 'pass', 'metadata keys such as password, token, secret, api_key, authorization and values that look like JWTs, bearer tokens, AWS keys, private keys or URLs with passwords are scrubbed; actor name, email, IP and user agent are held beside the chain behind salted commitments (erasable)', [
    runtime('ledger.scrub', 'on'),
  ]);
  if (db.backend === 'sqlite') add('ATTEST-SVC-DP-003', 'not_applicable', 'embedded SQLite: no network connection', dbEv);
  else if (db.tls === 'required') add('ATTEST-SVC-DP-003', 'pass', 'sslmode requires TLS', dbEv);
  else if (isLoopbackHost(new URL(config.ledger.db).hostname)) add('ATTEST-SVC-DP-003', 'not_applicable', 'the database is on the loopback interface', dbEv);
  else add('ATTEST-SVC-DP-003', 'fail', 'the database URL does not require TLS (sslmode)', dbEv);

  // --- facts
  const pool = cognitoPool(access.issuer);
  const endpoints = routes.map((r) => ({
    method: r.method,
    path: r.url,
    scopes: r.public ? [] : r.scopes,
    access: r.public ? 'public' : r.scopes.length ? r.scopes.join(' + ') : 'any authenticated principal',
    ...(r.public ? {} : r.unrestrictedOnly ? { restrictedPrincipals: 'refused' } : {}),
    summary: r.summary,
  }));
  const facts: SelfAssessment['facts'] = {
    authentication: {
      attestService: {
        mode: access.dev ? 'development' : 'production',
        issuer: access.issuer ?? null,
        ...(pool ? { cognitoUserPool: pool.userPoolId, region: pool.region } : {}),
        trustedIssuers: [...(access.issuer ? [access.issuer] : []), ...(access.dev ? [DEV_ISSUER] : [])],
        algorithms: access.algorithms,
        tokenUse: access.tokenUse,
        audience: access.audience,
        clientIds: access.clientIds,
        clockSkewSeconds: access.clockSkewSeconds,
        maxTokenLifetimeSeconds: access.maxTokenLifetimeSeconds,
        checks: ['signature (JWKS, refreshed on unknown kid)', 'alg allow-list', 'iss', 'aud / client_id', 'token_use', 'exp', 'nbf', 'sub', 'lifetime (exp − iat) ≤ maxTokenLifetimeSeconds'],
      },
    },
    authorization: {
      attestScopes: [...SCOPES],
      attestRoles: roleNames.map((n) => ({ role: n, scopes: access.roles[n]!.scopes.join(', '), ownRecordsOnly: access.roles[n]!.ownRecordsOnly === true, scopeCount: access.roles[n]!.scopes.length })),
      attestGroupMappings: Object.entries(access.groupRoles).map(([group, r]) => ({ group, roles: r.join(', ') || '(none)' })),
      attestClientMappings: Object.entries(access.clientRoles).map(([client, r]) => ({ client, roles: r.join(', ') })),
      attestEndpoints: endpoints,
      attestCounts: {
        scopes: SCOPES.length,
        roles: roleNames.length,
        groupMappings: Object.keys(access.groupRoles).length,
        clientMappings: Object.keys(access.clientRoles).length,
        endpoints: routes.length,
        publicEndpoints: publicRoutes.length,
        protectedEndpoints: protectedRoutes.length,
      },
    },
    audit: {
      attestLedger: {
        backend: db.backend,
        location: db.location,
        ledgerId: ledger.ledgerId,
        chain: 'HMAC-SHA256 over prev hash, nonce and the RFC 8785 canonical record',
        merkleTree: 'RFC 9162 (leaf 0x00, node 0x01)',
        checkpointEvery: every,
        checkpointKey: ledger.keys.signing().kid,
        hmacKeys: ledger.keys.hmacKeys().map((k) => ({ kid: k.kid, created: k.created, retired: k.retired ?? null, active: k.kid === active.kid })),
        retention,
        retentionSchedule: {
          every: sched.every,
          runner: sched.runner,
          archiveDir: sched.archiveDir ?? null,
          archiveOlderThan: sched.archiveOlderThan,
          lastRun: last ? { at: last.at, ok: last.ok, record: last.seq, by: last.by, message: last.message } : null,
          nextRunAt: rs?.nextRunAt ?? null,
        },
        latestVerification: v.report ? { ok: v.report.ok, records: v.report.records, at: v.at ?? null, firstBadSeq: v.report.firstBadSeq ?? null } : { ok: null, at: null, error: v.error ?? null },
      },
      attestAbuseLimits: {
        rateLimitPerIp: rl.perIp || 'off',
        rateLimitPerPrincipal: rl.perPrincipal || 'off',
        rateLimitMaxClients: rl.maxClients,
        rateLimitExempt: routes.filter((r) => r.unlimited).map((r) => `${r.method} ${r.url}`).join(', '),
        denialWindowSeconds: dr.windowSeconds,
        denialsRecordedIndividuallyPerKey: dr.individualPerKey,
        denialKeysPerWindow: dr.maxKeys,
        maxDenialRecordsPerWindow: perWindow,
        ...(totals ? { denialsSinceStart: { ...totals } } : {}),
      },
    },
    'data-protection': {
      attestDataProtection: {
        keysLocation: ledger.keys.description,
        scrubbedMetadataKeys: 'password, passwd, passphrase, pwd, secret, token, api_key, private_key, access_key, authorization, cookie, credential, signature, otp, pin',
        scrubbedValues: 'JWTs, Bearer/Basic credentials, AWS access key ids, PEM private keys, URLs with passwords',
        personalDataFields: 'actor.name, actor.email, actor.ip, actor.user_agent, user target names (outside the chain, erasable)',
        databaseTls: db.tls,
      },
    },
  };
  return { controls: SERVICE_CONTROLS, findings, facts };
}
