/**
 * attest bundle create: the evidence bundle an auditor takes away and verifies offline. One
 * zip with the signed framework report, the scan inputs and their hashes, the ledger records
 * of the period (scrubbed, personal data left out), the signed checkpoint they end at, an
 * inclusion proof of every record against it, optionally a consistency proof from the
 * auditor's previous checkpoint, the attested evidence files, every signing public key, and a
 * signed manifest of it all.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ledger, SignedCheckpoint } from '../ledger/ledger.js';
import { exportView } from '../ledger/export.js';
import { parseTime } from '../ledger/record.js';
import { signBytes, type FrameworkReport } from '../compliance/framework-report.js';
import type { ComplianceStore } from '../compliance/store.js';
import { renderFrameworkReport, signatureBytes, type AssembledReport, type ReportArtefact, type ReportPhase } from '../compliance/report-output.js';
import { TOOL_VERSION } from '../report/model.js';
import { BUNDLE_FORMAT, M, type BundleManifest, type InclusionLine } from './format.js';
import { DeflatedMember, ZipFileWriter, type Members } from './zip.js';
import { ProofMaker } from './proofs.js';

export interface CreateBundleInput {
  ledger: Ledger;
  store: Pick<ComplianceStore, 'getFile'>;
  /** The signed report as `attest report` wrote it. */
  report: Buffer;
  reportSig: Buffer;
  /** The other renderings, signed the same way: report.pdf, report.oscal.json and its catalog (each `{ bytes, sig }`). */
  renderings?: { pdf?: SignedFile; oscal?: SignedFile; oscalCatalog?: SignedFile };
  /** Where the zip is written (as it is made: large members are never whole in memory). */
  out: string;
  /** The auditor's checkpoint from a previous bundle: a consistency proof from it is included. */
  previousCheckpoint?: SignedCheckpoint;
  now?: Date;
  onProgress?: (records: number) => void;
}

export interface SignedFile {
  bytes: Buffer;
  sig: Buffer;
}

export interface CreateBundleResult {
  manifest: BundleManifest;
  checkpoint: SignedCheckpoint;
  records: number;
  evidenceFiles: number;
  keys: number;
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export class BundleInputError extends Error {}

export async function createBundle(inp: CreateBundleInput): Promise<CreateBundleResult> {
  // Records and proofs go to temporary files a page at a time, hashed as they are written.
  const tmp = mkdtempSync(join(tmpdir(), 'attest-bundle-'));
  try {
    return await build(inp, tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The bundle of an assembled report (attest bundle create, the service's bundle jobs): every
 * rendering of it (report.json, report.pdf, report.oscal.json and its catalog), each signed with
 * the ledger's key, then the records, proofs, evidence and manifest (createBundle).
 */
export async function createReportBundle(r: AssembledReport, inp: Omit<CreateBundleInput, 'report' | 'reportSig' | 'renderings'> & { onPhase?: (phase: ReportPhase) => void }): Promise<CreateBundleResult> {
  if (!r.signer) throw new BundleInputError('the report was not signed (no ledger keys): a bundle needs the ledger (--db and --keys)');
  const signed = (a: ReportArtefact | undefined, name: string): SignedFile => {
    if (!a?.signature) throw new Error(`the rendering ${name} was not made or not signed`);
    return { bytes: a.bytes, sig: signatureBytes(a.signature) };
  };
  const render = async (format: 'json' | 'pdf' | 'oscal', name: string) => renderFrameworkReport(r, format, { name, ...(inp.onPhase ? { onPhase: inp.onPhase } : {}) });
  const [json] = await render('json', M.report);
  const [pdf] = await render('pdf', M.pdf);
  const [oscal, catalog] = await render('oscal', M.oscal);
  const report = signed(json, M.report);
  const { onPhase: _onPhase, ...rest } = inp;
  return createBundle({
    ...rest,
    report: report.bytes,
    reportSig: report.sig,
    renderings: { pdf: signed(pdf, M.pdf), oscal: signed(oscal, M.oscal), oscalCatalog: signed(catalog, M.oscalCatalog) },
  });
}

/** SHA-256 and size of a file, read as a stream (a bundle may be large). */
export async function fileDigest(path: string): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: h.digest('hex'), size };
}

async function build(inp: CreateBundleInput, tmp: string): Promise<CreateBundleResult> {
  const now = inp.now ?? new Date();
  const report = JSON.parse(inp.report.toString('utf8')) as FrameworkReport;
  const ledger = inp.ledger;
  const members: Members = new Map();
  members.set(M.report, inp.report);
  members.set(M.reportSig, inp.reportSig);
  const rend = inp.renderings ?? {};
  if (rend.oscal && !rend.oscalCatalog) throw new BundleInputError('the OSCAL results need the OSCAL catalog they resolve against');
  for (const [file, sig, r] of [[M.pdf, M.pdfSig, rend.pdf], [M.oscal, M.oscalSig, rend.oscal], [M.oscalCatalog, M.oscalCatalogSig, rend.oscalCatalog]] as const) {
    if (!r) continue;
    members.set(file, r.bytes);
    members.set(sig, r.sig);
  }

  // inputs.json: every infrastructure file the scan read, with its SHA-256 now.
  const inputs = report.scope.sources.map((s) => {
    let digest: string | null = null;
    let bytes: number | null = null;
    try {
      const b = readFileSync(s.file);
      digest = sha256(b);
      bytes = b.length;
    } catch {
      /* recorded as unreadable */
    }
    return { file: s.file, format: s.format, sha256: digest, bytes };
  });
  members.set(M.inputs, Buffer.from(JSON.stringify({ paths: report.scope.paths, files: inputs }, null, 2) + '\n'));

  // The checkpoint, signed now: records of the period up to it, each with its inclusion proof.
  const checkpoint = await ledger.checkpoint();
  const from = parseTime(report.period.from, 'from');
  const to = parseTime(report.period.to, 'to');
  // The records of the period up to the checkpoint are a run of seqs (times never go back in
  // seq order); read a page at a time (aligned to 1024, so the proofs' 16-leaf blocks seldom
  // straddle pages), each record once, and deflated to temporary files as they are written.
  const recOut = new DeflatedMember(join(tmp, 'records.ndjson'));
  const proofOut = new DeflatedMember(join(tmp, 'inclusion.ndjson'));
  let n = 0;
  const fileMembers = new Map<string, DeflatedMember>([[M.records, recOut], [M.inclusion, proofOut]]);
  const fileDigests = new Map<string, { sha256: string; bytes: number }>();
  try {
    const maker = new ProofMaker(ledger, checkpoint.size, checkpoint.root);
    const period = await ledger.seqRange(from, to);
    const lastSeq = Math.min(period.seqBefore - 1, checkpoint.size);
    const PAGE = 1024;
    for (let s = period.seqFrom; s <= lastSeq; ) {
      const e = Math.min(lastSeq, Math.ceil(s / PAGE) * PAGE);
      const rows = await ledger.store.records(s, e);
      s = e + 1;
      if (!rows.length) continue;
      const recs = await ledger.materialise(rows);
      // Cost: each proof is log2(size) hashes (about 20 × 64 hex characters at 1M records); the
      // hashes are worked out once per page, not per record (ProofMaker).
      const lines: InclusionLine[] = await maker.proofs(rows.map((r) => r.seq), rows);
      let recText = '';
      let proofText = '';
      for (let i = 0; i < recs.length; i++) {
        recText += JSON.stringify(exportView(recs[i]!, false)) + '\n';
        proofText += JSON.stringify(lines[i]) + '\n';
      }
      n += recs.length;
      await recOut.write(recText);
      await proofOut.write(proofText);
      inp.onProgress?.(n);
    }
    for (const [name, f] of fileMembers) fileDigests.set(name, await f.end());
  } finally {
    for (const f of fileMembers.values()) f.close();
  }
  members.set(M.checkpoint, Buffer.from(JSON.stringify(checkpoint, null, 2) + '\n'));

  if (inp.previousCheckpoint) {
    const prev = inp.previousCheckpoint;
    if (prev.origin !== checkpoint.origin) throw new BundleInputError(`--previous-checkpoint is of ledger ${prev.origin}, not of this ledger (${checkpoint.origin})`);
    if (prev.size > checkpoint.size) throw new BundleInputError(`--previous-checkpoint (size ${prev.size}) is larger than this ledger's checkpoint (${checkpoint.size})`);
    const proof = await ledger.consistencyProof(prev.size, checkpoint.size);
    if (proof.from.root !== prev.root) throw new BundleInputError(`--previous-checkpoint's root at size ${prev.size} is not this ledger's: it does not descend from it`);
    members.set(M.consistency, Buffer.from(JSON.stringify(proof, null, 2) + '\n'));
  }

  // Evidence files of the framework's attestations, content-addressed.
  const wanted = new Set(report.policies.flatMap((p) => p.files.map((f) => f.sha256)));
  let evidenceFiles = 0;
  for (const h of [...wanted].sort()) {
    const f = await inp.store.getFile(h);
    if (!f) throw new BundleInputError(`evidence file ${h} of an attestation is missing from the evidence store`);
    members.set(`evidence/${h}`, f.content);
    evidenceFiles++;
  }

  // Every signing public key, current and retired.
  const keys = ledger.keys.signingKeys();
  for (const k of keys) members.set(`keys/${k.kid}.pub.pem`, Buffer.from(k.publicKeyPem));

  members.set(M.verify, Buffer.from(howToVerifyBundle(report, checkpoint, n, !!inp.previousCheckpoint, { pdf: !!rend.pdf, oscal: !!rend.oscal })));

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    createdAt: now.toISOString(),
    tool: { name: 'attest', version: TOOL_VERSION },
    framework: { id: report.framework.id, name: report.framework.name, version: report.framework.version },
    period: report.period,
    checkpoint: { origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.root, time: checkpoint.time, keyId: checkpoint.keyId },
    records: n,
    personalData: 'left out',
    renderings: { json: M.report, pdf: rend.pdf ? M.pdf : null, oscal: rend.oscal ? M.oscal : null, oscalCatalog: rend.oscalCatalog ? M.oscalCatalog : null },
    ...(inp.previousCheckpoint ? { previousCheckpoint: { size: inp.previousCheckpoint.size, root: inp.previousCheckpoint.root } } : {}),
    members: Object.fromEntries(
      [...[...members].map(([name, b]) => [name, { sha256: sha256(b), bytes: b.length }] as const), ...fileDigests]
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
  const signer = ledger.keys.signing();
  if (signer.kid !== checkpoint.keyId) throw new BundleInputError(`the checkpoint was signed by key ${checkpoint.keyId}, not the current signing key ${signer.kid}`);
  members.set(M.manifest, manifestBytes);
  members.set(M.manifestSig, Buffer.from(JSON.stringify(signBytes(manifestBytes, signer, now), null, 2) + '\n'));
  const z = new ZipFileWriter(inp.out);
  for (const [name, b] of members) {
    z.addBuffer(name, b);
    // The large members go in after the inputs, in the order a reader meets them.
    if (name === M.inputs) for (const [fname, f] of fileMembers) z.addDeflated(fname, f);
  }
  z.close();
  return { manifest, checkpoint, records: n, evidenceFiles, keys: keys.length };
}

export function howToVerifyBundle(report: FrameworkReport, cp: SignedCheckpoint, records: number, consistency: boolean, has: { pdf: boolean; oscal: boolean } = { pdf: false, oscal: false }): string {
  const renderings = [
    '`report.json` (the report as data)',
    ...(has.pdf ? ['`report.pdf` (the same report for reading; it also carries an embedded PDF signature a PDF reader shows)'] : []),
    ...(has.oscal ? [`\`${M.oscal}\` (OSCAL 1.1.2 assessment results) with \`${M.oscalCatalog}\` (the framework as an OSCAL catalog, which the findings' target ids resolve against)`] : []),
  ];
  return `# How to verify this evidence bundle

This bundle holds the ${report.framework.name} report (\`${report.framework.id}\`) for ${report.period.from} .. ${report.period.to},
the ${records} audit record(s) of that period from ledger \`${cp.origin}\`, and everything needed to check them
offline, with no database and no network. The one command, with Attest installed:

    attest bundle verify bundle.zip --public-key <the public key the operator gave you>

Pin the key (\`--public-key\`, repeatable) with one you received out of band: without it the bundle is only
checked against the keys it carries itself. Add \`--previous-checkpoint checkpoint.json\` with the
checkpoint of the bundle you received last time to check that nothing recorded before it was changed.

What the command checks, in order:

1. \`manifest.json\` is signed (\`manifest.json.sig\`, Ed25519) by the key that signed the checkpoint, and that key
   is one you pinned.
2. Every member listed in the manifest is present with the SHA-256 and size the manifest gives, and no member
   is present that the manifest does not list.
3. \`checkpoint.json\` (tree of ${cp.size} records, root ${cp.root}) carries a valid signature, by a key in \`keys/\`
   (and pinned, if you pinned keys), and agrees with the manifest.
4. Every record in \`records.ndjson\` has a line in \`proofs/inclusion.ndjson\` whose audit path leads from the record's
   hashed bytes to the checkpoint's root (RFC 9162), and the record matches those bytes.
5. ${consistency ? '`proofs/consistency.json` shows the previous checkpoint\'s tree to be a prefix of this one: nothing recorded before it was changed or removed.' : 'With --previous-checkpoint: a consistency proof from it to this checkpoint (this bundle carries none: none was asked for when it was made).'}
6. Each rendering of the report carries a valid detached Ed25519 signature in NAME.sig: ${renderings.join('; ')}.
   Any one of them can also be checked alone: \`attest report verify report.pdf --signature report.pdf.sig --public-key <key>\`.
7. Every evidence file the report's attested policies name is in \`evidence/<sha256>\` and hashes to that name.

Any failure names the member and the reason, and the command exits 1; success prints VERIFIED and a summary.
Personal data (names, emails, addresses) is left out of the records; secrets in metadata are scrubbed.
The report is self-reported compliance: a third-party audit is still required.
`;
}
