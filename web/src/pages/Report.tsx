import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { ApiError, saveBlob } from '../lib/api';
import { age, localTimeWithZone, nf, plural } from '../lib/format';
import { href, linkClick, navigate, useLocation } from '../lib/router';
import type { ControlStatus, ControlSummary, DomainSection, Finding, Report, Status } from '../lib/types';
import { useSession } from '../session';
import { Facts } from '../components/Facts';
import { Forbidden } from '../components/Forbidden';
import { Chevron, SEVERITIES, SEVERITY_RANK, SeverityBadge, Spinner, STATUS_LABEL, STATUS_RANK, StatusBadge } from '../components/ui';

/** Findings about Attest's own running configuration carry this resource type (src/server/self-assessment.ts). */
export const SERVICE_RESOURCE_TYPE = 'Attest::Service::Configuration';
const REPORT_URL = '/api/security/compliance-report';

type Origin = 'platform' | 'service';

interface ControlView {
  summary: ControlSummary;
  domain: string;
  origin: Origin;
  findings: Finding[];
}

interface Index {
  byDomain: Map<string, ControlView[]>;
  controls: Map<string, ControlView>;
}

const EXPORTS: { format: string; label: string; ext: string }[] = [
  { format: 'json', label: 'JSON', ext: 'json' },
  { format: 'sarif', label: 'SARIF', ext: 'sarif' },
  { format: 'junit', label: 'JUnit XML', ext: 'junit.xml' },
  { format: 'csv', label: 'CSV', ext: 'csv' },
  { format: 'markdown', label: 'Markdown', ext: 'md' },
  { format: 'html', label: 'HTML', ext: 'html' },
];

const FINDING_ORDER: Record<Status, number> = { fail: 0, unknown: 1, suppressed: 2, pass: 3, not_applicable: 4 };

function buildIndex(r: Report): Index {
  const findings = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const list = findings.get(f.controlId);
    if (list) list.push(f);
    else findings.set(f.controlId, [f]);
  }
  const byDomain = new Map<string, ControlView[]>();
  const controls = new Map<string, ControlView>();
  for (const d of r.domains) {
    const views: ControlView[] = d.controls.map((c) => {
      const fs = (findings.get(c.id) ?? []).sort(
        (a, b) => FINDING_ORDER[a.status] - FINDING_ORDER[b.status] || a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line,
      );
      const origin: Origin = fs.some((f) => f.resource.type === SERVICE_RESOURCE_TYPE) || c.id.startsWith('ATTEST-SVC-') ? 'service' : 'platform';
      const v: ControlView = { summary: c, domain: d.id, origin, findings: fs };
      controls.set(c.id, v);
      return v;
    });
    views.sort(
      (a, b) =>
        STATUS_RANK[b.summary.status] - STATUS_RANK[a.summary.status] ||
        SEVERITY_RANK[b.summary.severity] - SEVERITY_RANK[a.summary.severity] ||
        a.summary.id.localeCompare(b.summary.id),
    );
    byDomain.set(d.id, views);
  }
  return { byDomain, controls };
}

interface Filters {
  status: string;
  severity: string;
  domain: string;
  origin: string;
  q: string;
}

function filtersOf(search: URLSearchParams): Filters {
  return {
    status: search.get('status') ?? '',
    severity: search.get('severity') ?? '',
    domain: search.get('domain') ?? '',
    origin: search.get('origin') ?? '',
    q: search.get('q') ?? '',
  };
}

function active(f: Filters): boolean {
  return Boolean(f.status || f.severity || f.origin || f.q.trim());
}

/** The control and the findings of it that match the filters; undefined when it does not match. */
function applyFilters(c: ControlView, f: Filters): Finding[] | undefined {
  if (f.severity && c.summary.severity !== f.severity) return undefined;
  if (f.origin && c.origin !== f.origin) return undefined;
  let fs = c.findings;
  if (f.status) {
    if (f.status === 'not_evaluated') return c.summary.status === 'not_evaluated' ? fs : undefined;
    fs = fs.filter((x) => x.status === f.status);
    if (!fs.length) return undefined;
  }
  const q = f.q.trim().toLowerCase();
  if (q) {
    const head = `${c.summary.id} ${c.summary.title}`.toLowerCase().includes(q);
    if (!head) {
      fs = fs.filter((x) => `${x.message} ${x.resource.type} ${x.resource.id} ${x.location.file}`.toLowerCase().includes(q));
      if (!fs.length) return undefined;
    }
  }
  return fs;
}

function countStatuses(views: ControlView[]): Record<ControlStatus, number> {
  const out: Record<ControlStatus, number> = { pass: 0, fail: 0, unknown: 0, suppressed: 0, not_applicable: 0, not_evaluated: 0 };
  for (const v of views) out[v.summary.status]++;
  return out;
}

export function ReportPage() {
  const { client } = useSession();
  const loc = useLocation();
  const [report, setReport] = useState<Report | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [reloading, setReloading] = useState(false);

  const load = useCallback(async () => {
    setReloading(true);
    try {
      const r = await client.getJson<Report>(REPORT_URL);
      setReport(r);
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    } finally {
      setReloading(false);
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error instanceof ApiError && error.status === 403) {
    return <Forbidden what="the compliance report" scope="security:read" serverMessage={error.message} />;
  }
  return (
    <section className="page page-wide" aria-labelledby="report-title" aria-busy={!report}>
      <div className="page-head">
        <div>
          <h1 id="report-title" tabIndex={-1}>
            Compliance report
          </h1>
          <p className="muted page-sub">Every status is derived from configuration; every finding points at the file and line that decides it.</p>
        </div>
        <ExportBar ready={Boolean(report)} />
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          The report could not be loaded: {error.message}{' '}
          <button type="button" className="btn btn-small" onClick={() => void load()}>
            Retry
          </button>
        </div>
      )}
      {!report && !error && (
        <div className="card placeholder" aria-hidden="false">
          <Spinner label="Generating the report from configuration…" />
        </div>
      )}
      {report && <ReportView report={report} loc={loc} reloading={reloading} onReload={load} />}
    </section>
  );
}

function ExportBar({ ready }: { ready: boolean }) {
  const { client } = useSession();
  const [busy, setBusy] = useState<string | undefined>();
  const [msg, setMsg] = useState<string | undefined>();
  const run = async (format: string, ext: string) => {
    setBusy(format);
    setMsg(undefined);
    try {
      // The document exactly as the API serves it: bytes are saved untouched.
      const r = await client.getRaw(REPORT_URL, { format });
      const stamp = new Date().toISOString().replace(/[:]/g, '').replace(/\..*$/, 'Z');
      saveBlob(r.blob, r.filename ?? `attest-report-${stamp}.${ext}`);
      setMsg(`Exported ${format.toUpperCase()} (${nf.format(r.blob.size)} bytes).`);
    } catch (e) {
      setMsg(`Export failed: ${(e as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="export-bar" role="group" aria-label="Export the report">
      <button type="button" className="btn btn-primary" disabled={!ready || busy !== undefined} onClick={() => void run('json', 'json')} data-format="json">
        {busy === 'json' ? 'Exporting…' : 'Export JSON'}
      </button>
      <span className="export-more">
        <span className="muted small" aria-hidden="true">
          Other formats:
        </span>
        {EXPORTS.slice(1).map((e) => (
          <button
            key={e.format}
            type="button"
            className="btn btn-small"
            disabled={!ready || busy !== undefined}
            onClick={() => void run(e.format, e.ext)}
            aria-label={`Export ${e.label}`}
            data-format={e.format}
          >
            {e.label}
          </button>
        ))}
      </span>
      <span className="sr-only" role="status">
        {msg}
      </span>
    </div>
  );
}

function ReportView({ report, loc, reloading, onReload }: { report: Report; loc: ReturnType<typeof useLocation>; reloading: boolean; onReload(): void }) {
  const index = useMemo(() => buildIndex(report), [report]);
  const filters = filtersOf(loc.search);
  const deferredQ = useDeferredValue(filters.q);
  const effective = useMemo(() => ({ ...filters, q: deferredQ }), [filters.status, filters.severity, filters.domain, filters.origin, deferredQ]); // eslint-disable-line react-hooks/exhaustive-deps
  const [, , linkDomain, linkControl] = loc.path.split('/').map(decodeURIComponent);
  const [expanded, setExpanded] = useState<Record<string, boolean>>(() => (linkDomain ? { [linkDomain]: true } : {}));

  // A deep link opens its domain (and control) and scrolls to it.
  useEffect(() => {
    if (!linkDomain) return;
    setExpanded((e) => ({ ...e, [linkDomain]: true }));
    const id = linkControl ? `control-${linkControl}` : `domain-${linkDomain}`;
    requestAnimationFrame(() => {
      const el = document.getElementById(id);
      if (el) {
        el.scrollIntoView({ block: 'start' });
        el.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
      }
    });
  }, [linkDomain, linkControl]);

  const setFilter = (k: keyof Filters, v: string) => {
    const next = { ...filters, [k]: v };
    navigate(href(loc.path, next as unknown as Record<string, string>), { replace: true });
  };

  const domains = report.domains.filter((d) => !effective.domain || d.id === effective.domain);
  const filtering = active(effective);

  return (
    <>
      <Summary report={report} index={index} reloading={reloading} onReload={onReload} />
      <form className="filters card" role="search" aria-label="Filter controls" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect label="Status" value={filters.status} onChange={(v) => setFilter('status', v)} options={[['', 'All statuses'], ...(['fail', 'unknown', 'suppressed', 'pass', 'not_applicable', 'not_evaluated'] as ControlStatus[]).map((s) => [s, STATUS_LABEL[s]] as [string, string])]} />
        <FilterSelect label="Severity" value={filters.severity} onChange={(v) => setFilter('severity', v)} options={[['', 'All severities'], ...SEVERITIES.map((s) => [s, s] as [string, string])]} />
        <FilterSelect label="Domain" value={filters.domain} onChange={(v) => setFilter('domain', v)} options={[['', 'All domains'], ...report.domains.map((d) => [d.id, d.title] as [string, string])]} />
        <FilterSelect label="Scope" value={filters.origin} onChange={(v) => setFilter('origin', v)} options={[['', 'Platforms and Attest'], ['platform', 'Scanned platforms'], ['service', "Attest's own service"]]} />
        <div className="field field-grow">
          <label htmlFor="report-q">Search</label>
          <input id="report-q" type="search" placeholder="Control id, title, resource, file…" value={filters.q} onChange={(e) => setFilter('q', e.target.value)} />
        </div>
        {(filtering || filters.domain) && (
          <button type="button" className="btn btn-ghost" onClick={() => navigate(href(loc.path), { replace: true })}>
            Clear filters
          </button>
        )}
      </form>
      <div className="domains">
        {domains.map((d) => (
          <DomainPanel
            key={d.id}
            domain={d}
            views={index.byDomain.get(d.id) ?? []}
            filters={effective}
            open={expanded[d.id]}
            autoOpen={filtering}
            onToggle={(open) => setExpanded((e) => ({ ...e, [d.id]: open }))}
            linkedControl={linkDomain === d.id ? linkControl : undefined}
          />
        ))}
      </div>
    </>
  );
}

function FilterSelect({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange(v: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

function Summary({ report, index, reloading, onReload }: { report: Report; index: Index; reloading: boolean; onReload(): void }) {
  const all = [...index.controls.values()];
  const overall = countStatuses(all);
  const platform = countStatuses(all.filter((c) => c.origin === 'platform'));
  const service = countStatuses(all.filter((c) => c.origin === 'service'));
  const gaps = report.domains
    .flatMap((d) => d.gaps.map((g) => ({ ...g, domain: d.id, origin: (g.resource.type === SERVICE_RESOURCE_TYPE ? 'service' : 'platform') as Origin })))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1) || a.controlId.localeCompare(b.controlId));
  const sourceErrors = report.sources.reduce((n, s) => n + s.errors.length, 0);
  return (
    <section className="card summary" aria-labelledby="summary-title">
      <div className="summary-head">
        <h2 id="summary-title">Summary</h2>
        <p className="muted small" data-testid="generated">
          Generated <time dateTime={report.generatedAt}>{localTimeWithZone(report.generatedAt)}</time> ({age(report.generatedAt)}) by Attest {report.tool.version} · schema {report.schemaVersion} ·{' '}
          <button type="button" className="link-button" onClick={onReload} disabled={reloading}>
            {reloading ? 'refreshing…' : 'refresh'}
          </button>
        </p>
      </div>
      <div className="stat-grid" role="list" aria-label="Controls by status">
        {(['pass', 'fail', 'unknown', 'suppressed', 'not_applicable'] as ControlStatus[]).map((s) => (
          <div key={s} role="listitem" className={`stat stat-${s}`}>
            <span className="stat-value">{nf.format(overall[s])}</span>
            <span className="stat-label">{s === 'pass' ? 'Controls met' : `${STATUS_LABEL[s]}`}</span>
          </div>
        ))}
      </div>
      <p className="small muted">
        {plural(all.length, 'control')} ({overall.not_evaluated} not evaluated: nothing they apply to) over {plural(report.summary.resources, 'resource')} in {plural(report.summary.files, 'file')};{' '}
        {plural(report.summary.findings, 'finding')}: {report.summary.byStatus.fail} failed, {report.summary.byStatus.unknown} unknown, {report.summary.byStatus.suppressed} suppressed.
      </p>
      <div className="origin-split">
        <div className="origin-card origin-platform">
          <span className="origin-tag origin-tag-platform">Scanned platforms</span>
          <p>
            <strong>{platform.pass}</strong> met · <strong className="t-fail">{platform.fail}</strong> failed · <strong>{platform.unknown}</strong> unknown · {platform.suppressed} suppressed
          </p>
          <p className="small muted">From {report.scan.paths.join(', ') || 'no paths'}.</p>
        </div>
        <div className="origin-card origin-service">
          <span className="origin-tag origin-tag-service">Attest's own service</span>
          <p>
            <strong>{service.pass}</strong> met · <strong className="t-fail">{service.fail}</strong> failed · <strong>{service.unknown}</strong> unknown
          </p>
          <p className="small muted">Self-assessment of this server's running configuration.</p>
        </div>
      </div>
      <div className="summary-cols">
        <div>
          <h3>By domain</h3>
          <div className="table-wrap">
            <table className="table domain-table">
              <caption className="sr-only">Controls by domain and status</caption>
              <thead>
                <tr>
                  <th scope="col">Domain</th>
                  <th scope="col" className="num">Met</th>
                  <th scope="col" className="num">Failed</th>
                  <th scope="col" className="num">Unknown</th>
                  <th scope="col" className="num">Suppr.</th>
                  <th scope="col">
                    <span className="sr-only">Proportion</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.domains.map((d) => {
                  const c = countStatuses(index.byDomain.get(d.id) ?? []);
                  const total = c.pass + c.fail + c.unknown + c.suppressed || 1;
                  return (
                    <tr key={d.id}>
                      <th scope="row">
                        <a href={`/report/${d.id}`} onClick={linkClick}>
                          {d.title}
                        </a>
                      </th>
                      <td className="num">{c.pass}</td>
                      <td className={`num${c.fail ? ' t-fail' : ''}`}>{c.fail}</td>
                      <td className="num">{c.unknown}</td>
                      <td className="num">{c.suppressed}</td>
                      <td>
                        <span className="bar" aria-hidden="true">
                          <span className="bar-pass" style={{ width: `${(c.pass / total) * 100}%` }} />
                          <span className="bar-fail" style={{ width: `${(c.fail / total) * 100}%` }} />
                          <span className="bar-unknown" style={{ width: `${(c.unknown / total) * 100}%` }} />
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
        <div>
          <h3>Worst gaps</h3>
          {gaps.length === 0 ? (
            <p className="muted">No failing or unknown controls.</p>
          ) : (
            <ol className="gaps">
              {gaps.slice(0, 8).map((g, i) => (
                <li key={i}>
                  <SeverityBadge severity={g.severity} /> <StatusBadge status={g.status} />{' '}
                  <a href={`/report/${g.domain}/${encodeURIComponent(g.controlId)}`} onClick={linkClick}>
                    {g.title}
                  </a>
                  <div className="small muted">
                    <code>{g.controlId}</code> · {g.resource.id} · <code>{g.location.file}{g.location.line > 0 ? `:${g.location.line}` : ''}</code>
                    {g.origin === 'service' && <span className="origin-tag origin-tag-service">Attest</span>}
                  </div>
                </li>
              ))}
              {gaps.length > 8 && <li className="muted small">…and {gaps.length - 8} more (filter by status “Failed”).</li>}
            </ol>
          )}
        </div>
      </div>
      <details className="sources">
        <summary>
          Sources: {plural(report.sources.length, 'file')}, {plural(report.summary.resources, 'resource')}
          {sourceErrors ? <span className="t-fail"> · {plural(sourceErrors, 'input error')}</span> : null}
        </summary>
        <table className="table">
          <caption className="sr-only">Scanned source files</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">Resources</th>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {report.sources.map((s) => (
              <tr key={s.file}>
                <td>
                  <code>{s.file}</code>
                </td>
                <td>{s.format}</td>
                <td className="num">{s.resources}</td>
                <td>{s.errors.length ? s.errors.map((e, i) => <div key={i} className="t-fail">{`${e.line}:${e.column} ${e.message}`}</div>) : <span className="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {report.skipped?.length ? (
        <details className="sources skipped" data-testid="skipped">
          <summary>Skipped: {plural(report.skipped.length, 'candidate file')} not scanned</summary>
          <table className="table">
            <caption className="sr-only">Candidate files that were not scanned, and why</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Why it was not scanned</th>
              </tr>
            </thead>
            <tbody>
              {report.skipped.map((s) => (
                <tr key={s.file}>
                  <td>
                    <code>{s.file}</code>
                  </td>
                  <td>{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      <p className="disclaimer small">{report.disclaimer}</p>
    </section>
  );
}

interface DomainPanelProps {
  domain: DomainSection;
  views: ControlView[];
  filters: Filters;
  /** Undefined: the user has not toggled it (filters then open domains with matches). */
  open: boolean | undefined;
  autoOpen: boolean;
  linkedControl?: string;
  onToggle(open: boolean): void;
}

const DomainPanel = memo(function DomainPanel({ domain, views, filters, open, autoOpen, linkedControl, onToggle }: DomainPanelProps) {
  const matched = useMemo(() => {
    const out: { view: ControlView; findings: Finding[] }[] = [];
    for (const v of views) {
      const fs = applyFilters(v, filters);
      if (fs) out.push({ view: v, findings: fs });
    }
    return out;
  }, [views, filters]);
  const counts = countStatuses(views);
  const filtering = active(filters);
  const isOpen = open ?? (autoOpen && matched.length > 0);
  const bodyId = `domain-${domain.id}-body`;
  const platform = matched.filter((m) => m.view.origin === 'platform');
  const service = matched.filter((m) => m.view.origin === 'service');
  return (
    <section className={`domain card${isOpen ? ' domain-open' : ''}`} id={`domain-${domain.id}`} aria-labelledby={`domain-${domain.id}-title`}>
      <div className="domain-head">
        <h2 className="domain-title" id={`domain-${domain.id}-title`}>
          <button type="button" className="domain-toggle" aria-expanded={isOpen} aria-controls={bodyId} onClick={() => onToggle(!isOpen)}>
            <Chevron open={isOpen} />
            <span className="domain-name">{domain.title}</span>
            <span className="domain-counts">
              {counts.fail > 0 && <span className="pill pill-fail">{counts.fail} failed</span>}
              {counts.unknown > 0 && <span className="pill pill-unknown">{counts.unknown} unknown</span>}
              {counts.suppressed > 0 && <span className="pill pill-suppressed">{counts.suppressed} suppressed</span>}
              <span className="pill pill-pass">{counts.pass} met</span>
              {filtering && <span className="pill pill-match">{matched.length} matching</span>}
            </span>
          </button>
        </h2>
        <a className="permalink" href={`/report/${domain.id}`} onClick={linkClick} aria-label={`Link to ${domain.title}`} title="Link to this domain">
          #
        </a>
      </div>
      <div id={bodyId} className="domain-body" hidden={!isOpen}>
        {isOpen && (
          <>
            <h3 className="sub-title">Facts: what is configured</h3>
            <Facts facts={domain.facts} />
            <h3 className="sub-title">
              Controls <span className="count">{matched.length}</span>
              {filtering && <span className="muted small"> matching the filters, of {views.length}</span>}
            </h3>
            {matched.length === 0 && <p className="muted">No control of this domain matches the filters.</p>}
            {platform.length > 0 && <ControlList title="Scanned platforms" origin="platform" items={platform} linkedControl={linkedControl} />}
            {service.length > 0 && <ControlList title="Attest's own service" origin="service" items={service} linkedControl={linkedControl} />}
          </>
        )}
      </div>
    </section>
  );
});

function ControlList({ title, origin, items, linkedControl }: { title: string; origin: Origin; items: { view: ControlView; findings: Finding[] }[]; linkedControl?: string }) {
  return (
    <div className={`control-group control-group-${origin}`}>
      <h4 className="group-title">
        <span className={`origin-tag origin-tag-${origin}`}>{title}</span> <span className="muted small">{plural(items.length, 'control')}</span>
      </h4>
      <ul className="controls">
        {items.map(({ view, findings }) => (
          <ControlItem key={view.summary.id} view={view} findings={findings} linked={linkedControl === view.summary.id} />
        ))}
      </ul>
    </div>
  );
}

const ControlItem = memo(function ControlItem({ view, findings, linked }: { view: ControlView; findings: Finding[]; linked: boolean }) {
  const [open, setOpen] = useState(linked);
  useEffect(() => {
    if (linked) setOpen(true);
  }, [linked]);
  const c = view.summary;
  const bodyId = `control-${c.id}-body`;
  const failing = c.counts.fail + c.counts.unknown;
  const evaluated = c.counts.pass + c.counts.fail + c.counts.unknown + c.counts.suppressed;
  return (
    <li className={`control control-${c.status}${linked ? ' control-linked' : ''}`} id={`control-${c.id}`}>
      <div className="control-head">
        <button type="button" className="control-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <Chevron open={open} />
          <StatusBadge status={c.status} />
          <SeverityBadge severity={c.severity} />
          <code className="cid">{c.id}</code>
          <span className="ctitle">{c.title}</span>
          <span className="ccount small muted">{evaluated ? (failing ? `${failing} of ${evaluated} resources` : `${evaluated} resources`) : 'no resources'}</span>
        </button>
        <a className="permalink" href={`/report/${view.domain}/${encodeURIComponent(c.id)}`} onClick={linkClick} aria-label={`Link to control ${c.id}`} title="Link to this control">
          #
        </a>
      </div>
      <div id={bodyId} className="control-body" hidden={!open}>
        {open && <FindingList findings={findings} />}
      </div>
    </li>
  );
});

const FINDINGS_SHOWN = 25;

function FindingList({ findings }: { findings: Finding[] }) {
  const [all, setAll] = useState(false);
  if (findings.length === 0) return <p className="muted small">Not evaluated: no resource in the scanned configuration is of a type this control applies to.</p>;
  const shown = all ? findings : findings.slice(0, FINDINGS_SHOWN);
  return (
    <>
      <ul className="findings">
        {shown.map((f, i) => (
          <li key={i}>
            <FindingCard f={f} />
          </li>
        ))}
      </ul>
      {findings.length > FINDINGS_SHOWN && (
        <button type="button" className="btn btn-small" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${findings.length} findings`}
        </button>
      )}
    </>
  );
}

function where(file: string, line: number, column?: number): string {
  if (!line) return `${file} (runtime)`;
  return `${file}:${line}${column ? `:${column}` : ''}`;
}

function FindingCard({ f }: { f: Finding }) {
  const refs = Object.entries(f.references).filter(([, v]) => v.length);
  const fw = Object.entries(f.frameworks);
  return (
    <article className={`finding finding-${f.status}`} aria-label={`${STATUS_LABEL[f.status]}: ${f.resource.id}`}>
      <header className="finding-head">
        <StatusBadge status={f.status} />
        <span className="rtype">{f.resource.type}</span>
        <strong className="rid">{f.resource.id}</strong>
        <code className="floc">{where(f.location.file, f.location.line, f.location.column)}</code>
      </header>
      <p className="fmsg">{f.message}</p>
      {f.evidence.length > 0 && (
        <div className="evidence">
          {f.evidence.map((e, i) => (
            <figure className="ev" key={i}>
              <figcaption>
                <span className="ev-label">Evidence</span> <code>{where(e.file, e.line, e.column)}</code>
                {e.note && <span className="ev-note"> — {e.note}</span>}
              </figcaption>
              <pre className="snippet">
                <code>
                  {e.line > 0 && <span className="ln" aria-hidden="true">{e.line}</span>}
                  <span className="ev-path">{e.path}</span>
                  <span className="ev-sep">: </span>
                  <span className="ev-value">{e.value}</span>
                </code>
              </pre>
            </figure>
          ))}
        </div>
      )}
      {f.dependsOn && f.dependsOn.length > 0 && (
        <p className="small">
          Decided at deploy time: depends on {f.dependsOn.map((d, i) => <span key={d}>{i ? ', ' : ''}<code>{d}</code></span>)}.
        </p>
      )}
      {f.suppression && (
        <p className="small suppression">
          {f.suppression.expired ? 'Expired suppression' : 'Suppressed'} ({f.suppression.source}) at <code>{where(f.suppression.file, f.suppression.line, f.suppression.column)}</code>: “{f.suppression.reason}”
          {f.suppression.expires && <> · expires {f.suppression.expires}</>}
        </p>
      )}
      {(refs.length > 0 || fw.length > 0) && (
        <dl className="refs small">
          {fw.length > 0 && (
            <>
              <dt>Frameworks</dt>
              <dd>{fw.map(([k, v]) => `${k}: ${v.join(', ')}`).join(' · ')}</dd>
            </>
          )}
          {refs.length > 0 && (
            <>
              <dt>Equivalent checks</dt>
              <dd>{refs.map(([k, v]) => `${k}: ${v.join(', ')}`).join(' · ')}</dd>
            </>
          )}
        </dl>
      )}
    </article>
  );
}

