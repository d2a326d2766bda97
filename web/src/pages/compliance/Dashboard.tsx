// The compliance dashboard: one card per framework — score (met / applicable, floored),
// the trend over the last year, automated coverage, requirements per status with seed 001's
// symbols, and the worst gaps.
import { localTimeWithZone } from '../../lib/format';
import { linkClick } from '../../lib/router';
import { checklistHref, percentText, requirementHref, STATUS_ORDER, STATUS_WORDS, SYMBOL, type FrameworkCard, type FrameworksDoc } from '../../lib/compliance';
import { Spinner } from '../../components/ui';
import { Legend, LoadError, ReqStatusBadge, SelfAssessed, Sparkline, useDoc } from './common';

export function ComplianceDashboard() {
  const { doc, error } = useDoc<FrameworksDoc>('/api/compliance/frameworks');
  return (
    <section className="page page-wide" aria-labelledby="compliance-title" aria-busy={!doc}>
      <div className="page-head">
        <div>
          <h1 id="compliance-title" tabIndex={-1}>
            Compliance readiness
          </h1>
          <p className="muted page-sub">Every status comes from located findings or from a dated, attributed attestation in the ledger.</p>
        </div>
        <a className="btn" href="/compliance/exceptions" onClick={linkClick}>
          Exceptions register
        </a>
      </div>
      <SelfAssessed text={doc?.disclaimer} />
      {error && <LoadError error={error} what="The frameworks" />}
      {!doc && !error && (
        <div className="card placeholder">
          <Spinner label="Assessing the frameworks…" />
        </div>
      )}
      {doc && (
        <>
          <p className="small muted" data-testid="assessed-at">
            Assessed <time dateTime={doc.assessedAt}>{localTimeWithZone(doc.assessedAt)}</time>
            {doc.evidenceRead ? '' : ' · manual evidence was not read'}
            {doc.serviceAssessed ? '' : ' · Attest\'s own service was not assessed'}
          </p>
          {doc.notes.length > 0 && (
            <ul className="notes">
              {doc.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <Legend statuses={doc.statuses} />
          <div className="fw-cards">
            {doc.frameworks.map((f) => (
              <FrameworkCardView key={f.id} f={f} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function FrameworkCardView({ f }: { f: FrameworkCard }) {
  const s = f.summary;
  const titleId = `fw-${f.id}-title`;
  return (
    <article className="card fw-card" aria-labelledby={titleId} data-framework={f.id}>
      <header className="fw-card-head">
        <h2 id={titleId}>
          <a href={checklistHref(f.id)} onClick={linkClick}>
            {f.name}
          </a>
        </h2>
        <span className="muted small">
          {f.version}
          {f.selectedCategories.length ? ` · ${f.selectedCategories.map((c) => f.categories.find((k) => k.id === c)?.title ?? c).join(', ')}` : ''}
        </span>
      </header>
      <div className="fw-score">
        <div>
          <span className="fw-score-value" data-testid="score">
            {s.met} / {s.applicable}
          </span>
          <span className="fw-score-label">
            met · <strong data-testid="score-percent">{percentText(s.score)}</strong>
          </span>
        </div>
        <Sparkline trend={f.trend} name={f.name} />
      </div>
      <p className="small fw-coverage" data-testid="coverage">
        Automated coverage {percentText(s.coverage)}: {s.coverage.numerator} of {s.coverage.denominator} applicable requirement{s.coverage.denominator === 1 ? '' : 's'} decided by configuration
        {s.coverage.numerator < s.coverage.denominator ? '; the rest need attested evidence' : ''}.
      </p>
      <ul className="fw-counts" aria-label={`${f.name}: requirements per status`}>
        {STATUS_ORDER.filter((st) => s.counts[st] > 0).map((st) => (
          <li key={st} className={`count-${st}`} data-status={st}>
            <span aria-hidden="true">{SYMBOL[st]}</span> {STATUS_WORDS[st]} <strong>{s.counts[st]}</strong>
          </li>
        ))}
      </ul>
      <h3 className="fw-gaps-title">Worst gaps</h3>
      {f.worstGaps.length === 0 ? (
        <p className="small muted">None: every applicable requirement is met.</p>
      ) : (
        <ol className="fw-gaps">
          {f.worstGaps.map((g) => (
            <li key={g.id}>
              <ReqStatusBadge status={g.status} symbol={g.symbol} />{' '}
              <a href={requirementHref(f.id, g.id)} onClick={linkClick}>
                <code>{g.id}</code> {g.title}
              </a>
            </li>
          ))}
        </ol>
      )}
      <p className="small">
        <a href={checklistHref(f.id)} onClick={linkClick}>
          Checklist of {f.requirements} requirement{f.requirements === 1 ? '' : 's'}
        </a>
      </p>
    </article>
  );
}
