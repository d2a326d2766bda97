/**
 * attest bundle verify: checks an evidence bundle offline, with no database. Every problem is
 * named by the member it concerns and why; nothing is reported VERIFIED unless every check passed.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { checkCheckpointFile, verifyConsistencyProof, type ConsistencyProof, type SignedCheckpoint } from '../ledger/ledger.js';
import { InclusionChecker, leafHash } from '../ledger/merkle.js';
import { verifyBytes, type DetachedSignature, type FrameworkReport } from '../compliance/framework-report.js';
import { BUNDLE_FORMAT, M, RENDERING_MEMBERS, type BundleManifest, type InclusionLine } from './format.js';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip, readZipEntry, zipEntries, ZipError } from './zip.js';

/** The bundle's members as verify reads them: every member's digest; small members whole, the large ones line by line. */
export interface BundleSource {
  names(): string[];
  has(name: string): boolean;
  digest(name: string): { sha256: string; bytes: number } | undefined;
  get(name: string): Buffer | undefined;
  lines(name: string): Iterable<string> | undefined;
}

/** Members read line by line from disk rather than whole (a 1M-record bundle's records and proofs). */
const LARGE: string[] = [M.records, M.inclusion];

export interface BundleProblem {
  member: string;
  reason: string;
}

export interface VerifyBundleResult {
  ok: boolean;
  problems: BundleProblem[];
  manifest?: BundleManifest;
  records: number;
  evidenceFiles: number;
  keys: number;
  consistency: boolean;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function json<T>(members: BundleSource, name: string, problems: BundleProblem[]): T | undefined {
  const b = members.get(name);
  if (!b) return undefined;
  try {
    return JSON.parse(b.toString('utf8')) as T;
  } catch {
    problems.push({ member: name, reason: 'not valid JSON' });
    return undefined;
  }
}

function* splitLines(text: string): Iterable<string> {
  for (const l of text.split('\n')) if (l) yield l;
}

/** Verifies a bundle held in memory (tests, small bundles). */
export function verifyBundle(zip: Buffer, o: VerifyOptions = {}): VerifyBundleResult {
  let m: Map<string, Buffer>;
  try {
    m = readZip(zip);
  } catch (e) {
    return { ok: false, problems: [{ member: '(bundle)', reason: e instanceof ZipError ? e.message : String(e) }], records: 0, evidenceFiles: 0, keys: 0, consistency: false };
  }
  return verifySource({
    names: () => [...m.keys()],
    has: (n) => m.has(n),
    digest: (n) => { const b = m.get(n); return b ? { sha256: sha256(b), bytes: b.length } : undefined; },
    get: (n) => m.get(n),
    lines: (n) => { const b = m.get(n); return b ? splitLines(b.toString('utf8')) : undefined; },
  }, o);
}

/** Reads a file line by line, synchronously, a megabyte at a time. */
function* fileLines(path: string): Iterable<string> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let rest = '';
    let pos = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) break;
      pos += n;
      const parts = (rest + buf.toString('utf8', 0, n)).split('\n');
      rest = parts.pop()!;
      for (const l of parts) if (l) yield l;
    }
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/**
 * Verifies a bundle file without holding it in memory: the records and proofs are
 * decompressed to a temporary directory (hashed on the way) and read back line by line.
 */
export async function verifyBundleFile(path: string, o: VerifyOptions = {}): Promise<VerifyBundleResult> {
  const fail = (reason: string): VerifyBundleResult => ({ ok: false, problems: [{ member: '(bundle)', reason }], records: 0, evidenceFiles: 0, keys: 0, consistency: false });
  const tmp = mkdtempSync(join(tmpdir(), 'attest-verify-'));
  try {
    const small = new Map<string, Buffer>();
    const large = new Map<string, string>();
    const digests = new Map<string, { sha256: string; bytes: number }>();
    let entries;
    try {
      entries = zipEntries(path);
    } catch (e) {
      return fail(e instanceof ZipError ? e.message : String(e));
    }
    const seen = new Set<string>();
    for (const e of entries) {
      if (seen.has(e.name)) return fail(`member ${e.name} appears twice in the archive`);
      seen.add(e.name);
    }
    // Every member decompressed at once (zlib on the thread pool: the records and the proofs
    // inflate side by side), then taken in archive order.
    const read = await Promise.all(entries.map(async (e, i) => {
      const h = createHash('sha256');
      let bytes = 0;
      try {
        if (LARGE.includes(e.name)) {
          const file = join(tmp, `large-${i}`);
          const fd = openSync(file, 'w');
          try {
            await readZipEntry(path, e, (c) => { h.update(c); bytes += c.length; writeSync(fd, c); });
          } finally {
            closeSync(fd);
          }
          return { e, file, digest: { sha256: h.digest('hex'), bytes } };
        }
        const chunks: Buffer[] = [];
        await readZipEntry(path, e, (c) => { h.update(c); bytes += c.length; chunks.push(c); });
        return { e, data: Buffer.concat(chunks), digest: { sha256: h.digest('hex'), bytes } };
      } catch (err) {
        return { e, error: `${e.name}: ${(err as Error).message}` };
      }
    }));
    for (const r of read) {
      if (r.error !== undefined) return fail(r.error);
      if (r.file !== undefined) large.set(r.e.name, r.file);
      if (r.data !== undefined) small.set(r.e.name, r.data);
      digests.set(r.e.name, r.digest!);
    }
    return verifySource({
      names: () => [...digests.keys()],
      has: (n) => digests.has(n),
      digest: (n) => digests.get(n),
      get: (n) => small.get(n),
      lines: (n) => (large.has(n) ? fileLines(large.get(n)!) : small.has(n) ? splitLines(small.get(n)!.toString('utf8')) : undefined),
    }, o);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export interface VerifyOptions {
  pins?: string[];
  previousCheckpoint?: SignedCheckpoint;
}

function verifySource(members: BundleSource, o: VerifyOptions): VerifyBundleResult {
  const problems: BundleProblem[] = [];
  const res: VerifyBundleResult = { ok: false, problems, records: 0, evidenceFiles: 0, keys: 0, consistency: false };
  const pins = o.pins ?? [];

  // 1. The manifest and its signature.
  if (!members.has(M.manifest)) problems.push({ member: M.manifest, reason: 'missing' });
  if (!members.has(M.manifestSig)) problems.push({ member: M.manifestSig, reason: 'missing' });
  const manifest = json<BundleManifest>(members, M.manifest, problems);
  const msig = json<DetachedSignature>(members, M.manifestSig, problems);
  if (manifest && manifest.format !== BUNDLE_FORMAT) problems.push({ member: M.manifest, reason: `not an ${BUNDLE_FORMAT} manifest` });
  if (members.has(M.manifest) && msig) {
    const r = verifyBytes(members.get(M.manifest)!, msig, pins);
    if (!r.ok) problems.push({ member: /not the one signed/.test(r.reason ?? '') ? M.manifest : M.manifestSig, reason: `manifest signature: ${r.reason}` });
  }
  if (!manifest || manifest.format !== BUNDLE_FORMAT) return res;
  res.manifest = manifest;

  // 2. Every member: hash and size as listed, none missing, none extra.
  const listed = manifest.members ?? {};
  for (const [name, want] of Object.entries(listed)) {
    const d = members.digest(name);
    if (!d) { problems.push({ member: name, reason: 'listed in the manifest but missing from the bundle' }); continue; }
    if (d.sha256 !== want.sha256 || d.bytes !== want.bytes) problems.push({ member: name, reason: `changed: SHA-256 ${d.sha256.slice(0, 16)}… (${d.bytes} bytes), the manifest says ${String(want.sha256).slice(0, 16)}… (${want.bytes} bytes)` });
  }
  for (const name of members.names()) {
    if (name !== M.manifest && name !== M.manifestSig && !(name in listed)) problems.push({ member: name, reason: 'in the bundle but not listed in the manifest' });
  }

  // Keys carried by the bundle.
  const keyPems = members.names().filter((n) => n.startsWith('keys/')).map((n) => [n, members.get(n)!.toString('utf8')] as const);
  res.keys = keyPems.length;
  const keyObjs = keyPems.flatMap(([n, pem]) => {
    try { return [createPublicKey(pem)]; } catch { problems.push({ member: n, reason: 'not a readable public key' }); return []; }
  });

  // 3. The checkpoint.
  const cp = json<SignedCheckpoint>(members, M.checkpoint, problems);
  if (cp) {
    const why = pins.length
      ? (() => { const w = pins.map((p) => checkCheckpointFile(cp, undefined, createPublicKey(p))); return w.includes(undefined) ? undefined : w[0]; })()
      : checkCheckpointFile(cp, undefined);
    if (why) problems.push({ member: M.checkpoint, reason: why });
    else {
      let k: ReturnType<typeof createPublicKey> | undefined;
      try { k = createPublicKey(cp.publicKey); } catch { /* reported above */ }
      if (k && !keyObjs.some((x) => x.equals(k!))) problems.push({ member: M.checkpoint, reason: 'signed by a key that is not among keys/ in the bundle' });
    }
    const mc = manifest.checkpoint;
    if (!mc || mc.size !== cp.size || mc.root !== cp.root || mc.origin !== cp.origin || mc.time !== cp.time) problems.push({ member: M.checkpoint, reason: 'does not agree with the checkpoint the manifest names' });
    if (msig) {
      try {
        if (!createPublicKey(msig.publicKey).equals(createPublicKey(cp.publicKey))) problems.push({ member: M.manifestSig, reason: 'the manifest was not signed by the checkpoint\'s key' });
      } catch { /* unreadable key reported above */ }
    }
  } else if (!members.has(M.checkpoint)) problems.push({ member: M.checkpoint, reason: 'missing' });

  // 4. Records and their inclusion in the checkpoint.
  const recLines = members.lines(M.records);
  const proofLines = members.lines(M.inclusion);
  if (recLines === undefined) problems.push({ member: M.records, reason: 'missing' });
  if (proofLines === undefined) problems.push({ member: M.inclusion, reason: 'missing' });
  if (recLines !== undefined && proofLines !== undefined && cp) {
    // Proofs in record order share most of their folds: checked together, each still in full.
    let checker: InclusionChecker | undefined;
    try { checker = new InclusionChecker(cp.size, Buffer.from(cp.root, 'hex')); } catch { /* a malformed checkpoint: reported above, every proof fails */ }
    const bad = (member: string, reason: string) => { if (problems.filter((p) => p.member === member).length < 5) problems.push({ member, reason }); };
    const ri = recLines[Symbol.iterator]();
    const pi = proofLines[Symbol.iterator]();
    let nRec = 0;
    let nProof = 0;
    for (let i = 0; ; i++) {
      const rl = ri.next();
      const pl = pi.next();
      if (!rl.done) nRec++;
      if (!pl.done) nProof++;
      if (rl.done || pl.done) {
        for (let x = ri.next(); !x.done; x = ri.next()) nRec++;
        for (let x = pi.next(); !x.done; x = pi.next()) nProof++;
        break;
      }
      let rec: { seq: number; ts: string; action: string; outcome: string; hash: string; actor?: { id?: string } };
      let p: InclusionLine;
      try { rec = JSON.parse(rl.value); } catch { bad(M.records, `line ${i + 1} is not valid JSON`); continue; }
      try { p = JSON.parse(pl.value); } catch { bad(M.inclusion, `line ${i + 1} is not valid JSON`); continue; }
      if (p.seq !== rec.seq || p.record?.hash !== rec.hash) { bad(M.records, `record ${rec.seq} (line ${i + 1}) is not the record the proof on line ${i + 1} is for`); continue; }
      let body: { seq?: number; ts?: string; action?: string; outcome?: string; actor?: { id?: string } };
      try { body = JSON.parse(p.record.body); } catch { bad(M.inclusion, `record ${p.seq}: the chained body is not JSON`); continue; }
      if (body.seq !== rec.seq || body.ts !== rec.ts || body.action !== rec.action || body.outcome !== rec.outcome || body.actor?.id !== rec.actor?.id) {
        bad(M.records, `record ${rec.seq} differs from the bytes proved in the checkpoint`);
        continue;
      }
      const leaf = leafHash(Buffer.from(p.record.hash, 'hex'), p.record.body);
      if (leaf.toString('hex') !== p.leafHash) { bad(M.inclusion, `record ${p.seq}: the record does not hash to the proof leaf`); continue; }
      if (p.treeSize !== cp.size || p.leafIndex !== p.seq - 1) { bad(M.inclusion, `record ${p.seq}: the proof is for another tree (size ${p.treeSize}) than the checkpoint (${cp.size})`); continue; }
      try {
        if (!checker || !checker.check(p.leafIndex, leaf, p.proof.map((h) => Buffer.from(h, 'hex')))) bad(M.inclusion, `record ${p.seq}: the audit path does not lead to the checkpoint root`);
      } catch (e) {
        bad(M.inclusion, `record ${p.seq}: ${(e as Error).message}`);
      }
    }
    res.records = nRec;
    if (nRec !== manifest.records) problems.push({ member: M.records, reason: `${nRec} record(s), the manifest says ${manifest.records}` });
    if (nProof !== nRec) problems.push({ member: M.inclusion, reason: `${nProof} proof(s) for ${nRec} record(s)` });
  }

  // 5. Consistency with the auditor's previous checkpoint.
  const cons = json<ConsistencyProof>(members, M.consistency, problems);
  if (o.previousCheckpoint) {
    if (!cons) problems.push({ member: M.consistency, reason: 'missing: the bundle carries no consistency proof, so nothing shows it extends your previous checkpoint (make it with --previous-checkpoint)' });
    else if (cp) {
      const r = verifyConsistencyProof(cons, pins.length ? pins : undefined, o.previousCheckpoint);
      if (!r.ok) problems.push({ member: M.consistency, reason: r.reason ?? 'not valid' });
      else if (cons.to.root !== cp.root || cons.to.size !== cp.size) problems.push({ member: M.consistency, reason: 'the proof does not end at this bundle\'s checkpoint' });
      else res.consistency = true;
    }
  } else if (cons && cp) {
    const r = verifyConsistencyProof(cons, pins.length ? pins : undefined);
    if (!r.ok) problems.push({ member: M.consistency, reason: r.reason ?? 'not valid' });
    else if (cons.to.root !== cp.root) problems.push({ member: M.consistency, reason: 'the proof does not end at this bundle\'s checkpoint' });
  }

  // 6. The report's signature.
  const reportBytes = members.get(M.report);
  const rsig = json<DetachedSignature>(members, M.reportSig, problems);
  let report: FrameworkReport | undefined;
  if (!reportBytes) problems.push({ member: M.report, reason: 'missing' });
  else {
    if (rsig) {
      const r = verifyBytes(reportBytes, rsig, pins);
      if (!r.ok) problems.push({ member: /not the one signed/.test(r.reason ?? '') ? M.report : M.reportSig, reason: `report signature: ${r.reason}` });
    } else if (!members.has(M.reportSig)) problems.push({ member: M.reportSig, reason: 'missing' });
    report = json<FrameworkReport>(members, M.report, problems);
  }

  // The other renderings (PDF, OSCAL results and catalog): each signed like report.json.
  const listedRenderings = new Set(Object.values(manifest.renderings ?? {}).filter((v): v is string => typeof v === 'string'));
  for (const [file, sigName] of RENDERING_MEMBERS) {
    if (file === M.report) continue;
    const bytes = members.get(file);
    if (!bytes) {
      if (listedRenderings.has(file)) problems.push({ member: file, reason: 'missing: the manifest lists it as a rendering of the report' });
      if (members.has(sigName)) problems.push({ member: sigName, reason: `a signature for ${file}, which is not in the bundle` });
      continue;
    }
    if (!listedRenderings.has(file)) problems.push({ member: file, reason: 'not listed among the manifest\'s renderings' });
    const sig = json<DetachedSignature>(members, sigName, problems);
    if (!sig) { if (!members.has(sigName)) problems.push({ member: sigName, reason: 'missing' }); continue; }
    const r = verifyBytes(bytes, sig, pins);
    if (!r.ok) problems.push({ member: /not the one signed/.test(r.reason ?? '') ? file : sigName, reason: `${file} signature: ${r.reason}` });
  }

  if (report && (report.framework?.id !== manifest.framework?.id || report.period?.from !== manifest.period?.from || report.period?.to !== manifest.period?.to)) {
    problems.push({ member: M.report, reason: 'its framework or period is not the one the manifest names' });
  }

  // 7. Evidence files against the attestations in the report.
  if (report) {
    for (const pol of report.policies ?? []) {
      for (const f of pol.files) {
        const name = `evidence/${f.sha256}`;
        const b = members.get(name);
        if (!b) problems.push({ member: name, reason: `evidence file ${f.name} of the attestation for ${pol.requirement} is missing` });
        else if (sha256(b) !== f.sha256) problems.push({ member: name, reason: `does not hash to the SHA-256 the attestation for ${pol.requirement} records (${f.name})` });
        else res.evidenceFiles++;
      }
    }
  }

  // Deduplicate identical problems (a member can fail the same way twice).
  const seen = new Set<string>();
  res.problems = problems.filter((p) => { const k = `${p.member}\0${p.reason}`; if (seen.has(k)) return false; seen.add(k); return true; });
  res.ok = res.problems.length === 0;
  return res;
}
