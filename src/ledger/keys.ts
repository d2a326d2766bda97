/**
 * Keys live outside the database. The HMAC keys that chain records are versioned (key id
 * stored beside every record); rotation starts a new key and keeps the old ones, marked
 * retired, for verification. The Ed25519 key signs checkpoints; its public half travels
 * with every exported checkpoint so anyone can check a signature.
 *
 * Providers: a key directory (files, mode 0600) and the environment. Anything that can
 * answer the KeyProvider interface (a KMS, an HSM) can be plugged in.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateDir } from '../datadir.js';

export interface HmacKey {
  kid: string;
  key: Buffer;
  created: string;
  /** When set, records stamped after this time must not use this key. */
  retired?: string;
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
}

/** A checkpoint signing key's public half: the current key's, or a rotated-out one's, kept published. */
export interface PublicSigningKey {
  kid: string;
  publicKey: KeyObject;
  publicKeyPem: string;
  created?: string;
  /** When it stopped signing (rotated out); absent for the current key. */
  retired?: string;
}

export interface KeyProvider {
  /** Where the keys come from, for reports (never the key material). */
  readonly description: string;
  activeHmac(): HmacKey;
  hmac(kid: string): HmacKey | undefined;
  hmacKeys(): HmacKey[];
  signing(): SigningKey;
  /** The public half of signing key `kid`, current or retired (what old checkpoints are verified with). */
  signingPublic(kid: string): PublicSigningKey | undefined;
  /** Every signing key's public half, oldest first, the current one last. */
  signingKeys(): PublicSigningKey[];
  /** When the current signing key was created, if known (for the rotation period). */
  signingCreated(): string | undefined;
  /** Starts a new HMAC key and retires the active one. Providers that cannot write throw. */
  rotate(): HmacKey;
  /** Starts a new checkpoint signing key; the old private key is destroyed, its public key kept. Providers that cannot write throw. */
  rotateSigning(): SigningKey;
}

export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

interface Keyring {
  version: 1;
  active: string;
  hmac: { kid: string; created: string; retired?: string }[];
  signing: { kid: string; created: string };
  /** Signing keys rotated out: their public keys stay in the folder (signing-<kid>.pub.pem). */
  retiredSigning?: { kid: string; created: string; retired: string }[];
}

function publicKeyOf(kid: string, pem: string, meta: { created?: string; retired?: string } = {}): PublicSigningKey {
  const publicKey = createPublicKey(pem);
  return { kid, publicKey, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }) as string, ...(meta.created ? { created: meta.created } : {}), ...(meta.retired ? { retired: meta.retired } : {}) };
}

function newKid(prefix: string, n: number): string {
  return `${prefix}${n}-${randomBytes(3).toString('hex')}`;
}

function writeSecret(path: string, data: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** Keys in a directory: keyring.json (metadata only), hmac-<kid>.key, signing-<kid>.pem. */
export class DirectoryKeyProvider implements KeyProvider {
  private ring: Keyring;
  private cache = new Map<string, HmacKey>();
  private signer?: SigningKey;

  private constructor(readonly dir: string) {
    this.ring = this.load();
  }

  get description(): string {
    return `key directory ${this.dir}`;
  }

  /** Opens an existing key directory; with create, makes one (with a first HMAC key and a signing key) if absent. */
  static open(dir: string, opts: { create?: boolean } = {}): DirectoryKeyProvider {
    const ringPath = join(dir, 'keyring.json');
    if (!existsSync(ringPath)) {
      if (!opts.create) {
        throw new KeyError(`no ledger keys in ${dir} (keyring.json missing). Create them with "attest ledger keys init --keys ${dir}", or point --keys at the directory that holds them.`);
      }
      privateDir(dir);
      const now = new Date().toISOString();
      const kid = newKid('h', 1);
      writeSecret(join(dir, `hmac-${kid}.key`), randomBytes(32).toString('base64') + '\n');
      const sk = newKid('s', 1);
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      writeSecret(join(dir, `signing-${sk}.pem`), privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
      writeFileSync(join(dir, `signing-${sk}.pub.pem`), publicKey.export({ format: 'pem', type: 'spki' }) as string);
      const ring: Keyring = { version: 1, active: kid, hmac: [{ kid, created: now }], signing: { kid: sk, created: now } };
      writeSecret(ringPath, JSON.stringify(ring, null, 2) + '\n');
    }
    return new DirectoryKeyProvider(dir);
  }

  private load(): Keyring {
    const path = join(this.dir, 'keyring.json');
    let ring: Keyring;
    try {
      ring = JSON.parse(readFileSync(path, 'utf8')) as Keyring;
    } catch (e) {
      throw new KeyError(`${path}: cannot read the keyring: ${(e as Error).message}`);
    }
    if (ring.version !== 1 || !Array.isArray(ring.hmac) || typeof ring.active !== 'string' || !ring.signing?.kid) {
      throw new KeyError(`${path}: not an Attest keyring (expected version 1 with active, hmac[], signing)`);
    }
    return ring;
  }

  activeHmac(): HmacKey {
    const k = this.hmac(this.ring.active);
    if (!k) throw new KeyError(`${this.dir}: the active key ${this.ring.active} has no key file`);
    return k;
  }

  hmac(kid: string): HmacKey | undefined {
    const hit = this.cache.get(kid);
    if (hit) return hit;
    const meta = this.ring.hmac.find((k) => k.kid === kid);
    if (!meta || !/^[a-z0-9-]+$/.test(kid)) return undefined;
    const file = join(this.dir, `hmac-${kid}.key`);
    if (!existsSync(file)) return undefined;
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length < 32) throw new KeyError(`${file}: an HMAC key must be at least 32 bytes (base64)`);
    const k: HmacKey = { kid, key, created: meta.created, ...(meta.retired ? { retired: meta.retired } : {}) };
    this.cache.set(kid, k);
    return k;
  }

  hmacKeys(): HmacKey[] {
    return this.ring.hmac.map((m) => this.hmac(m.kid)).filter((k): k is HmacKey => k !== undefined);
  }

  signing(): SigningKey {
    if (this.signer) return this.signer;
    const { kid } = this.ring.signing;
    const file = join(this.dir, `signing-${kid}.pem`);
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new KeyError(`${file}: cannot read the checkpoint signing key: ${(e as Error).message}`);
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new KeyError(`${file}: the checkpoint signing key must be Ed25519`);
    const publicKey = createPublicKey(privateKey);
    this.signer = { kid, privateKey, publicKey, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }) as string };
    return this.signer;
  }

  signingPublic(kid: string): PublicSigningKey | undefined {
    if (kid === this.ring.signing.kid) {
      const s = this.signing();
      return { kid, publicKey: s.publicKey, publicKeyPem: s.publicKeyPem, created: this.ring.signing.created };
    }
    const meta = (this.ring.retiredSigning ?? []).find((k) => k.kid === kid);
    if (!meta || !/^[a-z0-9-]+$/.test(kid)) return undefined;
    const file = join(this.dir, `signing-${kid}.pub.pem`);
    try {
      return publicKeyOf(kid, readFileSync(file, 'utf8'), meta);
    } catch (e) {
      throw new KeyError(`${file}: cannot read the public key of retired signing key ${kid}: ${(e as Error).message}`);
    }
  }

  signingKeys(): PublicSigningKey[] {
    return [...(this.ring.retiredSigning ?? []).map((k) => k.kid), this.ring.signing.kid].map((kid) => this.signingPublic(kid)!);
  }

  signingCreated(): string | undefined {
    return this.ring.signing.created;
  }

  rotateSigning(): SigningKey {
    this.ring = this.load();
    const now = new Date().toISOString();
    const old = this.ring.signing;
    const kid = newKid('s', (this.ring.retiredSigning?.length ?? 0) + 2);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeSecret(join(this.dir, `signing-${kid}.pem`), privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    writeFileSync(join(this.dir, `signing-${kid}.pub.pem`), publicKey.export({ format: 'pem', type: 'spki' }) as string);
    // The old public key must stay readable for verification; write it if an older folder lacks it.
    const oldPub = join(this.dir, `signing-${old.kid}.pub.pem`);
    if (!existsSync(oldPub)) writeFileSync(oldPub, this.signing().publicKeyPem);
    this.ring.retiredSigning = [...(this.ring.retiredSigning ?? []), { kid: old.kid, created: old.created, retired: now }];
    this.ring.signing = { kid, created: now };
    writeSecret(join(this.dir, 'keyring.json'), JSON.stringify(this.ring, null, 2) + '\n');
    // A rotated-out key signs nothing more: its private half is destroyed.
    rmSync(join(this.dir, `signing-${old.kid}.pem`), { force: true });
    this.signer = undefined;
    return this.signing();
  }

  rotate(): HmacKey {
    this.ring = this.load();
    const now = new Date().toISOString();
    const kid = newKid('h', this.ring.hmac.length + 1);
    writeSecret(join(this.dir, `hmac-${kid}.key`), randomBytes(32).toString('base64') + '\n');
    for (const k of this.ring.hmac) if (k.kid === this.ring.active && !k.retired) k.retired = now;
    this.ring.hmac.push({ kid, created: now });
    this.ring.active = kid;
    writeSecret(join(this.dir, 'keyring.json'), JSON.stringify(this.ring, null, 2) + '\n');
    this.cache.clear();
    return this.activeHmac();
  }
}

/**
 * Keys from the environment, for containers whose secrets arrive that way:
 * ATTEST_LEDGER_KEYS='{"active":"h2","hmac":{"h1":{"key":"<base64>","created":"…","retired":"…"},"h2":{"key":"<base64>","created":"…"}},
 *                      "signing":{"kid":"s2","key":"<PKCS#8 PEM or base64 DER>","created":"…",
 *                                 "previous":[{"kid":"s1","publicKey":"<SPKI PEM>","retired":"…"}]}}'
 */
export class EnvKeyProvider implements KeyProvider {
  readonly description = 'environment variable ATTEST_LEDGER_KEYS';
  private keys = new Map<string, HmacKey>();
  private active: string;
  private signer: SigningKey;
  private signerCreated?: string;
  private previous: PublicSigningKey[] = [];

  constructor(json: string) {
    let spec: {
      active?: string;
      hmac?: Record<string, { key?: string; created?: string; retired?: string }>;
      signing?: { kid?: string; key?: string; created?: string; previous?: { kid?: string; publicKey?: string; created?: string; retired?: string }[] };
    };
    try {
      spec = JSON.parse(json);
    } catch {
      throw new KeyError('ATTEST_LEDGER_KEYS is not valid JSON (see "attest ledger --help" for its shape)');
    }
    for (const [kid, v] of Object.entries(spec.hmac ?? {})) {
      const key = Buffer.from(v.key ?? '', 'base64');
      if (key.length < 32) throw new KeyError(`ATTEST_LEDGER_KEYS: hmac.${kid}.key must be at least 32 bytes of base64`);
      this.keys.set(kid, { kid, key, created: v.created ?? '1970-01-01T00:00:00.000Z', ...(v.retired ? { retired: v.retired } : {}) });
    }
    if (!spec.active || !this.keys.has(spec.active)) throw new KeyError('ATTEST_LEDGER_KEYS: "active" must name one of the hmac keys');
    this.active = spec.active;
    if (!spec.signing?.kid || !spec.signing.key) throw new KeyError('ATTEST_LEDGER_KEYS: signing.kid and signing.key are required');
    const text = spec.signing.key.includes('BEGIN') ? spec.signing.key : undefined;
    const privateKey = text
      ? createPrivateKey(text)
      : createPrivateKey({ key: Buffer.from(spec.signing.key, 'base64'), format: 'der', type: 'pkcs8' });
    const publicKey = createPublicKey(privateKey);
    this.signer = { kid: spec.signing.kid, privateKey, publicKey, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }) as string };
    if (spec.signing.created) this.signerCreated = spec.signing.created;
    for (const [i, p] of (spec.signing.previous ?? []).entries()) {
      if (!p.kid || !p.publicKey) throw new KeyError(`ATTEST_LEDGER_KEYS: signing.previous[${i}] needs kid and publicKey (SPKI PEM)`);
      try {
        this.previous.push(publicKeyOf(p.kid, p.publicKey, { ...(p.created ? { created: p.created } : {}), retired: p.retired ?? '1970-01-01T00:00:00.000Z' }));
      } catch {
        throw new KeyError(`ATTEST_LEDGER_KEYS: signing.previous[${i}].publicKey is not a readable public key`);
      }
    }
  }

  activeHmac(): HmacKey {
    return this.keys.get(this.active)!;
  }
  hmac(kid: string): HmacKey | undefined {
    return this.keys.get(kid);
  }
  hmacKeys(): HmacKey[] {
    return [...this.keys.values()];
  }
  signing(): SigningKey {
    return this.signer;
  }
  signingPublic(kid: string): PublicSigningKey | undefined {
    if (kid === this.signer.kid) return { kid, publicKey: this.signer.publicKey, publicKeyPem: this.signer.publicKeyPem, ...(this.signerCreated ? { created: this.signerCreated } : {}) };
    return this.previous.find((k) => k.kid === kid);
  }
  signingKeys(): PublicSigningKey[] {
    return [...this.previous, this.signingPublic(this.signer.kid)!];
  }
  signingCreated(): string | undefined {
    return this.signerCreated;
  }
  rotateSigning(): SigningKey {
    throw new KeyError('keys from ATTEST_LEDGER_KEYS cannot be rotated by Attest: put a new signing key in signing.key (with its created time) and move the old one\'s public key to signing.previous');
  }
  rotate(): HmacKey {
    throw new KeyError('keys from ATTEST_LEDGER_KEYS cannot be rotated by Attest: add a new key to the variable, make it active and set "retired" on the old one');
  }
}

/**
 * Any provider's keys in the ATTEST_LEDGER_KEYS form, for a worker thread of this process that
 * opens the same ledger (new EnvKeyProvider(spec) there): it holds the private keys, so it is
 * handed over in memory only, never written, logged or sent.
 */
export function keySpec(p: KeyProvider): string {
  const signer = p.signing();
  const created = p.signingCreated();
  return JSON.stringify({
    active: p.activeHmac().kid,
    hmac: Object.fromEntries(p.hmacKeys().map((k) => [k.kid, { key: k.key.toString('base64'), created: k.created, ...(k.retired ? { retired: k.retired } : {}) }])),
    signing: {
      kid: signer.kid,
      key: signer.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
      ...(created ? { created } : {}),
      previous: p.signingKeys().filter((k) => k.kid !== signer.kid).map((k) => ({ kid: k.kid, publicKey: k.publicKeyPem, ...(k.created ? { created: k.created } : {}), ...(k.retired ? { retired: k.retired } : {}) })),
    },
  });
}

/** Whether openKeys would find keys (in the environment or the directory) without creating any. */
export function keysExist(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env['ATTEST_LEDGER_KEYS']) || existsSync(join(dir, 'keyring.json'));
}

/** The environment wins when ATTEST_LEDGER_KEYS is set; otherwise the key directory. */
export function openKeys(dir: string, opts: { create?: boolean; env?: NodeJS.ProcessEnv } = {}): KeyProvider {
  const env = opts.env ?? process.env;
  if (env['ATTEST_LEDGER_KEYS']) return new EnvKeyProvider(env['ATTEST_LEDGER_KEYS']);
  return DirectoryKeyProvider.open(dir, opts);
}
