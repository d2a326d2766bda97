// In-browser verification of a ledger record's inclusion, with Web Crypto only, following
// the same rules as src/ledger (RFC 9162):
//   leaf  = SHA-256(0x00 ‖ chainHash ‖ canonicalBody)   (chainHash: the record's 32-byte HMAC)
//   node  = SHA-256(0x01 ‖ left ‖ right)
//   root  = the inclusion path folded per RFC 9162 §2.1.3.2
// and the checkpoint's Ed25519 signature over its note
//   "<origin>\n<size>\n<base64(root)>\n<time>\n".
// The chain hash itself is an HMAC under a server-held key, so the browser cannot recompute
// it; it checks that the record shown is the one the proof commits to, and that the signed
// tree contains it.
import type { InclusionProof, LedgerRecord, SignedCheckpoint } from './types';

export interface Step {
  label: string;
  ok: boolean;
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  steps: Step[];
}

export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new Error(`not hexadecimal: ${hex.slice(0, 16)}…`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

export async function leafHash(chainHashHex: string, body: string): Promise<Uint8Array> {
  return sha256(concat(new Uint8Array([0]), hexToBytes(chainHashHex), new TextEncoder().encode(body)));
}

export async function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(concat(new Uint8Array([1]), left, right));
}

/** RFC 9162 §2.1.3.2: the root implied by an inclusion path; throws on a malformed proof. */
export async function rootFromInclusionProof(index: number, size: number, leaf: Uint8Array, proof: Uint8Array[]): Promise<Uint8Array> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new Error(`leaf index ${index} is outside a tree of size ${size}`);
  }
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (p.length !== 32) throw new Error('a proof element is not a 32-byte hash');
    if (sn === 0) throw new Error(`the proof is too long for leaf ${index} of ${size}`);
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new Error(`the proof is too short for leaf ${index} of ${size}`);
  return r;
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const m = /-----BEGIN PUBLIC KEY-----([\s\S]+?)-----END PUBLIC KEY-----/.exec(pem);
  if (!m) throw new Error('the checkpoint key is not a PEM public key');
  return base64ToBytes(m[1]!.replace(/\s+/g, ''));
}

export function checkpointNote(c: SignedCheckpoint): string {
  const root = hexToBytes(c.root);
  let s = '';
  for (const b of root) s += String.fromCharCode(b);
  return `${c.origin}\n${c.size}\n${btoa(s)}\n${c.time}\n`;
}

/** Whether this browser's Web Crypto can verify Ed25519 (Chromium ≥ 137, Firefox ≥ 129, Safari ≥ 17). */
export async function ed25519Supported(): Promise<boolean> {
  try {
    await crypto.subtle.importKey('raw', new Uint8Array(32), { name: 'Ed25519' }, false, ['verify']);
    return true;
  } catch {
    return false;
  }
}

/** SHA-256 fingerprint of the checkpoint key's SubjectPublicKeyInfo, hex: what an auditor pins. */
export async function keyFingerprint(pem: string): Promise<string> {
  return bytesToHex(await sha256(pemToDer(pem)));
}

/** Checks the checkpoint's note and Ed25519 signature. */
export async function verifyCheckpoint(c: SignedCheckpoint): Promise<Step> {
  const label = 'Checkpoint signature (Ed25519)';
  try {
    const note = checkpointNote(c);
    if (note !== c.note) return { label, ok: false, detail: 'the signed note does not match the checkpoint fields' };
    let key: CryptoKey;
    try {
      key = await crypto.subtle.importKey('spki', pemToDer(c.publicKey), { name: 'Ed25519' }, false, ['verify']);
    } catch (e) {
      if (!(await ed25519Supported())) return { label, ok: false, detail: 'this browser\'s Web Crypto has no Ed25519; verify the checkpoint with "attest ledger verify --checkpoint"' };
      throw e;
    }
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, base64ToBytes(c.signature), new TextEncoder().encode(note));
    return { label, ok, detail: ok ? `valid signature by key ${c.keyId} over size ${c.size}, signed ${c.time}` : 'the signature does not verify with the checkpoint key' };
  } catch (e) {
    return { label, ok: false, detail: (e as Error).message };
  }
}

const SAME_FIELDS = ['seq', 'ts', 'action', 'outcome', 'tenant', 'request_id', 'ticket_id'] as const;

/**
 * Verifies that `record` (as listed) is included in the tree signed by `latest`, using the
 * server's proof. Every step is reported, so a failure says where it failed.
 */
export async function verifyInclusion(record: LedgerRecord, proof: InclusionProof, latest: SignedCheckpoint): Promise<VerifyResult> {
  const steps: Step[] = [];
  const add = (label: string, ok: boolean, detail: string) => steps.push({ label, ok, detail });

  // 1. The proof is about the record on screen.
  let body: Record<string, unknown> | undefined;
  try {
    body = JSON.parse(proof.record.body) as Record<string, unknown>;
  } catch {
    add('Record body', false, 'the proven record body is not JSON');
  }
  if (body) {
    const mismatched = SAME_FIELDS.filter((f) => (body![f] ?? null) !== ((record as unknown as Record<string, unknown>)[f] ?? null));
    const actor = body['actor'] as { id?: unknown } | undefined;
    if (actor?.id !== record.actor.id) mismatched.push('actor' as never);
    const sameHash = proof.record.hash === record.hash && proof.seq === record.seq && proof.leafIndex === record.seq - 1;
    add(
      'Proof is for this record',
      mismatched.length === 0 && sameHash,
      mismatched.length || !sameHash ? `differs in ${[...mismatched, ...(sameHash ? [] : ['hash or position'])].join(', ')}` : `record #${record.seq}, chain hash ${record.hash.slice(0, 16)}…`,
    );
  }

  // 2. Leaf hash.
  let leaf: Uint8Array | undefined;
  try {
    leaf = await leafHash(proof.record.hash, proof.record.body);
    const hex = bytesToHex(leaf);
    add('Leaf hash SHA-256(0x00 ‖ hash ‖ body)', hex === proof.leafHash, hex === proof.leafHash ? hex : `computed ${hex}, proof says ${proof.leafHash}`);
  } catch (e) {
    add('Leaf hash SHA-256(0x00 ‖ hash ‖ body)', false, (e as Error).message);
  }

  // 3. Path to the root.
  if (leaf) {
    try {
      const root = bytesToHex(await rootFromInclusionProof(proof.leafIndex, proof.treeSize, leaf, proof.proof.map(hexToBytes)));
      const ok = root === proof.checkpoint.root && proof.treeSize === proof.checkpoint.size;
      add('Inclusion path (RFC 9162)', ok, ok ? `${proof.proof.length} hashes lead to root ${root.slice(0, 16)}… of ${proof.treeSize} records` : `the path leads to ${root.slice(0, 16)}…, the checkpoint root is ${proof.checkpoint.root.slice(0, 16)}…`);
    } catch (e) {
      add('Inclusion path (RFC 9162)', false, (e as Error).message);
    }
  }

  // 4. The proof's checkpoint is the latest one, and it is signed.
  const same = proof.checkpoint.size === latest.size && proof.checkpoint.root === latest.root && proof.checkpoint.publicKey === latest.publicKey;
  add(
    'Against the latest checkpoint',
    same,
    same ? `size ${latest.size}, root ${latest.root.slice(0, 16)}…` : `the proof is against size ${proof.checkpoint.size}, the latest checkpoint is size ${latest.size}`,
  );
  steps.push(await verifyCheckpoint(latest));
  return { ok: steps.every((s) => s.ok), steps };
}
