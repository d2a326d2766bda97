/**
 * The embedded store: one SQLite file in WAL mode. Records, Merkle nodes and checkpoints are
 * append-only (triggers refuse UPDATE and DELETE); personal data may only be deleted
 * (erasure). Appends from several processes serialise on SQLite's write lock
 * (BEGIN IMMEDIATE), so there is one linear chain.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { closeSync, fchmodSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  decodeFrontier,
  emptyHead,
  encodeFrontier,
  nodeKey,
  toArchiveRow,
  guardSql,
  LedgerConflictError,
  type AppendBatch,
  type AppendGuard,
  type ArchiveDbRow,
  type ArchiveRow,
  type CheckpointRow,
  type DistinctField,
  type Head,
  type LedgerStore,
  type SideTables,
  type NodeRow,
  type PiiRow,
  type QuerySpec,
  type ScanRow,
  type StoredRecord,
} from '../store.js';
import { actionStem, buildQuery, DISTINCT_COLUMN, sqliteDialect } from './sql.js';
import { privateDir } from '../../datadir.js';

const SCHEMA_VERSION = 2;
const requireFrom = createRequire(import.meta.url);
const NODE_ID = 2 ** 40;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
  seq INTEGER PRIMARY KEY,
  kid TEXT NOT NULL,
  nonce BLOB NOT NULL,
  hash BLOB NOT NULL,
  body TEXT NOT NULL,
  ts TEXT GENERATED ALWAYS AS (json_extract(body, '$.ts')) VIRTUAL,
  actor_id TEXT GENERATED ALWAYS AS (json_extract(body, '$.actor.id')) VIRTUAL,
  action TEXT GENERATED ALWAYS AS (json_extract(body, '$.action')) VIRTUAL,
  target_type TEXT GENERATED ALWAYS AS (json_extract(body, '$.target.type')) VIRTUAL,
  target_id TEXT GENERATED ALWAYS AS (json_extract(body, '$.target.id')) VIRTUAL,
  outcome TEXT GENERATED ALWAYS AS (json_extract(body, '$.outcome')) VIRTUAL,
  tenant TEXT GENERATED ALWAYS AS (json_extract(body, '$.tenant')) VIRTUAL
);
CREATE INDEX IF NOT EXISTS records_ts ON records(ts);
CREATE INDEX IF NOT EXISTS records_actor ON records(actor_id);
CREATE INDEX IF NOT EXISTS records_action ON records(action);
CREATE INDEX IF NOT EXISTS records_target ON records(target_type, target_id);
CREATE INDEX IF NOT EXISTS records_outcome ON records(outcome);
CREATE INDEX IF NOT EXISTS records_tenant ON records(tenant);
CREATE TABLE IF NOT EXISTS pii (
  seq INTEGER NOT NULL,
  subject TEXT NOT NULL,
  salt BLOB NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (seq, subject)
);
CREATE INDEX IF NOT EXISTS pii_subject ON pii(subject);
CREATE TABLE IF NOT EXISTS nodes (id INTEGER PRIMARY KEY, hash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoints (
  size INTEGER PRIMARY KEY,
  root BLOB NOT NULL,
  time TEXT NOT NULL,
  kid TEXT NOT NULL,
  signature BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  size INTEGER NOT NULL,
  hash BLOB NOT NULL,
  ts TEXT NOT NULL,
  frontier TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS archives (
  upto INTEGER PRIMARY KEY,
  from_seq INTEGER NOT NULL,
  last_hash BLOB NOT NULL,
  frontier TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  created TEXT NOT NULL,
  signature BLOB NOT NULL
);
${[
  ['records', 'UPDATE', 'records are append-only (UPDATE refused)'],
  ['archives', 'UPDATE', 'archives are insert-only'],
  ['archives', 'DELETE', 'archives are insert-only'],
  ['nodes', 'UPDATE', 'Merkle nodes are append-only'],
  ['nodes', 'DELETE', 'Merkle nodes are append-only'],
  ['checkpoints', 'UPDATE', 'checkpoints are append-only'],
  ['checkpoints', 'DELETE', 'checkpoints are append-only'],
  ['pii', 'UPDATE', 'personal data can be erased, not changed'],
]
  .map(([table, op, why]) => `CREATE TRIGGER IF NOT EXISTS ${table}_no_${op!.toLowerCase()} BEFORE ${op} ON ${table}
  BEGIN SELECT RAISE(ABORT, 'attest ledger: ${why}'); END;`)
  .join('\n')}
`;

/** Records may be deleted only once an archive holds them (seq <= the latest archive's upto). */
const RECORDS_NO_DELETE = `CREATE TRIGGER records_no_delete BEFORE DELETE ON records
  WHEN OLD.seq > (SELECT coalesce(max(upto), 0) FROM archives)
  BEGIN SELECT RAISE(ABORT, 'attest ledger: records are append-only (DELETE refused: not archived)'); END`;

export type SqliteSynchronous = 'full' | 'normal';

const WAL_AUTOCHECKPOINT_PAGES = 20_000;
const CHECKPOINT_INTERVAL_MS = 250;

interface Checkpointer {
  stop(): Promise<void>;
}

/** A worker thread with its own connection that checkpoints the WAL every 250 ms. */
function startCheckpointer(location: string): Checkpointer | undefined {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.module);
    const db = new Database(workerData.location, { timeout: 0 });
    let stopping = false;
    const timer = setInterval(() => {
      if (stopping) return;
      try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closed: the next round or the writer does it */ }
    }, workerData.interval);
    parentPort.on('message', () => { stopping = true; clearInterval(timer); try { db.close(); } catch {} parentPort.postMessage('stopped'); });
  `;
  try {
    const worker = new Worker(code, {
      eval: true,
      workerData: { location, interval: CHECKPOINT_INTERVAL_MS, module: requireFrom.resolve('better-sqlite3') },
    });
    worker.unref();
    worker.on('error', () => undefined); // checkpointing is an optimisation; the writer's autocheckpoint remains
    return {
      stop: () =>
        new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(t);
            void worker.terminate().then(() => resolve(), () => resolve());
          };
          const t = setTimeout(done, 2000);
          worker.once('message', done);
          worker.once('exit', done);
          worker.postMessage('stop');
        }),
    };
  } catch {
    return undefined;
  }
}

/**
 * The ledger holds personal data, so a new file is created owner-only before SQLite opens
 * it (SQLite would create it 0644, less the umask); SQLite gives the -wal and -shm files
 * the mode of the database file. An existing file keeps its mode, since its owner may have
 * chosen it (a group that reads backups, say), but a mode that lets others read is reported.
 */
function ownerOnlyFile(location: string): void {
  privateDir(dirname(location));
  let fd: number;
  try {
    fd = openSync(location, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    for (const file of [location, `${location}-wal`, `${location}-shm`]) {
      const mode = statSync(file, { throwIfNoEntry: false })?.mode;
      if (mode !== undefined && mode & 0o077) {
        process.emitWarning(
          `${file} is open to group or others (mode ${(mode & 0o777).toString(8).padStart(4, '0')}) but holds personal data; restrict it with "chmod 600 ${file}" (Attest does not change the mode of an existing file)`,
          { code: 'ATTEST_LEDGER_FILE_MODE' },
        );
      }
    }
    return;
  }
  try {
    fchmodSync(fd, 0o600); // the umask may have taken bits from the mode given to open
  } finally {
    closeSync(fd);
  }
}

type Row = { seq: number; kid: string; nonce: Buffer; hash: Buffer; body: string };

export class SqliteStore implements LedgerStore {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  private insertRecord!: Database.Statement;
  private insertPii!: Database.Statement;
  private insertNode!: Database.Statement;
  private insertCheckpoint!: Database.Statement;
  private writeHead!: Database.Statement;
  private readHead!: Database.Statement;
  private checkpointer: Checkpointer | undefined;

  /**
   * readonly: a second reader of an existing ledger (a verification thread); no schema work,
   * no checkpointer. synchronous: "full" (default) syncs the WAL to disk at every commit, so
   * an acknowledged record survives a power loss; "normal" only survives a crash of the
   * process (faster appends).
   */
  constructor(
    readonly location: string,
    opts: { readonly?: boolean; synchronous?: SqliteSynchronous } = {},
  ) {
    if (opts.readonly) {
      this.db = new Database(location, { readonly: true, fileMustExist: true, timeout: 30_000 });
      this.db.pragma('cache_size = -65536');
      return;
    }
    if (location !== ':memory:') ownerOnlyFile(location);
    this.db = new Database(location, { timeout: 30_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    this.db.pragma('cache_size = -65536');
    this.db.pragma('secure_delete = ON');
    if (location !== ':memory:') {
      // Copying the WAL back into the database file is the biggest cost of a write-heavy
      // ledger; a background thread does it (PASSIVE: it never blocks a writer), and the
      // writer checkpoints itself only if the WAL grows past ~80 MB regardless.
      this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      this.checkpointer = startCheckpointer(location);
    }
  }

  sideTables(): SideTables {
    const run = (sql: string, params: readonly unknown[] = []) => {
      // $n placeholders become positional ones, in the order they appear.
      const args: unknown[] = [];
      const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
        args.push(params[Number(n) - 1]);
        return '?';
      });
      const st = this.db.prepare(text);
      if (st.reader) return { rows: st.all(...args) as Record<string, unknown>[], changes: 0 };
      const r = st.run(...args);
      return { rows: [], changes: r.changes };
    };
    const fenced = new Error('side batch guard');
    return {
      run: async (sql, params) => run(sql, params),
      // Synchronous inside: no other statement of this connection (an append) can land inside the transaction.
      batch: async (statements) => {
        try {
          this.db
            .transaction(() => {
              for (const s of statements) if (run(s.sql, s.params).changes === 0 && s.guard) throw fenced;
            })
            .immediate();
          return true;
        } catch (e) {
          if (e === fenced) return false;
          throw e;
        }
      },
    };
  }

  async init(): Promise<string> {
    this.db.exec(SCHEMA);
    // Version 1 refused every DELETE of records; from version 2 archived records may go.
    const trigger = this.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'records_no_delete'").pluck().get() as string | undefined;
    if (!trigger?.includes('archives')) {
      this.db
        .transaction(() => {
          this.db.exec('DROP TRIGGER IF EXISTS records_no_delete');
          this.db.exec(RECORDS_NO_DELETE);
          this.db.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(String(SCHEMA_VERSION));
        })
        .immediate();
    }
    const get = this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    const tx = this.db.transaction(() => {
      let id = get.get('ledger_id') as string | undefined;
      if (!id) {
        id = randomUUID();
        const put = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        put.run('ledger_id', id);
        put.run('schema_version', String(SCHEMA_VERSION));
        this.db.prepare("INSERT INTO head (id, size, hash, ts, frontier) VALUES (1, 0, zeroblob(32), '', '')").run();
      }
      return id;
    });
    const id = tx.immediate();
    this.insertRecord = this.db.prepare('INSERT INTO records (seq, kid, nonce, hash, body) VALUES (?, ?, ?, ?, ?)');
    this.insertPii = this.db.prepare('INSERT INTO pii (seq, subject, salt, data) VALUES (?, ?, ?, ?)');
    this.insertNode = this.db.prepare('INSERT INTO nodes (id, hash) VALUES (?, ?)');
    this.insertCheckpoint = this.db.prepare('INSERT INTO checkpoints (size, root, time, kid, signature) VALUES (?, ?, ?, ?, ?)');
    this.writeHead = this.db.prepare('UPDATE head SET size = ?, hash = ?, ts = ?, frontier = ? WHERE id = 1');
    this.readHead = this.db.prepare('SELECT size, hash, ts, frontier FROM head WHERE id = 1');
    return id;
  }

  private headSync(): Head {
    const r = this.readHead.get() as { size: number; hash: Buffer; ts: string; frontier: string } | undefined;
    if (!r) return emptyHead();
    return { size: r.size, hash: r.hash, ts: r.ts, frontier: decodeFrontier(r.frontier) };
  }

  async head(): Promise<Head> {
    return this.headSync();
  }

  async append(prepare: (head: Head) => AppendBatch, guard?: AppendGuard): Promise<AppendBatch> {
    const tx = this.db.transaction(() => {
      // BEGIN IMMEDIATE holds the database's write lock from here to the commit: no other
      // writer, in this process or another, can append between this check and the write.
      if (guard) {
        const hit = this.db.prepare(guardSql(guard, () => '?')).get(guard.targetType, guard.targetId, ...guard.actions) as { seq: number; action: string } | undefined;
        if (hit) throw new LedgerConflictError(Number(hit.seq), hit.action, guard);
      }
      const batch = prepare(this.headSync());
      for (const r of batch.records) this.insertRecord.run(r.seq, r.kid, r.nonce, r.hash, r.body);
      for (const p of batch.pii) this.insertPii.run(p.seq, p.subject, p.salt, p.data);
      for (const n of batch.nodes) this.insertNode.run(n.level * NODE_ID + n.index, n.hash);
      if (batch.checkpoint) {
        const c = batch.checkpoint;
        this.insertCheckpoint.run(c.size, c.root, c.time, c.kid, c.signature);
      }
      const h = batch.head;
      this.writeHead.run(h.size, h.hash, h.ts, encodeFrontier(h.frontier));
      return batch;
    });
    return tx.immediate();
  }

  async appendRaw(records: StoredRecord[]): Promise<void> {
    const tx = this.db.transaction(() => {
      for (const r of records) this.insertRecord.run(r.seq, r.kid, r.nonce, r.hash, r.body);
    });
    tx.immediate();
  }

  async *scan(fromSeq: number, toSeq: number, pageSize: number): AsyncIterable<ScanRow[]> {
    const stmt = this.db.prepare(
      'SELECT seq, kid, nonce, hash, body FROM records WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?',
    );
    let next = fromSeq;
    for (;;) {
      const rows = stmt.all(next, toSeq, pageSize) as ScanRow[];
      if (rows.length === 0) return;
      yield rows;
      next = rows[rows.length - 1]!.seq + 1;
      if (rows.length < pageSize) return;
    }
  }

  async records(fromSeq: number, toSeq: number): Promise<StoredRecord[]> {
    return this.db.prepare('SELECT seq, kid, nonce, hash, body FROM records WHERE seq >= ? AND seq <= ? ORDER BY seq').all(fromSeq, toSeq) as Row[];
  }

  async firstSeqAtOrAfter(ts: string): Promise<number | undefined> {
    return this.db.prepare('SELECT seq FROM records WHERE ts >= ? ORDER BY ts, seq LIMIT 1').pluck().get(ts) as number | undefined;
  }

  async query(q: QuerySpec): Promise<StoredRecord[]> {
    if (q.action !== undefined && q.actionExact === undefined) {
      // An action prefix spans several actions. Read through the action index, SQLite would
      // have to sort every match by seq (a category can hold a seventh of the ledger); one
      // query per action (each already in seq order in the index) merged here costs a few
      // index probes instead.
      const actions = this.actionsUnder(actionStem(q.action));
      if (actions && actions.length > 1) {
        const { action: _prefix, ...rest } = q;
        const rows = actions.flatMap((a) => this.run({ ...rest, actionExact: a }));
        rows.sort((x, y) => (q.order === 'asc' ? x.seq - y.seq : y.seq - x.seq));
        return rows.slice(0, q.limit);
      }
      if (actions) return actions.length ? this.run({ ...q, action: undefined, actionExact: actions[0]! }) : [];
    }
    return this.run(q);
  }

  private run(q: QuerySpec): Row[] {
    const { sql, params } = buildQuery(q, sqliteDialect, 'seq, kid, nonce, hash, body');
    return this.db.prepare(sql).all(...params) as Row[];
  }

  /** The distinct actions equal to or below a stem, by skipping through the index; undefined past 64. */
  private actionsUnder(stem: string): string[] | undefined {
    const next = this.db.prepare('SELECT action FROM records WHERE action > ? AND action < ? ORDER BY action LIMIT 1').pluck();
    const exact = this.db.prepare('SELECT 1 FROM records WHERE action = ? LIMIT 1').pluck();
    const out: string[] = exact.get(stem) ? [stem] : [];
    let after = stem + '.';
    const end = stem + '/';
    // "task." itself is not a valid action, so starting strictly after it is safe.
    for (;;) {
      const a = next.get(after, end) as string | undefined;
      if (a === undefined) return out;
      out.push(a);
      if (out.length > 64) return undefined;
      after = a;
    }
  }

  async distinct(field: DistinctField, tenants?: string[], limit = 1000): Promise<string[]> {
    const col = DISTINCT_COLUMN[field];
    const where = tenants ? ` AND tenant IN (${tenants.map(() => '?').join(', ') || 'NULL'})` : '';
    return this.db
      .prepare(`SELECT DISTINCT ${col} FROM records WHERE ${col} IS NOT NULL${where} ORDER BY ${col} LIMIT ?`)
      .pluck()
      .all(...(tenants ?? []), limit) as string[];
  }

  async pii(seqs: number[]): Promise<PiiRow[]> {
    if (seqs.length === 0) return [];
    const out: PiiRow[] = [];
    for (let i = 0; i < seqs.length; i += 500) {
      const part = seqs.slice(i, i + 500);
      out.push(...(this.db.prepare(`SELECT seq, subject, salt, data FROM pii WHERE seq IN (${part.map(() => '?').join(',')})`).all(...part) as PiiRow[]));
    }
    return out;
  }

  async piiRange(fromSeq: number, toSeq: number): Promise<PiiRow[]> {
    return this.db.prepare('SELECT seq, subject, salt, data FROM pii WHERE seq >= ? AND seq <= ?').all(fromSeq, toSeq) as PiiRow[];
  }

  async subjectPii(subject: string, upto: number): Promise<PiiRow[]> {
    return this.db.prepare('SELECT seq, subject, salt, data FROM pii WHERE subject = ? AND seq <= ? ORDER BY seq').all(subject, upto) as PiiRow[];
  }

  async eraseSubject(subject: string, upto: number): Promise<number> {
    const deleted = this.db.prepare('DELETE FROM pii WHERE subject = ? AND seq <= ?').run(subject, upto).changes;
    if (this.location === ':memory:') return deleted;
    // Deleted cells are zeroed (secure_delete, on for this connection), but copies remain in
    // pages freed or rearranged before, and in the WAL's frames: VACUUM rewrites the file
    // from the live rows (through the WAL), and a TRUNCATE checkpoint copies it back and
    // empties the WAL.
    this.db.exec('VACUUM');
    // The background checkpointer or a reader can hold the WAL for a moment: wait for it.
    for (let attempt = 0; ; attempt++) {
      const [r] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
      if (r && r.busy === 0 && r.log === 0) return deleted;
      if (attempt === 100) {
        throw new Error(`${this.location}: the personal data was deleted, but the write-ahead log could not be emptied (another connection keeps reading); close the other readers and run the erasure again`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async nodes(keys: { level: number; index: number }[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (keys.length === 0) return out;
    const rows = this.db
      .prepare(`SELECT id, hash FROM nodes WHERE id IN (${keys.map(() => '?').join(',')})`)
      .all(...keys.map((k) => k.level * NODE_ID + k.index)) as { id: number; hash: Buffer }[];
    for (const r of rows) out.set(nodeKey(Math.floor(r.id / NODE_ID), r.id % NODE_ID), r.hash);
    return out;
  }

  async checkpoints(): Promise<CheckpointRow[]> {
    return this.db.prepare('SELECT size, root, time, kid, signature FROM checkpoints ORDER BY size').all() as CheckpointRow[];
  }

  async latestCheckpoint(): Promise<CheckpointRow | undefined> {
    return this.db.prepare('SELECT size, root, time, kid, signature FROM checkpoints ORDER BY size DESC LIMIT 1').get() as CheckpointRow | undefined;
  }

  async addCheckpoint(c: CheckpointRow): Promise<void> {
    this.db.prepare('INSERT OR IGNORE INTO checkpoints (size, root, time, kid, signature) VALUES (?, ?, ?, ?, ?)').run(c.size, c.root, c.time, c.kid, c.signature);
  }

  async archives(): Promise<ArchiveRow[]> {
    const rows = this.db.prepare('SELECT upto, from_seq, last_hash, frontier, file_sha256, created, signature FROM archives ORDER BY upto').all() as ArchiveDbRow[];
    return rows.map(toArchiveRow);
  }

  async registerArchive(row: ArchiveRow): Promise<number> {
    const tx = this.db.transaction(() => {
      const last = (this.db.prepare('SELECT coalesce(max(upto), 0) FROM archives').pluck().get() as number) ?? 0;
      if (row.fromSeq !== last + 1) throw new Error(`archive ${row.fromSeq}..${row.upto} does not follow the last registered archive (up to ${last})`);
      const size = this.headSync().size;
      if (row.upto > size || row.upto < row.fromSeq) throw new Error(`archive ${row.fromSeq}..${row.upto} is outside the ledger's ${size} records`);
      this.db
        .prepare('INSERT INTO archives (upto, from_seq, last_hash, frontier, file_sha256, created, signature) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(row.upto, row.fromSeq, row.lastHash, encodeFrontier(row.frontier), row.fileSha256, row.created, row.signature);
      this.db.prepare('DELETE FROM pii WHERE seq <= ?').run(row.upto);
      return this.db.prepare('DELETE FROM records WHERE seq <= ?').run(row.upto).changes;
    });
    return tx.immediate();
  }

  async count(): Promise<number> {
    return (this.db.prepare('SELECT count(*) FROM records').pluck().get() as number) ?? 0;
  }

  async close(): Promise<void> {
    if (this.checkpointer) await this.checkpointer.stop();
    this.db.close();
  }
}

export type { NodeRow };

