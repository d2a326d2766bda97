/**
 * The development issuer: a local token issuer for named dev users and roles, so that the
 * HTTP service can be exercised without an identity provider.
 *
 * Its signing key (an Ed25519 or P-256 private JWK) lives in a directory, .attest/dev-issuer
 * by default, created on first use, so `attest dev-token --user alice --role auditor` and a
 * server started with --dev in the same working directory agree on the key. Dev tokens say
 * what they are: iss urn:attest:dev-issuer and attest_dev: true. A verifier trusts this
 * issuer only in dev mode (AccessConfig.dev); it then verifies dev tokens exactly like real
 * ones, the issuer's JWKS being local instead of fetched (see jwt.ts).
 */
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importJWK, SignJWT, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import { DEFAULT_ROLES, DEV_AUDIENCE, DEV_ISSUER, DEV_ROLES_CLAIM, DEV_TENANT_CLAIM, isScope, SCOPES, type Role } from './scopes.js';
import { privateDir } from '../datadir.js';

export type DevKeyAlgorithm = 'EdDSA' | 'ES256';

export const DEV_KEY_FILE = 'signing-key.jwk.json';
export const DEV_CLIENT_ID = 'attest-dev';
export const DEFAULT_DEV_TTL_SECONDS = 8 * 3600;
export const MAX_DEV_TTL_SECONDS = 30 * 86400;

export interface MintOptions {
  /** Dev user name: letters, digits, ".", "_", "-", "@" (at most 64). Becomes sub "dev:<user>". */
  user: string;
  /** Role name or names; checked against `roles` (default: the default roles). */
  role: string | string[];
  tenant?: string | string[];
  ttlSeconds?: number;
  /** Extra Attest scopes, carried in the scope claim like an M2M token's. */
  scopes?: string[];
  /** The role table the token is meant for (config.roles), to catch typos. */
  roles?: Record<string, Role>;
}

export class DevIssuerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DevIssuerError';
  }
}

interface StoredKey {
  jwk: JWK & { kid: string; alg: DevKeyAlgorithm };
}

function loadKey(path: string): StoredKey {
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  } catch (e) {
    throw new DevIssuerError(`${path}: cannot read the dev issuer key: ${(e as Error).message}`);
  }
  const ok =
    typeof jwk === 'object' && jwk !== null && typeof jwk.d === 'string' && typeof jwk.kid === 'string' &&
    ((jwk.alg === 'EdDSA' && jwk.kty === 'OKP' && jwk.crv === 'Ed25519') || (jwk.alg === 'ES256' && jwk.kty === 'EC' && jwk.crv === 'P-256'));
  if (!ok) throw new DevIssuerError(`${path}: not a dev issuer key (expected an Ed25519 or P-256 private JWK with kid and alg)`);
  return { jwk: jwk as StoredKey['jwk'] };
}

/** RFC 7638 thumbprint (SHA-256, base64url) of an OKP or EC public key: its required members in lexicographic order. */
function thumbprint(jwk: JWK): string {
  const members = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

function createKey(path: string, alg: DevKeyAlgorithm): void {
  const pair = alg === 'EdDSA' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = pair.privateKey.export({ format: 'jwk' }) as JWK;
  const kid = thumbprint(jwk);
  const stored = { ...jwk, kid, alg, use: 'sig' };
  // Write aside, then link into place: link fails if another process got there first, in
  // which case its key wins and both processes use it.
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(tmp, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
}

export class DevIssuer {
  readonly issuer = DEV_ISSUER;
  readonly audience = DEV_AUDIENCE;
  private signingKey?: Promise<CryptoKey>;

  private constructor(
    readonly dir: string,
    private readonly key: StoredKey,
  ) {}

  /**
   * Opens the dev issuer kept in dir, creating the directory and a key on first use
   * (unless create is false). alg chooses the type of a new key; an existing key is kept.
   */
  static open(dir: string, opts: { create?: boolean; alg?: DevKeyAlgorithm } = {}): DevIssuer {
    const path = join(dir, DEV_KEY_FILE);
    if (!existsSync(path)) {
      if (opts.create === false) throw new DevIssuerError(`${dir}: no dev issuer key here (run attest dev-token or attest serve --dev to create one)`);
      privateDir(dir);
      createKey(path, opts.alg ?? 'EdDSA');
    }
    return new DevIssuer(dir, loadKey(path));
  }

  get kid(): string {
    return this.key.jwk.kid;
  }

  get algorithm(): DevKeyAlgorithm {
    return this.key.jwk.alg;
  }

  /** The public key set, as the issuer's JWKS endpoint would serve it. */
  jwks(): JSONWebKeySet {
    const { d: _d, ...pub } = this.key.jwk;
    return { keys: [{ ...pub, use: 'sig' }] };
  }

  /** Mints a dev access token. */
  async mint(opts: MintOptions): Promise<string> {
    if (typeof opts.user !== 'string' || !/^[A-Za-z0-9._@-]{1,64}$/.test(opts.user)) {
      throw new DevIssuerError(`dev user name must be 1-64 letters, digits, ".", "_", "-" or "@"; got ${JSON.stringify(opts.user)}`);
    }
    const roles = typeof opts.role === 'string' ? [opts.role] : [...(opts.role ?? [])];
    const table = opts.roles ?? DEFAULT_ROLES;
    const unknown = roles.filter((r) => !Object.hasOwn(table, r));
    if (unknown.length) throw new DevIssuerError(`no role named ${unknown.map((u) => JSON.stringify(u)).join(', ')}; the roles are ${Object.keys(table).join(', ')}`);
    const scopes = opts.scopes ?? [];
    const badScopes = scopes.filter((s) => !isScope(s));
    if (badScopes.length) throw new DevIssuerError(`unknown scope ${badScopes.map((s) => JSON.stringify(s)).join(', ')}; the scopes are ${SCOPES.join(', ')}`);
    if (roles.length === 0 && scopes.length === 0) throw new DevIssuerError('a dev token needs at least one role or scope');
    const ttl = opts.ttlSeconds ?? DEFAULT_DEV_TTL_SECONDS;
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_DEV_TTL_SECONDS) throw new DevIssuerError(`ttlSeconds must be a whole number from 1 to ${MAX_DEV_TTL_SECONDS}`);
    const tenants = opts.tenant === undefined ? [] : typeof opts.tenant === 'string' ? [opts.tenant] : opts.tenant;
    if (tenants.some((t) => typeof t !== 'string' || t === '' || /[\s,]/.test(t))) throw new DevIssuerError('tenant names must be non-empty and contain no spaces or commas');

    this.signingKey ??= importJWK(this.key.jwk, this.key.jwk.alg) as Promise<CryptoKey>;
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      token_use: 'access',
      client_id: DEV_CLIENT_ID,
      username: opts.user,
      attest_dev: true,
      [DEV_ROLES_CLAIM]: roles,
      ...(tenants.length ? { [DEV_TENANT_CLAIM]: tenants } : {}),
      ...(scopes.length ? { scope: scopes.join(' ') } : {}),
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: this.key.jwk.alg, kid: this.key.jwk.kid, typ: 'at+jwt' })
      .setIssuer(DEV_ISSUER)
      .setSubject(`dev:${opts.user}`)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .setJti(randomUUID())
      .sign(await this.signingKey);
  }
}
