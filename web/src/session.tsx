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
} as const;
