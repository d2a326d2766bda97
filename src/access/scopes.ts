/**
 * Who may do what. Attest's permissions are scopes; roles are named bundles of scopes kept
 * as data in the configuration; identity-provider groups map to roles. A verified token's
 * claims become a Principal (resolvePrincipal) and the HTTP layer checks scopes on it.
 *
 * The rule throughout: nothing configured, nothing granted. An unknown group, an unknown
 * scope, a role that does not exist, a missing configuration — each contributes no scope.
 */
import { resolve } from 'node:path';

export const SCOPES = [
  'security:read',
  'security:write',
  'audit:read',
  'audit:write',
  'audit:export',
  'compliance:read',
  'compliance:write',
  // Approving an exception is its own scope: a grant that lets someone request an exception
  // must not also let them approve it (the engine refuses requester = approver as well).
  'compliance:approve',
  // Subject access and erasure requests: they read and delete personal data across tenants.
  'privacy:manage',
  // Alerts raised over the audit trail: reading them, and working them (acknowledge, resolve, test).
  'alerts:read',
  'alerts:write',
  'admin',
] as const;

export type Scope = (typeof SCOPES)[number];

const SCOPE_SET: ReadonlySet<string> = new Set(SCOPES);

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && SCOPE_SET.has(value);
}

export interface Role {
  name: string;
  scopes: Scope[];
  /**
   * The read scopes this role grants cover only records the principal itself wrote (the
   * agent role). A principal that also holds the same scope from an unrestricted source
   * (another role, the token's scope claim) is not restricted.
   */
  ownRecordsOnly?: boolean;
  description: string;
}

export const DEFAULT_ROLES: Readonly<Record<string, Role>> = Object.freeze({
  admin: {
    name: 'admin',
    scopes: [...SCOPES],
    description: 'Every scope, including administration of Attest itself.',
  },
  'security-officer': {
    name: 'security-officer',
    scopes: ['security:read', 'security:write', 'compliance:read', 'compliance:write', 'audit:read', 'audit:export', 'privacy:manage', 'alerts:read', 'alerts:write'],
    description: 'Runs the security and compliance programme: reads and changes controls and evidence, reads and exports the audit trail, answers subject access and erasure requests, works the alerts.',
  },
  auditor: {
    name: 'auditor',
    scopes: ['security:read', 'compliance:read', 'audit:read', 'audit:export', 'alerts:read'],
    description: 'Reads everything relevant to an audit (alerts included) and exports the audit trail; changes nothing.',
  },
  approver: {
    name: 'approver',
    scopes: ['compliance:read', 'compliance:approve', 'security:read'],
    description: 'A risk owner: reads the compliance status and the findings behind it, and approves exceptions someone else requested.',
  },
  agent: {
    name: 'agent',
    scopes: ['audit:write', 'audit:read'],
    ownRecordsOnly: true,
    description: 'An automated writer of audit records; reads back only the records it wrote itself.',
  },
  viewer: {
    name: 'viewer',
    scopes: ['compliance:read'],
    description: 'Reads the compliance status only (statuses and counts, not the resources or files behind them).',
  },
} satisfies Record<string, Role>);

export type TokenUse = 'access' | 'id' | 'any';

/** The algorithms a verifier may ever accept: asymmetric signatures only. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256', 'RS384', 'RS512',
  'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512',
  'EdDSA', 'Ed25519',
] as const;

export const DEFAULT_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
/** One day: the longest access-token validity Cognito allows. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 86_400;
export const DEFAULT_DEV_ISSUER_DIR = '.attest/dev-issuer';
export const DEFAULT_GROUPS_CLAIM = 'cognito:groups';
export const DEFAULT_TENANT_CLAIM = 'custom:tenant';
/** Fixed identity of the built-in development issuer (see dev-issuer.ts). */
export const DEV_ISSUER = 'urn:attest:dev-issuer';
export const DEV_AUDIENCE = 'attest';
/** Claims of dev tokens: role names (not IdP groups) and the tenant. */
export const DEV_ROLES_CLAIM = 'attest_roles';
export const DEV_TENANT_CLAIM = 'attest_tenant';

/** The validated, defaulted access configuration (output of validateAccessConfig). */
export interface AccessConfig {
  /** Token issuer (exact `iss`), e.g. https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC. Absent only in dev mode. */
  issuer?: string;
  /** JWKS location; default: jwks_uri of the issuer's OpenID discovery document. */
  jwksUrl?: string;
  /** Accepted `aud` values (Keycloak, Auth0, or the app client id of Cognito id tokens). */
  audience: string[];
  /** Accepted OAuth client ids: Cognito access tokens carry `client_id` and no `aud`; otherwise `azp`. */
  clientIds: string[];
  algorithms: string[];
  tokenUse: TokenUse;
  clockSkewSeconds: number;
  /**
   * Longest lifetime accepted (exp − iat; exp − now when iat is missing). Default one day,
   * the longest access token Cognito issues: a longer one is a leaked key's work or a
   * misconfigured issuer, and would stay usable long after a user is removed.
   */
  maxTokenLifetimeSeconds: number;
  /** Claims holding the user's groups; a dotted path reaches into objects (realm_access.roles). */
  groupsClaim: string[];
  tenantClaim: string;
  /** Prefix of Attest scopes in the token's scope claim, e.g. a Cognito resource server "attest/". */
  scopePrefix?: string;
  /**
   * What the scope claim of a USER token means. "narrow" (default): it can only narrow what
   * the user's roles grant — a front-end client may request every scope (Cognito then puts
   * them all in every user's token), so a scope counts only when both the token and a role
   * carry it; a token with no Attest scope leaves the roles as they are. "grant": the
   * identity provider authorizes through scopes (e.g. Auth0 RBAC permissions) and they add
   * to the roles. Service (client-credentials) tokens' scopes always grant.
   */
  userTokenScopes: 'narrow' | 'grant';
  /** The role table: the defaults overlaid by the configured roles. */
  roles: Record<string, Role>;
  /** IdP group → roles. A group named like a role maps to that role unless listed here. */
  groupRoles: Record<string, string[]>;
  /** OAuth client id → roles, for client-credentials (service) tokens only. */
  clientRoles: Record<string, string[]>;
  /** "sub:<subject>", "user:<username>", "client:<client id>" or "group:<group>" → tenants ('*' = all). */
  tenantBindings: Record<string, string[] | '*'>;
  jwksCooldownSeconds: number;
  jwksCacheMaxAgeSeconds: number;
  jwksTimeoutMs: number;
  /** Serve stale keys for this long while the issuer's JWKS endpoint is failing. */
  jwksStaleIfErrorSeconds: number;
  dev: boolean;
  devIssuerDir: string;
}

/** What a configuration file may say (every field optional; validateAccessConfig fills defaults). */
export interface AccessConfigInput {
  issuer?: string;
  jwksUrl?: string;
  audience?: string | string[];
  clientIds?: string | string[];
  algorithms?: string[];
  tokenUse?: TokenUse;
  clockSkewSeconds?: number;
  maxTokenLifetimeSeconds?: number;
  groupsClaim?: string | string[];
  tenantClaim?: string;
  scopePrefix?: string;
  userTokenScopes?: 'narrow' | 'grant';
  /** Added or replaced roles; null removes a default role. */
  roles?: Record<string, { scopes: string[]; ownRecordsOnly?: boolean; description?: string } | null>;
  /** Group → role name(s); null maps the group to nothing (also blocks the same-name default). */
  groupRoles?: Record<string, string | string[] | null>;
  clientRoles?: Record<string, string | string[]>;
  tenantBindings?: Record<string, string | string[]>;
  jwksCooldownSeconds?: number;
  jwksCacheMaxAgeSeconds?: number;
  jwksTimeoutMs?: number;
  jwksStaleIfErrorSeconds?: number;
  dev?: boolean;
  devIssuerDir?: string;
}

export class AccessConfigError extends Error {
  constructor(readonly problems: string[], where = 'access configuration') {
    super(`${where}: ${problems.length === 1 ? problems[0] : `\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'AccessConfigError';
  }
}

const KNOWN_KEYS = new Set<string>([
  'issuer', 'jwksUrl', 'audience', 'clientIds', 'algorithms', 'tokenUse', 'clockSkewSeconds', 'maxTokenLifetimeSeconds', 'groupsClaim',
  'tenantClaim', 'scopePrefix', 'userTokenScopes', 'roles', 'groupRoles', 'clientRoles', 'tenantBindings', 'jwksCooldownSeconds',
  'jwksCacheMaxAgeSeconds', 'jwksTimeoutMs', 'jwksStaleIfErrorSeconds', 'dev', 'devIssuerDir',
]);

const ROLE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.endsWith('.localhost');
}

/** https, or http to a loopback host (tests, a local Keycloak). */
export function checkIssuerUrl(value: string, field: string, problems: string[]): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${field} must be a URL such as https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC; got ${JSON.stringify(value)}`);
    return;
  }
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return;
  problems.push(`${field} must use https (plain http is allowed for localhost only); got ${JSON.stringify(value)}`);
}

function stringList(v: unknown, field: string, problems: string[], opts: { nonEmpty?: boolean } = {}): string[] {
  if (v === undefined) return [];
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x === '')) {
    problems.push(`${field} must be a non-empty string or a list of them`);
    return [];
  }
  if (opts.nonEmpty && list.length === 0) problems.push(`${field} must not be empty`);
  return [...new Set(list as string[])];
}

function seconds(v: unknown, field: string, dflt: number, max: number, problems: string[]): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) {
    problems.push(`${field} must be a whole number from 0 to ${max}; got ${JSON.stringify(v)}`);
    return dflt;
  }
  return v;
}

/**
 * Checks a configuration (parsed JSON, typically the "access" section of attest.config.json)
 * and returns it with defaults filled in. Every problem is reported at once, in an
 * AccessConfigError. Production (dev not true) requires a real issuer and an audience or
 * client id: without them a server must not start.
 */
export function validateAccessConfig(input: unknown, opts: { cwd?: string; where?: string } = {}): AccessConfig {
  const problems: string[] = [];
  const where = opts.where ?? 'access configuration';
  if (input === undefined || input === null) input = {};
  if (!isRecord(input)) throw new AccessConfigError(['must be an object'], where);
  const raw = input as Record<string, unknown>;

  for (const k of Object.keys(raw)) if (!KNOWN_KEYS.has(k)) problems.push(`unknown setting ${JSON.stringify(k)}`);

  if (raw['dev'] !== undefined && typeof raw['dev'] !== 'boolean') problems.push('dev must be true or false');
  const dev = raw['dev'] === true;

  let issuer: string | undefined;
  if (raw['issuer'] !== undefined && raw['issuer'] !== '') {
    if (typeof raw['issuer'] !== 'string') problems.push('issuer must be a string');
    else if (raw['issuer'] === DEV_ISSUER) problems.push(`issuer ${DEV_ISSUER} is the built-in development issuer; use dev: true (attest serve --dev) instead`);
    else {
      issuer = raw['issuer'];
      checkIssuerUrl(issuer, 'issuer', problems);
    }
  } else if (!dev) {
    problems.push('no token issuer configured: set issuer (the OIDC issuer URL of Cognito, Keycloak, Auth0, ...) or run in development mode (--dev)');
  }

  let jwksUrl: string | undefined;
  if (raw['jwksUrl'] !== undefined) {
    if (typeof raw['jwksUrl'] !== 'string') problems.push('jwksUrl must be a string');
    else {
      jwksUrl = raw['jwksUrl'];
      checkIssuerUrl(jwksUrl, 'jwksUrl', problems);
      if (issuer === undefined) problems.push('jwksUrl is set but issuer is not');
    }
  }

  const audience = stringList(raw['audience'], 'audience', problems);
  const clientIds = stringList(raw['clientIds'], 'clientIds', problems);
  if (issuer !== undefined && audience.length === 0 && clientIds.length === 0) {
    problems.push('set audience (accepted "aud" values) or clientIds (accepted Cognito app client ids): tokens for other applications of the same issuer must not be accepted');
  }

  let algorithms = DEFAULT_ALGORITHMS;
  if (raw['algorithms'] !== undefined) {
    const list = stringList(raw['algorithms'], 'algorithms', problems, { nonEmpty: true });
    const bad = list.filter((a) => !(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(a));
    if (bad.length) {
      problems.push(`algorithms may list only asymmetric signature algorithms (${ASYMMETRIC_ALGORITHMS.join(', ')}); not ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
    } else if (list.length) algorithms = list;
  }

  let tokenUse: TokenUse = 'access';
  if (raw['tokenUse'] !== undefined) {
    if (raw['tokenUse'] === 'access' || raw['tokenUse'] === 'id' || raw['tokenUse'] === 'any') tokenUse = raw['tokenUse'];
    else problems.push(`tokenUse must be "access", "id" or "any"; got ${JSON.stringify(raw['tokenUse'])}`);
  }

  const clockSkewSeconds = seconds(raw['clockSkewSeconds'], 'clockSkewSeconds', 60, 300, problems);
  let maxTokenLifetimeSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const maxLife = raw['maxTokenLifetimeSeconds'];
  if (maxLife !== undefined) {
    if (typeof maxLife !== 'number' || !Number.isInteger(maxLife) || maxLife < 60 || maxLife > 30 * 86400) {
      problems.push(`maxTokenLifetimeSeconds must be a whole number of seconds from 60 to 2592000 (30 days); got ${JSON.stringify(maxLife)}`);
    } else maxTokenLifetimeSeconds = maxLife;
  }
  const jwksCooldownSeconds = seconds(raw['jwksCooldownSeconds'], 'jwksCooldownSeconds', 30, 3600, problems);
  const jwksCacheMaxAgeSeconds = seconds(raw['jwksCacheMaxAgeSeconds'], 'jwksCacheMaxAgeSeconds', 600, 86400, problems);
  const jwksTimeoutMs = seconds(raw['jwksTimeoutMs'], 'jwksTimeoutMs', 5000, 60000, problems);
  const jwksStaleIfErrorSeconds = seconds(raw['jwksStaleIfErrorSeconds'], 'jwksStaleIfErrorSeconds', 3600, 7 * 86400, problems);

  const groupsClaim = raw['groupsClaim'] === undefined ? [DEFAULT_GROUPS_CLAIM] : stringList(raw['groupsClaim'], 'groupsClaim', problems, { nonEmpty: true });

  let tenantClaim = DEFAULT_TENANT_CLAIM;
  if (raw['tenantClaim'] !== undefined) {
    if (typeof raw['tenantClaim'] !== 'string' || raw['tenantClaim'] === '') problems.push('tenantClaim must be a claim name');
    else tenantClaim = raw['tenantClaim'];
  }

  const userTokenScopes = (raw['userTokenScopes'] ?? 'narrow') as 'narrow' | 'grant';
  if (userTokenScopes !== 'narrow' && userTokenScopes !== 'grant') problems.push('userTokenScopes must be "narrow" (default: a user token\'s scopes only narrow its roles) or "grant"');
  let scopePrefix: string | undefined;
  if (raw['scopePrefix'] !== undefined) {
    if (typeof raw['scopePrefix'] !== 'string' || raw['scopePrefix'] === '') problems.push('scopePrefix must be a non-empty string such as "attest/"');
    else scopePrefix = raw['scopePrefix'];
  }

  // Roles: defaults overlaid by the configured ones.
  const roles: Record<string, Role> = {};
  for (const [name, r] of Object.entries(DEFAULT_ROLES)) roles[name] = { ...r, scopes: [...r.scopes] };
  if (raw['roles'] !== undefined) {
    if (!isRecord(raw['roles'])) problems.push('roles must be an object of role name → { scopes, ownRecordsOnly?, description? }');
    else {
      for (const [name, def] of Object.entries(raw['roles'])) {
        if (!ROLE_NAME.test(name)) {
          problems.push(`role name ${JSON.stringify(name)} must be letters, digits, "_", ".", ":" or "-" (at most 64)`);
          continue;
        }
        if (def === null) {
          delete roles[name];
          continue;
        }
        if (!isRecord(def)) {
          problems.push(`roles.${name} must be an object { scopes: [...] } or null`);
          continue;
        }
        for (const k of Object.keys(def)) {
          if (k !== 'scopes' && k !== 'ownRecordsOnly' && k !== 'description') problems.push(`roles.${name}: unknown setting ${JSON.stringify(k)}`);
        }
        const scopes = def['scopes'];
        if (!Array.isArray(scopes)) {
          problems.push(`roles.${name}.scopes must be a list of scopes (${SCOPES.join(', ')})`);
          continue;
        }
        const unknown = scopes.filter((s) => !isScope(s));
        if (unknown.length) {
          problems.push(`roles.${name}.scopes: unknown scope ${unknown.map((s) => JSON.stringify(s)).join(', ')}; the scopes are ${SCOPES.join(', ')}`);
          continue;
        }
        if (def['ownRecordsOnly'] !== undefined && typeof def['ownRecordsOnly'] !== 'boolean') problems.push(`roles.${name}.ownRecordsOnly must be true or false`);
        if (def['description'] !== undefined && typeof def['description'] !== 'string') problems.push(`roles.${name}.description must be a string`);
        roles[name] = {
          name,
          scopes: [...new Set(scopes as Scope[])],
          ...(def['ownRecordsOnly'] === true ? { ownRecordsOnly: true } : {}),
          description: typeof def['description'] === 'string' ? def['description'] : DEFAULT_ROLES[name]?.description ?? '',
        };
      }
    }
  }

  const roleRefs = (v: unknown, field: string, allowNull: boolean): string[] | undefined => {
    if (v === null && allowNull) return [];
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
      problems.push(`${field} must be a role name or a list of role names${allowNull ? ' (or null for none)' : ''}`);
      return undefined;
    }
    const missing = (list as string[]).filter((n) => !Object.hasOwn(roles, n));
    if (missing.length) {
      problems.push(`${field}: no role named ${missing.map((m) => JSON.stringify(m)).join(', ')}; the roles are ${Object.keys(roles).join(', ')}`);
      return undefined;
    }
    return [...new Set(list as string[])];
  };

  const groupRoles: Record<string, string[]> = {};
  if (raw['groupRoles'] !== undefined) {
    if (!isRecord(raw['groupRoles'])) problems.push('groupRoles must be an object of IdP group → role name(s), e.g. { "attest-admins": "admin" }');
    else {
      for (const [group, v] of Object.entries(raw['groupRoles'])) {
        const r = roleRefs(v, `groupRoles.${group}`, true);
        if (r) groupRoles[group] = r;
      }
    }
  }

  const clientRoles: Record<string, string[]> = {};
  if (raw['clientRoles'] !== undefined) {
    if (!isRecord(raw['clientRoles'])) problems.push('clientRoles must be an object of OAuth client id → role name(s)');
    else {
      for (const [client, v] of Object.entries(raw['clientRoles'])) {
        const r = roleRefs(v, `clientRoles.${client}`, false);
        if (r) clientRoles[client] = r;
      }
    }
  }

  const tenantBindings: Record<string, string[] | '*'> = {};
  if (raw['tenantBindings'] !== undefined) {
    if (!isRecord(raw['tenantBindings'])) problems.push('tenantBindings must be an object such as { "user:alice": ["acme"], "group:ops": "*" }');
    else {
      for (const [key, v] of Object.entries(raw['tenantBindings'])) {
        if (!/^(sub|user|client|group):./.test(key)) {
          problems.push(`tenantBindings key ${JSON.stringify(key)} must start with sub:, user:, client: or group:`);
          continue;
        }
        if (v === '*') tenantBindings[key] = '*';
        else {
          const list = stringList(v, `tenantBindings.${key}`, problems, { nonEmpty: true });
          if (list.includes('*')) tenantBindings[key] = '*';
          else if (list.length) tenantBindings[key] = list;
        }
      }
    }
  }

  let devIssuerDir = DEFAULT_DEV_ISSUER_DIR;
  if (raw['devIssuerDir'] !== undefined) {
    if (typeof raw['devIssuerDir'] !== 'string' || raw['devIssuerDir'] === '') problems.push('devIssuerDir must be a directory path');
    else devIssuerDir = raw['devIssuerDir'];
  }

  if (problems.length) throw new AccessConfigError(problems, where);
  return {
    ...(issuer !== undefined ? { issuer } : {}),
    ...(jwksUrl !== undefined ? { jwksUrl } : {}),
    audience,
    clientIds,
    algorithms: [...algorithms],
    tokenUse,
    clockSkewSeconds,
    maxTokenLifetimeSeconds,
    groupsClaim,
    tenantClaim,
    ...(scopePrefix !== undefined ? { scopePrefix } : {}),
    userTokenScopes,
    roles,
    groupRoles,
    clientRoles,
    tenantBindings,
    jwksCooldownSeconds,
    jwksCacheMaxAgeSeconds,
    jwksTimeoutMs,
    jwksStaleIfErrorSeconds,
    dev,
    devIssuerDir: resolve(opts.cwd ?? process.cwd(), devIssuerDir),
  };
}

export interface Principal {
  /** The token's `sub`. */
  subject: string;
  username?: string;
  kind: 'user' | 'service';
  scopes: Set<string>;
  roles: string[];
  /** Tenants the principal is bound to; '*' = every tenant; absent = no binding known. */
  tenants?: string[] | '*';
  /** Reads are limited to the records this principal wrote (see Role.ownRecordsOnly). */
  ownRecordsOnly: boolean;
  clientId?: string;
  /** The token's `jti`, for audit records. */
  tokenId?: string;
  issuer?: string;
  /** Expiry of the token, seconds since the epoch. */
  expiresAt?: number;
  /** Minted by the built-in development issuer. */
  dev: boolean;
}

export interface ResolveOptions {
  /**
   * The claims come from the development issuer: roles are named directly in the
   * attest_roles claim and the tenant in attest_tenant (no group mapping).
   */
  dev?: boolean;
}

/** A claim by name, or (when no claim has that exact name) by dotted path: realm_access.roles. */
export function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  if (!name.includes('.')) return undefined;
  let cur: unknown = claims;
  for (const part of name.split('.')) {
    if (!isRecord(cur) || !Object.hasOwn(cur, part)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Strings of a claim that is a list or a comma/space separated string; anything else is ignored. */
function claimStrings(v: unknown): string[] {
  const items = typeof v === 'string' ? v.split(/[\s,]+/) : Array.isArray(v) ? v : [];
  return items.filter((x): x is string => typeof x === 'string' && x !== '').slice(0, 1000);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Turns verified token claims into a Principal. Scopes = the scopes of the principal's roles
 * (from its groups via groupRoles or same-named roles; for service tokens also clientRoles)
 * ∪ the Attest scopes listed in the token's scope claim. Without a configuration nothing is
 * granted.
 */
export function resolvePrincipal(claims: Record<string, unknown>, config: AccessConfig | undefined, options: ResolveOptions = {}): Principal {
  const subject = str(claims['sub']) ?? '';
  const clientId = str(claims['client_id']) ?? str(claims['azp']) ?? str(claims['clientId']);
  const preferred = str(claims['preferred_username']);
  const username = str(claims['username']) ?? str(claims['cognito:username']) ?? preferred;
  const service =
    claims['gty'] === 'client-credentials' ||
    (clientId !== undefined && subject === clientId) ||
    subject.endsWith('@clients') ||
    (preferred?.startsWith('service-account-') ?? false);
  const kind: Principal['kind'] = service ? 'service' : 'user';
  const dev = options.dev === true;

  const roleTable = config?.roles ?? {};
  const roleNames = new Set<string>();
  const groups = dev
    ? claimStrings(claims[DEV_ROLES_CLAIM])
    : (config?.groupsClaim ?? []).flatMap((c) => claimStrings(claimAt(claims, c)));
  for (const group of groups) {
    if (dev) {
      if (Object.hasOwn(roleTable, group)) roleNames.add(group);
      continue;
    }
    // Keycloak may send full group paths ("/attest-admins"); match either form.
    const candidates = group.startsWith('/') ? [group, group.slice(1)] : [group];
    for (const g of candidates) {
      const mapped = config && Object.hasOwn(config.groupRoles, g) ? config.groupRoles[g]! : Object.hasOwn(roleTable, g) ? [g] : [];
      for (const r of mapped) if (Object.hasOwn(roleTable, r)) roleNames.add(r);
    }
  }
  // Client roles only for client-credentials tokens: every user token of a front-end
  // client carries its client id, and must not inherit the client's roles.
  if (config && kind === 'service' && clientId !== undefined && Object.hasOwn(config.clientRoles, clientId)) {
    for (const r of config.clientRoles[clientId]!) if (Object.hasOwn(roleTable, r)) roleNames.add(r);
  }

  const scopes = new Set<string>();
  const unrestricted = new Set<string>();
  const restricted = new Set<string>();
  for (const name of roleNames) {
    const role = roleTable[name]!;
    for (const s of role.scopes) {
      if (!isScope(s)) continue;
      scopes.add(s);
      (role.ownRecordsOnly ? restricted : unrestricted).add(s);
    }
  }
  if (config) {
    const inToken = new Set<Scope>();
    for (const g of [...claimStrings(claims['scope']), ...claimStrings(claims['scp'])]) {
      const s = config.scopePrefix !== undefined && g.startsWith(config.scopePrefix) ? g.slice(config.scopePrefix.length) : g;
      if (isScope(s)) inToken.add(s);
    }
    if (kind === 'service' || config.userTokenScopes === 'grant') {
      for (const s of inToken) {
        scopes.add(s);
        unrestricted.add(s);
      }
    } else if (inToken.size > 0) {
      // A user's token narrows what the roles grant; it never widens it.
      for (const s of [...scopes]) {
        if (!inToken.has(s as Scope)) {
          scopes.delete(s);
          unrestricted.delete(s);
          restricted.delete(s);
        }
      }
    }
  }
  const ownRecordsOnly = [...restricted].some((s) => !unrestricted.has(s));

  // Tenants: the token's tenant claim, plus configured bindings.
  let tenants: Set<string> | '*' | undefined;
  const addTenants = (list: string[] | '*'): void => {
    if (tenants === '*') return;
    if (list === '*' || list.includes('*')) {
      tenants = '*';
      return;
    }
    tenants ??= new Set();
    for (const t of list) tenants.add(t);
  };
  const tenantClaim = dev ? DEV_TENANT_CLAIM : config?.tenantClaim;
  if (config && tenantClaim) {
    const fromClaim = claimStrings(claimAt(claims, tenantClaim));
    if (fromClaim.length) addTenants(fromClaim);
  }
  if (config) {
    const keys = [`sub:${subject}`, ...(username ? [`user:${username}`] : []), ...(kind === 'service' && clientId ? [`client:${clientId}`] : []), ...groups.map((g) => `group:${g}`)];
    for (const k of keys) if (Object.hasOwn(config.tenantBindings, k)) addTenants(config.tenantBindings[k]!);
  }
  const tenantsOut: string[] | '*' | undefined = tenants === undefined ? undefined : tenants === '*' ? '*' : [...(tenants as Set<string>)].sort();

  const jti = str(claims['jti']);
  const iss = str(claims['iss']);
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] : undefined;
  return {
    subject,
    ...(username !== undefined ? { username } : {}),
    kind,
    scopes,
    roles: [...roleNames].sort(),
    ...(tenantsOut !== undefined ? { tenants: tenantsOut } : {}),
    ownRecordsOnly,
    ...(clientId !== undefined ? { clientId } : {}),
    ...(jti !== undefined ? { tokenId: jti } : {}),
    ...(iss !== undefined ? { issuer: iss } : {}),
    ...(exp !== undefined ? { expiresAt: exp } : {}),
    dev,
  };
}

export function hasScope(principal: Principal | undefined, scope: Scope): boolean {
  return principal !== undefined && principal.scopes.has(scope);
}
