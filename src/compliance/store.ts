/**
 * Tables beside the ledger, in its own database (SQLite file or PostgreSQL schema), like the
 * stored scans: evidence files, content-addressed by SHA-256, and the assessment history.
 * Neither is chained: an attestation's ledger record carries each file's hash (so `ledger
 * verify` covers what the file must be) and the file is checked against that hash whenever
 * it is read or written. On PostgreSQL the application role may insert and read both tables,
 * never change or delete a row.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { createHash, randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { isPostgresUrl } from '../ledger/open.js';
import { redactUrl } from '../ledger/store.js';
import { privateDir } from '../datadir.js';
import { REQUIREMENT_STATUSES, type AssessmentSummary, type ComplianceAssessment, type RequirementStatus } from './types.js';
import { ComplianceInputError, COMPLIANCE_DEFAULTS } from './util.js';

export interface EvidenceFileInfo {
  sha256: string;
  size: number;
  mediaType: string;
  createdAt: string;
}

/** A stored file read back that no longer matches its hash (the database was altered). */
export class EvidenceIntegrityError extends Error {
  constructor(readonly sha256: string, readonly actual: string) {
    super(`evidence file ${sha256} does not match its hash: its content now hashes to ${actual}; the evidence store was altered`);
    this.name = 'EvidenceIntegrityError';
  }
}

/** How a stored file checks against its hash. */
export interface FileCheck {
  sha256: string;
  status: 'ok' | 'missing' | 'altered';
  size?: number;
  mediaType?: string;
  createdAt?: string;
}

export interface AssessmentQuery {
  /** Inclusive lower bound (ISO 8601). */
  from?: string;
  /** Exclusive upper bound. */
  to?: string;
  framework?: string;
  /** Only these tenants' rows (undefined: every row). */
  tenants?: string[];
  /** At most this many rows, the newest kept (default 10000). */
  limit?: number;
}

export interface ComplianceStoreOptions {
  /** Largest evidence file in bytes (compliance.evidenceMaxBytes, default 25 MiB). */
  evidenceMaxBytes?: number;
  /** PostgreSQL: run as this role after connecting (tests; the service logs in as a member of attest_app). */
  role?: string;
}

export interface ComplianceStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly location: string;
  readonly evidenceMaxBytes: number;
  /** Creates the tables when missing (on PostgreSQL: as their owner; the application role only uses them). */
  init(): Promise<void>;
  /**
   * Stores a file unless one with its hash is there already (`created` says which). The hash is
   * computed here; `expectedSha256`, when given, must match it. A file already held is checked
   * against its hash first, so an altered copy is reported rather than vouched for.
   */
  putFile(content: Buffer, mediaType: string, expectedSha256?: string): Promise<EvidenceFileInfo & { created: boolean }>;
  /** The file's row without its content; undefined when not held. */
  fileInfo(sha256: string): Promise<EvidenceFileInfo | undefined>;
  /** The file and its content, checked against its hash (EvidenceIntegrityError when it does not match). */
  getFile(sha256: string): Promise<{ info: EvidenceFileInfo; content: Buffer } | undefined>;
  /** One file checked against its hash. */
  checkFile(sha256: string): Promise<FileCheck>;
  /** Every stored file checked against its hash, one at a time (memory stays at one file). */
  checkAll(): AsyncIterable<FileCheck>;
  addAssessments(rows: AssessmentSummary[], tenant?: string): Promise<void>;
  /** The history, oldest first. */
  assessments(q?: AssessmentQuery): Promise<AssessmentSummary[]>;
  close(): Promise<void>;
}

export function sha256Hex(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;

function checkPut(content: Buffer, mediaType: string, expected: string | undefined, max: number): string {
  if (!Buffer.isBuffer(content)) throw new ComplianceInputError('file', 'must be the file\'s bytes');
  if (content.length > max) throw new ComplianceInputError('file', `is ${content.length} bytes, over the evidence file limit of ${max} bytes (compliance.evidenceMaxBytes)`);
  if (!MEDIA_TYPE.test(mediaType)) throw new ComplianceInputError('mediaType', `${JSON.stringify(mediaType)} is not a media type such as application/pdf`);
  const sha = sha256Hex(content);
  if (expected !== undefined && expected !== sha) throw new ComplianceInputError('sha256', `the content's SHA-256 is ${sha}, not ${expected}: the file changed or was cut short on its way`);
  return sha;
}

/** The history rows of one assessment (one per framework). */
export function assessmentSummaries(a: ComplianceAssessment): AssessmentSummary[] {
  return a.frameworks.map((f) => ({
    at: a.assessedAt,
    framework: f.id,
    categories: f.categories,
    counts: f.summary.counts,
    met: f.summary.met,
    applicable: f.summary.applicable,
    total: f.summary.total,
    score: f.summary.score.percent,
    coverage: f.summary.coverage.percent,
  }));
}

interface FileRow { sha256: string; size: number | string; media_type: string; created_at: string; content?: Buffer }
interface HistoryRow { at: string; framework: string; categories: string; counts: string; met: number; applicable: number; total: number; score: number | null; coverage: number | null }

const info = (r: FileRow): EvidenceFileInfo => ({ sha256: r.sha256, size: Number(r.size), mediaType: r.media_type, createdAt: r.created_at });

function toSummary(r: HistoryRow): AssessmentSummary {
  const counts = JSON.parse(r.counts) as Record<RequirementStatus, number>;
  for (const s of REQUIREMENT_STATUSES) counts[s] ??= 0;
  return { at: r.at, framework: r.framework, categories: JSON.parse(r.categories) as string[], counts, met: r.met, applicable: r.applicable, total: r.total, score: r.score === null ? null : Number(r.score), coverage: r.coverage === null ? null : Number(r.coverage) };
}

function checked(sha: string, r: FileRow | undefined): FileCheck {
  if (!r) return { sha256: sha, status: 'missing' };
  return { ...info(r), status: sha256Hex(r.content!) === sha ? 'ok' : 'altered' };
}

function verified(sha: string, r: FileRow | undefined): { info: EvidenceFileInfo; content: Buffer } | undefined {
  if (!r) return undefined;
  const actual = sha256Hex(r.content!);
  if (actual !== sha) throw new EvidenceIntegrityError(sha, actual);
  return { info: info(r), content: r.content! };
}

const SHA = /^[0-9a-f]{64}$/;
function checkSha(sha: string): void {
  if (typeof sha !== 'string' || !SHA.test(sha)) throw new ComplianceInputError('sha256', 'must be 64 lower-case hex digits');
}

class SqliteComplianceStore implements ComplianceStore {
  readonly kind = 'sqlite' as const;
  private db: Database.Database;

  constructor(readonly location: string, readonly evidenceMaxBytes: number) {
    if (location !== ':memory:') privateDir(dirname(location));
    this.db = new Database(location, { timeout: 30_000 });
    this.db.pragma('journal_mode = WAL');
  }

  async init(): Promise<void> {
    // Triggers keep rows from being changed by mistake; whoever holds the file can still drop
    // them, which the hash check on every read then reports.
    this.db.exec(`CREATE TABLE IF NOT EXISTS evidence_files (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, media_type TEXT NOT NULL, content BLOB NOT NULL, created_at TEXT NOT NULL);
      CREATE TRIGGER IF NOT EXISTS evidence_files_no_update BEFORE UPDATE ON evidence_files BEGIN SELECT RAISE(ABORT, 'attest: evidence files are never changed'); END;
      CREATE TRIGGER IF NOT EXISTS evidence_files_no_delete BEFORE DELETE ON evidence_files BEGIN SELECT RAISE(ABORT, 'attest: evidence files are never deleted'); END;
      CREATE TABLE IF NOT EXISTS compliance_assessments (id TEXT PRIMARY KEY, at TEXT NOT NULL, framework TEXT NOT NULL, tenant TEXT, categories TEXT NOT NULL, counts TEXT NOT NULL,
        met INTEGER NOT NULL, applicable INTEGER NOT NULL, total INTEGER NOT NULL, score REAL, coverage REAL);
      CREATE INDEX IF NOT EXISTS compliance_assessments_at ON compliance_assessments(at, framework);`);
  }

  async putFile(content: Buffer, mediaType: string, expectedSha256?: string): Promise<EvidenceFileInfo & { created: boolean }> {
    const sha = checkPut(content, mediaType, expectedSha256, this.evidenceMaxBytes);
    const createdAt = new Date().toISOString();
    const r = this.db.prepare('INSERT INTO evidence_files (sha256, size, media_type, content, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING').run(sha, content.length, mediaType.toLowerCase(), content, createdAt);
    if (r.changes === 1) return { sha256: sha, size: content.length, mediaType: mediaType.toLowerCase(), createdAt, created: true };
    const held = verified(sha, this.db.prepare('SELECT * FROM evidence_files WHERE sha256 = ?').get(sha) as FileRow | undefined)!;
    return { ...held.info, created: false };
  }

  async fileInfo(sha256: string): Promise<EvidenceFileInfo | undefined> {
    checkSha(sha256);
    const r = this.db.prepare('SELECT sha256, size, media_type, created_at FROM evidence_files WHERE sha256 = ?').get(sha256) as FileRow | undefined;
    return r ? info(r) : undefined;
  }

  async getFile(sha256: string): Promise<{ info: EvidenceFileInfo; content: Buffer } | undefined> {
    checkSha(sha256);
    return verified(sha256, this.db.prepare('SELECT * FROM evidence_files WHERE sha256 = ?').get(sha256) as FileRow | undefined);
  }

  async checkFile(sha256: string): Promise<FileCheck> {
    checkSha(sha256);
    return checked(sha256, this.db.prepare('SELECT * FROM evidence_files WHERE sha256 = ?').get(sha256) as FileRow | undefined);
  }

  async *checkAll(): AsyncIterable<FileCheck> {
    const shas = (this.db.prepare('SELECT sha256 FROM evidence_files ORDER BY created_at, sha256').all() as { sha256: string }[]).map((r) => r.sha256);
    for (const s of shas) yield checked(s, this.db.prepare('SELECT * FROM evidence_files WHERE sha256 = ?').get(s) as FileRow | undefined);
  }

  async addAssessments(rows: AssessmentSummary[], tenant?: string): Promise<void> {
    const ins = this.db.prepare('INSERT INTO compliance_assessments (id, at, framework, tenant, categories, counts, met, applicable, total, score, coverage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const r of rows) ins.run(randomUUID(), r.at, r.framework, tenant ?? null, JSON.stringify(r.categories), JSON.stringify(r.counts), r.met, r.applicable, r.total, r.score, r.coverage);
    })();
  }

  async assessments(q: AssessmentQuery = {}): Promise<AssessmentSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.from) { where.push('at >= ?'); params.push(q.from); }
    if (q.to) { where.push('at < ?'); params.push(q.to); }
    if (q.framework) { where.push('framework = ?'); params.push(q.framework); }
    if (q.tenants) {
      where.push(q.tenants.length ? `tenant IN (${q.tenants.map(() => '?').join(', ')})` : '1 = 0');
      params.push(...q.tenants);
    }
    const sql = `SELECT * FROM (SELECT at, framework, categories, counts, met, applicable, total, score, coverage, id FROM compliance_assessments${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, framework DESC LIMIT ?) ORDER BY at, framework`;
    return (this.db.prepare(sql).all(...params, q.limit ?? 10_000) as HistoryRow[]).map(toSummary);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

class PostgresComplianceStore implements ComplianceStore {
  readonly kind = 'postgres' as const;
  readonly location: string;
  private pool: pg.Pool;
  private schema: string;

  constructor(url: string, readonly evidenceMaxBytes: number, role?: string) {
    const u = new URL(url);
    const schema = u.searchParams.get('schema') ?? 'attest';
    u.searchParams.delete('schema');
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`schema "${schema}" must be a lower-case SQL identifier`);
    if (role !== undefined && !/^[a-z_][a-z0-9_$]{0,62}$/.test(role)) throw new Error(`role "${role}" must be a lower-case SQL identifier`);
    this.schema = schema;
    this.location = `${redactUrl(u.toString())} (schema ${schema})`;
    this.pool = new pg.Pool({
      connectionString: u.toString(),
      max: 2,
      ...(role ? { onConnect: async (c: pg.ClientBase) => { await c.query(`SET ROLE ${c.escapeIdentifier(role)}`); } } : {}),
    });
    this.pool.on('error', () => undefined);
  }

  private t(name: 'evidence_files' | 'compliance_assessments'): string {
    return `"${this.schema}".${name}`;
  }

  async init(): Promise<void> {
    const q = async (sql: string, params: unknown[] = []) => (await this.pool.query(sql, params)).rows;
    const present = await q('SELECT to_regclass($1) AS f, to_regclass($2) AS a', [this.t('evidence_files'), this.t('compliance_assessments')]);
    if (!present[0]?.f || !present[0]?.a) {
      // The service's login (a member of attest_app) may not create anything: the owner makes
      // the tables (first start as owner, or the deployment's bootstrap), the service uses them.
      await q(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await q(`CREATE TABLE IF NOT EXISTS ${this.t('evidence_files')} (sha256 text PRIMARY KEY, size bigint NOT NULL, media_type text NOT NULL, content bytea NOT NULL, created_at text NOT NULL)`);
      await q(`CREATE TABLE IF NOT EXISTS ${this.t('compliance_assessments')} (id text PRIMARY KEY, at text NOT NULL, framework text NOT NULL, tenant text, categories text NOT NULL, counts text NOT NULL,
        met integer NOT NULL, applicable integer NOT NULL, total integer NOT NULL, score double precision, coverage double precision)`);
      await q(`CREATE INDEX IF NOT EXISTS compliance_assessments_at ON ${this.t('compliance_assessments')} (at, framework)`);
    }
    // Granted by the owner on every start: a ledger migration revokes all from attest_app on the
    // schema's tables. Evidence and history are added and read, never changed or removed.
    const mine = await q(`SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'evidence_files' AND tableowner = current_user`, [this.schema]);
    if (mine.length) {
      await q(`DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'attest_app') THEN
          GRANT USAGE ON SCHEMA "${this.schema}" TO attest_app;
          REVOKE ALL ON ${this.t('evidence_files')}, ${this.t('compliance_assessments')} FROM attest_app;
          GRANT SELECT, INSERT ON ${this.t('evidence_files')}, ${this.t('compliance_assessments')} TO attest_app;
        END IF; END $$`);
    }
  }

  async putFile(content: Buffer, mediaType: string, expectedSha256?: string): Promise<EvidenceFileInfo & { created: boolean }> {
    const sha = checkPut(content, mediaType, expectedSha256, this.evidenceMaxBytes);
    const createdAt = new Date().toISOString();
    const r = await this.pool.query(`INSERT INTO ${this.t('evidence_files')} (sha256, size, media_type, content, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING`, [sha, content.length, mediaType.toLowerCase(), content, createdAt]);
    if (r.rowCount === 1) return { sha256: sha, size: content.length, mediaType: mediaType.toLowerCase(), createdAt, created: true };
    const held = verified(sha, await this.row(sha))!;
    return { ...held.info, created: false };
  }

  private async row(sha: string): Promise<FileRow | undefined> {
    return (await this.pool.query<FileRow>(`SELECT sha256, size, media_type, created_at, content FROM ${this.t('evidence_files')} WHERE sha256 = $1`, [sha])).rows[0];
  }

  async fileInfo(sha256: string): Promise<EvidenceFileInfo | undefined> {
    checkSha(sha256);
    const r = (await this.pool.query<FileRow>(`SELECT sha256, size, media_type, created_at FROM ${this.t('evidence_files')} WHERE sha256 = $1`, [sha256])).rows[0];
    return r ? info(r) : undefined;
  }

  async getFile(sha256: string): Promise<{ info: EvidenceFileInfo; content: Buffer } | undefined> {
    checkSha(sha256);
    return verified(sha256, await this.row(sha256));
  }

  async checkFile(sha256: string): Promise<FileCheck> {
    checkSha(sha256);
    return checked(sha256, await this.row(sha256));
  }

  async *checkAll(): AsyncIterable<FileCheck> {
    const shas = (await this.pool.query<{ sha256: string }>(`SELECT sha256 FROM ${this.t('evidence_files')} ORDER BY created_at, sha256`)).rows.map((r) => r.sha256);
    for (const s of shas) yield checked(s, await this.row(s));
  }

  async addAssessments(rows: AssessmentSummary[], tenant?: string): Promise<void> {
    if (!rows.length) return;
    const values: unknown[] = [];
    const tuples = rows.map((r, i) => {
      values.push(randomUUID(), r.at, r.framework, tenant ?? null, JSON.stringify(r.categories), JSON.stringify(r.counts), r.met, r.applicable, r.total, r.score, r.coverage);
      return `(${Array.from({ length: 11 }, (_, k) => `$${i * 11 + k + 1}`).join(', ')})`;
    });
    await this.pool.query(`INSERT INTO ${this.t('compliance_assessments')} (id, at, framework, tenant, categories, counts, met, applicable, total, score, coverage) VALUES ${tuples.join(', ')}`, values);
  }

  async assessments(q: AssessmentQuery = {}): Promise<AssessmentSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
    if (q.from) where.push(`at >= ${p(q.from)}`);
    if (q.to) where.push(`at < ${p(q.to)}`);
    if (q.framework) where.push(`framework = ${p(q.framework)}`);
    if (q.tenants) where.push(q.tenants.length ? `tenant = ANY(${p(q.tenants)})` : '1 = 0');
    const sql = `SELECT * FROM (SELECT at, framework, categories, counts, met, applicable, total, score, coverage FROM ${this.t('compliance_assessments')}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, framework DESC LIMIT ${p(q.limit ?? 10_000)}) h ORDER BY at, framework`;
    return (await this.pool.query<HistoryRow>(sql, params)).rows.map(toSummary);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The compliance tables in the ledger's database (`db` as in ledger.db: a SQLite path or postgres:// URL). */
export function openComplianceStore(db: string, o: ComplianceStoreOptions = {}): ComplianceStore {
  const max = o.evidenceMaxBytes ?? COMPLIANCE_DEFAULTS.evidenceMaxBytes;
  return isPostgresUrl(db) ? new PostgresComplianceStore(db, max, o.role) : new SqliteComplianceStore(db, max);
}
