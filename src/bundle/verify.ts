/**
 * attest bundle verify: checks an evidence bundle offline, with no database. Every problem is
 * named by the member it concerns and why; nothing is reported VERIFIED unless every check passed.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { checkCheckpointFile, verifyConsistencyProof, type ConsistencyProof, type SignedCheckpoint } from '../ledger/ledger.js';
import { leafHash, rootFromInclusionProof } from '../ledger/merkle.js';
import { verifyBytes, type DetachedSignature, type FrameworkReport } from '../compliance/framework-report.js';
import { BUNDLE_FORMAT, M, type BundleManifest, type InclusionLine } from './format.js';
import { readZip, ZipError, type Members } from './zip.js';

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

function json<T>(members: Members, name: string, problems: BundleProblem[]): T | undefined {
  const b = members.get(name);
  if (!b) return undefined;
  try {
    return JSON.parse(b.toString('utf8')) as T;
  } catch {
    problems.push({ member: name, reason: 'not valid JSON' });
    return undefined;
  }
}

export function verifyBundle(zip: Buffer, o: { pins?: string[]; previousCheckpoint?: SignedCheckpoint } = {}): VerifyBundleResult {
  const problems: BundleProblem[] = [];
  const res: VerifyBundleResult = { ok: false, problems, records: 0, evidenceFiles: 0, keys: 0, consistency: false };
  const pins = o.pins ?? [];
  let members: Members;
  try {
    members = readZip(zip);
  } catch (e) {
    problems.push({ member: '(bundle)', reason: e instanceof ZipError ? e.message : String(e) });
    return res;
  }

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
    const b = members.get(name);
    if (!b) { problems.push({ member: name, reason: 'listed in the manifest but missing from the bundle' }); continue; }
    const got = sha256(b);
    if (got !== want.sha256 || b.length !== want.bytes) problems.push({ member: name, reason: `changed: SHA-256 ${got.slice(0, 16)}… (${b.length} bytes), the manifest says ${String(want.sha256).slice(0, 16)}… (${want.bytes} bytes)` });
  }
  for (const name of members.keys()) {
    if (name !== M.manifest && name !== M.manifestSig && !(name in listed)) problems.push({ member: name, reason: 'in the bundle but not listed in the manifest' });
  }

  // Keys carried by the bundle.
  const keyPems = [...members].filter(([n]) => n.startsWith('keys/')).map(([n, b]) => [n, b.toString('utf8')] as const);
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
  const recText = members.get(M.records)?.toString('utf8');
  const proofText = members.get(M.inclusion)?.toString('utf8');
  if (recText === undefined) problems.push({ member: M.records, reason: 'missing' });
  if (proofText === undefined) problems.push({ member: M.inclusion, reason: 'missing' });
  if (recText !== undefined && proofText !== undefined && cp) {
    const recLines = recText.split('\n').filter((l) => l);
    const proofLines = proofText.split('\n').filter((l) => l);
    res.records = recLines.length;
    if (recLines.length !== manifest.records) problems.push({ member: M.records, reason: `${recLines.length} record(s), the manifest says ${manifest.records}` });
    if (proofLines.length !== recLines.length) problems.push({ member: M.inclusion, reason: `${proofLines.length} proof(s) for ${recLines.length} record(s)` });
    const root = cp.root;
    const bad = (member: string, reason: string) => { if (problems.filter((p) => p.member === member).length < 5) problems.push({ member, reason }); };
    for (let i = 0; i < Math.min(recLines.length, proofLines.length); i++) {
      let rec: { seq: number; ts: string; action: string; outcome: string; hash: string; actor?: { id?: string } };
      let p: InclusionLine;
      try { rec = JSON.parse(recLines[i]!); } catch { bad(M.records, `line ${i + 1} is not valid JSON`); continue; }
      try { p = JSON.parse(proofLines[i]!); } catch { bad(M.inclusion, `line ${i + 1} is not valid JSON`); continue; }
      if (p.seq !== rec.seq || p.record?.hash !== rec.hash) { bad(M.records, `record ${rec.seq} (line ${i + 1}) is not the record the proof on line ${i + 1} is for`); continue; }
      let body: { seq?: number; ts?: string; action?: string; outcome?: string; actor?: { id?: string } };
      try { body = JSON.parse(p.record.body); } catch { bad(M.inclusion, `record ${p.seq}: the chained body is not JSON`); continue; }
      if (body.seq !== rec.seq || body.ts !== rec.ts || body.action !== rec.action || body.outcome !== rec.outcome || body.actor?.id !== rec.actor?.id) {
        bad(M.records, `record ${rec.seq} differs from the bytes proved in the checkpoint`);
        continue;
      }
      const leaf = leafHash(Buffer.concat([Buffer.from(p.record.hash, 'hex'), Buffer.from(p.record.body)]));
      if (leaf.toString('hex') !== p.leafHash) { bad(M.inclusion, `record ${p.seq}: the record does not hash to the proof leaf`); continue; }
      if (p.treeSize !== cp.size || p.leafIndex !== p.seq - 1) { bad(M.inclusion, `record ${p.seq}: the proof is for another tree (size ${p.treeSize}) than the checkpoint (${cp.size})`); continue; }
      try {
        const r = rootFromInclusionProof(p.leafIndex, p.treeSize, leaf, p.proof.map((h) => Buffer.from(h, 'hex')));
        if (r.toString('hex') !== root) bad(M.inclusion, `record ${p.seq}: the audit path does not lead to the checkpoint root`);
      } catch (e) {
        bad(M.inclusion, `record ${p.seq}: ${(e as Error).message}`);
      }
    }
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
