import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createClient, getPublic, type ApiError } from './lib/api';
import { completeSignIn, jwtExpiry } from './lib/oidc';
import { linkClick, navigate, useLocation } from './lib/router';
import type { AuthConfig, Me } from './lib/types';
import { localTimeWithZone } from './lib/format';
import { SessionContext, hasScope, PAGE_SCOPES, useSession, type Session } from './session';
import { SignIn } from './pages/SignIn';
import { Overview } from './pages/Overview';
import { ReportPage } from './pages/Report';
import { AuditPage } from './pages/Audit';
import { CompliancePages } from './pages/compliance';
import { PrivacyPage } from './pages/Privacy';
import { AlertsPage } from './pages/Alerts';
import { followAlerts, type AlertList } from './lib/alerts';
import { Forbidden } from './components/Forbidden';

type Boot = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; config: AuthConfig };

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const expiryTimer = useRef<number | undefined>(undefined);

  const signOut = useCallback((reason?: string) => {
    window.clearTimeout(expiryTimer.current);
    setSession(null);
    setNotice(reason);
  }, []);

  /** Turns a token into a session: the server says who it is. */
  const startSession = useCallback(
    async (token: string, expiresAtHint?: number) => {
      let ended = false;
      const client = createClient(token, (e: ApiError) => {
        if (ended) return;
        ended = true;
        signOut(`Your session ended: ${e.message}. Sign in again.`);
      });
      const me = await client.getJson<Me>('/api/me');
      const expiresAt = me.expiresAt ? Date.parse(me.expiresAt) : (expiresAtHint ?? jwtExpiry(token) ?? Date.now() + 3600_000);
      window.clearTimeout(expiryTimer.current);
      // setTimeout holds at most ~24.8 days.
      const wait = Math.min(Math.max(expiresAt - Date.now(), 0), 2 ** 31 - 1);
      expiryTimer.current = window.setTimeout(() => {
        ended = true;
        signOut(`Your session expired at ${localTimeWithZone(new Date(expiresAt).toISOString())}. Sign in again.`);
      }, wait);
      setNotice(undefined);
      setSession({ token, me, expiresAt, client, signOut });
    },
    [signOut],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const config = await getPublic<AuthConfig>('/api/auth/config');
        if (cancelled) return;
        setBoot({ state: 'ready', config });
        const cb = await completeSignIn();
        if (cb) await startSession(cb.accessToken, cb.expiresAt);
      } catch (e) {
        if (cancelled) return;
        setBoot((b) => (b.state === 'ready' ? b : { state: 'error', message: `The Attest server does not answer /api/auth/config: ${(e as Error).message}` }));
        setNotice((e as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => () => window.clearTimeout(expiryTimer.current), []);

  if (boot.state === 'loading') return <div className="boot" role="status">Loading Attest…</div>;
  if (boot.state === 'error') {
    return (
      <main className="signin">
        <div className="card signin-card">
          <h1>Attest</h1>
          <p role="alert" className="alert alert-error">{boot.message}</p>
        </div>
      </main>
    );
  }
  if (!session) return <SignIn config={boot.config} notice={notice} onToken={startSession} />;
  return (
    <SessionContext.Provider value={session}>
      <Shell config={boot.config} />
    </SessionContext.Provider>
  );
}

function Shell({ config }: { config: AuthConfig }) {
  const loc = useLocation();
  const { me, client, token } = useSession();
  const readsAlerts = hasScope(me, PAGE_SCOPES.alerts);
  // Bumped on every alert record the stream announces (and on each reconnection): the badge
  // and the Alerts page reload then.
  const [alertVersion, setAlertVersion] = useState(0);
  const [openAlerts, setOpenAlerts] = useState<number | undefined>();
  useEffect(() => {
    if (!readsAlerts) return;
    return followAlerts(
      token,
      () => setAlertVersion((v) => v + 1),
      () => setAlertVersion((v) => v + 1),
    );
  }, [readsAlerts, token]);
  useEffect(() => {
    if (!readsAlerts) return;
    let cancelled = false;
    client
      .getJson<AlertList>('/api/alerts', { state: 'open', limit: 1 })
      .then((l) => !cancelled && setOpenAlerts(l.openCount))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [readsAlerts, client, alertVersion]);
  const dev = me.dev || config.mode === 'development';
  const nav = useMemo(
    () =>
      [
        { to: '/', label: 'Overview', show: true, active: loc.path === '/' },
        { to: '/compliance', label: 'Compliance', show: hasScope(me, PAGE_SCOPES.compliance), active: loc.path.startsWith('/compliance') },
        { to: '/report', label: 'Compliance report', show: hasScope(me, PAGE_SCOPES.report), active: loc.path.startsWith('/report') },
        { to: '/audit', label: 'Audit log', show: hasScope(me, PAGE_SCOPES.audit), active: loc.path.startsWith('/audit') },
        { to: '/privacy', label: 'Privacy', show: hasScope(me, PAGE_SCOPES.privacy), active: loc.path.startsWith('/privacy') },
        { to: '/alerts', label: 'Alerts', show: readsAlerts, active: loc.path.startsWith('/alerts'), badge: openAlerts },
      ].filter((n) => n.show),
    [me, loc.path, readsAlerts, openAlerts],
  );
  const mainRef = useRef<HTMLElement>(null);
  const lastPath = useRef(loc.path);
  useEffect(() => {
    if (lastPath.current === loc.path) return;
    lastPath.current = loc.path;
    // Move focus to the new page's heading so screen readers announce it.
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [loc.path]);

  let page: React.ReactNode;
  if (loc.path === '/' || loc.path === '/index.html') page = <Overview config={config} />;
  else if (loc.path === '/report' || loc.path.startsWith('/report/')) {
    page = hasScope(me, PAGE_SCOPES.report) ? <ReportPage /> : <Forbidden what="the compliance report" scope={PAGE_SCOPES.report} />;
  } else if (loc.path === '/compliance' || loc.path.startsWith('/compliance/')) {
    page = hasScope(me, PAGE_SCOPES.compliance) ? <CompliancePages path={loc.path} /> : <Forbidden what="compliance readiness" scope={PAGE_SCOPES.compliance} />;
  } else if (loc.path === '/audit' || loc.path.startsWith('/audit/')) {
    page = hasScope(me, PAGE_SCOPES.audit) ? <AuditPage /> : <Forbidden what="the audit log" scope={PAGE_SCOPES.audit} />;
  } else if (loc.path === '/alerts') {
    page = readsAlerts ? <AlertsPage version={alertVersion} /> : <Forbidden what="alerts" scope={PAGE_SCOPES.alerts} roles="security-officer, auditor or admin" />;
  } else if (loc.path === '/privacy') {
    page = hasScope(me, PAGE_SCOPES.privacy) ? <PrivacyPage /> : <Forbidden what="privacy requests" scope={PAGE_SCOPES.privacy} roles="security-officer or admin" />;
  } else {
    page = (
      <section className="page">
        <h1 tabIndex={-1}>Page not found</h1>
        <p>
          There is no page at <code>{loc.path}</code>.{' '}
          <a href="/" onClick={linkClick}>
            Go to the overview
          </a>
          .
        </p>
      </section>
    );
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {dev && (
        <div className="dev-banner" role="note">
          DEVELOPMENT MODE — this server trusts locally minted tokens. Never expose it.
        </div>
      )}
      <header className="topbar">
        <a className="brand" href="/" onClick={linkClick} aria-label="Attest overview">
          <svg viewBox="0 0 32 32" width="22" height="22" aria-hidden="true">
            <rect width="32" height="32" rx="6" fill="currentColor" />
            <path d="M9 17l5 5 9-12" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span>Attest</span>
        </a>
        <nav aria-label="Main">
          <ul>
            {nav.map((n) => (
              <li key={n.to}>
                <a href={n.to} onClick={linkClick} aria-current={n.active ? 'page' : undefined}>
                  {n.label}
                  {'badge' in n && n.badge !== undefined && n.badge > 0 && (
                    <span className="nav-badge" data-testid="open-alerts-badge" aria-label={`${n.badge} open`}>
                      {n.badge}
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <UserMenu />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {page}
      </main>
    </>
  );
}

function UserMenu() {
  const { me, expiresAt, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const name = me.username ?? me.subject;
  return (
    <div className="user-menu" ref={ref}>
      <button type="button" className="btn btn-ghost" aria-expanded={open} aria-controls="user-panel" onClick={() => setOpen(!open)}>
        <span className="avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-name">{name}</span>
        <span className="role-chip">{me.roles.join(', ') || me.kind}</span>
      </button>
      <div id="user-panel" className="user-panel" hidden={!open}>
        <dl className="kv">
          <dt>Subject</dt>
          <dd>
            <code>{me.subject}</code>
          </dd>
          <dt>Roles</dt>
          <dd data-testid="user-roles">{me.roles.join(', ') || 'none'}</dd>
          <dt>Scopes</dt>
          <dd>
            {me.scopes.length ? (
              <ul className="chips" aria-label="Scopes">
                {me.scopes.map((s) => (
                  <li key={s} className="chip">
                    {s}
                  </li>
                ))}
              </ul>
            ) : (
              'none'
            )}
          </dd>
          {me.tenants !== undefined && (
            <>
              <dt>Tenants</dt>
              <dd>{me.tenants === '*' ? 'all' : me.tenants.join(', ') || 'none'}</dd>
            </>
          )}
          <dt>Session ends</dt>
          <dd>{localTimeWithZone(new Date(expiresAt).toISOString())}</dd>
        </dl>
        <button type="button" className="btn" onClick={() => { signOut('You signed out.'); navigate('/', { replace: true }); }}>
          Sign out
        </button>
      </div>
    </div>
  );
}
