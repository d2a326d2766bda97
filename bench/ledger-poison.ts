// What a refused record costs the others (SQLite): concurrent callers appending one event each,
// group-committed, with and without one caller whose batch the store refuses (the merged
// transaction then rolls back and every caller is written again on its own). Also what
// checking metadata against its limits costs for typical and for limit-sized metadata.
// Prints JSON.
//   node dist/bench/ledger-poison.js [callers] [rounds]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryKeyProvider } from '../src/ledger/keys.js';
import { Ledger } from '../src/ledger/ledger.js';
import { SqliteStore } from '../src/ledger/stores/sqlite.js';
import { validateEvent, type AuditEventInput } from '../src/ledger/record.js';
import { EventGenerator } from './ledger-writer.js';
import { poisonRefusingStore } from '../test/ledger/poison-store.js';

const callers = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 20);
const gen = new EventGenerator(11);
const dir = mkdtempSync(join(tmpdir(), 'attest-poison-'));
const keys = DirectoryKeyProvider.open(join(dir, 'keys'), { create: true });

async function groupMs(poisoned: boolean): Promise<{ msPerGroup: number; acknowledged: number; refused: number }> {
  const ledger = await Ledger.open({ store: poisonRefusingStore(new SqliteStore(join(dir, `${poisoned ? 'p' : 'c'}.db`))), keys });
  let acknowledged = 0;
  let refused = 0;
  const t = performance.now();
  for (let r = 0; r < rounds; r++) {
    const calls = Array.from({ length: callers }, (_, i) =>
      ledger.append([poisoned && i === callers >> 1 ? { ...gen.next(), metadata: { poison: true } } : gen.next()]),
    );
    for (const s of await Promise.allSettled(calls)) s.status === 'fulfilled' ? acknowledged++ : refused++;
  }
  const ms = (performance.now() - t) / rounds;
  if (!(await ledger.verify()).ok) throw new Error('the ledger does not verify');
  await ledger.close();
  return { msPerGroup: Math.round(ms * 100) / 100, acknowledged, refused };
}

function validateMicros(ev: AuditEventInput, n: number): number {
  const t = performance.now();
  for (let i = 0; i < n; i++) validateEvent(ev);
  return Math.round(((performance.now() - t) * 1000) / n * 100) / 100;
}

const clean = await groupMs(false);
const poisoned = await groupMs(true);
const typical = gen.next();
const widest: AuditEventInput = { ...typical, metadata: { list: Array.from({ length: 9_999 }, (_, i) => i % 10) } };
let deepest: unknown = 'x';
for (let i = 0; i < 31; i++) deepest = { d: deepest };
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      callersPerGroup: callers,
      rounds,
      clean,
      oneRefusedCaller: poisoned,
      retryCostFactor: Math.round((poisoned.msPerGroup / clean.msPerGroup) * 100) / 100,
      validateMicros: {
        typical: validateMicros(typical, 100_000),
        deepest32Levels: validateMicros({ ...typical, metadata: deepest as Record<string, unknown> }, 20_000),
        widest10000Members: validateMicros(widest, 500),
      },
    },
    null,
    1,
  ),
);
