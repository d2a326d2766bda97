/**
 * Where the detector keeps the evaluator's state: one row per subject (detect_subject) and a
 * cursor row (detect_state: the last evaluated seq and how many subject rows go with it).
 * A save writes only the subjects changed since the previous save, deletes the evicted
 * ones and moves the cursor, in one transaction fenced by the lease (holder and epoch): the
 * stored subjects are always exactly the state after the stored seq, so a new holder
 * resumes from there with nothing missed and nothing evaluated twice.
 *
 * State saved by an older Attest as one row (version 1: every subject in detect_state.state)
 * is read once and written out as rows at the next save.
 */
import type { SideStatement, SideTables } from '../ledger/store.js';
import type { Evaluator, EvaluatorState } from './evaluator.js';

/** Rows per INSERT / DELETE statement (within both databases' parameter limits). */
const CHUNK = 500;

export interface Fence {
  holder: string;
  epoch: number;
}

export interface SaveFigures {
  /** Subject rows written and deleted. */
  upserted: number;
  removed: number;
  /** Bytes of subject JSON written. */
  bytes: number;
  /** Subjects held after the save. */
  subjects: number;
}

interface CursorHeader {
  version: 2;
  subjects: number;
}

export class DetectionStateStore {
  /** Figures of the last committed save. */
  last: SaveFigures | undefined;
  /** No cursor was stored (or one in the old layout): the first save clears any subject rows left without one. */
  private clearFirst = true;

  constructor(
    private readonly sql: SideTables,
    private readonly name: string,
  ) {}

  /** Restores `ev` from the stored state (leaves it empty when there is none). */
  async load(ev: Evaluator): Promise<void> {
    const st = await this.sql.run('SELECT seq, state FROM detect_state WHERE name = $1', [this.name]);
    const row = st.rows[0];
    if (!row) {
      this.clearFirst = true;
      return;
    }
    const header = JSON.parse(String(row['state'])) as { version?: unknown } & Partial<EvaluatorState> & Partial<CursorHeader>;
    if (header.version === 1) {
      // The old layout: the whole state in this row. Written out as rows at the next save.
      ev.restore(header as EvaluatorState, { allChanged: true });
      this.clearFirst = true;
      return;
    }
    if (header.version !== 2) throw new Error(`detection state version ${String(header.version)} is not one this Attest reads (1 or 2); delete the detect_state row named "${this.name}" to evaluate the ledger again from its start`);
    const rows = await this.sql.run('SELECT subject, state FROM detect_subject WHERE name = $1', [this.name]);
    if (rows.rows.length !== header.subjects) {
      throw new Error(
        `detection state is inconsistent: detect_state says ${String(header.subjects)} subjects, detect_subject holds ${rows.rows.length}; delete the detect_state row named "${this.name}" to evaluate the ledger again from its start (alerts already raised are not raised again)`,
      );
    }
    ev.restore({ version: 1, lastSeq: Number(row['seq']), subjects: rows.rows.map((r) => [String(r['subject']), JSON.parse(String(r['state']))]) });
    this.clearFirst = false;
  }

  /**
   * Writes what changed in `ev` since its last save and the cursor, in one transaction, only
   * while `fence` still holds the lease. Resolves to false (nothing written) when it does not.
   */
  async save(ev: Evaluator, fence: Fence, nowIso: string): Promise<boolean> {
    const ch = ev.takeChanges();
    const n = this.name;
    const statements: SideStatement[] = [
      // Locks the lease row until commit (PostgreSQL): a takeover waits for this save, then sees its cursor.
      { sql: 'UPDATE detect_lease SET epoch = epoch WHERE name = $1 AND holder = $2 AND epoch = $3', params: [n, fence.holder, fence.epoch], guard: true },
    ];
    if (this.clearFirst) statements.push({ sql: 'DELETE FROM detect_subject WHERE name = $1', params: [n] });
    else {
      for (let i = 0; i < ch.remove.length; i += CHUNK) {
        const ids = ch.remove.slice(i, i + CHUNK);
        statements.push({ sql: `DELETE FROM detect_subject WHERE name = $1 AND subject IN (${ids.map((_, k) => `$${k + 2}`).join(', ')})`, params: [n, ...ids] });
      }
    }
    let bytes = 0;
    for (let i = 0; i < ch.upsert.length; i += CHUNK) {
      const part = ch.upsert.slice(i, i + CHUNK);
      const params: unknown[] = [n];
      const values = part.map(([id, json]) => {
        bytes += Buffer.byteLength(json);
        params.push(id, json);
        return `($1, $${params.length - 1}, $${params.length})`;
      });
      statements.push({ sql: `INSERT INTO detect_subject (name, subject, state) VALUES ${values.join(', ')} ON CONFLICT (name, subject) DO UPDATE SET state = excluded.state`, params });
    }
    const header: CursorHeader = { version: 2, subjects: ch.subjects };
    statements.push({
      sql: `INSERT INTO detect_state (name, seq, state, updated) VALUES ($1, $2, $3, $4)
            ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, state = excluded.state, updated = excluded.updated`,
      params: [n, ch.lastSeq, JSON.stringify(header), nowIso],
      guard: true,
    });
    if (!(await this.sql.batch(statements))) return false;
    this.clearFirst = false;
    this.last = { upserted: ch.upsert.length, removed: ch.remove.length, bytes, subjects: ch.subjects };
    return true;
  }
}
