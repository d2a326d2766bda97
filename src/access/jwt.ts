/**
 * Bearer-token verification: OIDC/JWT access tokens from any issuer that publishes a JWKS
 * (Cognito, Keycloak, Auth0, ...), and in development mode the built-in dev issuer.
 *
 * A token is accepted only if, in this order:
 *   - it is a compact JWS of sane size whose alg is on the allow-list (asymmetric only:
 *     never "none", never HS*, whatever the token says);
 *   - its iss is a trusted issuer (the configured one; urn:attest:dev-issuer in dev mode);
 *   - its signature verifies with a key from that issuer's JWKS (fetched via OpenID
 *     discovery or jwksUrl, cached, refetched when a token names an unknown kid, at most
 *     once per cooldown; kept and used while the endpoint fails, for a while);
 *   - exp and nbf hold, allowing the configured clock skew; sub is present;
 *   - it lives no longer than maxTokenLifetimeSeconds (exp − iat, and what is left of it, exp − now);
 *   - it is the kind of token required (access by default: Cognito token_use, Keycloak typ,
 *     RFC 9068 header typ at+jwt; an id token is refused);
 *   - it is meant for Attest: aud among the configured audiences, or (access tokens) the
 *     client_id / azp among the configured client ids (Cognito access tokens have no aud).
 * Every failure is an AuthError with a code for the HTTP layer (401, or 503 for
 * jwks_unavailable) and a message that never contains the token.
 */
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type CryptoKey,
  type FlattenedJWSInput,
  type JWSHeaderParameters,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import { DevIssuer } from './dev-issuer.js';
import {
  AccessConfigError,
  ASYMMETRIC_ALGORITHMS,
  checkIssuerUrl,
  DEV_AUDIENCE,
  DEV_ISSUER,
  resolvePrincipal,
  type AccessConfig,
  type Principal,
  type TokenUse,
} from './scopes.js';

export type AuthErrorCode =
  | 'missing'
  | 'invalid'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'wrong_token_use'
  | 'unknown_key'
  | 'jwks_unavailable'
  | 'alg_not_allowed'
  | 'lifetime_too_long';

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }

  /** The HTTP status a server should answer with: 503 when the issuer's keys cannot be had, else 401. */
  get status(): 401 | 503 {
    return this.code === 'jwks_unavailable' ? 503 : 401;
  }
}

export interface Verifier {
  /** Verifies a bearer token (without the "Bearer " prefix); rejects with AuthError only. */
  verify(token: string | undefined | null): Promise<Principal>;
  /** The issuers this verifier trusts, for start-up logs. */
  readonly issuers: string[];
}

export interface VerifierOptions {
  /** The dev issuer to trust in dev mode (default: DevIssuer.open(config.devIssuerDir)). */
  devIssuer?: DevIssuer;
  /** Clock, for tests. */
  now?: () => Date;
}

/** Tokens longer than this are refused before any parsing. */
export const MAX_TOKEN_LENGTH = 16 * 1024;
/** Encoded protected headers longer than this are refused. */
export const MAX_HEADER_LENGTH = 2048;

type GetKey = (header: JWSHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey>;
type RemoteSet = ReturnType<typeof createRemoteJWKSet>;

interface Trust {
  issuer: string;
  algorithms: string[];
  audiences: string[];
  clientIds: string[];
  tokenUse: TokenUse;
  dev: boolean;
  getKey: GetKey;
}

const B64URL = /^[A-Za-z0-9_-]*$/;

/** A value from a token, fit for an error message: short, printable, quoted. */
function shown(v: unknown): string {
  if (v === undefined) return '(none)';
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  const clean = s.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(clean.length > 100 ? `${clean.slice(0, 100)}…` : clean);
}

function reason(e: unknown): string {
  if (e instanceof errors.JWKSTimeout) return 'timed out';
  if (e instanceof Error) {
    const cause = (e as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error && cause.message && cause.message !== e.message ? ` (${cause.message})` : '';
    return `${e.message}${detail}`.slice(0, 300);
  }
  return String(e).slice(0, 300);
}

function allowedUrl(value: string, field: string): URL {
  const problems: string[] = [];
  checkIssuerUrl(value, field, problems);
  if (problems.length) throw new Error(problems[0]);
  return new URL(value);
}

/** The jwks_uri of an issuer, from its OpenID discovery document. */
async function discoverJwksUrl(issuer: string, timeoutMs: number): Promise<URL> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new Error(`OpenID discovery at ${url} answered HTTP ${res.status}`);
  }
  let doc: unknown;
  try {
    doc = await res.json();
  } catch {
    throw new Error(`OpenID discovery at ${url} did not return JSON`);
  }
  const d = doc as { issuer?: unknown; jwks_uri?: unknown };
  if (typeof doc !== 'object' || doc === null) throw new Error(`OpenID discovery at ${url} did not return an object`);
  if (d.issuer !== issuer) throw new Error(`OpenID discovery at ${url} names issuer ${shown(d.issuer)}, not the configured ${JSON.stringify(issuer)}`);
  if (typeof d.jwks_uri !== 'string') throw new Error(`OpenID discovery at ${url} has no jwks_uri`);
  return allowedUrl(d.jwks_uri, 'jwks_uri');
}

/**
 * The keys of a remote issuer: jose's remote JWKS (cache, cooldown, refetch on unknown
 * kid), located through discovery unless jwksUrl is given, plus stale-if-error: when the
 * endpoint fails, the last key set fetched is used for jwksStaleIfErrorSeconds and the
 * endpoint is not asked again before a short back-off, so a dead issuer costs requests
 * neither a timeout each nor their access while the keys are still known.
 */
class RemoteKeys {
  private set?: RemoteSet;
  private pending?: Promise<RemoteSet>;
  private failedAt?: number;
  private failingSince?: number;
  private stale?: GetKey;
  private lastFailure = '';
  private readonly retryMs: number;

  constructor(
    private readonly issuer: string,
    private readonly config: AccessConfig,
  ) {
    this.retryMs = Math.min(config.jwksCooldownSeconds * 1000, 5000);
  }

  private remote(): Promise<RemoteSet> {
    if (this.set) return Promise.resolve(this.set);
    this.pending ??= (async () => {
      const url = this.config.jwksUrl ? allowedUrl(this.config.jwksUrl, 'jwksUrl') : await discoverJwksUrl(this.issuer, this.config.jwksTimeoutMs);
      this.set = createRemoteJWKSet(url, {
        cooldownDuration: this.config.jwksCooldownSeconds * 1000,
        cacheMaxAge: this.config.jwksCacheMaxAgeSeconds * 1000,
        timeoutDuration: this.config.jwksTimeoutMs,
      });
      return this.set;
    })().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  readonly getKey: GetKey = async (header, token) => {
    if (this.failedAt !== undefined && Date.now() - this.failedAt < this.retryMs) return this.fromStale(header, token);
    let set: RemoteSet | undefined;
    try {
      set = await this.remote();
      const key = await set(header, token);
      this.recovered();
      return key;
    } catch (e) {
      if (e instanceof errors.JWKSNoMatchingKey) {
        this.recovered();
        throw new AuthError('unknown_key', `no key ${shown(header.kid)} for ${header.alg} in the key set of ${this.issuer}`);
      }
      if (e instanceof errors.JWKSMultipleMatchingKeys) {
        this.recovered();
        throw new AuthError('unknown_key', `the token names no key (kid) and the key set of ${this.issuer} has several that could match`);
      }
      this.failed(e, set);
      return this.fromStale(header, token);
    }
  };

  private recovered(): void {
    this.failedAt = this.failingSince = this.stale = undefined;
  }

  private failed(e: unknown, set: RemoteSet | undefined): void {
    const now = Date.now();
    this.failedAt = now;
    this.failingSince ??= now;
    this.lastFailure = reason(e);
    if (!this.stale && set) {
      const jwks = set.jwks();
      if (jwks) {
        try {
          this.stale = createLocalJWKSet(jwks) as GetKey;
        } catch {
          this.stale = undefined;
        }
      }
    }
  }

  private async fromStale(header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> {
    const unavailable = new AuthError('jwks_unavailable', `cannot get the signing keys of ${this.issuer}: ${this.lastFailure}`);
    const staleFor = this.failingSince === undefined ? Infinity : Date.now() - this.failingSince;
    if (!this.stale || staleFor > this.config.jwksStaleIfErrorSeconds * 1000) throw unavailable;
    try {
      return await this.stale(header, token);
    } catch (e) {
      if (e instanceof errors.JWKSMultipleMatchingKeys) {
        throw new AuthError('unknown_key', `the token names no key (kid) and the key set of ${this.issuer} has several that could match`);
      }
      // A kid the last known set lacks may be in the set we cannot fetch now.
      throw unavailable;
    }
  }
}

function localKeys(jwks: Parameters<typeof createLocalJWKSet>[0], issuer: string): GetKey {
  const set = createLocalJWKSet(jwks);
  return async (header, token) => {
    try {
      return (await set(header, token)) as CryptoKey;
    } catch (e) {
      if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys) {
        throw new AuthError('unknown_key', `no key ${shown(header.kid)} for ${header.alg} in the key set of ${issuer}`);
      }
      throw e;
    }
  };
}

/** What the token says it is: Cognito token_use, Keycloak typ claim, RFC 9068 header typ. */
export function tokenUseOf(header: ProtectedHeaderParameters, claims: JWTPayload): 'access' | 'id' | 'other' | 'unknown' {
  const seen = new Set<'access' | 'id' | 'other'>();
  const tu = claims['token_use'];
  if (tu !== undefined) seen.add(tu === 'access' ? 'access' : tu === 'id' ? 'id' : 'other');
  const typ = claims['typ'];
  if (typ !== undefined) seen.add(typ === 'Bearer' ? 'access' : typ === 'ID' ? 'id' : 'other');
  const htyp = typeof header.typ === 'string' ? header.typ.toLowerCase() : '';
  if (htyp === 'at+jwt' || htyp === 'application/at+jwt') seen.add('access');
  if (seen.size === 0) return 'unknown';
  if (seen.size > 1) return 'other';
  return [...seen][0]!;
}

function strings(v: unknown): string[] {
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function checkUseAndAudience(trust: Trust, header: ProtectedHeaderParameters, claims: JWTPayload): void {
  const use = tokenUseOf(header, claims);
  if (use === 'other') throw new AuthError('wrong_token_use', 'the token is neither an access token nor an id token');
  if (trust.tokenUse === 'access' && use === 'id') throw new AuthError('wrong_token_use', 'an id token was presented; an access token is required');
  if (trust.tokenUse === 'id' && use === 'access') throw new AuthError('wrong_token_use', 'an access token was presented; an id token is required');

  const aud = strings(claims.aud);
  const client = typeof claims['client_id'] === 'string' ? claims['client_id'] : typeof claims['azp'] === 'string' ? claims['azp'] : undefined;
  const audOk = aud.some((a) => trust.audiences.includes(a));
  const clientOk = client !== undefined && trust.clientIds.includes(client);
  const idAudOk = aud.some((a) => trust.audiences.includes(a) || trust.clientIds.includes(a));
  let ok: boolean;
  if (use === 'access') ok = audOk || clientOk;
  else if (use === 'id') ok = idAudOk;
  else if (trust.tokenUse === 'access') {
    // Nothing in the token says what it is: accept it only on an explicit audience, never
    // on the client id (an id token's aud is the client id).
    ok = audOk;
    if (!ok && (clientOk || idAudOk)) throw new AuthError('wrong_token_use', 'the token does not say it is an access token (token_use, typ) and its aud is not a configured audience');
  } else if (trust.tokenUse === 'id') ok = idAudOk;
  else ok = audOk || idAudOk;
  if (!ok) {
    const what = [aud.length ? `aud ${shown(aud.length === 1 ? aud[0] : aud)}` : 'no aud', client !== undefined ? `client ${shown(client)}` : 'no client_id'].join(', ');
    throw new AuthError('wrong_audience', `the token is not meant for Attest (${what})`);
  }
}

/**
 * A token's whole lifetime is exp − iat, both from the issuer's clock, so no skew applies.
 * What is left of it, exp − now (with the skew for our clock), is bounded too: without iat it
 * is all that can be seen, and an iat in the future (which jose accepts) would otherwise make
 * a short exp − iat out of a token usable for years.
 */
function checkLifetime(payload: JWTPayload, config: AccessConfig, now: Date): void {
  const max = config.maxTokenLifetimeSeconds;
  const setting = `this service accepts at most ${max} s (access.maxTokenLifetimeSeconds)`;
  const exp = payload.exp!;
  const hasIat = typeof payload.iat === 'number';
  if (hasIat && exp - payload.iat! > max) throw new AuthError('lifetime_too_long', `the token is valid for ${exp - payload.iat!} s (exp − iat); ${setting}`);
  const left = exp - Math.floor(now.getTime() / 1000);
  if (left > max + config.clockSkewSeconds) {
    throw new AuthError('lifetime_too_long', `the token ${hasIat ? 'has an iat in the future' : 'has no iat'} and is valid for another ${left} s (exp − now); ${setting}`);
  }
}

function mapError(e: unknown, claims: JWTPayload | undefined): AuthError {
  if (e instanceof AuthError) return e;
  if (e instanceof errors.JWTExpired) {
    const exp = typeof claims?.exp === 'number' ? ` at ${new Date(claims.exp * 1000).toISOString()}` : '';
    return new AuthError('expired', `the token expired${exp}`);
  }
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'nbf') {
      const nbf = typeof claims?.nbf === 'number' ? ` before ${new Date(claims.nbf * 1000).toISOString()}` : '';
      return new AuthError('not_yet_valid', `the token is not valid${nbf}`);
    }
    if (e.claim === 'iss') return new AuthError('wrong_issuer', `the token's issuer ${shown(claims?.iss)} is not trusted`);
    if (e.reason === 'missing') return new AuthError('invalid', `the token has no "${e.claim}" claim`);
    return new AuthError('invalid', `the token's "${e.claim}" claim is invalid`);
  }
  if (e instanceof errors.JOSEAlgNotAllowed) return new AuthError('alg_not_allowed', 'the token\'s algorithm is not accepted for its issuer');
  if (e instanceof errors.JWSSignatureVerificationFailed) return new AuthError('invalid', 'the token\'s signature does not verify');
  if (e instanceof errors.JOSEError) return new AuthError('invalid', `malformed token: ${e.message.slice(0, 200)}`);
  return new AuthError('invalid', 'the token could not be verified');
}

/** Checks what createVerifier relies on; validateAccessConfig has already said it in detail. */
function assertVerifiable(config: AccessConfig): void {
  const problems: string[] = [];
  if (!config.issuer && !config.dev) problems.push('no token issuer configured: set issuer, or run in development mode (--dev)');
  if (config.issuer === DEV_ISSUER) problems.push(`issuer ${DEV_ISSUER} is the built-in development issuer; use dev mode instead`);
  if (config.issuer && config.audience.length === 0 && config.clientIds.length === 0) problems.push('set audience or clientIds');
  if (config.algorithms.length === 0 || config.algorithms.some((a) => !(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(a))) {
    problems.push(`algorithms may list only asymmetric signature algorithms (${ASYMMETRIC_ALGORITHMS.join(', ')})`);
  }
  if (problems.length) throw new AccessConfigError(problems);
}

/**
 * A verifier for the configured issuer, and in dev mode also for the dev issuer (whose key
 * set is local; it is otherwise verified by the same code). Throws AccessConfigError when
 * the configuration trusts no issuer: no configuration never means access.
 */
export function createVerifier(config: AccessConfig, options: VerifierOptions = {}): Verifier {
  assertVerifiable(config);
  const trusts: Trust[] = [];
  if (config.issuer) {
    const keys = new RemoteKeys(config.issuer, config);
    trusts.push({
      issuer: config.issuer,
      algorithms: config.algorithms,
      audiences: config.audience,
      clientIds: config.clientIds,
      tokenUse: config.tokenUse,
      dev: false,
      getKey: keys.getKey,
    });
  }
  if (config.dev) {
    const dev = options.devIssuer ?? DevIssuer.open(config.devIssuerDir);
    trusts.push({
      issuer: DEV_ISSUER,
      algorithms: [dev.algorithm],
      audiences: [DEV_AUDIENCE],
      clientIds: [],
      tokenUse: 'access',
      dev: true,
      getKey: localKeys(dev.jwks(), DEV_ISSUER),
    });
  }
  const anyAlgorithm = new Set(trusts.flatMap((t) => t.algorithms));
  const describeAlgorithms = [...anyAlgorithm].join(', ');

  async function verify(token: string | undefined | null): Promise<Principal> {
    if (typeof token !== 'string' || token.trim() === '') throw new AuthError('missing', 'no bearer token');
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthError('invalid', `the token is too large (over ${MAX_TOKEN_LENGTH} characters)`);
    const parts = token.split('.');
    if (parts.length === 5) throw new AuthError('invalid', 'encrypted tokens (JWE) are not accepted');
    if (parts.length !== 3 || !parts.every((p) => B64URL.test(p)) || parts[0] === '' || parts[1] === '') {
      throw new AuthError('invalid', 'not a JWT (expected three base64url parts separated by dots)');
    }
    if (parts[0]!.length > MAX_HEADER_LENGTH) throw new AuthError('invalid', `the token header is too large (over ${MAX_HEADER_LENGTH} characters)`);

    let header: ProtectedHeaderParameters;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw new AuthError('invalid', 'the token header is not a JSON object');
    }
    if (typeof header.alg !== 'string' || !anyAlgorithm.has(header.alg)) {
      throw new AuthError('alg_not_allowed', `algorithm ${shown(header.alg)} is not accepted (accepted: ${describeAlgorithms})`);
    }
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new AuthError('invalid', 'the token payload is not a JSON object');
    }
    // Route by the claimed issuer; the signature check below then proves it.
    const trust = trusts.find((t) => t.issuer === unverified.iss);
    if (!trust) {
      throw new AuthError('wrong_issuer', `the token's issuer ${shown(unverified.iss)} is not trusted (trusted: ${trusts.map((t) => t.issuer).join(', ')})`);
    }

    let payload: JWTPayload;
    let protectedHeader: ProtectedHeaderParameters;
    try {
      ({ payload, protectedHeader } = await jwtVerify(token, trust.getKey, {
        algorithms: trust.algorithms,
        issuer: trust.issuer,
        clockTolerance: config.clockSkewSeconds,
        requiredClaims: ['exp', 'sub'],
        ...(options.now ? { currentDate: options.now() } : {}),
      }));
    } catch (e) {
      throw mapError(e, unverified);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new AuthError('invalid', 'the token\'s "sub" claim is not a string');
    checkLifetime(payload, config, options.now ? options.now() : new Date());
    checkUseAndAudience(trust, protectedHeader, payload);
    if (trust.dev && payload['attest_dev'] !== true) throw new AuthError('invalid', 'a token of the dev issuer without attest_dev: true');
    return resolvePrincipal(payload as Record<string, unknown>, config, { dev: trust.dev });
  }

  return {
    issuers: trusts.map((t) => t.issuer),
    async verify(token) {
      try {
        return await verify(token);
      } catch (e) {
        throw mapError(e, undefined);
      }
    },
  };
}
