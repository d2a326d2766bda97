/**
 * Scan results pushed from CI (`attest scan --format json` output), kept in the ledger's own
 * database — a `scans` table beside the ledger's tables (SQLite file or PostgreSQL schema) —
 * so a deployment has one database to back up. Scans are evidence, not audit records: they
 * are not chained, but the push itself is recorded in the ledger (scan.ingest) with the
 * report's SHA-256, which makes a later change of a stored scan detectable.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { dirname } from 'node:path';
import { isPostgresUrl } from '../ledger/open.js';
import { privateDir } from '../datadir.js';

export interface ScanSummary {
  id: string;
  receivedAt: string;
  submittedBy: string;
  tenant?: string;
  label?: string;
  sha256: string;
  toolVersion: string;
  generatedAt: string;
  summary: Record<string, unknown>;
}

export interface StoredScan extends ScanSummary {
  report: unknown;
}

export interface ScanListOptions {
  /** Only these tenants (undefined: all). Scans without a tenant are visible to unrestricted principals only. */
  tenants?: string[];
  limit: number;
  /** receivedAt|id of the last item of the previous page. */
  cursor?: string;
}

export interface ScanStore {
  readonly kind: 'sqlite' | 'postgres';
  init(): Promise<void>;
  put(s: ScanSummary, reportJson: string): Promise<void>;
  list(o: ScanListOptions): Promise<{ scans: ScanSummary[]; nextCursor?: string }>;
  get(id: string): Promise<StoredScan | undefined>;
  close(): Promise<void>;
}

interface Row {
  id: string;
  received_at: string;
  submitted_by: string;
  tenant: string | null;
  label: string | null;
  sha256: string;
  tool_version: string;
  generated_at: string;
  summary: string;
  report?: string;
}

function toSummary(r: Row): ScanSummary {
  return {
    id: r.id,
    receivedAt: r.received_at,
    submittedBy: r.submitted_by,
    ...(r.tenant !== null ? { tenant: r.tenant } : {}),
    ...(r.label !== null ? { label: r.label } : {}),
    sha256: r.sha256,
    toolVersion: r.tool_version,
    generatedAt: r.generated_at,
    summary: JSON.parse(r.summary) as Record<string, unknown>,
  };
}

const COLUMNS = 'id, received_at, submitted_by, tenant, label, sha256, tool_version, generated_at, summary';

function parseCursor(c: string | undefined): { at: string; id: string } | undefined {
  if (!c) return undefined;
  const i = c.lastIndexOf('|');
  if (i <= 0) throw new ScanCursorError();
  return { at: c.slice(0, i), id: c.slice(i + 1) };
}

export class ScanCursorError extends Error {
  constructor() {
    super('cursor: is not a cursor returned by a previous page');
  }
}

function page(rows: Row[], limit: number): { scans: ScanSummary[]; nextCursor?: string } {
  const more = rows.length > limit;
  const scans = rows.slice(0, limit).map(toSummary);
  const last = scans[scans.length - 1];
  return { scans, ...(more && last ? { nextCursor: `${last.receivedAt}|${last.id}` } : {}) };
}

class SqliteScanStore implements ScanStore {
  readonly kind = 'sqlite' as const;
  private db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') privateDir(dirname(file));
    this.db = new Database(file, { timeout: 30_000 });
    this.db.pragma('journal_mode = WAL');
  }

  async init(): Promise<void> {
    this.db.exec(`CREATE TABLE IF NOT EXISTS scans (
      id TEXT PRIMARY KEY, received_at TEXT NOT NULL, submitted_by TEXT NOT NULL, tenant TEXT, label TEXT,
      sha256 TEXT NOT NULL, tool_version TEXT NOT NULL, generated_at TEXT NOT NULL, summary TEXT NOT NULL, report TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS scans_received ON scans(received_at, id);`);
  }

  async put(s: ScanSummary, reportJson: string): Promise<void> {
    this.db
      .prepare('INSERT INTO scans (id, received_at, submitted_by, tenant, label, sha256, tool_version, generated_at, summary, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(s.id, s.receivedAt, s.submittedBy, s.tenant ?? null, s.label ?? null, s.sha256, s.toolVersion, s.generatedAt, JSON.stringify(s.summary), reportJson);
  }

  async list(o: ScanListOptions): Promise<{ scans: ScanSummary[]; nextCursor?: string }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (o.tenants) {
      where.push(o.tenants.length ? `tenant IN (${o.tenants.map(() => '?').join(', ')})` : '1 = 0');
      params.push(...o.tenants);
    }
    const c = parseCursor(o.cursor);
    if (c) {
      where.push('(received_at < ? OR (received_at = ? AND id < ?))');
      params.push(c.at, c.at, c.id);
    }
    const sql = `SELECT ${COLUMNS} FROM scans${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, id DESC LIMIT ?`;
    return page(this.db.prepare(sql).all(...params, o.limit + 1) as Row[], o.limit);
  }

  async get(id: string): Promise<StoredScan | undefined> {
    const r = this.db.prepare(`SELECT ${COLUMNS}, report FROM scans WHERE id = ?`).get(id) as Row | undefined;
    return r ? { ...toSummary(r), report: JSON.parse(r.report!) as unknown } : undefined;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

class PostgresScanStore implements ScanStore {
  readonly kind = 'postgres' as const;
  private pool: pg.Pool;
  private schema: string;

  constructor(url: string) {
    const u = new URL(url);
    const schema = u.searchParams.get('schema') ?? 'attest';
    u.searchParams.delete('schema');
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`schema "${schema}" must be a lower-case SQL identifier`);
    this.schema = schema;
    this.pool = new pg.Pool({ connectionString: u.toString(), max: 2 });
    this.pool.on('error', () => undefined);
  }

  private t(): string {
    return `"${this.schema}".scans`;
  }

  async init(): Promise<void> {
    // The service logs in as a member of attest_app, which may not create anything (even
    // `CREATE … IF NOT EXISTS` of an existing object needs the privilege): the table is made by
    // the owner (first start as owner, or the deployment's bootstrap), the service only uses it.
    const exists = (await this.pool.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [this.t()])).rows[0]?.t;
    if (exists) return;
    await this.pool.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
    await this.pool.query(`CREATE TABLE IF NOT EXISTS ${this.t()} (
      id text PRIMARY KEY, received_at text NOT NULL, submitted_by text NOT NULL, tenant text, label text,
      sha256 text NOT NULL, tool_version text NOT NULL, generated_at text NOT NULL, summary text NOT NULL, report text NOT NULL)`);
    await this.pool.query(`CREATE INDEX IF NOT EXISTS scans_received ON ${this.t()} (received_at, id)`);
    // Stored scans are evidence: the application role adds and reads them, never changes them.
    await this.pool.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'attest_app') THEN
        REVOKE ALL ON ${this.t()} FROM attest_app;
        GRANT SELECT, INSERT ON ${this.t()} TO attest_app;
      END IF; END $$`);
  }

  async put(s: ScanSummary, reportJson: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.t()} (id, received_at, submitted_by, tenant, label, sha256, tool_version, generated_at, summary, report) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [s.id, s.receivedAt, s.submittedBy, s.tenant ?? null, s.label ?? null, s.sha256, s.toolVersion, s.generatedAt, JSON.stringify(s.summary), reportJson],
    );
  }

  async list(o: ScanListOptions): Promise<{ scans: ScanSummary[]; nextCursor?: string }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (o.tenants) where.push(o.tenants.length ? `tenant = ANY(${p(o.tenants)})` : '1 = 0');
    const c = parseCursor(o.cursor);
    if (c) where.push(`(received_at < ${p(c.at)} OR (received_at = ${p(c.at)} AND id < ${p(c.id)}))`);
    const sql = `SELECT ${COLUMNS} FROM ${this.t()}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, id DESC LIMIT ${p(o.limit + 1)}`;
    return page((await this.pool.query<Row>(sql, params)).rows, o.limit);
  }

  async get(id: string): Promise<StoredScan | undefined> {
    const r = (await this.pool.query<Row>(`SELECT ${COLUMNS}, report FROM ${this.t()} WHERE id = $1`, [id])).rows[0];
    return r ? { ...toSummary(r), report: JSON.parse(r.report!) as unknown } : undefined;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The scan store in the same database as the ledger (`db` as in ledger.db). */
export function openScanStore(db: string): ScanStore {
  return isPostgresUrl(db) ? new PostgresScanStore(db) : new SqliteScanStore(db);
}
