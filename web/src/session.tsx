// The signed-in session: the bearer token (in memory only: never localStorage or a cookie),
// the principal the server says it belongs to (GET /api/me), and when it ends.
import { createContext, useContext } from 'react';
import type { ApiClient } from './lib/api';
import type { Me } from './lib/types';

export interface Session {
  token: string;
  me: Me;
  /** Epoch ms. */
  expiresAt: number;
  client: ApiClient;
  signOut(reason?: string): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in view');
  return s;
}

export function hasScope(me: Me, scope: string): boolean {
  return me.scopes.includes(scope);
}

/**
 * Bound to tenants or to its own records: the server refuses such a principal every route
 * that spans all tenants (compliance writes, privacy requests) whatever its scopes, so the
 * console must not offer those forms either (src/server/auth.ts isRestricted).
 */
export function isRestricted(me: Me): boolean {
  return me.ownRecordsOnly || (Array.isArray(me.tenants) && me.tenants.length > 0);
}

/** The scope, on a route that spans every tenant (declared unrestrictedOnly on the server). */
export function mayUseUnrestricted(me: Me, scope: string): boolean {
  return hasScope(me, scope) && !isRestricted(me);
}

/** Why a restricted principal is offered no form, in one sentence. */
export function restrictedText(me: Me): string {
  const bound = Array.isArray(me.tenants) && me.tenants.length > 0 ? `bound to the tenant${me.tenants.length > 1 ? 's' : ''} ${me.tenants.join(', ')}` : 'limited to the records it wrote itself';
  return `Your session is ${bound}. The server takes these requests only from a principal bound to no tenant, because they act on the records of every tenant.`;
}

/** What each page needs, in one place, so navigation and the pages agree. */
export const PAGE_SCOPES = {
  report: 'security:read',
  audit: 'audit:read',
  auditExport: 'audit:export',
  compliance: 'compliance:read',
  complianceWrite: 'compliance:write',
  complianceApprove: 'compliance:approve',
  privacy: 'privacy:manage',
  complianceStatus: 'compliance:read',
  alerts: 'alerts:read',
  alertsWrite: 'alerts:write',
} as const;
