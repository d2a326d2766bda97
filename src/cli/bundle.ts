// attest bundle create | verify: the evidence bundle an auditor verifies offline (src/bundle/).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { many, one, parseArgs, UsageError } from './args.js';
import { COMMON, withLedger } from './ledger.js';
import { SCAN_INPUT_FLAGS } from './scan-input.js';
import { loadConfig, ConfigError, DEFAULT_COMPLIANCE } from '../config.js';
import type { Ledger, SignedCheckpoint } from '../ledger/ledger.js';
import { openComplianceStore } from '../compliance/store.js';
import { BundleInputError, createBundle, type SignedFile } from '../bundle/create.js';
import { verifyBundleFile } from '../bundle/verify.js';
import { REPORT_DISCLAIMER } from '../compliance/framework-report.js';

export const BUNDLE_HELP = `Usage:
  attest bundle create --framework FW [path...] --out bundle.zip --db LEDGER --keys DIR
                       [--since 90d | --from DATE --to DATE] [--previous-checkpoint FILE] [scan input flags]
  attest bundle verify bundle.zip [--previous-checkpoint FILE] [--public-key PEM]...

create writes one zip: the framework report in every rendering, each with its detached signature
(report.json, report.pdf, report.oscal.json = OSCAL 1.1.2 assessment results, and
report.oscal.json.catalog.json = the framework as an OSCAL catalog; NAME.sig beside each), inputs.json (every scanned file with its SHA-256), the ledger records
of the period (records.ndjson, secrets scrubbed, personal data left out), the checkpoint they end at
(checkpoint.json, signed now), an inclusion proof of every record (proofs/inclusion.ndjson), with
--previous-checkpoint a consistency proof from that checkpoint (proofs/consistency.json), the attested
evidence files (evidence/<sha256>), every signing public key (keys/), VERIFY.md, and manifest.json
(SHA-256 and size of every member) signed in manifest.json.sig with the checkpoint's key.

verify checks all of it offline, without a database: the manifest's signature (by the keys you pin
with --public-key), every member's hash, no member missing or extra, each record's inclusion in the
checkpoint, the checkpoint's signature, consistency with --previous-checkpoint, the signature of
every rendering of the report, and the evidence files' hashes. Exit 0 and VERIFIED, or exit 1 naming each failing member
and why; 2 on a usage error.
`;

const out = (s: string) => process.stdout.write(s);

export async function runBundle(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'create') return create(rest);
  if (sub === 'verify') return verify(rest);
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') { out(BUNDLE_HELP); return 0; }
  throw new UsageError(`unknown bundle command ${JSON.stringify(sub)}; use create or verify`);
}

function readCheckpoint(file: string): SignedCheckpoint {
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as SignedCheckpoint;
    if (c?.format !== 'attest-checkpoint/v1') throw new UsageError(`--previous-checkpoint ${file}: not an attest-checkpoint/v1 document`);
    return c;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--previous-checkpoint ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

async function create(argv: string[]): Promise<number> {
  const spec = { ...COMMON, ...SCAN_INPUT_FLAGS, framework: true, out: true, since: true, from: true, to: true, category: true, quiet: false, 'previous-checkpoint': true };
  const a = parseArgs(argv, spec, { o: 'out', p: 'param', q: 'quiet', h: 'help' });
  if (a.flags.has('help')) { out(BUNDLE_HELP); return 0; }
  const outFile = one(a, 'out');
  if (!outFile) throw new UsageError('bundle create needs --out FILE.zip');
  if (!one(a, 'framework')) throw new UsageError('bundle create needs --framework FW (see attest frameworks)');
  if (!a.flags.has('db') && !a.flags.has('keys')) throw new UsageError('bundle create needs the ledger (--db and --keys): the bundle is anchored to its signed checkpoint');
  const prevFile = one(a, 'previous-checkpoint');
  const previous = prevFile ? readCheckpoint(prevFile) : undefined;
  const quiet = a.flags.has('quiet');

  // The report, exactly as `attest report` makes and signs it.
  const reportArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--out' || x === '-o' || x === '--previous-checkpoint') { i++; continue; }
    if (x.startsWith('--out=') || x.startsWith('--previous-checkpoint=') || x === '-q' || x === '--quiet') continue;
    reportArgs.push(x);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'attest-bundle-'));
  let report: Buffer;
  let reportSig: Buffer;
  let reportCode = 0;
  let renderings: { pdf: SignedFile; oscal: SignedFile; oscalCatalog: SignedFile };
  try {
    const { runReport } = await import('./compliance.js');
    // One scan, three renderings: report.json, report.pdf and report.oscal.json (with its catalog), each signed.
    const code = await runReport([...reportArgs, '--out', join(tmp, 'report.json'), '-q'], { pdf: join(tmp, 'report.pdf'), oscal: join(tmp, 'report.oscal.json') });
    reportCode = code;
    if (code !== 0) process.stderr.write(`attest: the report step exited ${code} (input errors, no infrastructure files, or a ledger that does not verify: see the notes in report.json); the bundle is made anyway and this command exits ${code}\n`);
    report = readFileSync(join(tmp, 'report.json'));
    try {
      reportSig = readFileSync(join(tmp, 'report.json.sig'));
    } catch {
      throw new UsageError('the report was not signed (no ledger keys): a bundle needs --db and --keys');
    }
    const signed = (name: string): SignedFile => {
      try {
        return { bytes: readFileSync(join(tmp, name)), sig: readFileSync(join(tmp, `${name}.sig`)) };
      } catch (e) {
        throw new Error(`the report step did not write ${name} and its signature (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
    };
    renderings = { pdf: signed('report.pdf'), oscal: signed('report.oscal.json'), oscalCatalog: signed('report.oscal.json.catalog.json') };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  let db: string;
  let maxBytes: number;
  try {
    const cfg = loadConfig(one(a, 'config'));
    db = one(a, 'db') ?? cfg.ledger.db;
    maxBytes = (cfg.compliance ?? DEFAULT_COMPLIANCE).evidenceMaxBytes;
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  const store = openComplianceStore(db, { evidenceMaxBytes: maxBytes });
  await store.init();
  try {
    const r = await withLedger(a, false, async (ledger: Ledger) => {
      try {
        return await createBundle({ ledger, store, report, reportSig, renderings, out: outFile, ...(previous ? { previousCheckpoint: previous } : {}) });
      } catch (e) {
        if (e instanceof BundleInputError) throw new UsageError(e.message);
        throw e;
      }
    });
    if (!quiet) {
      process.stderr.write(
        `attest: bundle written to ${outFile}: ${r.manifest.framework.id} report, ${r.records} record(s) of ${r.manifest.period.from.slice(0, 10)}..${r.manifest.period.to.slice(0, 10)} with inclusion proofs, ` +
          `checkpoint ${r.checkpoint.size} (key ${r.checkpoint.keyId})${previous ? `, consistency proof from checkpoint ${previous.size}` : ''}, ${r.evidenceFiles} evidence file(s), ${r.keys} public key(s).\n` +
          `Check it with: attest bundle verify ${outFile} --public-key <key>\n${REPORT_DISCLAIMER}\n`,
      );
    }
    return reportCode;
  } finally {
    await store.close();
  }
}

async function verify(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { 'public-key': true, 'previous-checkpoint': true, help: false }, { h: 'help' });
  if (a.flags.has('help')) { out(BUNDLE_HELP); return 0; }
  const file = a.positional[0];
  if (!file) throw new UsageError('bundle verify needs the bundle, e.g. attest bundle verify bundle.zip');
  try {
    if (!statSync(file).isFile()) throw new UsageError(`${file}: not a file`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const pins = many(a, 'public-key').map((f) => {
    try { return readFileSync(f, 'utf8'); } catch (e) { throw new UsageError(`--public-key ${f}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`); }
  });
  const prevFile = one(a, 'previous-checkpoint');
  const previous = prevFile ? readCheckpoint(prevFile) : undefined;
  const r = await verifyBundleFile(file, { pins, ...(previous ? { previousCheckpoint: previous } : {}) });
  if (!r.ok) {
    for (const p of r.problems) out(`FAILED: ${p.member}: ${p.reason}\n`);
    out(`${file}: ${r.problems.length} problem(s); this bundle is NOT verified\n`);
    return 1;
  }
  const m = r.manifest!;
  out(
    `VERIFIED: ${file}: ${m.framework.id} report for ${m.period.from} .. ${m.period.to}, signed; ${r.records} record(s) each included in checkpoint ${m.checkpoint.size} of ${m.checkpoint.origin} (root ${m.checkpoint.root}, key ${m.checkpoint.keyId}); ` +
      `${r.evidenceFiles} evidence file(s) match their attestations; ${r.keys} public key(s)${r.consistency ? `; consistent with your previous checkpoint (size ${previous!.size})` : ''}` +
      `${pins.length ? '' : ' (checked with the keys inside the bundle; pass --public-key to pin the key you trust)'}\n`,
  );
  return 0;
}
