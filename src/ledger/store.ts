/**
 * The storage interface. Two implementations (SQLite for the embedded default, PostgreSQL
 * for production) behind one interface; all hashing, signing and verification live in
 * the ledger core above it, so both stores are checked by the same code and tests.
 */
export interface StoredRecord {
  seq: number;
  kid: string;
  nonce: Buffer;
  hash: Buffer;
  /** Canonical JSON of the chained body (RecordBody), exactly the bytes that were hashed. */
  body: string;
  /**
   * The searchable columns, taken from the body by the writer (stores that derive them
   * from the body themselves ignore this). A store that keeps them as plain columns checks
   * them against the bodies at verification (searchColumnMismatch).
   */
  fields?: SearchFields;
}

export interface SearchFields {
  ts: string;
  actor_id: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  tenant: string | null;
}

/** The searchable columns of a body object (RecordBody shape). */
export function searchFields(body: { ts: string; actor: { id: string }; action: string; target?: { type: string; id?: string }; outcome: string; tenant?: string }): SearchFields {
  return {
    ts: body.ts,
    actor_id: body.actor.id,
    action: body.action,
    target_type: body.target?.type ?? null,
    target_id: body.target?.id ?? null,
    outcome: body.outcome,
    tenant: body.tenant ?? null,
  };
}

/**
 * A record as read back for verification. The seq and time inside its body are read from
 * the body only when a check needs them (a failed hash, a retired key), unless the source
 * already has them parsed (archive files).
 */
export interface ScanRow extends StoredRecord {
  bodySeq?: number | null;
  ts?: string | null;
}

export interface PiiRow {
  seq: number;
  subject: string;
  salt: Buffer;
  data: string;
}

export interface NodeRow {
  level: number;
  index: number;
  hash: Buffer;
}

/** The tail of the chain, kept under the append lock. */
export interface Head {
  size: number;
  /** Hash of the last record (32 zero bytes for an empty ledger). */
  hash: Buffer;
  /** Time of the last record, so times never go backwards. */
  ts: string;
  /** Merkle compact range (frontier) after `size` leaves. */
  frontier: Buffer[];
}

export interface CheckpointRow {
  size: number;
  root: Buffer;
  time: string;
  kid: string;
  signature: Buffer;
}

/**
 * A registered archive: records fromSeq..upto were written to an archive file and deleted
 * from the database. The chain and the Merkle tree of the database continue from
 * (upto, lastHash, frontier); a signed checkpoint of size upto anchors that start.
 */
export interface ArchiveRow {
  upto: number;
  fromSeq: number;
  /** Hash of record `upto`: the `prev` of record upto + 1. */
  lastHash: Buffer;
  /** Merkle compact range after `upto` leaves. */
  frontier: Buffer[];
  /** SHA-256 (hex) of the archive file as written (retention later rewrites the file). */
  fileSha256: string;
  created: string;
  /** Ed25519 signature (checkpoint key) of the archive statement, so the boundary cannot be forged in the database. */
  signature: Buffer;
}

export interface AppendBatch {
  records: StoredRecord[];
  pii: PiiRow[];
  nodes: NodeRow[];
  head: Head;
  /** Written in the same transaction when the batch closes a checkpoint interval. */
  checkpoint?: CheckpointRow;
}

/**
 * A condition an append is written under (Ledger.append's `unless`): the store checks it
 * after taking its append lock, inside the append's transaction, so no other writer — in
 * this process or any other sharing the database — can append between the check and the
 * write. The batch is refused (LedgerConflictError) when a record of this target already has
 * one of these actions.
 */
export interface AppendGuard {
  targetType: string;
  targetId: string;
  actions: readonly string[];
}

/** An append refused by its guard: the record named here was already there. Nothing was written. */
export class LedgerConflictError extends Error {
  constructor(
    readonly seq: number,
    readonly action: string,
    readonly guard: AppendGuard,
  ) {
    super(`record ${seq} (${action}) of ${guard.targetType} ${guard.targetId} already exists; nothing was appended`);
    this.name = 'LedgerConflictError';
  }
}

/** The SQL both stores run for a guard under their append lock ($1 type, $2 id, $3.. actions). */
export function guardSql(g: AppendGuard, param: (i: number) => string): string {
  return `SELECT seq, action FROM records WHERE target_type = ${param(1)} AND target_id = ${param(2)} AND action IN (${g.actions.map((_, i) => param(i + 3)).join(', ')}) ORDER BY seq LIMIT 1`;
}

export interface QuerySpec {
  /** Inclusive lower bound on ts (ledger time format). */
  from?: string;
  /** Exclusive upper bound on ts. */
  to?: string;
  /** Inclusive lower bound on seq (a time range resolved to seqs). */
  seqFrom?: number;
  /** Exclusive upper bound on seq. */
  seqBefore?: number;
  actor?: string;
  /** Matches the action itself and every action below it (task matches task.assign). */
  action?: string;
  /** Exactly this action (used by stores that split a prefix query per action). */
  actionExact?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  /** Only these tenants (undefined = all that the connection may see). */
  tenants?: string[];
  /** Records where actor or a PII subject is this subject (subject access). */
  subject?: string;
  /** Exclusive seq bound: after (ascending) or before (descending) this seq. */
  cursor?: number;
  order: 'asc' | 'desc';
  limit: number;
}

export type DistinctField = 'actor' | 'action' | 'target_type' | 'tenant' | 'outcome';

/**
 * A small SQL handle on the ledger's own database for modules that keep a few tables of
 * their own beside the ledger's (detection's lease and cursor), so they share the ledger's
 * connection and transactions' durability without knowing which database it is. Both stores
 * take $1..$n placeholders; statements must be SQL both databases accept (ON CONFLICT
 * upserts, RETURNING). The ledger never reads these tables.
 */
export interface SideTables {
  run(sql: string, params?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[]; changes: number }>;
  /**
   * Databases with an application role that may not create tables (PostgreSQL's attest_app):
   * lets that role read and write these tables, when this connection owns them. Called by
   * the owner (db-bootstrap, or a service started as the owner); a no-op otherwise.
   */
  shareWithApplication?(tables: readonly string[]): Promise<void>;
  /**
   * Runs the statements in order in one transaction. A statement marked `guard` that changes
   * no row rolls everything back (resolves to false): how a write is fenced on a condition
   * (e.g. a lease still held) without a round trip between the check and the write.
   * Resolves to true once committed.
   */
  batch(statements: readonly SideStatement[]): Promise<boolean>;
}

export interface SideStatement {
  sql: string;
  params?: readonly unknown[];
  /** Roll the whole batch back when this statement changes no row. */
  guard?: boolean;
}

export interface LedgerStore {
  readonly kind: 'sqlite' | 'postgres';
  /** A printable location with any password removed. */
  readonly location: string;
  /** Creates or upgrades the schema; returns the ledger's id (fixed at creation). */
  init(): Promise<string>;
  /**
   * Runs `prepare` under the store's exclusive append lock and writes its batch atomically;
   * with a guard, first checks it under the same lock and throws LedgerConflictError (writing
   * nothing) when it does not hold.
   */
  append(prepare: (head: Head) => AppendBatch, guard?: AppendGuard): Promise<AppendBatch>;
  /** Integrity switched off: inserts records as given, no lock, no head (benchmark baseline only). */
  appendRaw(records: StoredRecord[]): Promise<void>;
  head(): Promise<Head>;
  /** Rows with seq >= fromSeq in seq order, in pages. */
  scan(fromSeq: number, toSeq: number, pageSize: number): AsyncIterable<ScanRow[]>;
  records(fromSeq: number, toSeq: number): Promise<StoredRecord[]>;
  /**
   * Stores whose searchable columns are plain columns: the first record at or after fromSeq
   * whose columns differ from its body (a change that would hide it from searches).
   */
  searchColumnMismatch?(fromSeq: number): Promise<{ seq: number; column: string } | undefined>;
  /** The smallest seq of a record whose time is >= ts (times never go backwards in seq order). */
  firstSeqAtOrAfter(ts: string): Promise<number | undefined>;
  query(q: QuerySpec): Promise<StoredRecord[]>;
  distinct(field: DistinctField, tenants?: string[], limit?: number): Promise<string[]>;
  pii(seqs: number[]): Promise<PiiRow[]>;
  /** Personal data rows of the records fromSeq..toSeq (inclusive). */
  piiRange(fromSeq: number, toSeq: number): Promise<PiiRow[]>;
  /** The personal data rows of a subject in records 1..upto. */
  subjectPii(subject: string, upto: number): Promise<PiiRow[]>;
  /**
   * Deletes the personal data rows of a subject in records 1..upto, and removes them from the
   * store's files too (freed pages, write-ahead log, dead tuples). Resolves to the rows deleted.
   */
  eraseSubject(subject: string, upto: number): Promise<number>;
  /**
   * Why this connection could not run eraseSubject (a privilege it lacks), or undefined when
   * it can. Asked before the erasure record is appended, so a refusal writes nothing.
   */
  eraseRefusal?(): Promise<string | undefined>;
  nodes(keys: { level: number; index: number }[]): Promise<Map<string, Buffer>>;
  checkpoints(): Promise<CheckpointRow[]>;
  latestCheckpoint(): Promise<CheckpointRow | undefined>;
  addCheckpoint(c: CheckpointRow): Promise<void>;
  /** Registered archives, oldest first. */
  archives(): Promise<ArchiveRow[]>;
  /**
   * Atomically registers an archive and deletes the archived records (and their personal
   * data). Refuses unless row.fromSeq follows the previous archive and row.upto <= the head.
   * Resolves to the number of records deleted.
   */
  registerArchive(row: ArchiveRow): Promise<number>;
  /**
   * Why this connection could not register an archive (deleting the archived records needs
   * a privilege it lacks), or undefined when it can. Asked before the archive file is written.
   */
  archiveRefusal?(): Promise<string | undefined>;
  count(): Promise<number>;
  /** See SideTables; stores that cannot host other tables leave it out. */
  sideTables?(): SideTables;
  close(): Promise<void>;
}

export const ZERO_HASH = Buffer.alloc(32);
export const NODE_LEVEL_MIN = 4;

export function nodeKey(level: number, index: number): string {
  return `${level}:${index}`;
}

export function emptyHead(): Head {
  return { size: 0, hash: ZERO_HASH, ts: '', frontier: [] };
}

export function encodeFrontier(f: Buffer[]): string {
  return f.map((h) => h.toString('hex')).join(',');
}

export function decodeFrontier(s: string): Buffer[] {
  return s ? s.split(',').map((h) => Buffer.from(h, 'hex')) : [];
}

/** An archives row as both databases return it. */
export type ArchiveDbRow = { upto: number; from_seq: number; last_hash: Buffer; frontier: string; file_sha256: string; created: string; signature: Buffer };

export function toArchiveRow(r: ArchiveDbRow): ArchiveRow {
  return {
    upto: Number(r.upto),
    fromSeq: Number(r.from_seq),
    lastHash: r.last_hash,
    frontier: decodeFrontier(r.frontier),
    fileSha256: r.file_sha256,
    created: r.created,
    signature: r.signature,
  };
}

/** Removes the password from a connection URL before it is printed anywhere. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}
