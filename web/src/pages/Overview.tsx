import { linkClick } from '../lib/router';
import type { AuthConfig } from '../lib/types';
import { hasScope, PAGE_SCOPES, useSession } from '../session';

const PAGES = [
  {
    to: '/compliance',
    title: 'Compliance readiness',
    scope: PAGE_SCOPES.compliance,
    text: 'Framework checklists (SOC 2, HIPAA, GDPR, NIST, CIS): score and coverage, evidence attested in the ledger, the exceptions register.',
  },
  {
    to: '/report',
    title: 'Compliance report',
    scope: PAGE_SCOPES.report,
    text: 'Controls per domain, proven from configuration: what is met, what fails, with the file and line that decides it.',
  },
  {
    to: '/audit',
    title: 'Audit log',
    scope: PAGE_SCOPES.audit,
    text: 'The tamper-evident audit trail: search, filter, export, and verify a record against the signed checkpoint.',
  },
];

export function Overview({ config }: { config: AuthConfig }) {
  const { me } = useSession();
  return (
    <section className="page" aria-labelledby="overview-title">
      <h1 id="overview-title" tabIndex={-1}>
        Welcome, {me.username ?? me.subject}
      </h1>
      <p className="muted">
        Signed in {config.mode === 'development' ? 'with the development issuer' : `through ${config.issuer ?? 'the identity provider'}`} as{' '}
        <strong>{me.roles.join(', ') || me.kind}</strong>.
      </p>
      <div className="tiles">
        {PAGES.map((p) => {
          const allowed = hasScope(me, p.scope);
          return (
            <article key={p.to} className={`card tile${allowed ? '' : ' tile-locked'}`} aria-labelledby={`tile-${p.to.slice(1)}`}>
              <h2 id={`tile-${p.to.slice(1)}`}>{allowed ? <a href={p.to} onClick={linkClick}>{p.title}</a> : p.title}</h2>
              <p>{p.text}</p>
              {allowed ? (
                <p className="small ok-text">Available to you (scope <code>{p.scope}</code>).</p>
              ) : (
                <p className="small locked-text" data-testid={`locked-${p.to.slice(1)}`}>
                  Not available: it requires the scope <code>{p.scope}</code>, which your role{me.roles.length > 1 ? 's do' : ' does'} not grant.
                </p>
              )}
            </article>
          );
        })}
      </div>
      <h2 className="section-title">Your access</h2>
      <div className="card">
        <table className="table">
          <caption className="sr-only">Your scopes</caption>
          <thead>
            <tr>
              <th scope="col">Scope</th>
              <th scope="col">Granted</th>
            </tr>
          </thead>
          <tbody>
            {config.scopes.map((s) => (
              <tr key={s}>
                <td>
                  <code>{s}</code>
                </td>
                <td>{hasScope(me, s) ? <span className="status status-pass">yes</span> : <span className="muted">no</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {me.ownRecordsOnly && <p className="small muted">Your role reads only the audit records you wrote yourself.</p>}
      </div>
    </section>
  );
}
