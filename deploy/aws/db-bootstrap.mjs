#!/usr/bin/env node
// The one-off database bootstrap task (deploy/aws/service.yaml, BootstrapTaskDefinition):
// as the RDS master user, create or upgrade the ledger schema, make the service's login
// (the app-db secret) a member of attest_app with its current password, and bind it to the
// tenants it serves. Run it again after every upgrade of Attest and it does the same.
//
// Environment: PGHOST, PGPORT, PGDATABASE; MASTER_USERNAME, MASTER_PASSWORD; APP_USERNAME,
// APP_PASSWORD; optional ATTEST_PG_SCHEMA (default attest) and ATTEST_APP_TENANTS
// (comma-separated tenant names, default '*': the service serves every tenant); PGSSLMODE
// (default verify-full: RDS presents a certificate; `disable` only for a local database).
import { bootstrapPostgres } from '../../dist/src/ledger/stores/postgres.js';
import { openScanStore } from '../../dist/src/server/scan-store.js';
import { openComplianceStore } from '../../dist/src/compliance/store.js';
import { prepareTables as prepareDetectionTables } from '../../dist/src/detection/detector.js';
import { PostgresStore } from '../../dist/src/ledger/stores/postgres.js';

const need = (name) => {
  const v = process.env[name];
  if (!v) {
    process.stderr.write(`db-bootstrap: ${name} is not set (see deploy/aws/service.yaml, BootstrapTaskDefinition)\n`);
    process.exit(2);
  }
  return v;
};
const host = need('PGHOST');
const port = process.env.PGPORT ?? '5432';
const db = need('PGDATABASE');
const url = new URL(`postgres://${host}:${port}/${db}`);
url.username = need('MASTER_USERNAME');
url.password = need('MASTER_PASSWORD');
url.searchParams.set('sslmode', process.env.PGSSLMODE || 'verify-full');
url.searchParams.set('schema', process.env.ATTEST_PG_SCHEMA ?? 'attest');
const tenantsText = process.env.ATTEST_APP_TENANTS ?? '*';
const tenants = tenantsText === '*' ? '*' : tenantsText.split(',').map((t) => t.trim()).filter(Boolean);

try {
  const r = await bootstrapPostgres({ ownerUrl: url.toString(), login: need('APP_USERNAME'), password: need('APP_PASSWORD'), tenants });
  // The scans, evidence-file and assessment-history tables beside the ledger: created (and
  // granted to attest_app) here by the owner, because the service's login may not create tables.
  for (const store of [openScanStore(url.toString()), openComplianceStore(url.toString())]) {
    try {
      await store.init();
    } finally {
      await store.close();
    }
  }
  // Detection's lease, cursor and per-subject state (detect_lease, detect_state, detect_subject), likewise.
  const ledgerStore = new PostgresStore(url.toString(), { poolSize: 1 });
  try {
    await prepareDetectionTables(ledgerStore.sideTables());
  } finally {
    await ledgerStore.close();
  }
  process.stdout.write(`db-bootstrap: ledger ${r.ledgerId} (schema ${r.schema}) ready; ${process.env.APP_USERNAME} is a member of attest_app bound to ${tenants === '*' ? 'every tenant' : tenants.join(', ')}\n`);
} catch (e) {
  // Messages from the store carry the redacted location, never a password.
  process.stderr.write(`db-bootstrap: ${e.message}\n`);
  process.exit(1);
}
