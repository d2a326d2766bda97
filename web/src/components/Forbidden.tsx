import { linkClick } from '../lib/router';
import { useSession } from '../session';

/** Why a page is not available: names the scope, what the principal has, and who can help. */
export function Forbidden({ what, scope, serverMessage, roles = 'security-officer or auditor' }: { what: string; scope: string; serverMessage?: string; roles?: string }) {
  const { me } = useSession();
  return (
    <section className="page" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title" tabIndex={-1}>
        You cannot view {what}
      </h1>
      <div className="card forbidden" role="alert">
        <p>
          Viewing {what} requires the scope <code>{scope}</code>. You are signed in as <strong>{me.username ?? me.subject}</strong>
          {me.roles.length ? (
            <>
              {' '}
              with the role{me.roles.length > 1 ? 's' : ''} <strong>{me.roles.join(', ')}</strong>
            </>
          ) : null}
          , which grant{me.roles.length === 1 ? 's' : ''} {me.scopes.length ? me.scopes.map((s, i) => <span key={s}>{i ? ', ' : ''}<code>{s}</code></span>) : 'no Attest scope'}.
        </p>
        {serverMessage && <p className="muted">The server said: {serverMessage}</p>}
        <p>Ask an Attest administrator for a role that includes <code>{scope}</code> (for example {roles}). The server refuses these requests whatever this page shows, and records each refusal in the audit trail.</p>
        <p>
          <a href="/" onClick={linkClick}>
            Back to the overview
          </a>
        </p>
      </div>
    </section>
  );
}
