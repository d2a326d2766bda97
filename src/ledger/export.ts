/**
 * Streaming export of the ledger (CSV, JSON, NDJSON) in constant memory, and the evidence
 * bundle an auditor takes away: the records, the signed checkpoint, the public key and how
 * to verify them. Secrets in metadata are scrubbed on the way out (again: they are scrubbed
 * on the way in too, this catches anything written by an older version), and personal data
 * is left out unless asked for.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Ledger, LedgerRecord, QueryFilters, SignedCheckpoint } from './ledger.js';
import { scrubSecrets } from './record.js';

export type ExportFormat = 'csv' | 'json' | 'ndjson';

export interface ExportOptions {
  format: ExportFormat;
  filters: Omit<QueryFilters, 'cursor' | 'limit' | 'order'>;
  /** Include personal data (names, emails, IPs) that has not been erased. Off by default. */
  includePersonal?: boolean;
  onProgress?: (n: number) => void;
}

export const CSV_COLUMNS = [
  'seq',
  'ts',
  'actor_id',
  'actor_type',
  'action',
  'target_type',
  'target_id',
  'target_name',
  'outcome',
  'tenant',
  'ticket_id',
  'request_id',
  'reporter',
  'metadata',
  'hash',
] as const;

function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  let s = typeof v === 'string' ? v : JSON.stringify(v);
  // Spreadsheet formula injection: a cell that starts with = + - @ is neutralised.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The record as exported: scrubbed, with or without personal data. */
export function exportView(r: LedgerRecord, includePersonal: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...r };
  if (r.metadata) out['metadata'] = scrubSecrets(r.metadata);
  if (!includePersonal) delete out['personal'];
  return out;
}

export function csvRow(r: LedgerRecord, includePersonal: boolean): string {
  const v = exportView(r, includePersonal) as unknown as LedgerRecord;
  const cells: unknown[] = [
    v.seq,
    v.ts,
    v.actor.id,
    v.actor.type,
    v.action,
    v.target?.type,
    v.target?.id,
    v.target?.name ?? (includePersonal ? v.personal?.['target.name'] : undefined),
    v.outcome,
    v.tenant,
    v.ticket_id,
    v.request_id,
    v.reporter ? `${v.reporter.type}:${v.reporter.id}` : undefined,
    v.metadata,
    v.hash,
  ];
  return cells.map(csvCell).join(',') + '\r\n';
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes every matching record, oldest first, one page (1000 records) in memory at a time. */
export async function exportRecords(ledger: Ledger, out: Writable, o: ExportOptions): Promise<number> {
  const personal = o.includePersonal ?? false;
  let n = 0;
  if (o.format === 'csv') await write(out, CSV_COLUMNS.join(',') + '\r\n');
  if (o.format === 'json') await write(out, '[');
  let cursor: string | undefined;
  for (;;) {
    const page = await ledger.query({ ...o.filters, order: 'asc', limit: 1000, ...(cursor ? { cursor } : {}) });
    let chunk = '';
    for (const r of page.records) {
      if (o.format === 'csv') chunk += csvRow(r, personal);
      else if (o.format === 'ndjson') chunk += JSON.stringify(exportView(r, personal)) + '\n';
      else chunk += (n > 0 || chunk ? ',\n' : '\n') + JSON.stringify(exportView(r, personal));
      n++;
    }
    if (chunk) await write(out, chunk);
    o.onProgress?.(n);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  if (o.format === 'json') await write(out, n ? '\n]\n' : ']\n');
  return n;
}

export function howToVerify(cp: SignedCheckpoint): string {
  return `# How to verify this export

This bundle holds audit records exported from Attest ledger \`${cp.origin}\`, the signed checkpoint
of that ledger at ${cp.size} records (\`checkpoint.json\`, signed ${cp.time}), and the Ed25519 public key that
signed it (\`public-key.pem\`). Check first that the public key is the one the ledger's operator published
to you out of band (its SHA-256 fingerprint is in \`manifest.json\`). Then run
\`attest ledger verify --db <ledger> --keys <key dir> --checkpoint checkpoint.json\` where the ledger lives: it
recomputes every record's HMAC chain and the RFC 9162 Merkle tree and fails, naming the first bad sequence
number, if any record was changed, removed, inserted, reordered or truncated since this checkpoint.
Without access to the ledger, \`attest ledger verify-proof proof.json --public-key public-key.pem\` checks an
inclusion proof (obtained from \`attest ledger proof SEQ\`) of any single record against this checkpoint with
nothing but the public key. \`records.*\` is a filtered copy for reading; the checkpoint, not the copy, is the evidence.
`;
}

/** Writes a bundle directory: records file, checkpoint.json, public-key.pem, manifest.json, VERIFY.md. */
export async function exportBundle(ledger: Ledger, dir: string, o: ExportOptions): Promise<{ records: number; files: string[]; checkpoint: SignedCheckpoint }> {
  mkdirSync(dir, { recursive: true });
  const checkpoint = await ledger.checkpoint();
  const recordsFile = `records.${o.format}`;
  const stream = createWriteStream(join(dir, recordsFile));
  const n = await exportRecords(ledger, stream, o);
  stream.end();
  await once(stream, 'finish');
  writeFileSync(join(dir, 'checkpoint.json'), JSON.stringify(checkpoint, null, 2) + '\n');
  writeFileSync(join(dir, 'public-key.pem'), checkpoint.publicKey);
  const { createHash, createPublicKey } = await import('node:crypto');
  const der = createPublicKey(checkpoint.publicKey).export({ format: 'der', type: 'spki' });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify(
      {
        origin: checkpoint.origin,
        exportedAt: new Date().toISOString(),
        records: n,
        format: o.format,
        filters: o.filters,
        personalData: o.includePersonal ? 'included' : 'left out',
        checkpoint: { size: checkpoint.size, root: checkpoint.root, time: checkpoint.time },
        publicKeySha256: createHash('sha256').update(der).digest('hex'),
      },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(join(dir, 'VERIFY.md'), howToVerify(checkpoint));
  return { records: n, files: [recordsFile, 'checkpoint.json', 'public-key.pem', 'manifest.json', 'VERIFY.md'], checkpoint };
}
