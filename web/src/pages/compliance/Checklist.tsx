// One framework's checklist: every requirement of the selected categories with its status
// and why, grouped by section; filters (category, status, text) live in the URL.
import { useDeferredValue, useMemo } from 'react';
import { localTimeWithZone } from '../../lib/format';
import { href, linkClick, navigate, useLocation } from '../../lib/router';
import { percentText, requirementHref, STATUS_ORDER, STATUS_WORDS, SYMBOL, type ChecklistDoc, type RequirementView } from '../../lib/compliance';
import { Spinner } from '../../components/ui';
import { AuditorPackage } from './AuditorPackage';
import { Breadcrumbs, Legend, LoadError, ReqStatusBadge, SelfAssessed, useDoc } from './common';

export function Checklist({ fw }: { fw: string }) {
  const loc = useLocation();
  const category = loc.search.get('category') ?? '';
  const status = loc.search.get('status') ?? '';
  const q = loc.search.get('q') ?? '';
  const deferredQ = useDeferredValue(q);
  const api = `/api/compliance/frameworks/${encodeURIComponent(fw)}/checklist${category ? `?category=${encodeURIComponent(category)}` : ''}`;
  const { doc, error } = useDoc<ChecklistDoc>(api);
  const set = (k: string, v: string) => navigate(href(loc.path, { category, status, q, [k]: v }), { replace: true });

  const groups = useMemo(() => {
    if (!doc) return [];
    const text = deferredQ.trim().toLowerCase();
    const keep = (r: RequirementView) => (!status || r.status === status) && (!text || `${r.id} ${r.title} ${r.reasons.join(' ')}`.toLowerCase().includes(text));
    const out = new Map<string, RequirementView[]>();
    for (const r of doc.requirements) if (keep(r)) (out.get(r.section) ?? out.set(r.section, []).get(r.section)!).push(r);
    return [...out];
  }, [doc, status, deferredQ]);

  const f = doc?.framework;
  // The URL is the truth as soon as a box is clicked; the server's echo only fills in the default.
  const selected = new Set(category ? category.split(',') : (f?.selectedCategories ?? []));
  const toggleCategory = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    set('category', [...next].join(','));
  };
  const shown = groups.reduce((n, [, rs]) => n + rs.length, 0);

  return (
    <section className="page page-wide" aria-labelledby="checklist-title" aria-busy={!doc}>
      <Breadcrumbs items={[{ href: '/compliance', label: 'Compliance' }, { label: f?.name ?? fw }]} />
      <div className="page-head">
        <div>
          <h1 id="checklist-title" tabIndex={-1}>
            {f ? `${f.name} ${f.version}` : 'Checklist'}
          </h1>
          {f && (
            <p className="muted page-sub" data-testid="checklist-summary">
              {f.summary.met} of {f.summary.applicable} applicable requirements met ({percentText(f.summary.score)}) · automated coverage {percentText(f.summary.coverage)} · {f.summary.total - f.summary.applicable} not applicable
            </p>
          )}
        </div>
      </div>
      <SelfAssessed text={doc?.disclaimer} />
      {f && <AuditorPackage fw={f.id} />}
      {error && <LoadError error={error} what="The checklist" />}
      {!doc && !error && (
        <div className="card placeholder">
          <Spinner label="Assessing…" />
        </div>
      )}
      {doc && f && (
        <>
          <p className="small muted">
            Assessed <time dateTime={doc.assessedAt}>{localTimeWithZone(doc.assessedAt)}</time> · source: {f.source} ({f.licence})
          </p>
          {!doc.findingsShown && (
            <p className="alert alert-info" data-testid="findings-hidden">
              Your role reads statuses and counts. Which resources fail, and the file and line that decide it, need the scope <code>security:read</code>.
            </p>
          )}
          <Legend statuses={doc.statuses} />
          <form className="card filters" role="search" aria-label="Filter requirements" onSubmit={(e) => e.preventDefault()}>
            {f.categories.length > 0 && (
              <fieldset className="field categories">
                <legend>Categories</legend>
                {f.categories.map((c) => (
                  <label key={c.id} className="check">
                    <input type="checkbox" checked={selected.has(c.id)} onChange={() => toggleCategory(c.id)} /> {c.title}
                  </label>
                ))}
              </fieldset>
            )}
            <div className="field">
              <label htmlFor="cl-status">Status</label>
              <select id="cl-status" value={status} onChange={(e) => set('status', e.target.value)}>
                <option value="">Any</option>
                {STATUS_ORDER.map((s) => (
                  <option key={s} value={s}>
                    {SYMBOL[s]} {STATUS_WORDS[s]} ({f.summary.counts[s]})
                  </option>
                ))}
              </select>
            </div>
            <div className="field field-grow">
              <label htmlFor="cl-q">Search</label>
              <input id="cl-q" type="search" placeholder="Requirement id, title, reason…" value={q} onChange={(e) => set('q', e.target.value)} />
            </div>
          </form>
          <p className="small muted" role="status">
            {shown} of {doc.requirements.length} requirements shown
          </p>
          {groups.map(([section, rs]) => (
            <section key={section} className="card cl-section" aria-label={section}>
              <h2 className="cl-section-title">{section}</h2>
              <div className="table-wrap">
                <table className="table checklist-table">
                  <caption className="sr-only">{section}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Status</th>
                      <th scope="col">Requirement</th>
                      <th scope="col">Why</th>
                      <th scope="col">Evidence</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rs.map((r) => (
                      <tr key={r.id} data-requirement={r.id}>
                        <td>
                          <ReqStatusBadge status={r.status} symbol={r.symbol} />
                        </td>
                        <th scope="row">
                          <a href={requirementHref(f.id, r.id)} onClick={linkClick}>
                            <code>{r.id}</code> {r.title}
                          </a>
                          {r.obligation && <span className="muted small"> · {r.obligation}</span>}
                        </th>
                        <td className="reasons-cell">
                          {r.reasons[0] ?? ''}
                          {r.reasons.length > 1 && <span className="muted small"> (+{r.reasons.length - 1} more)</span>}
                        </td>
                        <td className="small">{[r.automated ? 'configuration' : '', r.manual ? 'attestation' : ''].filter(Boolean).join(' + ') || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
          {shown === 0 && <p className="muted">No requirement matches the filters.</p>}
          <p className="small">
            <a href={href('/compliance')} onClick={linkClick}>
              Back to the dashboard
            </a>
          </p>
        </>
      )}
    </section>
  );
}
