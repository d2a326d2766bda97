// Where an append's time goes (SQLite): validation, the split into chained body and personal
// data, canonicalisation, and the store's inserts, measured apart. Prints JSON.
//   node dist/bench/ledger-profile.js [records]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryKeyProvider } from '../src/ledger/keys.js';
import { Ledger } from '../src/ledger/ledger.js';
import { SqliteStore } from '../src/ledger/stores/sqlite.js';
import { canonicalize } from '../src/ledger/canonical.js';
import { splitEvent, validateEvent } from '../src/ledger/record.js';
import { EventGenerator } from './ledger-writer.js';

const n = Number(process.argv[2] ?? 100_000);
const gen = new EventGenerator(7);
const events = Array.from({ length: n }, () => gen.next());
const us = (t: number) => Math.round(((performance.now() - t) * 1000) / n * 100) / 100;
let t = performance.now();
const valid = events.map((e) => validateEvent(e));
const validateUs = us(t);
t = performance.now();
const parts = valid.map(splitEvent);
const splitUs = us(t);
t = performance.now();
for (const p of parts) canonicalize({ ...p.body, seq: 1, ts: '2026-01-01T00:00:00.000000Z' });
const canonUs = us(t);
const dir = mkdtempSync(join(tmpdir(), 'attest-prof-'));
const keys = DirectoryKeyProvider.open(join(dir, 'keys'), { create: true });
const ledger = await Ledger.open({ store: new SqliteStore(join(dir, 'l.db')), keys });
t = performance.now();
for (let i = 0; i < n; i += 1000) await ledger.append(events.slice(i, i + 1000));
const appendUs = us(t);
const raw = await Ledger.open({ store: new SqliteStore(join(dir, 'raw.db')), keys });
t = performance.now();
for (let i = 0; i < n; i += 1000) await raw.appendRaw(events.slice(i, i + 1000), i + 1);
const rawUs = us(t);
await ledger.close();
await raw.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ records: n, microsPerRecord: { validate: validateUs, split: splitUs, canonicalize: canonUs, append: appendUs, rawAppend: rawUs }, appendsPerSecond: Math.round(1e6 / appendUs) }, null, 1));
