/** SQL shared by both stores: the query filter, written once for either placeholder style. */
import type { QuerySpec } from '../store.js';

export interface Dialect {
  /** Placeholder for the n-th (1-based) parameter. */
  param(n: number): string;
}

export const sqliteDialect: Dialect = { param: () => '?' };
export const postgresDialect: Dialect = { param: (n) => `$${n}` };

/** Builds `WHERE … ORDER BY seq … LIMIT …` for a query; seq order is time order (times are assigned under the append lock). */
export function buildQuery(q: QuerySpec, d: Dialect, columns: string): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return d.param(params.length);
  };
  if (q.from !== undefined) where.push(`ts >= ${p(q.from)}`);
  if (q.to !== undefined) where.push(`ts < ${p(q.to)}`);
  if (q.seqFrom !== undefined) where.push(`seq >= ${p(q.seqFrom)}`);
  if (q.seqBefore !== undefined) where.push(`seq < ${p(q.seqBefore)}`);
  if (q.actor !== undefined) where.push(`actor_id = ${p(q.actor)}`);
  if (q.actionExact !== undefined) where.push(`action = ${p(q.actionExact)}`);
  else if (q.action !== undefined) {
    const a = actionStem(q.action);
    // The action itself, or anything below it: "task" matches task.assign ('/' sorts right after '.').
    where.push(`(action = ${p(a)} OR (action >= ${p(a + '.')} AND action < ${p(a + '/')}))`);
  }
  if (q.targetType !== undefined) where.push(`target_type = ${p(q.targetType)}`);
  if (q.targetId !== undefined) where.push(`target_id = ${p(q.targetId)}`);
  if (q.outcome !== undefined) where.push(`outcome = ${p(q.outcome)}`);
  if (q.tenants !== undefined) {
    if (q.tenants.length === 0) where.push('1 = 0');
    else where.push(`tenant IN (${q.tenants.map((t) => p(t)).join(', ')})`);
  }
  if (q.subject !== undefined) {
    where.push(`(actor_id = ${p(q.subject)} OR seq IN (SELECT seq FROM pii WHERE subject = ${p(q.subject)}))`);
  }
  if (q.cursor !== undefined) where.push(q.order === 'asc' ? `seq > ${p(q.cursor)}` : `seq < ${p(q.cursor)}`);
  const sql =
    `SELECT ${columns} FROM records` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY seq ${q.order === 'asc' ? 'ASC' : 'DESC'} LIMIT ${p(q.limit)}`;
  return { sql, params };
}

/** The action filter without a trailing "." or "*" (so "task", "task." and "task.*" are the same). */
export function actionStem(action: string): string {
  return action.replace(/[.*]+$/, '');
}

export const DISTINCT_COLUMN = {
  actor: 'actor_id',
  action: 'action',
  target_type: 'target_type',
  tenant: 'tenant',
  outcome: 'outcome',
} as const;
