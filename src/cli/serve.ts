/** `attest serve` and `attest dev-token`. */
import { one, parseArgs, UsageError } from './args.js';
import { ConfigError, loadConfig } from '../config.js';
import { AccessConfigError, validateAccessConfig } from '../access/scopes.js';
import { DevIssuer, DevIssuerError } from '../access/dev-issuer.js';
import { KeyError } from '../ledger/keys.js';
import { closeOnSignals, startServer } from '../server/serve.js';

export const SERVE_HELP = `Usage: attest serve [--config FILE] [--host H] [--port N] [--dev]

Runs the Attest HTTP service: the compliance report (GET /api/security/compliance-report),
scans pushed from CI, the audit ledger API, compliance readiness (framework checklists,
evidence files, attestations and the exceptions register under /api/compliance/), signed
framework reports and evidence bundles as background jobs (POST /api/compliance/reports and
/api/compliance/bundles, then GET .../{id} and .../{id}/download; server.jobs), subject
access and erasure (POST /api/privacy/subject-access and /api/privacy/erasures), and the
ledger's retention policy on a schedule (ledger.retentionSchedule). Every endpoint requires
an OIDC/JWT access token with the scopes it declares (GET /api/openapi.json lists them);
every refusal is recorded in the ledger as access.denied. Logs are JSON lines on stdout.

Options:
      --config FILE   config file (default: $ATTEST_CONFIG, else ./attest.config.json when present)
      --host H        listen address (default: config server.host, $ATTEST_HOST, else 127.0.0.1)
      --port N        port (default: config server.port, $PORT / $ATTEST_PORT, else 8080; 0 = any)
      --dev           development mode: also trust the built-in dev issuer (tokens from
                      'attest dev-token' or the form at /dev/login); loopback only. Never in production.
  -h, --help          this help

Without --dev the service refuses to start unless a token issuer is configured
(access.issuer with access.audience or access.clientIds): no configuration never means access.

Access denials are recorded in the ledger as access.denied. When the ledger refuses the
write, the denial is kept in a spool file (server.denialSpool, mode 0600, synced to disk) and
re-appended — marked delayed, with its original time — as soon as the ledger accepts writes
again (retried with back-off, and at start-up); the client still gets its 401/403, and
/readyz answers 200 {"status":"degraded","spooledDenials":N} meanwhile. Only when the spool
cannot be written either does the client get 503: no refusal goes unrecorded.

Rate limits (token buckets): per client address on every route but /healthz and /readyz
(server.rateLimit.perIp, default 50 requests/s, bursts of 200; the address is the one
trustProxy resolves, so set trustProxy behind a load balancer), and per principal on
authenticated routes (perPrincipal, default 50/s, bursts of 200). Beyond a limit: 429 with
Retry-After and {"error":"rate_limited","limit":"ip"|"principal","retryAfterSeconds":N}. false
turns a limit off; maxClients (10000) caps each table (least recently used dropped).
A 429 is a denial too. Per class (401, 403, 429, 503) and client (principal, else address),
the first server.denialRecording.individualPerKey (10) denials of each windowSeconds (60)
window are access.denied records; the rest are counted and written when the window ends (and
at shutdown) as one access.denied.summary with the exact count; beyond maxKeys (1000) keys, one
overflow summary. A window adds at most maxKeys x (individualPerKey + 1) + 1 records.

Configuration file (JSON; every key optional):
  {
    "server": { "host": "0.0.0.0", "port": 8080, "targets": ["deploy/"], "trustProxy": "10.40.0.0/16",
                "publicClientId": "<Cognito app client id>", "authDomain": "auth.example.com",
                "logLevel": "info", "bodyLimit": 1048576,
                "requestTimeoutSeconds": 30, "headersTimeoutSeconds": 15,
                "keepAliveTimeoutSeconds": 72, "connectionTimeoutSeconds": 120,
                "hsts": "max-age=31536000; includeSubDomains",
                "denialSpool": ".attest/denials.spool.ndjson",
                "rateLimit": { "perIp": { "perSecond": 50, "burst": 200 },
                               "perPrincipal": { "perSecond": 50, "burst": 200 }, "maxClients": 10000 },
                "denialRecording": { "windowSeconds": 60, "individualPerKey": 10, "maxKeys": 1000 },
                "jobs": { "concurrency": 1, "maxQueued": 20, "ttlHours": 24 } },
    "access": { "issuer": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC",
                "clientIds": ["<app client id>"], "audience": [], "scopePrefix": "attest/",
                "maxTokenLifetimeSeconds": 86400,
                "groupRoles": { "attest-admins": "admin", "attest-auditors": "auditor" },
                "clientRoles": { "<m2m client id>": "agent" },
                "tenantBindings": { "group:acme-ops": ["acme"] },
                "roles": { "<name>": { "scopes": ["compliance:read"] } } },
    "ledger": { "db": ".attest/ledger.db", "keys": ".attest/keys", "checkpointEvery": 1000, "checkpointSeconds": 60, "synchronous": "full",
                "retention": { "auth": "1y", "access": "1y", "*": "7y" },
                "retentionSchedule": { "every": "1d", "runner": "service", "archiveDir": ".attest/archive",
                                       "archiveOlderThan": "1y" } },
    "compliance": { "exceptionMaxDays": 365, "evidenceMaxBytes": 26214400 }
  }
  server.targets default to examples/ and deploy/ (those that exist in the working directory).
  server.trustProxy: the load balancer's addresses or CIDRs (behind an ALB, the VPC CIDR): only
    from them are X-Forwarded-For (the client address recorded) and X-Forwarded-Proto believed.
    true believes every peer, so a client could choose the address recorded for it. Default false.
  server.requestTimeoutSeconds (30): a request's headers and body must arrive within it, else 408
    and the connection is closed; headersTimeoutSeconds (15) for the headers alone;
    keepAliveTimeoutSeconds (72, above the ALB's 60 s idle timeout) for an idle keep-alive
    connection; connectionTimeoutSeconds (120) for a connection with no traffic at all.
  server.bodyLimit: largest request body in bytes (default 1 MiB; 413 above it).
  server.hsts: the Strict-Transport-Security header, sent only on requests that came over TLS
    (the service listens on plain HTTP, so: X-Forwarded-Proto https from a trusted proxy), never
    to a plain-HTTP client; false: never.
  server.denialSpool: where refused denials wait (default: beside the SQLite ledger, or
    .attest/denials.spool.ndjson with PostgreSQL). One server process per file.
  ledger.retentionSchedule: the retention policy applied by the service. Every "every" (default
    1d whenever ledger.retention has an entry; "off" turns it off), records older than
    archiveOlderThan (default: the shortest retention period) move from the database to a new
    archive file in archiveDir (default: "archive" beside a SQLite ledger; none with
    PostgreSQL: give durable storage shared by every instance), then archived records past
    their retention become tombstones. Each run is recorded as ledger.retention.run with its
    outcome; the first run comes 5 minutes after start, the next one an interval after the
    latest recorded run (by any instance, or by attest ledger retention run). runner
    "external": the service runs nothing and only checks the ledger — for PostgreSQL, where
    archiving runs as the schema owner (attest ledger retention run --db postgres://OWNER@…
    on a schedule). The self-assessment (ATTEST-SVC-AUDIT-006) says when retention last ran
    and fails when the latest run failed or none ran for more than two intervals.
  compliance.exceptionMaxDays (365): the latest expiry an exception may be requested with, in
    days from the request; compliance.evidenceMaxBytes (25 MiB): the largest evidence file
    POST /api/compliance/evidence-files accepts (413 above it).
  access.maxTokenLifetimeSeconds (86400 = 1 day, Cognito's longest access token; 60 to 2592000):
    a token valid for longer (exp − iat, or what is left of it, exp − now) gets 401 lifetime_too_long.

Environment variables (they override the file):
  ATTEST_CONFIG          config file path
  DATABASE_URL           postgres://user@host:5432/db[?schema=attest&sslmode=verify-full]: ledger
                         (and stored scans) in PostgreSQL instead of the SQLite file
  ATTEST_LEDGER_DB       SQLite path or postgres:// URL (wins over DATABASE_URL)
  ATTEST_LEDGER_SYNCHRONOUS  full (default: every acknowledged record synced to disk) or normal (SQLite)
  ATTEST_LEDGER_KEYS_DIR ledger key directory; ATTEST_LEDGER_KEYS (JSON) supplies keys from the
                         environment instead (see 'attest ledger --help')
  ATTEST_HOST, PORT, ATTEST_PORT            listen address and port
  ATTEST_TARGETS         comma-separated files/directories for the compliance report
  ATTEST_ISSUER, ATTEST_JWKS_URL            OIDC issuer URL and (optional) JWKS URL
  ATTEST_AUDIENCE, ATTEST_CLIENT_IDS        comma-separated accepted aud values / client ids
  ATTEST_SCOPE_PREFIX    prefix of Attest scopes in tokens (e.g. a Cognito resource server "attest/")
                         (ATTEST_OIDC_ISSUER, ATTEST_OIDC_CLIENT_IDS, ... are accepted as aliases)
  ATTEST_TRUST_PROXY     proxy addresses/CIDRs whose X-Forwarded-* are believed (e.g. the VPC
                         CIDR behind an ALB), or true / false
  ATTEST_DENIAL_SPOOL    spool file of denials the ledger refused (server.denialSpool)
  ATTEST_LEDGER_ARCHIVE_DIR, ATTEST_RETENTION_EVERY, ATTEST_RETENTION_RUNNER
                         ledger.retentionSchedule.archiveDir, .every and .runner
  ATTEST_LOG_LEVEL       fatal|error|warn|info|debug|trace|silent
  ATTEST_DEV_ALLOW_REMOTE=1                 let --dev listen on a non-loopback address

Signals: SIGTERM/SIGINT stop accepting connections, finish in-flight requests (acknowledged
audit events are committed), close the ledger and exit 0; a second signal exits at once.

Examples:
  attest serve --dev
  TOKEN=$(attest dev-token --user alice --role auditor)
  curl -H "Authorization: Bearer $TOKEN" localhost:8080/api/security/compliance-report?format=markdown
  DATABASE_URL=postgres://attest@db/attest attest serve --config attest.config.json --host 0.0.0.0
`;

export const DEV_TOKEN_HELP = `Usage: attest dev-token --user NAME --role ROLE [--tenant T] [--ttl SECONDS] [--config FILE]

Prints an access token of the built-in development issuer (kept in .attest/dev-issuer, or
access.devIssuerDir), usable against 'attest serve --dev' started from the same working
directory. Roles: admin, security-officer, auditor, approver, agent, viewer, plus any in the config's
access.roles. DEVELOPMENT ONLY: a server without --dev refuses these tokens.

Options:
      --user NAME      dev user name (the token's subject is dev:NAME)
      --role ROLE      role name (repeatable)
      --tenant T       bind the token to tenant T (repeatable)
      --ttl SECONDS    lifetime (default 28800 = 8 h; at most access.maxTokenLifetimeSeconds,
                       default 86400, which the server enforces)
      --config FILE    config file (for access.roles and access.devIssuerDir)
  -h, --help           this help

Example:
  curl -H "Authorization: Bearer $(attest dev-token --user alice --role auditor)" localhost:8080/api/me
`;

export async function runServe(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { config: true, host: true, port: true, dev: false, help: false }, { h: 'help' });
  if (a.flags.has('help')) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  if (a.positional.length) throw new UsageError(`attest serve takes no arguments; got ${JSON.stringify(a.positional[0])}`);
  const portArg = one(a, 'port');
  if (portArg !== undefined && (!/^\d+$/.test(portArg) || Number(portArg) > 65535)) throw new UsageError(`--port must be a port number; got ${JSON.stringify(portArg)}`);
  let config;
  try {
    config = loadConfig(one(a, 'config'));
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  const host = one(a, 'host');
  try {
    const server = await startServer({
      config,
      dev: a.flags.has('dev'),
      ...(host ? { host } : {}),
      ...(portArg !== undefined ? { port: Number(portArg) } : {}),
    });
    closeOnSignals(server);
    await new Promise<never>(() => undefined); // runs until a signal exits the process
    return 0;
  } catch (e) {
    if (e instanceof AccessConfigError || e instanceof KeyError || e instanceof DevIssuerError) {
      process.stderr.write(`attest serve: ${e.message}\n`);
      if (e instanceof AccessConfigError) process.stderr.write(`Configure an issuer in the "access" section (or ATTEST_ISSUER), or run 'attest serve --dev' for development. See 'attest serve --help'.\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE' || err.code === 'EACCES' || err.code === 'EADDRNOTAVAIL') {
      process.stderr.write(`attest serve: cannot listen: ${err.message}\n`);
      return 1;
    }
    if (err instanceof Error && /development mode listens on loopback only/.test(err.message)) {
      process.stderr.write(`attest serve: ${err.message}\n`);
      return 2;
    }
    throw e;
  }
}

export async function runDevToken(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { user: true, role: true, tenant: true, ttl: true, config: true, help: false }, { h: 'help' });
  if (a.flags.has('help')) {
    process.stdout.write(DEV_TOKEN_HELP);
    return 0;
  }
  const user = one(a, 'user');
  const roles = a.flags.get('role') ?? [];
  if (!user) throw new UsageError('--user NAME is required');
  if (roles.length === 0) throw new UsageError('--role ROLE is required (admin, security-officer, auditor, approver, agent, viewer, ...)');
  const ttl = one(a, 'ttl');
  if (ttl !== undefined && !/^\d+$/.test(ttl)) throw new UsageError('--ttl must be a number of seconds');
  let access;
  try {
    const config = loadConfig(one(a, 'config'));
    access = validateAccessConfig({ ...config.access, dev: true }, { where: 'access configuration' });
  } catch (e) {
    if (e instanceof ConfigError || e instanceof AccessConfigError) throw new UsageError(e.message);
    throw e;
  }
  if (ttl !== undefined && Number(ttl) > access.maxTokenLifetimeSeconds) {
    throw new UsageError(`--ttl ${ttl} is longer than the server accepts (access.maxTokenLifetimeSeconds: ${access.maxTokenLifetimeSeconds})`);
  }
  try {
    const dev = DevIssuer.open(access.devIssuerDir);
    const tenants = a.flags.get('tenant');
    const token = await dev.mint({ user, role: roles, roles: access.roles, ...(tenants ? { tenant: tenants } : {}), ...(ttl ? { ttlSeconds: Number(ttl) } : {}) });
    process.stdout.write(`${token}\n`);
    if (process.stderr.isTTY) process.stderr.write(`attest: DEVELOPMENT token for dev:${user} (${roles.join(', ')}); accepted only by 'attest serve --dev' in this directory\n`);
    return 0;
  } catch (e) {
    if (e instanceof DevIssuerError) throw new UsageError(e.message);
    throw e;
  }
}
