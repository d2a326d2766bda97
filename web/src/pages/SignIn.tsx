import { useId, useState } from 'react';
import { postPublic } from '../lib/api';
import { beginSignIn, jwtExpiry } from '../lib/oidc';
import type { AuthConfig } from '../lib/types';

const DEFAULT_ROLES = ['admin', 'security-officer', 'auditor', 'approver', 'agent', 'viewer'];

interface Props {
  config: AuthConfig;
  notice?: string;
  onToken(token: string, expiresAt?: number): Promise<void>;
}

export function SignIn({ config, notice, onToken }: Props) {
  const dev = config.mode === 'development';
  const canOidc = Boolean(config.issuer || config.authDomain);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const returnTo = location.pathname + location.search + location.hash;

  const oidc = async () => {
    setError(undefined);
    setBusy(true);
    try {
      await beginSignIn(config, returnTo === '/auth/callback' ? '/' : returnTo);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <main className="signin" id="main">
      <div className="card signin-card">
        <div className="signin-brand">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <rect width="32" height="32" rx="6" fill="currentColor" />
            <path d="M9 17l5 5 9-12" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span>Attest</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">Compliance report and tamper-evident audit trail.</p>
        {notice && (
          <p className="alert alert-info" role="status">
            {notice}
          </p>
        )}
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        {canOidc && (
          <div className="signin-oidc">
            <button type="button" className="btn btn-primary btn-block" onClick={oidc} disabled={busy}>
              Sign in with your identity provider
            </button>
            <p className="muted small">
              Issuer: <code>{config.authDomain ?? config.issuer}</code>
            </p>
          </div>
        )}
        {!canOidc && !dev && (
          <p className="alert alert-error" role="alert">
            This server has no identity provider configured, so nobody can sign in. An administrator must set <code>access.issuer</code>.
          </p>
        )}
        {dev && <DevLogin config={config} onToken={onToken} onError={setError} />}
      </div>
    </main>
  );
}

function DevLogin({ config, onToken, onError }: { config: AuthConfig; onToken: Props['onToken']; onError(m: string | undefined): void }) {
  const id = useId();
  const roles = config.roles?.length ? config.roles : DEFAULT_ROLES;
  const [user, setUser] = useState('');
  const [role, setRole] = useState(roles.includes('auditor') ? 'auditor' : roles[0]!);
  const [tenant, setTenant] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    onError(undefined);
    setBusy(true);
    try {
      const res = await postPublic<{ token?: string; access_token?: string; expiresAt?: string | number; expires_in?: number }>(
        config.devTokenEndpoint ?? '/api/dev/token',
        { user: user.trim(), role, ...(tenant.trim() ? { tenant: tenant.trim() } : {}) },
      );
      const token = res.access_token ?? res.token;
      if (!token) throw new Error('the development issuer returned no token');
      const exp =
        typeof res.expiresAt === 'number' ? res.expiresAt * (res.expiresAt < 1e12 ? 1000 : 1) : typeof res.expiresAt === 'string' ? Date.parse(res.expiresAt) : res.expires_in ? Date.now() + res.expires_in * 1000 : jwtExpiry(token);
      await onToken(token, exp);
    } catch (err) {
      onError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className="dev-login" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <div className="dev-login-head">
        <span className="badge badge-dev">DEVELOPMENT</span>
        <h2 id={`${id}-title`}>Development sign-in</h2>
      </div>
      <p className="small">
        This server runs with <code>--dev</code>: it mints tokens for any user name and role. Use it to try Attest locally; never in production.
      </p>
      <div className="field">
        <label htmlFor={`${id}-user`}>User name</label>
        <input
          id={`${id}-user`}
          name="user"
          required
          autoComplete="username"
          pattern="[A-Za-z0-9._@\-]{1,64}"
          title="1-64 letters, digits, dot, underscore, hyphen or @"
          value={user}
          onChange={(e) => setUser(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tenant`}>
          Tenant <span className="muted">(optional)</span>
        </label>
        <input id={`${id}-tenant`} name="tenant" value={tenant} onChange={(e) => setTenant(e.target.value)} aria-describedby={`${id}-tenant-help`} />
        <p id={`${id}-tenant-help`} className="help">
          Binds the session to one tenant's records and reports.
        </p>
      </div>
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in (development)'}
      </button>
    </form>
  );
}
