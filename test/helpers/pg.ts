/** The PostgreSQL server the tests run against, and whether it is there. */
import pg from 'pg';

export const PG_URL = process.env['ATTEST_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

let state: Promise<string | undefined> | undefined;

/**
 * Why the PostgreSQL tests are skipped, or undefined when the server answers. Under CI an
 * unreachable server is an error: there the real server is required.
 */
export function pgUnreachable(): Promise<string | undefined> {
  state ??= (async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return undefined;
    } catch (e) {
      const why = `PostgreSQL at ${PG_URL} is not reachable (${(e as Error).message}); start it or set ATTEST_TEST_PG`;
      if (process.env['CI']) throw new Error(`${why}; CI requires it`);
      return why;
    } finally {
      await c.end().catch(() => undefined);
    }
  })();
  return state;
}

/** Runs `fn` on a connection of the server's owner (superuser in the tests), then closes it. */
export async function asOwner<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Drops login roles a test created, with whatever they own (run by the owner in test.after). */
export async function dropLogins(logins: readonly string[]): Promise<void> {
  await asOwner(async (c) => {
    for (const r of logins) await c.query(`DROP OWNED BY ${r}`).catch(() => undefined);
    for (const r of logins) await c.query(`DROP ROLE IF EXISTS ${r}`).catch(() => undefined);
  });
}
