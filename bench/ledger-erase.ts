// What a SQLite erasure costs (README, "Erasure removes the values from the database files"):
// a ledger of N records (default 200,000, appended in batches of 1,000), then erase-subject
// of one user — the VACUUM and WAL truncation that hold the file's write lock. Prints JSON.
//   node dist/bench/ledger-erase.js [records]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryKeyProvider } from '../src/ledger/keys.js';
import { Ledger } from '../src/ledger/ledger.js';
import { SqliteStore } from '../src/ledger/stores/sqlite.js';
import { EventGenerator } from './ledger-writer.js';

const records = Number(process.argv[2] ?? 200_000);
const gen = new EventGenerator(7);
const dir = mkdtempSync(join(tmpdir(), 'attest-erase-'));
const file = join(dir, 'ledger.db');
const keys = DirectoryKeyProvider.open(join(dir, 'keys'), { create: true });
const ledger = await Ledger.open({ store: new SqliteStore(file), keys });
let subject: string | undefined;
for (let n = 0; n < records; n += 1000) {
  const batch = Array.from({ length: Math.min(1000, records - n) }, () => gen.next());
  subject ??= batch.find((e) => e.actor.type === 'user')?.actor.id;
  await ledger.append(batch);
}
const mb = (f: string) => Math.round((statSync(f, { throwIfNoEntry: false })?.size ?? 0) / 1e5) / 10;
const before = { fileMB: mb(file), walMB: mb(`${file}-wal`) };
const t = performance.now();
const r = await ledger.eraseSubject(subject!, { id: 'dpo', type: 'user' }, 'BENCH-1');
const seconds = Math.round(performance.now() - t) / 1000;
const after = { fileMB: mb(file), walMB: mb(`${file}-wal`) };
await ledger.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ records, subject, rowsErased: r.erased, eraseSeconds: seconds, before, after }, null, 1));
