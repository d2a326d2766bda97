import { useEffect, useState } from 'react';
import { linkClick } from '../lib/router';
import { localTimeWithZone, nf } from '../lib/format';
import type { AuthConfig, Status, StatusCounts } from '../lib/types';
import { hasScope, PAGE_SCOPES, useSession } from '../session';
import { STATUS_LABEL } from '../components/ui';

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
  {
    to: '/privacy',
    title: 'Privacy requests',
    scope: PAGE_SCOPES.privacy,
    text: 'Subject access and erasure of the personal data the audit trail holds, each request recorded.',
  },
];

interface StatusSummary {
  generatedAt: string;
  disclaimer: string;
  summary: { controls: number; findings: number; byStatus: StatusCounts };
  domains: { id: string; title: string; summary: StatusCounts }[];
}

const SHOWN: Status[] = ['pass', 'fail', 'unknown', 'suppressed', 'not_applicable'];

/** The status without the resources behind it: what compliance:read (the viewer) may read. */
function ComplianceStatus() {
  const { client } = useSession();
  const [s, setS] = useState<StatusSummary | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    client
      .getJson<StatusSummary>('/api/security/compliance-report/summary')
      .then(setS)
      .catch((e: Error) => setError(e.message));
  }, [client]);
  return (
    <>
      <h2 className="section-title">Compliance status</h2>
      <div className="card" data-testid="compliance-status">
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        {!s && !error && <p className="muted">Loading…</p>}
        {s && (
          <>
            <p className="small muted">
              Findings of {nf.format(s.summary.controls)} controls, generated {localTimeWithZone(s.generatedAt)}. {s.disclaimer}
            </p>
            <table className="table">
              <caption className="sr-only">Findings per domain and status</caption>
              <thead>
                <tr>
                  <th scope="col">Domain</th>
                  {SHOWN.map((k) => (
                    <th key={k} scope="col" className="num">
                      {STATUS_LABEL[k]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.domains.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.title}</th>
                    {SHOWN.map((k) => (
                      <td key={k} className="num">
                        {nf.format(d.summary[k])}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">All domains</th>
                  {SHOWN.map((k) => (
                    <td key={k} className="num" data-testid={`status-total-${k}`}>
                      {nf.format(s.summary.byStatus[k])}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </>
        )}
      </div>
    </>
  );
}

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
      {hasScope(me, PAGE_SCOPES.complianceStatus) && <ComplianceStatus />}
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
