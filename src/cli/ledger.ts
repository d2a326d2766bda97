/** `attest ledger …`: the audit trail from the command line. */
import { createReadStream, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { many, one, parseArgs, UsageError, type ParsedArgs } from './args.js';
import { ConfigError, durationSeconds, loadConfig, retentionScheduleOf, type RetentionScheduleConfig } from '../config.js';
import { runRetention } from '../ledger/retention-run.js';
import { openLedger } from '../ledger/open.js';
import { DirectoryKeyProvider, KeyError } from '../ledger/keys.js';
import {
  checkCheckpointFile,
  LedgerIntegrityError,
  verifyConsistencyProof,
  verifyInclusionProof,
  type ConsistencyProof,
  type InclusionProof,
  type Ledger,
  type QueryFilters,
  type SignedCheckpoint,
  type VerifyReport,
} from '../ledger/ledger.js';
import { ArchiveFormatError, parsePolicies } from '../ledger/archive.js';
import { exportBundle, exportRecords, type ExportFormat } from '../ledger/export.js';
import { LedgerValidationError, METADATA_LIMITS, parseDuration, parseTime, formatMicros, nowMicros, validateEvent, ACTOR_TYPES, type ActorType } from '../ledger/record.js';

export const LEDGER_HELP = `Usage: attest ledger <command> [options]

The tamper-evident audit trail. Every record is chained with HMAC-SHA256 (keys outside the
database), hashed into an RFC 9162 Merkle tree, and covered by Ed25519-signed checkpoints.

Commands:
  append [FILE|-]          append NDJSON records (one JSON object per line) from FILE or stdin
  query                    list records, newest first (filters below)
  export                   export records as CSV, JSON or NDJSON (default: the last 30 days)
  verify                   recompute the chain and the Merkle tree; exit 1 if anything was tampered with
  checkpoint               sign a checkpoint of the current tree; --out FILE to hand it to an auditor
  proof SEQ                inclusion proof of record SEQ against the latest checkpoint
  verify-proof FILE        check an inclusion proof offline (needs only the public key)
  consistency FROM [TO]    consistency proof between two checkpoints: the tree at FROM (a size
                           or a checkpoint FILE you kept) is a prefix of the tree at TO (a size;
                           default: a checkpoint signed now)
  verify-consistency FILE  check a consistency proof offline (needs only the public key)
  keys init|rotate|list    create the key directory; rotate the HMAC key (or, with --signing,
                           the checkpoint signing key), recorded in the ledger; list the keys
  erase-subject SUBJECT    GDPR erasure of a subject's personal data (the chain still verifies)
  subject-access SUBJECT   every record of a subject, with its personal data (NDJSON)
  archive --out FILE       move the oldest records out of the database into an archive file
  retention show|apply|run print the retention policy; apply it to archive files; run it all
                           (archive old records, then apply) and record the run

Common options:
      --db PATH|URL        SQLite file or postgres://user@host/db (default: config ledger.db,
                           $ATTEST_LEDGER_DB, $DATABASE_URL, else .attest/ledger.db)
      --keys DIR           key directory (default: config ledger.keys, else .attest/keys);
                           $ATTEST_LEDGER_KEYS (JSON) supplies keys from the environment instead
      --config FILE        config file (default ./attest.config.json when present)
  -h, --help               this help

append:     --batch N (stdin: records are committed in batches of N, default 1000, and each
            committed batch is acknowledged on stdout as {"acked":SEQ}); a file is validated
            completely before anything is written. metadata: at most ${METADATA_LIMITS.bytes / 1024} KiB, ${METADATA_LIMITS.depth} levels deep,
            ${METADATA_LIMITS.members} members (keys and array elements) and ${METADATA_LIMITS.keyLength}-character keys. The key
            directory is created only for a ledger without records; a ledger with records
            and keys that did not chain it is refused (exit 2)
query:      --actor ID --action PREFIX --target-type T --target-id ID --outcome O --tenant T
            --from TIME --to TIME --since 30d --order desc|asc --limit N (≤1000, default 100)
            --cursor C --format table|json|ndjson
export:     the query filters, plus --format csv|json|ndjson (default csv) --out FILE
            --all (no time limit) --include-personal --bundle DIR (records + checkpoint.json +
            public-key.pem + manifest.json + VERIFY.md)
verify:     --checkpoint FILE (a checkpoint exported earlier: detects a truncated tail) --json
            --archive FILE (repeatable: also verify archive files, each on its own and joined
            to the next and to the database; a missing archive between two is reported)
checkpoint: --out FILE
proof:      --out FILE --archive FILE (prove an archived record from its archive file);
            verify-proof: --public-key PEMFILE (pin the key you trust)
consistency: --out FILE; verify-consistency: --public-key PEMFILE (repeatable: after a signing
            key rotation, pin the old and the new key), --checkpoint FILE (the earlier
            checkpoint you hold: the proof must start from it)
keys rotate: [--signing] --by ACTOR_ID (default: your OS user) [--by-type user|service|system]
            [--reason TEXT]; needs the ledger (--db) the keys belong to
erase-subject: --by ACTOR_ID [--by-type user|service|system] [--ticket ID]
            --archive FILE (repeatable: erase the subject's personal data in archives too)
archive:    --out FILE (required; never overwritten) and either --before TIME or
            --older-than DURATION (default 365d): moves the records older than that (after
            the previous archive) to FILE as NDJSON with a signed checkpoint of its end, then
            deletes them from the database. The database's chain continues from the archive,
            so "verify" still passes; "verify --archive FILE" checks the archive too.
retention:  show: the policy per action category (config ledger.retention; the category is
            the first segment of the action, "*" for the rest; default auth 1y, access 1y,
            * 7y). apply --archive FILE (repeatable) [--now TIME]: records in the archive
            whose retention has elapsed become tombstones (chain hash and Merkle leaf only),
            so the archive still verifies and reports them as expired.
            run [--archive-dir DIR] [--now TIME] [--by ACTOR_ID] [--json]: what attest serve
            does on its schedule (config ledger.retentionSchedule): moves the records older
            than archiveOlderThan (default: the shortest retention period) into a new archive
            file in archiveDir (default: beside a SQLite ledger; required with PostgreSQL),
            applies the policy to every archive file there, and appends a ledger.retention.run
            record with the outcome, which the service's self-assessment reads. On PostgreSQL
            it must run as the schema owner (--db postgres://OWNER@…): schedule it (cron, a
            scheduled task) and set ledger.retentionSchedule.runner to "external". Exit 1
            when the run failed (its record says why).

Exit codes: 0 ok; 1 verification failed (or a tampered proof); 2 usage error or invalid input
(nothing is written).

Examples:
  attest ledger append events.ndjson
  attest ledger query --actor alice --action auth --since 7d
  attest ledger checkpoint --out checkpoint-2026-11.json
  attest ledger verify --checkpoint checkpoint-2026-11.json
  attest ledger export --format csv --out audit.csv --bundle audit-bundle/
  attest ledger archive --older-than 90d --out archive-0001.ndjson
  attest ledger verify --archive archive-0001.ndjson
  attest ledger retention apply --archive archive-0001.ndjson
  attest ledger retention run --archive-dir /mnt/attest-archive
`;

export const COMMON = { db: true, keys: true, config: true, help: false } as const;

function settings(a: ParsedArgs): { db: string; keysDir: string; checkpointEvery: number; checkpointSeconds: number | undefined; synchronous: 'full' | 'normal'; retention: Record<string, string>; schedule: RetentionScheduleConfig } {
  try {
    const cfg = loadConfig(one(a, 'config'));
    const db = one(a, 'db') ?? cfg.ledger.db;
    return { db, keysDir: one(a, 'keys') ?? cfg.ledger.keys, checkpointEvery: cfg.ledger.checkpointEvery, checkpointSeconds: cfg.ledger.checkpointSeconds, synchronous: cfg.ledger.synchronous, retention: cfg.ledger.retention, schedule: retentionScheduleOf({ ...cfg.ledger, db }) };
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

export async function withLedger<T>(a: ParsedArgs, create: boolean, fn: (l: Ledger) => Promise<T>): Promise<T> {
  const s = settings(a);
  let ledger: Ledger;
  try {
    ledger = await openLedger({ db: s.db, keysDir: s.keysDir, createKeys: create, checkpointEvery: s.checkpointEvery, synchronous: s.synchronous, ...(s.checkpointSeconds !== undefined ? { checkpointSeconds: s.checkpointSeconds } : {}) });
  } catch (e) {
    if (e instanceof KeyError) throw new UsageError(e.message);
    const msg = (e as Error).message;
    throw new UsageError(`cannot open the ledger at ${s.db.replace(/:[^:@/]*@/, ':***@')}: ${msg}`);
  }
  try {
    return await fn(ledger);
  } catch (e) {
    if (e instanceof LedgerValidationError || e instanceof ArchiveFormatError) throw new UsageError(e.message);
    if (e instanceof LedgerIntegrityError) {
      process.stderr.write(`attest: ${e.message}\n`);
      return 1 as T;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${(e as NodeJS.ErrnoException).path ?? 'file'}: no such file`);
    throw e;
  } finally {
    await ledger.close();
  }
}

function filters(a: ParsedArgs, defaultSince?: string): QueryFilters {
  const f: QueryFilters = {};
  const actor = one(a, 'actor');
  const action = one(a, 'action');
  const tt = one(a, 'target-type');
  const tid = one(a, 'target-id');
  const outcome = one(a, 'outcome');
  const tenants = many(a, 'tenant');
  if (actor) f.actor = actor;
  if (action) f.action = action;
  if (tt) f.targetType = tt;
  if (tid) f.targetId = tid;
  if (outcome) f.outcome = outcome;
  if (tenants.length) f.tenants = tenants;
  try {
    const from = one(a, 'from');
    const to = one(a, 'to');
    const since = one(a, 'since') ?? (from || a.flags.has('all') ? undefined : defaultSince);
    if (from) f.from = parseTime(from, '--from');
    else if (since) f.from = formatMicros(nowMicros() - BigInt(parseDuration(since, '--since')) * 1000n);
    if (to) f.to = parseTime(to, '--to');
  } catch (e) {
    if (e instanceof LedgerValidationError) throw new UsageError(e.message);
    throw e;
  }
  return f;
}

function intFlag(a: ParsedArgs, name: string, dflt: number, min: number, max: number): number {
  const v = one(a, name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}; got ${JSON.stringify(v)}`);
  return n;
}

function readJsonFile<T>(path: string, what: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new UsageError(`${path}: cannot read ${what}: ${(e as Error).message}`);
  }
}

async function cmdAppend(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, batch: true }, { h: 'help' });
  const src = a.positional[0] ?? '-';
  const batch = intFlag(a, 'batch', 1000, 1, 5000);
  return withLedger(a, true, async (ledger) => {
    const name = src === '-' ? 'stdin' : src;
    const input = src === '-' ? process.stdin : createReadStream(src);
    const lines = createInterface({ input, crlfDelay: Infinity });
    const parseLine = (text: string, lineNo: number): unknown => {
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new UsageError(`${name}:${lineNo}: not valid JSON: ${(e as Error).message}`);
      }
    };
    const check = (ev: unknown, lineNo: number) => {
      try {
        validateEvent(ev);
      } catch (e) {
        if (e instanceof LedgerValidationError) throw new UsageError(`${name}:${lineNo}: ${e.message}`);
        throw e;
      }
    };
    // A file is read and validated whole first, so a bad line means nothing is written; stdin
    // is appended in batches as it streams, each acknowledged on stdout.
    const streaming = src === '-';
    let total = 0;
    let first = 0;
    let last = 0;
    let pending: unknown[] = [];
    let lineNo = 0;
    const flush = async () => {
      if (!pending.length) return;
      const r = await ledger.append(pending);
      if (!first) first = r.first;
      last = r.last;
      total += pending.length;
      pending = [];
      if (streaming) process.stdout.write(`{"acked":${r.last}}\n`);
    };
    try {
      for await (const line of lines) {
        lineNo++;
        if (!line.trim()) continue;
        const ev = parseLine(line, lineNo);
        check(ev, lineNo);
        pending.push(ev);
        if (streaming && pending.length >= batch) await flush();
      }
      await flush();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${src}: no such file`);
      if (e instanceof UsageError && total > 0) {
        throw new UsageError(`${e.message}\n(records before that batch were committed: seq ${first}..${last}; that batch was not written)`);
      }
      throw e;
    }
    process.stderr.write(total ? `appended ${total} record${total === 1 ? '' : 's'} (seq ${first}..${last}) to ${ledger.store.location}\n` : 'nothing to append\n');
    return 0;
  });
}

function tableRow(r: { seq: number; ts: string; actor: { id: string }; action: string; target?: { type: string; id?: string }; outcome: string; tenant?: string }): string {
  const target = r.target ? `${r.target.type}${r.target.id ? `:${r.target.id}` : ''}` : '';
  return [String(r.seq).padStart(8), r.ts, r.actor.id.padEnd(16), r.action.padEnd(24), r.outcome.padEnd(8), target.padEnd(20), r.tenant ?? ''].join('  ');
}

async function cmdQuery(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, actor: true, action: true, 'target-type': true, 'target-id': true, outcome: true, tenant: true, from: true, to: true, since: true, order: true, limit: true, cursor: true, format: true }, { h: 'help' });
  const order = one(a, 'order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw new UsageError('--order must be asc or desc');
  const format = one(a, 'format') ?? 'table';
  if (!['table', 'json', 'ndjson'].includes(format)) throw new UsageError('--format must be table, json or ndjson');
  const f = { ...filters(a), order, limit: intFlag(a, 'limit', 100, 1, 1000) } as QueryFilters;
  const cursor = one(a, 'cursor');
  if (cursor) f.cursor = cursor;
  return withLedger(a, false, async (ledger) => {
    let page;
    try {
      page = await ledger.query(f);
    } catch (e) {
      if (e instanceof LedgerValidationError) throw new UsageError(e.message);
      throw e;
    }
    if (format === 'json') process.stdout.write(JSON.stringify(page, null, 2) + '\n');
    else if (format === 'ndjson') process.stdout.write(page.records.map((r) => JSON.stringify(r) + '\n').join(''));
    else {
      process.stdout.write(`${'seq'.padStart(8)}  ${'time (UTC)'.padEnd(27)}  ${'actor'.padEnd(16)}  ${'action'.padEnd(24)}  ${'outcome'.padEnd(8)}  ${'target'.padEnd(20)}  tenant\n`);
      for (const r of page.records) process.stdout.write(tableRow(r) + '\n');
      process.stdout.write(page.records.length ? '' : '(no records match)\n');
      if (page.nextCursor) process.stderr.write(`more: --cursor ${page.nextCursor}\n`);
    }
    return 0;
  });
}

async function cmdExport(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, actor: true, action: true, 'target-type': true, 'target-id': true, outcome: true, tenant: true, from: true, to: true, since: true, all: false, format: true, out: true, bundle: true, 'include-personal': false }, { h: 'help', o: 'out', f: 'format' });
  const format = (one(a, 'format') ?? 'csv') as ExportFormat;
  if (!['csv', 'json', 'ndjson'].includes(format)) throw new UsageError('--format must be csv, json or ndjson');
  const f = filters(a, '30d');
  const includePersonal = a.flags.has('include-personal');
  return withLedger(a, false, async (ledger) => {
    const bundle = one(a, 'bundle');
    if (bundle) {
      const r = await exportBundle(ledger, bundle, { format, filters: f, includePersonal });
      process.stderr.write(`exported ${r.records} records to ${bundle}/ (${r.files.join(', ')}); checkpoint at ${r.checkpoint.size} records\n`);
      return 0;
    }
    const out = one(a, 'out');
    const stream = out ? createWriteStream(out) : process.stdout;
    const n = await exportRecords(ledger, stream, { format, filters: f, includePersonal });
    if (out) {
      (stream as NodeJS.WritableStream).end();
      await once(stream, 'finish');
    }
    process.stderr.write(`exported ${n} records${f.from ? ` since ${f.from}` : ''}${out ? ` to ${out}` : ''}\n`);
    return 0;
  });
}

function printVerify(v: VerifyReport): void {
  const lines = [
    `ledger ${v.origin}`,
    `records: ${v.records}, root ${v.root}`,
    v.against ? `checked against: ${v.against.source === 'file' ? 'checkpoint file' : 'latest stored checkpoint'} (${v.against.size} records, ${v.against.time})` : 'checked against: no checkpoint yet (run "attest ledger checkpoint")',
    `checkpoints matched: ${v.checkpointsChecked}; keys: ${v.keys.join(', ') || '(none)'}`,
    ...(v.archivedUpto ? [`archived: records 1..${v.archivedUpto}; the database's chain starts at ${v.archivedUpto + 1}${v.archives ? '' : ' (pass --archive FILE to check the archives too)'}`] : []),
    ...(v.archives ?? []).map(
      (a) =>
        `archive ${a.file}: records ${a.from}..${a.to}, ${a.records} checked, ${a.expired} expired${a.unchangedSinceArchived === false ? ' (rewritten since it was archived: retention or erasure)' : ''}: ${a.ok ? 'ok' : 'FAILED'}`,
    ),
    `personal data: ${v.personalData.present} present and matching, ${v.personalData.erased} erased${v.expired ? `; ${v.expired} archived records expired (retention)` : ''}`,
    `time: ${v.seconds}s (${v.recordsPerSecond} records/s)`,
  ];
  if (v.ok) lines.push('VERIFIED: chain, Merkle tree and checkpoints are intact');
  else {
    lines.push(`FAILED at seq ${v.firstBadSeq}:`);
    for (const p of v.problems) lines.push(`  seq ${p.seq} [${p.kind}] ${p.message}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

async function cmdVerify(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, checkpoint: true, json: false, archive: true }, { h: 'help' });
  const file = one(a, 'checkpoint');
  const checkpoint = file ? readJsonFile<SignedCheckpoint>(file, 'the checkpoint') : undefined;
  const archives = many(a, 'archive');
  return withLedger(a, false, async (ledger) => {
    const v = await ledger.verify({ ...(checkpoint ? { checkpoint } : {}), ...(archives.length ? { archives } : {}) });
    if (a.flags.has('json')) process.stdout.write(JSON.stringify(v, null, 2) + '\n');
    else printVerify(v);
    return v.ok ? 0 : 1;
  });
}

async function cmdCheckpoint(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, out: true }, { h: 'help', o: 'out' });
  return withLedger(a, false, async (ledger) => {
    const cp = await ledger.checkpoint();
    const text = JSON.stringify(cp, null, 2) + '\n';
    const out = one(a, 'out');
    if (out) {
      writeFileSync(out, text);
      process.stderr.write(`checkpoint of ${cp.size} records (root ${cp.root.slice(0, 16)}…) written to ${out}\n`);
    } else process.stdout.write(text);
    return 0;
  });
}

async function cmdProof(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, out: true, size: true, archive: true }, { h: 'help', o: 'out' });
  const seq = Number(a.positional[0]);
  if (!Number.isInteger(seq) || seq < 1) throw new UsageError('proof needs a record sequence number, e.g. attest ledger proof 42');
  return withLedger(a, false, async (ledger) => {
    let p: InclusionProof;
    try {
      const size = one(a, 'size');
      const archive = one(a, 'archive');
      p = archive ? await ledger.archiveInclusionProof(archive, seq) : await ledger.inclusionProof(seq, size ? Number(size) : undefined);
    } catch (e) {
      if (e instanceof LedgerValidationError) throw new UsageError(e.message);
      throw e;
    }
    const text = JSON.stringify(p, null, 2) + '\n';
    const out = one(a, 'out');
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
    return 0;
  });
}

async function cmdVerifyProof(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { 'public-key': true, help: false }, { h: 'help' });
  const file = a.positional[0];
  if (!file) throw new UsageError('verify-proof needs the proof file written by "attest ledger proof SEQ --out FILE"');
  const proof = readJsonFile<InclusionProof>(file, 'the proof');
  const keyFile = one(a, 'public-key');
  const pem = keyFile ? readFileSync(keyFile, 'utf8') : undefined;
  const r = verifyInclusionProof(proof, pem);
  if (r.ok) {
    process.stdout.write(`VERIFIED: record ${proof.seq} is leaf ${proof.leafIndex} of the ${proof.treeSize}-record tree signed at ${proof.checkpoint.time}${pem ? '' : ' (signature checked with the key inside the proof; pass --public-key to pin the key you trust)'}\n`);
    return 0;
  }
  process.stdout.write(`FAILED: ${r.reason}\n`);
  return 1;
}

/** A tree size given as a number, or as the checkpoint file that holds it (checked against this ledger's key). */
function sizeArg(arg: string, what: string, ledger: Ledger): number {
  if (/^\d+$/.test(arg)) return Number(arg);
  const cp = readJsonFile<SignedCheckpoint>(arg, `the ${what} checkpoint`);
  const key = ledger.keys.signingPublic(cp.keyId);
  const why = key ? checkCheckpointFile(cp, undefined, key.publicKey) : `signed by key ${cp.keyId}, which this ledger's keys do not hold (current or retired)`;
  if (why) throw new UsageError(`${arg}: ${why}`);
  return cp.size;
}

async function cmdConsistency(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, out: true }, { h: 'help', o: 'out' });
  const [fromArg, toArg] = a.positional;
  if (!fromArg) throw new UsageError('consistency needs the earlier tree: a checkpoint size or a checkpoint file, e.g. attest ledger consistency checkpoint-2026-11.json');
  return withLedger(a, false, async (ledger) => {
    let p: ConsistencyProof;
    try {
      const from = sizeArg(fromArg, 'earlier', ledger);
      const to = toArg ? sizeArg(toArg, 'later', ledger) : (await ledger.checkpoint()).size;
      p = await ledger.consistencyProof(from, to);
    } catch (e) {
      if (e instanceof LedgerValidationError) throw new UsageError(e.message);
      throw e;
    }
    const text = JSON.stringify(p, null, 2) + '\n';
    const out = one(a, 'out');
    if (out) {
      writeFileSync(out, text);
      process.stderr.write(`consistency proof from ${p.from.size} to ${p.to.size} records written to ${out}\n`);
    } else process.stdout.write(text);
    return 0;
  });
}

async function cmdVerifyConsistency(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { 'public-key': true, checkpoint: true, help: false }, { h: 'help' });
  const file = a.positional[0];
  if (!file) throw new UsageError('verify-consistency needs the proof file written by "attest ledger consistency FROM --out FILE"');
  const proof = readJsonFile<ConsistencyProof>(file, 'the consistency proof');
  const pems = many(a, 'public-key').map((f) => readFileSync(f, 'utf8'));
  const pem = pems.length ? pems : undefined;
  const heldFile = one(a, 'checkpoint');
  const held = heldFile ? readJsonFile<SignedCheckpoint>(heldFile, 'the checkpoint you hold') : undefined;
  const r = verifyConsistencyProof(proof, pem, held);
  if (r.ok) {
    process.stdout.write(`VERIFIED: the ${proof.from.size}-record tree signed at ${proof.from.time} is a prefix of the ${proof.to.size}-record tree signed at ${proof.to.time}: nothing recorded before it was changed or removed${pem ? '' : ' (signatures checked with the keys inside the proof; pass --public-key to pin the key you trust)'}\n`);
    return 0;
  }
  process.stdout.write(`FAILED: ${r.reason}\n`);
  return 1;
}

/** The OS user running the command, for records a person writes from the command line. */
function localUser(): string {
  try {
    const name = userInfo().username.trim();
    if (name) return name;
  } catch {
    // fall through
  }
  throw new UsageError('--by ACTOR_ID is required: the OS user name cannot be read');
}

async function cmdKeys(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, signing: false, by: true, 'by-type': true, reason: true }, { h: 'help' });
  const sub = a.positional[0];
  const { keysDir } = settings(a);
  try {
    if (sub === 'init') {
      const k = DirectoryKeyProvider.open(keysDir, { create: true });
      process.stdout.write(`keys in ${keysDir}: active HMAC key ${k.activeHmac().kid}, checkpoint key ${k.signing().kid}\n`);
      return 0;
    }
    if (sub === 'rotate') {
      // The rotation is itself a ledger record: it needs the ledger the keys belong to.
      const byType = (one(a, 'by-type') ?? 'user') as ActorType;
      if (!ACTOR_TYPES.includes(byType)) throw new UsageError(`--by-type must be one of ${ACTOR_TYPES.join(', ')}`);
      const by = { id: one(a, 'by') ?? localUser(), type: byType };
      const kind = a.flags.has('signing') ? 'signing' as const : 'hmac' as const;
      return await withLedger(a, false, async (ledger) => {
        const r = await ledger.rotateKey(kind, by, one(a, 'reason'));
        if (kind === 'signing') {
          process.stdout.write(`new checkpoint signing key ${r.key}; ${r.previous} retired: its private key is destroyed, its public key kept for verification${r.sealed ? ` (it signed the tree up to ${r.sealed.size} records last)` : ''}; the rotation is record ${r.record}${r.opened ? `, the new key's first checkpoint covers ${r.opened.size} records` : ''}\n`);
        } else {
          process.stdout.write(`new active HMAC key ${r.key}; ${r.previous} retired (kept for verification); the rotation is record ${r.record}, the first chained with the new key\n`);
        }
        return 0;
      });
    }
    const k = DirectoryKeyProvider.open(keysDir);
    if (sub === 'list' || sub === undefined) {
      for (const h of k.hmacKeys()) process.stdout.write(`hmac ${h.kid}  created ${h.created}${h.retired ? `  retired ${h.retired}` : '  active'}\n`);
      for (const s of k.signingKeys()) {
        process.stdout.write(`ed25519 ${s.kid}  created ${s.created ?? '?'}${s.retired ? `  retired ${s.retired} (public key only, for verification)` : '  checkpoint signing'}\n${s.publicKeyPem}`);
      }
      return 0;
    }
  } catch (e) {
    if (e instanceof KeyError) throw new UsageError(e.message);
    throw e;
  }
  throw new UsageError(`unknown keys command ${JSON.stringify(sub)}: use init, rotate or list`);
}

async function cmdErase(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, by: true, 'by-type': true, ticket: true, archive: true }, { h: 'help' });
  const subject = a.positional[0];
  if (!subject) throw new UsageError('erase-subject needs the subject id, e.g. attest ledger erase-subject user-42 --by dpo');
  const by = one(a, 'by');
  if (!by) throw new UsageError('erase-subject needs --by ACTOR_ID: the erasure itself is recorded in the ledger');
  const byType = (one(a, 'by-type') ?? 'user') as ActorType;
  if (!ACTOR_TYPES.includes(byType)) throw new UsageError(`--by-type must be one of ${ACTOR_TYPES.join(', ')}`);
  return withLedger(a, false, async (ledger) => {
    const ticket = one(a, 'ticket');
    const archives = many(a, 'archive');
    const r = await ledger.eraseSubject(subject, { id: by, type: byType }, ticket, archives);
    const inArchives = archives.length ? ` and ${r.archived} archived record${r.archived === 1 ? '' : 's'} in ${archives.length} archive file${archives.length === 1 ? '' : 's'}` : '';
    process.stdout.write(`erased the personal data of ${subject} from ${r.erased} record${r.erased === 1 ? '' : 's'}${inArchives}; the erasure is record ${r.record}\n`);
    return 0;
  });
}

async function cmdSubjectAccess(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, out: true }, { h: 'help', o: 'out' });
  const subject = a.positional[0];
  if (!subject) throw new UsageError('subject-access needs the subject id');
  return withLedger(a, false, async (ledger) => {
    const out = one(a, 'out');
    const stream = out ? createWriteStream(out) : process.stdout;
    let n = 0;
    for await (const r of ledger.subjectRecords(subject)) {
      if (!stream.write(JSON.stringify(r) + '\n')) await once(stream, 'drain');
      n++;
    }
    if (out) {
      (stream as NodeJS.WritableStream).end();
      await once(stream, 'finish');
    }
    process.stderr.write(`${n} records of ${subject}\n`);
    return 0;
  });
}

function timeFlag(a: ParsedArgs, name: string): string | undefined {
  const v = one(a, name);
  try {
    return v === undefined ? undefined : parseTime(v, `--${name}`);
  } catch (e) {
    if (e instanceof LedgerValidationError) throw new UsageError(e.message);
    throw e;
  }
}

async function cmdArchive(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, out: true, before: true, 'older-than': true, json: false }, { h: 'help', o: 'out' });
  const out = one(a, 'out');
  if (!out) throw new UsageError('archive needs --out FILE: the archive file to write (it must not exist yet)');
  if (one(a, 'before') && one(a, 'older-than')) throw new UsageError('give --before TIME or --older-than DURATION, not both');
  let before = timeFlag(a, 'before');
  if (!before) {
    const older = one(a, 'older-than') ?? '365d';
    try {
      before = formatMicros(nowMicros() - BigInt(parseDuration(older, '--older-than')) * 1000n);
    } catch (e) {
      if (e instanceof LedgerValidationError) throw new UsageError(e.message);
      throw e;
    }
  }
  const cutoff = before;
  return withLedger(a, false, async (ledger) => {
    const r = await ledger.archive({ before: cutoff, out });
    if (a.flags.has('json')) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    else if (r.records === 0) process.stdout.write(`${r.message}\n`);
    else {
      process.stdout.write(
        `archived records ${r.from}..${r.to} (older than ${cutoff}) to ${r.file}\n` +
          `sha256 ${r.sha256}; signed checkpoint of ${r.checkpoint!.size} records (root ${r.checkpoint!.root.slice(0, 16)}…)\n` +
          `${r.deleted} records deleted from the database; verify the archive with: attest ledger verify --archive ${r.file}\n`,
      );
    }
    return 0;
  });
}

async function cmdRetention(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { ...COMMON, archive: true, 'archive-dir': true, by: true, now: true, json: false }, { h: 'help' });
  const sub = a.positional[0];
  const s = settings(a);
  if (sub === 'show' || sub === undefined) {
    if (a.flags.has('json')) {
      process.stdout.write(JSON.stringify(s.retention, null, 2) + '\n');
      return 0;
    }
    const cats = Object.keys(s.retention).sort((x, y) => (x === '*' ? 1 : y === '*' ? -1 : x < y ? -1 : 1));
    process.stdout.write('retention per action category (the first segment of the action):\n');
    for (const c of cats) process.stdout.write(`  ${(c === '*' ? '* (every other category)' : c).padEnd(26)} ${s.retention[c]}\n`);
    if (!('*' in s.retention)) process.stdout.write('  (no "*" entry: records of other categories are kept forever)\n');
    process.stdout.write('Applied to archive files: attest ledger retention apply --archive FILE\n');
    return 0;
  }
  if (sub === 'run') return retentionRun(a, s);
  if (sub !== 'apply') throw new UsageError(`unknown retention command ${JSON.stringify(sub)}: use show, apply or run`);
  const files = many(a, 'archive');
  if (!files.length) throw new UsageError('retention apply needs --archive FILE (repeatable): retention applies to archived records');
  const nowText = timeFlag(a, 'now');
  const now = nowText ? Date.parse(`${nowText.slice(0, 23)}Z`) : Date.now();
  try {
    parsePolicies(s.retention);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return withLedger(a, false, async (ledger) => {
    const results = [];
    for (const file of files) {
      const r = await ledger.applyRetention(file, { policies: s.retention, now });
      results.push(r);
      if (!a.flags.has('json')) {
        const cats = Object.entries(r.byCategory).map(([c, n]) => `${c} ${n}`).join(', ');
        process.stdout.write(`${file}: ${r.expired} record${r.expired === 1 ? '' : 's'} expired now${cats ? ` (${cats})` : ''}, ${r.alreadyExpired} before, ${r.kept} kept\n`);
      }
    }
    if (a.flags.has('json')) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    return 0;
  });
}

async function retentionRun(a: ParsedArgs, s: ReturnType<typeof settings>): Promise<number> {
  const nowText = timeFlag(a, 'now');
  const now = nowText ? Date.parse(`${nowText.slice(0, 23)}Z`) : Date.now();
  const dirFlag = one(a, 'archive-dir');
  const archiveDir = dirFlag ? resolve(dirFlag) : s.schedule.archiveDir;
  const by = one(a, 'by') ?? 'attest-cli';
  return withLedger(a, false, async (ledger) => {
    const out = await runRetention(
      ledger,
      { policies: s.retention, archiveDir, archiveOlderThanMs: (durationSeconds(s.schedule.archiveOlderThan) ?? 0) * 1000 },
      { id: by, type: one(a, 'by') ? 'user' : 'system' },
      now,
    );
    if (a.flags.has('json')) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    else process.stdout.write(`retention run ${out.ok ? 'ok' : 'FAILED'} (record ${out.record}): ${out.message}\n`);
    return out.ok ? 0 : 1;
  });
}

export async function runLedger(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(LEDGER_HELP);
    return 0;
  }
  switch (sub) {
    case 'append':
      return cmdAppend(rest);
    case 'query':
      return cmdQuery(rest);
    case 'export':
      return cmdExport(rest);
    case 'verify':
      return cmdVerify(rest);
    case 'checkpoint':
      return cmdCheckpoint(rest);
    case 'proof':
      return cmdProof(rest);
    case 'verify-proof':
      return cmdVerifyProof(rest);
    case 'consistency':
      return cmdConsistency(rest);
    case 'verify-consistency':
      return cmdVerifyConsistency(rest);
    case 'keys':
      return cmdKeys(rest);
    case 'erase-subject':
      return cmdErase(rest);
    case 'subject-access':
      return cmdSubjectAccess(rest);
    case 'archive':
      return cmdArchive(rest);
    case 'retention':
      return cmdRetention(rest);
    default:
      throw new UsageError(`unknown ledger command ${JSON.stringify(sub)}; see 'attest ledger --help'`);
  }
}

export { checkCheckpointFile };
