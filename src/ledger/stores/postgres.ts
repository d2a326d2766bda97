/**
 * The production store: PostgreSQL. The schema is created by migrations; triggers refuse
 * UPDATE, DELETE and TRUNCATE of records, Merkle nodes and checkpoints (personal data may
 * only be deleted, for erasure, by the owner). The application role `attest_app` holds
 * SELECT and the EXECUTE of the append functions only: appends, the head and on-demand
 * checkpoints go through SECURITY DEFINER functions that check the chain continues at the
 * head. Row-level security limits reads to the tenants bound to the session's role in
 * `tenant_bindings` (owned by the owner), narrowed by the session setting `attest.tenants`.
 * Appends from any number of processes serialise on a row lock of the head, so there is
 * one linear chain: no fork, no gap.
 */
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import {
  decodeFrontier,
  emptyHead,
  encodeFrontier,
  nodeKey,
  redactUrl,
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
  type PiiRow,
  type QuerySpec,
  type ScanRow,
  type StoredRecord,
  searchFields,
} from '../store.js';
import { buildQuery, DISTINCT_COLUMN, postgresDialect } from './sql.js';

const NODE_ID = 2 ** 40;
const SCHEMA_VERSION = 4;

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v); // bigint: seq and sizes stay far below 2^53
    return pg.types.getTypeParser(oid, format);
  },
};

function migrations(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE IF NOT EXISTS ${s}.meta (key text PRIMARY KEY, value text NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${s}.records (
      seq bigint PRIMARY KEY,
      kid text NOT NULL,
      nonce bytea NOT NULL,
      hash bytea NOT NULL,
      body text NOT NULL,
      ts text,
      actor_id text,
      action text,
      target_type text,
      target_id text,
      outcome text,
      tenant text
    )`,
    // Version 2 derived the searchable columns from the body as generated columns: parsing
    // the body seven times per row was most of an append's cost. From version 3 the writer
    // supplies them and verification checks them against the bodies (SEARCH_MISMATCH).
    `DO $$ DECLARE c text; BEGIN
       FOR c IN SELECT column_name FROM information_schema.columns
                WHERE table_schema = '${schema}' AND table_name = 'records' AND is_generated = 'ALWAYS' LOOP
         EXECUTE format('ALTER TABLE %I.records ALTER COLUMN %I DROP EXPRESSION', '${schema}', c);
       END LOOP;
     END $$`,
    `CREATE INDEX IF NOT EXISTS records_ts ON ${s}.records (ts)`,
    `CREATE INDEX IF NOT EXISTS records_actor ON ${s}.records (actor_id, seq)`,
    `CREATE INDEX IF NOT EXISTS records_action ON ${s}.records (action text_pattern_ops, seq)`,
    `CREATE INDEX IF NOT EXISTS records_target ON ${s}.records (target_type, target_id, seq)`,
    `CREATE INDEX IF NOT EXISTS records_outcome ON ${s}.records (outcome, seq)`,
    `CREATE INDEX IF NOT EXISTS records_tenant ON ${s}.records (tenant, seq)`,
    `CREATE TABLE IF NOT EXISTS ${s}.pii (seq bigint NOT NULL, subject text NOT NULL, salt bytea NOT NULL, data text NOT NULL, PRIMARY KEY (seq, subject))`,
    `CREATE INDEX IF NOT EXISTS pii_subject ON ${s}.pii (subject)`,
    `CREATE TABLE IF NOT EXISTS ${s}.nodes (id bigint PRIMARY KEY, hash bytea NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${s}.checkpoints (size bigint PRIMARY KEY, root bytea NOT NULL, time text NOT NULL, kid text NOT NULL, signature bytea NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${s}.head (id int PRIMARY KEY CHECK (id = 1), size bigint NOT NULL, hash bytea NOT NULL, ts text NOT NULL, frontier text NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${s}.archives (upto bigint PRIMARY KEY, from_seq bigint NOT NULL, last_hash bytea NOT NULL, frontier text NOT NULL, file_sha256 text NOT NULL, created text NOT NULL, signature bytea NOT NULL)`,
    // Records may be deleted only once an archive holds them; TRUNCATE and UPDATE stay refused.
    `CREATE OR REPLACE FUNCTION ${s}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'records' THEN
          IF OLD.seq <= (SELECT coalesce(max(upto), 0) FROM ${s}.archives) THEN
            RETURN OLD;
          END IF;
        END IF;
        RAISE EXCEPTION 'attest ledger: % is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`,
    ...['records', 'nodes', 'checkpoints', 'archives'].flatMap((t) => [
      `DROP TRIGGER IF EXISTS ${t}_append_only ON ${s}.${t}`,
      `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${s}.${t} FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_change()`,
      `DROP TRIGGER IF EXISTS ${t}_no_truncate ON ${s}.${t}`,
      `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${s}.${t} FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change()`,
    ]),
    `DROP TRIGGER IF EXISTS pii_no_update ON ${s}.pii`,
    `CREATE TRIGGER pii_no_update BEFORE UPDATE ON ${s}.pii FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_change()`,
    `DROP TRIGGER IF EXISTS pii_no_truncate ON ${s}.pii`,
    `CREATE TRIGGER pii_no_truncate BEFORE TRUNCATE ON ${s}.pii FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change()`,
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'attest_app') THEN CREATE ROLE attest_app NOLOGIN; END IF;
     END $$`,
    // Which tenants a database role may read. Owned by the schema owner: the session that it
    // restricts cannot write it (attest.tenants, which any session can set, only narrows it).
    `CREATE TABLE IF NOT EXISTS ${s}.tenant_bindings (role name PRIMARY KEY, tenants text[] NOT NULL)`,
    // The tenants bound to the current role and the roles it is a member of ('*' = all).
    `CREATE OR REPLACE FUNCTION ${s}.bound_tenants() RETURNS text[] LANGUAGE sql STABLE SET search_path = ${s}, pg_catalog, pg_temp AS $$
       SELECT coalesce(array_agg(DISTINCT t), '{}') FROM tenant_bindings b JOIN pg_roles r ON r.rolname = b.role, unnest(b.tenants) t
       WHERE pg_has_role(current_user, r.oid, 'MEMBER')
     $$`,
    // Appends go through these two functions, which run as the owner: the application role
    // holds no INSERT, UPDATE or DELETE on any table, so it can neither move the head nor
    // plant a row that later appends would collide with. lock_head takes the row lock that
    // serialises writers (one chain, no fork, no gap); append_batch checks that the batch
    // continues the chain exactly where the head is, then writes it and moves the head.
    `CREATE OR REPLACE FUNCTION ${s}.lock_head() RETURNS TABLE (size bigint, hash bytea, ts text, frontier text)
       LANGUAGE sql SECURITY DEFINER SET search_path = ${s}, pg_catalog, pg_temp AS $$
       SELECT h.size, h.hash, h.ts, h.frontier FROM head h WHERE h.id = 1 FOR UPDATE
     $$`,
    `DROP FUNCTION IF EXISTS ${s}.append_batch`,
    `CREATE FUNCTION ${s}.append_batch(
       r_seq bigint[], r_kid text[], r_nonce bytea[], r_hash bytea[], r_body text[], r_ts text[], r_actor text[], r_action text[],
       r_target_type text[], r_target_id text[], r_outcome text[], r_tenant text[],
       p_seq bigint[], p_subject text[], p_salt bytea[], p_data text[],
       n_id bigint[], n_hash bytea[],
       c_size bigint, c_root bytea, c_time text, c_kid text, c_signature bytea,
       h_frontier text)
     RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${s}, pg_catalog, pg_temp AS $$
     DECLARE
       h record;
       n int := coalesce(cardinality(r_seq), 0);
       bad bigint;
     BEGIN
       SELECT * INTO h FROM head WHERE id = 1 FOR UPDATE;
       SELECT u.seq INTO bad FROM unnest(r_seq) WITH ORDINALITY AS u(seq, i) WHERE u.seq IS DISTINCT FROM h.size + u.i ORDER BY u.i LIMIT 1;
       IF n = 0 OR bad IS NOT NULL THEN
         RAISE EXCEPTION 'attest ledger: records must continue the chain at seq % (got %)', h.size + 1, coalesce(bad::text, 'none') USING ERRCODE = 'check_violation';
       END IF;
       IF r_ts[1] < h.ts THEN
         RAISE EXCEPTION 'attest ledger: record % has time %, before the head''s %', h.size + 1, r_ts[1], h.ts USING ERRCODE = 'check_violation';
       END IF;
       IF EXISTS (SELECT 1 FROM unnest(p_seq) q WHERE q IS NULL OR q <= h.size OR q > h.size + n) THEN
         RAISE EXCEPTION 'attest ledger: personal data outside records %..%', h.size + 1, h.size + n USING ERRCODE = 'check_violation';
       END IF;
       -- A node (level, index) covers leaves index*2^level .. (index+1)*2^level - 1: it must be completed by this batch.
       IF EXISTS (SELECT 1 FROM unnest(n_id) i WHERE i IS NULL
                  OR ((i % ${NODE_ID}) + 1) * (2::numeric ^ (i / ${NODE_ID})) NOT BETWEEN h.size + 1 AND h.size + n) THEN
         RAISE EXCEPTION 'attest ledger: Merkle nodes outside records %..%', h.size + 1, h.size + n USING ERRCODE = 'check_violation';
       END IF;
       IF c_size IS NOT NULL AND c_size <> h.size + n THEN
         RAISE EXCEPTION 'attest ledger: a checkpoint written with an append must be of its new size %', h.size + n USING ERRCODE = 'check_violation';
       END IF;
       IF coalesce(cardinality(string_to_array(h_frontier, ',')), 0) <> bit_count((h.size + n)::bit(64))
          OR h_frontier !~ '^([0-9a-f]{64}(,[0-9a-f]{64})*)?$' THEN
         RAISE EXCEPTION 'attest ledger: the Merkle frontier does not fit a tree of % records', h.size + n USING ERRCODE = 'check_violation';
       END IF;
       INSERT INTO records (seq, kid, nonce, hash, body, ts, actor_id, action, target_type, target_id, outcome, tenant)
         SELECT * FROM unnest(r_seq, r_kid, r_nonce, r_hash, r_body, r_ts, r_actor, r_action, r_target_type, r_target_id, r_outcome, r_tenant);
       INSERT INTO pii (seq, subject, salt, data) SELECT * FROM unnest(p_seq, p_subject, p_salt, p_data);
       INSERT INTO nodes (id, hash) SELECT * FROM unnest(n_id, n_hash);
       IF c_size IS NOT NULL THEN
         INSERT INTO checkpoints (size, root, time, kid, signature) VALUES (c_size, c_root, c_time, c_kid, c_signature);
       END IF;
       UPDATE head SET size = h.size + n, hash = r_hash[n], ts = r_ts[n], frontier = h_frontier WHERE id = 1;
     END $$`,
    // An on-demand checkpoint may only be of a tree the ledger has reached.
    `CREATE OR REPLACE FUNCTION ${s}.add_checkpoint(c_size bigint, c_root bytea, c_time text, c_kid text, c_signature bytea)
     RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${s}, pg_catalog, pg_temp AS $$
     BEGIN
       IF c_size < 0 OR c_size > (SELECT size FROM head WHERE id = 1) THEN
         RAISE EXCEPTION 'attest ledger: a checkpoint of % records is beyond the head', c_size USING ERRCODE = 'check_violation';
       END IF;
       INSERT INTO checkpoints (size, root, time, kid, signature) VALUES (c_size, c_root, c_time, c_kid, c_signature) ON CONFLICT (size) DO NOTHING;
     END $$`,
    `REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ${s} FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA ${s} TO attest_app`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM attest_app`,
    `REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ${s} FROM attest_app`,
    `GRANT SELECT ON ${s}.records, ${s}.nodes, ${s}.checkpoints, ${s}.pii, ${s}.head, ${s}.meta, ${s}.archives, ${s}.tenant_bindings TO attest_app`,
    `GRANT EXECUTE ON FUNCTION ${s}.lock_head(), ${s}.append_batch, ${s}.add_checkpoint, ${s}.bound_tenants() TO attest_app`,
    `UPDATE ${s}.meta SET value = '${SCHEMA_VERSION}' WHERE key = 'schema_version'`,
    `ALTER TABLE ${s}.records ENABLE ROW LEVEL SECURITY`,
    `DROP POLICY IF EXISTS tenant_read ON ${s}.records`,
    // Scalar subqueries, so the binding is looked up once per query, not per row.
    `CREATE POLICY tenant_read ON ${s}.records FOR SELECT USING (
       (tenant = ANY ((SELECT ${s}.bound_tenants())::text[]) OR '*' = ANY ((SELECT ${s}.bound_tenants())::text[]))
       AND (current_setting('attest.tenants', true) = '*'
            OR tenant = ANY (string_to_array(current_setting('attest.tenants', true), ',')))
     )`,
    `DROP POLICY IF EXISTS app_insert ON ${s}.records`,
    // Personal data is read only with a record the role may read.
    `ALTER TABLE ${s}.pii ENABLE ROW LEVEL SECURITY`,
    `DROP POLICY IF EXISTS tenant_read ON ${s}.pii`,
    `CREATE POLICY tenant_read ON ${s}.pii FOR SELECT USING (EXISTS (SELECT 1 FROM ${s}.records r WHERE r.seq = pii.seq))`,
  ];
}

export interface PostgresOptions {
  /** Schema holding the ledger's tables (default "attest", or ?schema= in the URL). */
  schema?: string;
  /** Run as this role after connecting (e.g. attest_app), so grants and row-level security apply. */
  role?: string;
  /** Tenants this connection may read ('*' = all, the default for the CLI). */
  tenants?: string[] | '*';
  poolSize?: number;
}

export class PostgresStore implements LedgerStore {
  readonly kind = 'postgres' as const;
  readonly location: string;
  readonly schema: string;
  private pool: pg.Pool;

  constructor(url: string, opts: PostgresOptions = {}) {
    const u = new URL(url);
    const schema = opts.schema ?? u.searchParams.get('schema') ?? 'attest';
    u.searchParams.delete('schema');
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`schema "${schema}" must be a lower-case SQL identifier`);
    this.schema = schema;
    this.location = `${redactUrl(u.toString())} (schema ${schema})`;
    const tenants = opts.tenants ?? '*';
    const setting = tenants === '*' ? '*' : tenants.join(',');
    const role = opts.role;
    if (role !== undefined && !/^[a-z_][a-z0-9_$]{0,62}$/.test(role)) throw new Error(`role "${role}" must be a lower-case SQL identifier`);
    const location = this.location;
    this.pool = new pg.Pool({
      connectionString: u.toString(),
      max: opts.poolSize ?? 4,
      types,
      // Awaited before the connection is handed out: a connection whose SET ROLE failed is
      // closed and the query that wanted it fails, instead of running with the login's own
      // (possibly the owner's) privileges.
      onConnect: async (client: pg.ClientBase) => {
        await client.query(`SET search_path TO "${schema}"`);
        await client.query(`SELECT set_config('attest.tenants', $1, false)`, [setting]);
        if (!role) return;
        try {
          await client.query(`SET ROLE ${client.escapeIdentifier(role)}`);
        } catch (e) {
          const login = (await client.query<{ u: string }>('SELECT session_user AS u').catch(() => ({ rows: [] }))).rows[0]?.u ?? '<login>';
          throw new Error(
            `cannot SET ROLE ${role} on ${location}: ${(e as Error).message}; the role must exist and be granted to the login (GRANT ${role} TO ${login}), see README "PostgreSQL roles and tenants"`,
          );
        }
      },
    });
    // A broken idle connection must not crash the process; the next query reports the error.
    this.pool.on('error', () => undefined);
  }

  private async q<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  sideTables(): SideTables {
    return {
      run: async (sql, params = []) => {
        const r = await this.pool.query(sql, params as unknown[]);
        return { rows: r.rows as Record<string, unknown>[], changes: r.rowCount ?? 0 };
      },
      batch: async (statements) => {
        const fenced = new Error('side batch guard');
        try {
          await this.transaction(async (c) => {
            for (const s of statements) if (((await c.query(s.sql, s.params as unknown[] | undefined)).rowCount ?? 0) === 0 && s.guard) throw fenced;
          });
          return true;
        } catch (e) {
          if (e === fenced) return false;
          throw e;
        }
      },
      shareWithApplication: async (tables) => {
        for (const t of tables) if (!/^[a-z_][a-z0-9_]{0,62}$/.test(t)) throw new Error(`table "${t}" must be a lower-case SQL identifier`);
        const owned = await this.q<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename = ANY($2) AND tableowner = current_user`, [this.schema, tables]);
        if (owned.length === 0) return;
        const list = owned.map((r) => `"${this.schema}"."${r.tablename}"`).join(', ');
        // Re-granted on every start by the owner: a ledger migration revokes all from attest_app on the schema's tables.
        await this.q(`DO $$ BEGIN
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'attest_app') THEN
            GRANT USAGE ON SCHEMA "${this.schema}" TO attest_app;
            GRANT SELECT, INSERT, UPDATE, DELETE ON ${list} TO attest_app;
          END IF; END $$`);
      },
    };
  }

  async init(): Promise<string> {
    const s = `"${this.schema}"`;
    // Already migrated (the application role cannot, and need not, run migrations).
    const existing = await this.q<{ id: string | null; v: string | null }>(
      `SELECT CASE WHEN to_regclass($1) IS NULL THEN NULL ELSE 'yes' END AS id, NULL AS v`,
      [`${s}.meta`],
    );
    let version: number | undefined;
    if (existing[0]?.id) {
      const rows = await this.q<{ key: string; value: string }>(`SELECT key, value FROM ${s}.meta`);
      const id = rows.find((r) => r.key === 'ledger_id')?.value;
      version = Number(rows.find((r) => r.key === 'schema_version')?.value ?? 0);
      if (id && version >= SCHEMA_VERSION) return id;
    }
    return this.transaction(async (c) => {
      await c.query(`SELECT pg_advisory_xact_lock(hashtext('attest-ledger-migrate'))`);
      for (const m of migrations(this.schema)) {
        try {
          await c.query(m);
        } catch (e) {
          // The application role cannot change the schema (42501: insufficient privilege).
          if ((e as { code?: string }).code === '42501' && version !== undefined) {
            throw new Error(
              `the ledger schema at ${this.location} is version ${version}, this Attest needs ${SCHEMA_VERSION}, and this login may not upgrade it (${(e as Error).message}); open the ledger once as the schema owner (e.g. attest ledger verify --db postgres://OWNER@…) or run deploy/aws/db-bootstrap.mjs`,
            );
          }
          throw e;
        }
      }
      let id = (await c.query(`SELECT value FROM ${s}.meta WHERE key = 'ledger_id'`)).rows[0]?.value as string | undefined;
      if (!id) {
        id = randomUUID();
        await c.query(`INSERT INTO ${s}.meta (key, value) VALUES ('ledger_id', $1), ('schema_version', $2)`, [id, String(SCHEMA_VERSION)]);
        await c.query(`INSERT INTO ${s}.head (id, size, hash, ts, frontier) VALUES (1, 0, $1, '', '')`, [Buffer.alloc(32)]);
      }
      return id;
    });
  }

  private static toHead(r: { size: number; hash: Buffer; ts: string; frontier: string } | undefined): Head {
    return r ? { size: r.size, hash: r.hash, ts: r.ts, frontier: decodeFrontier(r.frontier) } : emptyHead();
  }

  /** Runs fn inside BEGIN … COMMIT on one connection; rolls back if it throws. */
  private async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await fn(c);
      await c.query('COMMIT');
      return result;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async head(): Promise<Head> {
    const rows = await this.q<{ size: number; hash: Buffer; ts: string; frontier: string }>('SELECT size, hash, ts, frontier FROM head WHERE id = 1');
    return PostgresStore.toHead(rows[0]);
  }

  async append(prepare: (head: Head) => AppendBatch, guard?: AppendGuard): Promise<AppendBatch> {
    return this.transaction(async (c) => {
      // The head's row lock (taken by the database's lock_head) serialises every writer.
      const h = (await c.query('SELECT size, hash, ts, frontier FROM lock_head()')).rows[0];
      // Under that lock (read committed: this statement sees every append committed before
      // the lock was granted), so no writer anywhere can slip a record in between.
      if (guard) {
        const hit = (await c.query<{ seq: number; action: string }>(guardSql(guard, (i) => `$${i}`), [guard.targetType, guard.targetId, ...guard.actions])).rows[0];
        if (hit) throw new LedgerConflictError(Number(hit.seq), hit.action, guard);
      }
      const batch = prepare(PostgresStore.toHead(h));
      const f = batch.records.map((r) => r.fields ?? searchFields(JSON.parse(r.body)));
      const k = batch.checkpoint;
      // One call: append_batch checks that the batch continues the chain at the head, writes
      // it and moves the head, so the lock is held for one round trip.
      await c.query(
        `SELECT append_batch($1::bigint[], $2::text[], $3::bytea[], $4::bytea[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
           $13::bigint[], $14::text[], $15::bytea[], $16::text[], $17::bigint[], $18::bytea[], $19, $20, $21, $22, $23, $24)`,
        [
          batch.records.map((r) => r.seq),
          batch.records.map((r) => r.kid),
          batch.records.map((r) => r.nonce),
          batch.records.map((r) => r.hash),
          batch.records.map((r) => r.body),
          f.map((x) => x.ts),
          f.map((x) => x.actor_id),
          f.map((x) => x.action),
          f.map((x) => x.target_type),
          f.map((x) => x.target_id),
          f.map((x) => x.outcome),
          f.map((x) => x.tenant),
          batch.pii.map((x) => x.seq),
          batch.pii.map((x) => x.subject),
          batch.pii.map((x) => x.salt),
          batch.pii.map((x) => x.data),
          batch.nodes.map((n) => n.level * NODE_ID + n.index),
          batch.nodes.map((n) => n.hash),
          k?.size ?? null,
          k?.root ?? null,
          k?.time ?? null,
          k?.kid ?? null,
          k?.signature ?? null,
          encodeFrontier(batch.head.frontier),
        ],
      );
      return batch;
    });
  }

  async appendRaw(records: StoredRecord[]): Promise<void> {
    const c = await this.pool.connect();
    try {
      await insertRecords(c, records);
    } finally {
      c.release();
    }
  }

  async *scan(fromSeq: number, toSeq: number, pageSize: number): AsyncIterable<ScanRow[]> {
    let next = fromSeq;
    for (;;) {
      const rows = await this.q<ScanRow>(
        `SELECT seq, kid, nonce, hash, body FROM records WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
        [next, toSeq, pageSize],
      );
      if (rows.length === 0) return;
      yield rows;
      next = rows[rows.length - 1]!.seq + 1;
      if (rows.length < pageSize) return;
    }
  }

  async records(fromSeq: number, toSeq: number): Promise<StoredRecord[]> {
    return this.q<StoredRecord>('SELECT seq, kid, nonce, hash, body FROM records WHERE seq >= $1 AND seq <= $2 ORDER BY seq', [fromSeq, toSeq]);
  }

  async query(q: QuerySpec): Promise<StoredRecord[]> {
    const { sql, params } = buildQuery(q, postgresDialect, 'seq, kid, nonce, hash, body');
    return this.q<StoredRecord>(sql, params);
  }

  async distinct(field: DistinctField, tenants?: string[], limit = 1000): Promise<string[]> {
    const col = DISTINCT_COLUMN[field];
    const params: unknown[] = [limit];
    let where = `${col} IS NOT NULL`;
    if (tenants) {
      params.push(tenants);
      where += ' AND tenant = ANY($2::text[])';
    }
    // Loose index scan: one probe per distinct value instead of reading every row.
    const rows = await this.q<{ v: string }>(
      `WITH RECURSIVE d(v) AS (
         (SELECT ${col} FROM records WHERE ${where} ORDER BY ${col} LIMIT 1)
         UNION ALL
         SELECT (SELECT ${col} FROM records WHERE ${where} AND ${col} > d.v ORDER BY ${col} LIMIT 1) FROM d WHERE d.v IS NOT NULL
       ) SELECT v FROM d WHERE v IS NOT NULL LIMIT $1`,
      params,
    );
    return rows.map((r) => r.v);
  }

  async pii(seqs: number[]): Promise<PiiRow[]> {
    if (seqs.length === 0) return [];
    return this.q<PiiRow>('SELECT seq, subject, salt, data FROM pii WHERE seq = ANY($1::bigint[])', [seqs]);
  }

  async searchColumnMismatch(fromSeq: number): Promise<{ seq: number; column: string } | undefined> {
    const cases = SEARCH_COLUMNS.map(([col, expr]) => `WHEN ${col} IS DISTINCT FROM ${expr} THEN '${col}'`).join(' ');
    const any = SEARCH_COLUMNS.map(([col, expr]) => `${col} IS DISTINCT FROM ${expr}`).join(' OR ');
    const [r] = await this.q<{ seq: number; column: string }>(
      `SELECT seq, CASE ${cases} END AS column FROM (SELECT * FROM records WHERE seq >= $1 AND body LIKE '{%') r WHERE ${any} ORDER BY seq LIMIT 1`,
      [fromSeq],
    );
    return r;
  }

  async firstSeqAtOrAfter(ts: string): Promise<number | undefined> {
    const [r] = await this.q<{ seq: number }>('SELECT seq FROM records WHERE ts >= $1 ORDER BY ts, seq LIMIT 1', [ts]);
    return r?.seq;
  }

  async piiRange(fromSeq: number, toSeq: number): Promise<PiiRow[]> {
    return this.q<PiiRow>('SELECT seq, subject, salt, data FROM pii WHERE seq >= $1 AND seq <= $2', [fromSeq, toSeq]);
  }

  async subjectPii(subject: string, upto: number): Promise<PiiRow[]> {
    return this.q<PiiRow>('SELECT seq, subject, salt, data FROM pii WHERE subject = $1 AND seq <= $2 ORDER BY seq', [subject, upto]);
  }

  async eraseRefusal(): Promise<string | undefined> {
    const [r] = await this.q<{ may: boolean; role: string; owner: string }>(
      `SELECT pg_has_role(current_user, c.relowner, 'USAGE') AS may, current_user AS role, pg_get_userbyid(c.relowner) AS owner FROM pg_class c WHERE c.oid = 'pii'::regclass`,
    );
    if (!r || r.may) return undefined;
    return `erasure on ${this.location} runs as the schema owner (${r.owner}): it deletes personal data and rewrites the table (VACUUM FULL), which ${r.role} may not do; nothing was written. Run attest ledger erase-subject with --db postgres://${r.owner}@…`;
  }

  async archiveRefusal(): Promise<string | undefined> {
    const [r] = await this.q<{ may: boolean; role: string; owner: string }>(
      `SELECT pg_has_role(current_user, c.relowner, 'USAGE') AS may, current_user AS role, pg_get_userbyid(c.relowner) AS owner FROM pg_class c WHERE c.oid = 'records'::regclass`,
    );
    if (!r || r.may) return undefined;
    return `archiving on ${this.location} runs as the schema owner (${r.owner}): it deletes the archived records from the database, which ${r.role} may not do; nothing was archived. Run attest ledger retention run (or attest ledger archive) with --db postgres://${r.owner}@… on a schedule, and set ledger.retentionSchedule.runner to "external"`;
  }

  async eraseSubject(subject: string, upto: number): Promise<number> {
    const deleted = (await this.pool.query('DELETE FROM pii WHERE subject = $1 AND seq <= $2', [subject, upto])).rowCount ?? 0;
    // A DELETE leaves the tuples in the table's pages until vacuum, and plain VACUUM leaves
    // their bytes in the pages' free space: VACUUM FULL writes new files from the live rows
    // (the old ones are truncated at commit). Only the owner may run it, as it may DELETE.
    await this.pool.query('VACUUM FULL pii');
    return deleted;
  }

  async nodes(keys: { level: number; index: number }[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (keys.length === 0) return out;
    const rows = await this.q<{ id: number; hash: Buffer }>('SELECT id, hash FROM nodes WHERE id = ANY($1::bigint[])', [keys.map((k) => k.level * NODE_ID + k.index)]);
    for (const r of rows) out.set(nodeKey(Math.floor(r.id / NODE_ID), r.id % NODE_ID), r.hash);
    return out;
  }

  async checkpoints(): Promise<CheckpointRow[]> {
    return this.q<CheckpointRow>('SELECT size, root, time, kid, signature FROM checkpoints ORDER BY size');
  }

  async latestCheckpoint(): Promise<CheckpointRow | undefined> {
    return (await this.q<CheckpointRow>('SELECT size, root, time, kid, signature FROM checkpoints ORDER BY size DESC LIMIT 1'))[0];
  }

  async addCheckpoint(k: CheckpointRow): Promise<void> {
    await this.pool.query('SELECT add_checkpoint($1, $2, $3, $4, $5)', [
      k.size,
      k.root,
      k.time,
      k.kid,
      k.signature,
    ]);
  }

  async archives(): Promise<ArchiveRow[]> {
    const rows = await this.q<ArchiveDbRow>('SELECT upto, from_seq, last_hash, frontier, file_sha256, created, signature FROM archives ORDER BY upto');
    return rows.map(toArchiveRow);
  }

  async registerArchive(row: ArchiveRow): Promise<number> {
    return this.transaction(async (c) => {
      // One archiver at a time; appends go on (they only touch seqs above the head).
      await c.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`attest-ledger-archive:${this.schema}`]);
      const last = Number((await c.query('SELECT coalesce(max(upto), 0) AS m FROM archives')).rows[0]?.m ?? 0);
      if (row.fromSeq !== last + 1) throw new Error(`archive ${row.fromSeq}..${row.upto} does not follow the last registered archive (up to ${last})`);
      const size = Number((await c.query('SELECT size FROM head WHERE id = 1')).rows[0]?.size ?? 0);
      if (row.upto > size || row.upto < row.fromSeq) throw new Error(`archive ${row.fromSeq}..${row.upto} is outside the ledger's ${size} records`);
      await c.query('INSERT INTO archives (upto, from_seq, last_hash, frontier, file_sha256, created, signature) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        row.upto,
        row.fromSeq,
        row.lastHash,
        encodeFrontier(row.frontier),
        row.fileSha256,
        row.created,
        row.signature,
      ]);
      await c.query('DELETE FROM pii WHERE seq <= $1', [row.upto]);
      const deleted = (await c.query('DELETE FROM records WHERE seq <= $1', [row.upto])).rowCount ?? 0;
      return deleted;
    });
  }

  async count(): Promise<number> {
    return (await this.q<{ n: number }>('SELECT count(*)::bigint AS n FROM records'))[0]?.n ?? 0;
  }

  /** Runs SQL as the store's connection (tests and the benchmark's tampering/maintenance only). */
  async sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.q<T>(text, params);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function insertRecords(c: pg.PoolClient, records: StoredRecord[]): Promise<void> {
  if (records.length === 0) return;
  const params: unknown[] = [];
  await c.query(
    recordsInsert(records, (v) => {
      params.push(v);
      return `$${params.length}`;
    }),
    params,
  );
}

/** INSERT of a batch of records (with their searchable columns) as one statement; p adds a parameter. */
function recordsInsert(records: StoredRecord[], p: (v: unknown) => string): string {
  const f = records.map((r) => r.fields ?? searchFields(JSON.parse(r.body)));
  const col = <T>(values: T[], type: string) => `${p(values)}::${type}[]`;
  return `INSERT INTO records (seq, kid, nonce, hash, body, ts, actor_id, action, target_type, target_id, outcome, tenant)
    SELECT * FROM unnest(${[
      col(records.map((r) => r.seq), 'bigint'),
      col(records.map((r) => r.kid), 'text'),
      col(records.map((r) => r.nonce), 'bytea'),
      col(records.map((r) => r.hash), 'bytea'),
      col(records.map((r) => r.body), 'text'),
      col(f.map((x) => x.ts), 'text'),
      col(f.map((x) => x.actor_id), 'text'),
      col(f.map((x) => x.action), 'text'),
      col(f.map((x) => x.target_type), 'text'),
      col(f.map((x) => x.target_id), 'text'),
      col(f.map((x) => x.outcome), 'text'),
      col(f.map((x) => x.tenant), 'text'),
    ].join(', ')})`;
}

/** Each searchable column and where its value sits in the body. */
const SEARCH_COLUMNS: [string, string][] = [
  ['ts', "(body::jsonb) ->> 'ts'"],
  ['actor_id', "(body::jsonb) -> 'actor' ->> 'id'"],
  ['action', "(body::jsonb) ->> 'action'"],
  ['target_type', "(body::jsonb) -> 'target' ->> 'type'"],
  ['target_id', "(body::jsonb) -> 'target' ->> 'id'"],
  ['outcome', "(body::jsonb) ->> 'outcome'"],
  ['tenant', "(body::jsonb) ->> 'tenant'"],
];

export interface BootstrapOptions {
  /** Connection URL of the schema's owner (the RDS master user on AWS). */
  ownerUrl: string;
  /** The login role the service connects as; created when missing, made a member of attest_app. */
  login: string;
  /** Its password (set on every run, so a rotated secret stays in step); omit for trust/IAM authentication. */
  password?: string;
  /** Tenants the login (and its members, such as a rotation clone) may read; '*' = all. */
  tenants: string[] | '*';
}

/**
 * What a deployment runs once, and again after an upgrade, as the owner: the ledger's schema
 * (migrations), the application's login as a member of attest_app, and the login's tenant
 * binding. The login ends up with SELECT on the ledger's tables and EXECUTE on its append
 * functions, nothing else.
 */
export async function bootstrapPostgres(o: BootstrapOptions): Promise<{ ledgerId: string; schema: string }> {
  if (!/^[a-z_][a-z0-9_$]{0,62}$/.test(o.login)) throw new Error(`login "${o.login}" must be a lower-case SQL identifier`);
  if (o.tenants !== '*' && (o.tenants.length === 0 || o.tenants.some((t) => !t || t.includes(',')))) {
    throw new Error(`tenants must be '*' or a non-empty list of tenant names without commas, got ${JSON.stringify(o.tenants)}`);
  }
  const store = new PostgresStore(o.ownerUrl, { poolSize: 1 });
  try {
    const ledgerId = await store.init();
    const login = pg.escapeIdentifier(o.login);
    if (!(await store.sql('SELECT 1 FROM pg_roles WHERE rolname = $1', [o.login])).length) await store.sql(`CREATE ROLE ${login} LOGIN`);
    // The password goes into the statement (utility statements take no parameters): the
    // error, should there be one, is replaced so that neither carries it anywhere.
    if (o.password !== undefined) {
      await store.sql(`ALTER ROLE ${login} WITH LOGIN PASSWORD ${pg.escapeLiteral(o.password)}`).catch(() => {
        throw new Error(`could not set the password of ${o.login} on ${store.location}`);
      });
    }
    await store.sql(`GRANT attest_app TO ${login}`);
    await store.sql(`INSERT INTO tenant_bindings (role, tenants) VALUES ($1, $2) ON CONFLICT (role) DO UPDATE SET tenants = EXCLUDED.tenants`, [
      o.login,
      o.tenants === '*' ? ['*'] : o.tenants,
    ]);
    return { ledgerId, schema: store.schema };
  } finally {
    await store.close();
  }
}
