// The exceptions register (seed 004): what is due this month first, then every entry —
// requested, approved, expired, revoked — with the template suppressions read-only.
import { href, navigate, useLocation } from '../../lib/router';
import type { RegisterDoc } from '../../lib/compliance';
import { hasScope, isRestricted, mayUseUnrestricted, PAGE_SCOPES, restrictedText, useSession } from '../../session';
import { Spinner } from '../../components/ui';
import { Breadcrumbs, LoadError, SelfAssessed, useDoc } from './common';
import { ExceptionTable, RequestExceptionForm } from './exceptions-ui';

export function ExceptionsPage() {
  const { me } = useSession();
  const loc = useLocation();
  const state = loc.search.get('state') ?? '';
  const source = loc.search.get('source') ?? '';
  const register = useDoc<RegisterDoc>(`/api/compliance/exceptions${state || source ? `?${new URLSearchParams({ ...(state ? { state } : {}), ...(source ? { source } : {}) })}` : ''}`);
  const due = useDoc<RegisterDoc>('/api/compliance/exceptions?due=month');
  const reload = () => {
    void register.reload();
    void due.reload();
  };
  const set = (k: string, v: string) => navigate(href(loc.path, { state, source, [k]: v }), { replace: true });
  const doc = register.doc;
  return (
    <section className="page page-wide" aria-labelledby="exc-page-title" aria-busy={!doc}>
      <Breadcrumbs items={[{ href: '/compliance', label: 'Compliance' }, { label: 'Exceptions register' }]} />
      <div className="page-head">
        <div>
          <h1 id="exc-page-title" tabIndex={-1}>
            Exceptions register
          </h1>
          <p className="muted page-sub">Accepted risks: requested by one person, approved by another, bounded by an expiry and reviewed on a schedule. An expired exception stops excepting.</p>
        </div>
      </div>
      <SelfAssessed />
      <section className="card" aria-labelledby="due-title">
        <h2 id="due-title">Due this month</h2>
        {due.error && <LoadError error={due.error} what="What is due" />}
        {!due.doc && !due.error && <Spinner label="Loading…" />}
        {due.doc &&
          (due.doc.exceptions.length === 0 ? (
            <p className="muted" data-testid="nothing-due">
              Nothing is due until {due.doc.monthEnd}.
            </p>
          ) : (
            <>
              <p className="small muted">
                Reviews due or overdue, expiries up to {due.doc.monthEnd}, and expired exceptions nobody closed.
              </p>
              <div data-testid="due-table">
                <ExceptionTable entries={due.doc.exceptions} due={due.doc.due} caption="Due this month" onChanged={reload} />
              </div>
            </>
          ))}
      </section>
      <form className="card filters" role="search" aria-label="Filter the register" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="x-state">State</label>
          <select id="x-state" value={state} onChange={(e) => set('state', e.target.value)}>
            <option value="">Any</option>
            {['requested', 'approved', 'expired', 'revoked'].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="x-source">Source</label>
          <select id="x-source" value={source} onChange={(e) => set('source', e.target.value)}>
            <option value="">Register and templates</option>
            <option value="ledger">Register</option>
            <option value="template">Template suppressions</option>
          </select>
        </div>
      </form>
      <section className="card" aria-labelledby="all-title">
        <h2 id="all-title">All entries</h2>
        {register.error && <LoadError error={register.error} what="The register" />}
        {!doc && !register.error && <Spinner label="Loading…" />}
        {doc && (doc.exceptions.length === 0 ? <p className="muted">The register is empty.</p> : <ExceptionTable entries={doc.exceptions} due={doc.due} caption="The exceptions register" onChanged={reload} />)}
      </section>
      {mayUseUnrestricted(me, PAGE_SCOPES.complianceWrite) && <RequestExceptionForm onDone={reload} />}
      {isRestricted(me) && (hasScope(me, PAGE_SCOPES.complianceWrite) || hasScope(me, PAGE_SCOPES.complianceApprove)) && (
        <p className="alert alert-info" data-testid="restricted">
          {restrictedText(me)}
        </p>
      )}
    </section>
  );
}
