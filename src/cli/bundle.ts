// attest bundle create | verify: the evidence bundle an auditor verifies offline (src/bundle/).
import { readFileSync, statSync } from 'node:fs';
import { many, one, parseArgs, UsageError } from './args.js';
import type { SignedCheckpoint } from '../ledger/ledger.js';
import { BundleInputError, createReportBundle, fileDigest, type CreateBundleResult } from '../bundle/create.js';
import { verifyBundleFile } from '../bundle/verify.js';
import { REPORT_DISCLAIMER } from '../compliance/framework-report.js';

export const BUNDLE_HELP = `Usage:
  attest bundle create --framework FW [path...] --out bundle.zip --db LEDGER --keys DIR
                       [--since 90d | --from DATE --to DATE] [--previous-checkpoint FILE] [--actor NAME]
                       [scan input flags]
  attest bundle verify bundle.zip [--previous-checkpoint FILE] [--public-key PEM]...

create writes one zip: the framework report in every rendering, each with its detached signature
(report.json, report.pdf, report.oscal.json = OSCAL 1.1.2 assessment results, and
report.oscal.json.catalog.json = the framework as an OSCAL catalog; NAME.sig beside each), inputs.json (every scanned file with its SHA-256), the ledger records
of the period (records.ndjson, secrets scrubbed, personal data left out), the checkpoint they end at
(checkpoint.json, signed now), an inclusion proof of every record (proofs/inclusion.ndjson), with
--previous-checkpoint a consistency proof from that checkpoint (proofs/consistency.json), the attested
evidence files (evidence/<sha256>), every signing public key (keys/), VERIFY.md, and manifest.json
(SHA-256 and size of every member) signed in manifest.json.sig with the checkpoint's key. The report
is made as attest report makes it (every path named must exist). The bundle made is recorded in the
ledger (compliance.bundle.generated: --actor, default the OS user name; the zip's SHA-256 and size).

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
  const { cliReportRun, recordCliPackage, REPORT_RUN_FLAGS, reportExitReasons, withAssembledReport } = await import('./compliance.js');
  const { prepareSelfIssuedKey } = await import('../compliance/report-pdf.js');
  const a = parseArgs(argv, { ...REPORT_RUN_FLAGS, out: true, 'previous-checkpoint': true }, { o: 'out', p: 'param', q: 'quiet', h: 'help' });
  if (a.flags.has('help')) { out(BUNDLE_HELP); return 0; }
  const outFile = one(a, 'out');
  if (!outFile) throw new UsageError('bundle create needs --out FILE.zip');
  if (!one(a, 'framework')) throw new UsageError('bundle create needs --framework FW (see attest frameworks)');
  const prevFile = one(a, 'previous-checkpoint');
  const previous = prevFile ? readCheckpoint(prevFile) : undefined;
  // The report exactly as `attest report` assembles it (one scan), in every rendering, each signed.
  const run = cliReportRun(a, prepareSelfIssuedKey);
  if (!run.settings) throw new UsageError('bundle create needs the ledger: there is none at the default place (.attest/ledger.db, or ledger.db in the config); name it with --db (and --keys): the bundle is anchored to its signed checkpoint');
  const { r, code } = await withAssembledReport(a, run, async (assembled, ledger) => {
    const why = reportExitReasons(run, assembled);
    const reportCode = why.length ? 1 : 0;
    if (reportCode !== 0) process.stderr.write(`attest: the report step exited ${reportCode} (${why.join('; ')}: see the notes in report.json); the bundle is made anyway and this command exits ${reportCode}\n`);
    let made: CreateBundleResult;
    try {
      made = await createReportBundle(assembled, { ledger: ledger!.ledger, store: ledger!.store, out: outFile, now: assembled.now, ...(previous ? { previousCheckpoint: previous } : {}) });
    } catch (e) {
      if (e instanceof BundleInputError) throw new UsageError(e.message);
      throw e;
    }
    const d = await fileDigest(outFile);
    await recordCliPackage(ledger!.ledger, run, assembled, 'bundle', 'zip', [{ name: outFile, sha256: d.sha256, bytes: d.size }], true);
    return { r: made, code: reportCode };
  });
  if (!run.quiet) {
    process.stderr.write(
      `attest: bundle written to ${outFile}: ${r.manifest.framework.id} report, ${r.records} record(s) of ${r.manifest.period.from.slice(0, 10)}..${r.manifest.period.to.slice(0, 10)} with inclusion proofs, ` +
        `checkpoint ${r.checkpoint.size} (key ${r.checkpoint.keyId})${previous ? `, consistency proof from checkpoint ${previous.size}` : ''}, ${r.evidenceFiles} evidence file(s), ${r.keys} public key(s).\n` +
        `Check it with: attest bundle verify ${outFile} --public-key <key>\n${REPORT_DISCLAIMER}\n`,
    );
  }
  return code;
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
