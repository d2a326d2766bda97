import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError, saveBlob, type Query } from '../lib/api';
import { age, isoToLocalInput, localInputToIso, localTime, localTimeWithZone, nf, timeZone, zoneLabel } from '../lib/format';
import { href, navigate, useLocation } from '../lib/router';
import type { EventsPage, InclusionProof, LedgerRecord, SignedCheckpoint } from '../lib/types';
import { keyFingerprint, verifyCheckpoint, verifyInclusion, type Step, type VerifyResult } from '../lib/verify';
import { hasScope, PAGE_SCOPES, useSession } from '../session';
import { Drawer } from '../components/Drawer';
import { Spinner } from '../components/ui';

const PAGE_SIZE = 100;
const FILTER_KEYS = ['from', 'to', 'actor', 'action', 'target_type', 'target_id', 'outcome'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filters = Partial<Record<FilterKey, string>>;

function filtersOf(search: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = search.get(k);
    if (v) f[k] = v;
  }
  return f;
}

interface PageState {
  /** The query (filters + order) and cursor this page answers: the cache key it came from. */
  key: string;
  filters: Filters;
  order: Order;
  records: LedgerRecord[];
  nextCursor?: string;
  /** Cursors of the pages before this one (undefined = the first page). */
  stack: (string | undefined)[];
  cursor?: string;
  ms: number;
}

type Order = 'asc' | 'desc';

/**
 * Pages kept in memory, keyed by filters + order + cursor (so a page is never shown for a
 * query it does not answer), least recently used first. Bounded in entries and in age: a
 * page older than PAGE_FRESH_MS is fetched again rather than shown (the ledger grows at the
 * head, so an old first page would miss the newest records).
 */
const CACHE_MAX = 40;
const PAGE_FRESH_MS = 30_000;

interface CacheEntry {
  p: Promise<EventsPage>;
  /** Set once the page arrived. */
  r?: EventsPage;
  at: number;
}

function queryKeyOf(filters: Filters, order: Order): string {
  return JSON.stringify([filters, order]);
}

function pageKeyOf(filters: Filters, order: Order, cursor: string | undefined): string {
  return `${queryKeyOf(filters, order)}|${cursor ?? ''}`;
}

export function AuditPage() {
  const { client, me } = useSession();
  const loc = useLocation();
  // Keyed by value: a sort change keeps the same filters object, so the filter form and the
  // export bar (memoised) do not re-render for it.
  const filtersKey = JSON.stringify(filtersOf(loc.search));
  const filters = useMemo(() => JSON.parse(filtersKey) as Filters, [filtersKey]);
  const order: Order = loc.search.get('order') === 'asc' ? 'asc' : 'desc';
  const queryKey = queryKeyOf(filters, order);
  const [page, setPage] = useState<PageState | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [selected, setSelected] = useState<LedgerRecord | undefined>();
  const cache = useRef(new Map<string, CacheEntry>());
  /** Which show() call is the latest: an older one that answers late must not replace its page. */
  const showSeq = useRef(0);
  const canExport = hasScope(me, PAGE_SCOPES.auditExport);

  /** The cached page if it arrived and is fresh (touched as most recently used). */
  const cached = useCallback((key: string): EventsPage | undefined => {
    const c = cache.current;
    const e = c.get(key);
    if (!e?.r) return undefined;
    if (Date.now() - e.at > PAGE_FRESH_MS) {
      c.delete(key);
      return undefined;
    }
    c.delete(key);
    c.set(key, e);
    return e.r;
  }, []);

  /** A page, from memory, from a request already under way, or fetched now. */
  const load = useCallback(
    (f: Filters, o: Order, cursor: string | undefined): Promise<EventsPage> => {
      const key = pageKeyOf(f, o, cursor);
      const c = cache.current;
      const hit = c.get(key);
      if (hit && (!hit.r || Date.now() - hit.at <= PAGE_FRESH_MS)) {
        c.delete(key);
        c.set(key, hit);
        return hit.p;
      }
      const e: CacheEntry = { at: Date.now(), p: client.getJson<EventsPage>('/api/audit/events', { ...f, order: o, limit: PAGE_SIZE, cursor } as Query) };
      e.p.then(
        (r) => {
          e.r = r;
          e.at = Date.now();
        },
        () => {
          if (c.get(key) === e) c.delete(key);
        },
      );
      c.set(key, e);
      while (c.size > CACHE_MAX) c.delete(c.keys().next().value as string);
      return e.p;
    },
    [client],
  );

  const show = useCallback(
    async (f: Filters, o: Order, cursor: string | undefined, stack: (string | undefined)[]) => {
      const seq = ++showSeq.current;
      const t0 = performance.now();
      const key = pageKeyOf(f, o, cursor);
      // A page already received is shown in the same frame as the click.
      const have = cached(key);
      if (!have) setLoading(true);
      try {
        const r = have ?? (await load(f, o, cursor));
        if (seq !== showSeq.current) return;
        setPage({ key, filters: f, order: o, records: r.records, stack, ms: performance.now() - t0, ...(cursor ? { cursor } : {}), ...(r.nextCursor ? { nextCursor: r.nextCursor } : {}) });
        setError(undefined);
      } catch (e) {
        if (seq === showSeq.current) setError((e as Error).message);
      } finally {
        if (seq === showSeq.current) setLoading(false);
      }
    },
    [cached, load],
  );

  // Once a page is on screen, fetch ahead what the next click most likely asks for: the next
  // page ("Next" answers from memory), and the first page of the other sort order with the
  // same filters (the sort toggle answers from memory).
  useEffect(() => {
    if (!page) return;
    if (page.nextCursor) void load(page.filters, page.order, page.nextCursor).catch(() => undefined);
    void load(page.filters, page.order === 'desc' ? 'asc' : 'desc', undefined).catch(() => undefined);
  }, [page, load]);

  useEffect(() => {
    // Pages of other filters are of no further use.
    for (const k of [...cache.current.keys()]) if (!k.startsWith(`[${filtersKey},`)) cache.current.delete(k);
    // The current rows stay (dimmed, aria-busy) until the new query answers: no layout shift.
    void show(filters, order, undefined, []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey]);

  const go = useCallback((q: Filters, o: Order) => navigate(href('/audit', { ...q, ...(o === 'asc' ? { order: 'asc' } : {}) })), []);
  const onApply = useCallback((f: Filters) => go(f, order), [go, order]);
  const pageNo = (page?.stack.length ?? 0) + 1;
  const first = (pageNo - 1) * PAGE_SIZE + 1;
  const onBack = () => page && page.stack.length > 0 && void show(page.filters, page.order, page.stack[page.stack.length - 1], page.stack.slice(0, -1));
  const onNext = () => page?.nextCursor && void show(page.filters, page.order, page.nextCursor, [...page.stack, page.cursor]);
  const selectedSeq = selected?.seq;

  return (
    <section className="page page-wide" aria-labelledby="audit-title">
      <div className="page-head">
        <div>
          <h1 id="audit-title" tabIndex={-1}>
            Audit log
          </h1>
          <p className="muted page-sub">
            The tamper-evident ledger. Times are stored in UTC and shown in your time zone: <strong>{timeZone}</strong>, {zoneLabel()}.
          </p>
        </div>
        {canExport && <AuditExport filters={filters} />}
      </div>
      <ChainStatus />
      <FilterForm filters={filters} onApply={onApply} restricted={me.ownRecordsOnly} subject={me.subject} />
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="card table-card">
        <div className="table-toolbar">
          <span className="small muted" role="status" aria-live="polite" data-testid="page-status">
            {page ? (page.records.length ? `Page ${pageNo} · records ${nf.format(first)}–${nf.format(first + page.records.length - 1)}` : 'No records match.') : 'Loading…'}
          </span>
          {loading && <Spinner label="Loading" />}
          <Pager canBack={Boolean(page && page.stack.length)} canNext={Boolean(page?.nextCursor)} busy={loading} onBack={onBack} onNext={onNext} />
        </div>
        <div className="table-wrap audit-wrap">
          <table className={`table audit-table${loading ? ' is-loading' : ''}`} aria-busy={loading}>
            <caption className="sr-only">Audit records, {order === 'desc' ? 'newest first' : 'oldest first'}</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort={order === 'desc' ? 'descending' : 'ascending'} className="col-time">
                  <button type="button" className="sort-button" onClick={() => go(filters, order === 'desc' ? 'asc' : 'desc')} aria-label={`Time (${zoneLabel()}), sorted ${order === 'desc' ? 'newest first' : 'oldest first'}; activate to sort ${order === 'desc' ? 'oldest first' : 'newest first'}`}>
                    Time <span className="muted small">({zoneLabel()})</span> <span aria-hidden="true">{order === 'desc' ? '↓' : '↑'}</span>
                  </button>
                </th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Resource</th>
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  Record
                </th>
              </tr>
            </thead>
            <AuditRows records={page?.records} selectedSeq={selectedSeq} onSelect={setSelected} />
          </table>
          {!page && <div className="table-placeholder" aria-hidden="true" />}
        </div>
        <div className="table-toolbar table-toolbar-bottom">
          <span className="small muted">{page ? `${PAGE_SIZE} per page · loaded in ${Math.round(page.ms)} ms` : ''}</span>
          <Pager canBack={Boolean(page && page.stack.length)} canNext={Boolean(page?.nextCursor)} busy={loading} onBack={onBack} onNext={onNext} bottom />
        </div>
      </div>
      {selected && <RecordDrawer record={selected} onClose={() => setSelected(undefined)} />}
    </section>
  );
}

/**
 * The table body. Memoised: a loading flag or a toolbar change does not re-render the rows,
 * and selecting a record re-renders only the two rows whose selection changed.
 */
const AuditRows = memo(function AuditRows({ records, selectedSeq, onSelect }: { records: LedgerRecord[] | undefined; selectedSeq: number | undefined; onSelect(r: LedgerRecord): void }) {
  return (
    <tbody>
      {/* Rows are keyed by position: a page change rewrites text in place instead of replacing 100 rows. */}
      {records?.map((r, i) => <AuditRow key={i} r={r} selected={selectedSeq === r.seq} onSelect={onSelect} />)}
    </tbody>
  );
});

const AuditRow = memo(function AuditRow({ r, selected, onSelect }: { r: LedgerRecord; selected: boolean; onSelect(r: LedgerRecord): void }) {
  return (
    <tr onClick={() => onSelect(r)} className={selected ? 'row-selected' : undefined}>
      <td className="col-time">
        <time dateTime={r.ts} title={`${r.ts} (UTC)`}>
          {localTime(r.ts)}
        </time>
      </td>
      <td>
        <span className="actor">{r.actor.id}</span>
        {r.actor.type !== 'user' && <span className="muted small"> ({r.actor.type})</span>}
      </td>
      <td>
        <code className="action">{r.action}</code>
      </td>
      <td className="resource">{r.target ? `${r.target.type}${r.target.id ? `: ${r.target.id}` : ''}` : <span className="muted">—</span>}</td>
      <td>
        <span className={`outcome outcome-${r.outcome}`}>{r.outcome}</span>
      </td>
      <td className="num">
        <button
          type="button"
          className="link-button"
          onClick={(e) => {
            e.stopPropagation();
            onSelect(r);
          }}
          aria-label={`Details of record ${r.seq}`}
        >
          #{r.seq}
        </button>
      </td>
    </tr>
  );
});

function Pager({ canBack, canNext, busy, onBack, onNext, bottom }: { canBack: boolean; canNext: boolean; busy: boolean; onBack(): void; onNext(): void; bottom?: boolean }) {
  return (
    <nav className="pager" aria-label={bottom ? 'Pages (bottom)' : 'Pages'}>
      <button type="button" className="btn btn-small" disabled={!canBack || busy} onClick={onBack} data-testid={bottom ? undefined : 'prev-page'}>
        ← Previous
      </button>
      <button type="button" className="btn btn-small" disabled={!canNext || busy} onClick={onNext} data-testid={bottom ? undefined : 'next-page'}>
        Next →
      </button>
    </nav>
  );
}

const FilterForm = memo(function FilterForm({ filters, onApply, restricted, subject }: { filters: Filters; onApply(f: Filters): void; restricted: boolean; subject: string }) {
  const { client } = useSession();
  const id = useId();
  const [draft, setDraft] = useState<Filters>(filters);
  const [actors, setActors] = useState<string[] | undefined>();
  const [actorsError, setActorsError] = useState<string | undefined>();
  useEffect(() => setDraft(filters), [filters]);
  useEffect(() => {
    client
      .getJson<{ actors: string[] }>('/api/audit/actors')
      .then((r) => setActors(r.actors))
      .catch((e: Error) => setActorsError(e.message));
  }, [client]);
  const set = (k: FilterKey, v: string) => setDraft((d) => ({ ...d, [k]: v || undefined }));
  const actorOptions = useMemo(() => {
    const list = actors ?? [];
    return draft.actor && !list.includes(draft.actor) ? [draft.actor, ...list] : list;
  }, [actors, draft.actor]);
  return (
    <form
      className="filters card"
      role="search"
      aria-label="Filter audit records"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="datetime-local" value={isoToLocalInput(draft.from)} onChange={(e) => set('from', localInputToIso(e.target.value) ?? '')} aria-describedby={`${id}-tz`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="datetime-local" value={isoToLocalInput(draft.to)} onChange={(e) => set('to', localInputToIso(e.target.value) ?? '')} aria-describedby={`${id}-tz`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-actor`}>Actor</label>
        <select id={`${id}-actor`} value={draft.actor ?? ''} onChange={(e) => set('actor', e.target.value)} disabled={restricted} aria-describedby={actorsError || restricted ? `${id}-actor-help` : undefined}>
          <option value="">{restricted ? subject : actors ? `All actors (${actors.length})` : 'All actors'}</option>
          {!restricted &&
            actorOptions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
        </select>
        {(actorsError || restricted) && (
          <p id={`${id}-actor-help`} className="help">
            {restricted ? 'Your role reads only your own records.' : `Actor list unavailable: ${actorsError}`}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>Action</label>
        <input id={`${id}-action`} value={draft.action ?? ''} onChange={(e) => set('action', e.target.value.trim())} placeholder="e.g. auth or task.assign" aria-describedby={`${id}-action-help`} />
        <p id={`${id}-action-help`} className="help">
          A prefix matches: “auth” finds auth.login.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-ttype`}>Resource type</label>
        <input id={`${id}-ttype`} value={draft.target_type ?? ''} onChange={(e) => set('target_type', e.target.value.trim())} placeholder="e.g. task" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tid`}>Resource id</label>
        <input id={`${id}-tid`} value={draft.target_id ?? ''} onChange={(e) => set('target_id', e.target.value.trim())} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select id={`${id}-outcome`} value={draft.outcome ?? ''} onChange={(e) => set('outcome', e.target.value)}>
          <option value="">Any</option>
          <option value="success">success</option>
          <option value="denied">denied</option>
          <option value="error">error</option>
        </select>
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary">
          Apply filters
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => onApply({})}>
          Reset
        </button>
      </div>
      <p id={`${id}-tz`} className="help help-row">
        Dates are in your time zone ({timeZone}, {zoneLabel()}); the server stores and compares UTC.
      </p>
    </form>
  );
});

const AuditExport = memo(function AuditExport({ filters }: { filters: Filters }) {
  const { client } = useSession();
  const [busy, setBusy] = useState<string | undefined>();
  const [msg, setMsg] = useState<string | undefined>();
  const run = async (format: 'csv' | 'json') => {
    setBusy(format);
    setMsg(undefined);
    try {
      const r = await client.getRaw('/api/audit/export', { ...filters, format } as Query);
      saveBlob(r.blob, r.filename ?? `attest-audit-${new Date().toISOString().slice(0, 10)}.${format}`);
      setMsg(`Exported ${format.toUpperCase()}, ${nf.format(r.blob.size)} bytes.`);
    } catch (e) {
      setMsg(`Export failed: ${(e as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="export-bar" role="group" aria-label="Export the filtered records">
      <button type="button" className="btn btn-primary" onClick={() => void run('csv')} disabled={busy !== undefined}>
        {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
      </button>
      <button type="button" className="btn" onClick={() => void run('json')} disabled={busy !== undefined}>
        {busy === 'json' ? 'Exporting…' : 'Export JSON'}
      </button>
      <span className="small muted export-scope">
        {filters.from ? 'Records matching the filters.' : 'Records matching the filters, last 30 days (no start date set).'}
      </span>
      <span className="sr-only" role="status">
        {msg}
      </span>
    </div>
  );
});

interface Verification {
  ok: boolean;
  at: string;
  records?: number;
  firstBadSeq?: number;
  error?: string;
  running?: boolean;
  problems?: { seq: number; kind: string; message: string }[];
}

const ChainStatus = memo(function ChainStatus() {
  const { client } = useSession();
  const [cp, setCp] = useState<{ checkpoint: SignedCheckpoint; sig: Step; fingerprint: string } | undefined>();
  const [cpError, setCpError] = useState<string | undefined>();
  const [ver, setVer] = useState<Verification | undefined>();
  const [verError, setVerError] = useState<string | undefined>();
  const [verifying, setVerifying] = useState(false);

  const loadCheckpoint = useCallback(async () => {
    try {
      const c = await client.getJson<SignedCheckpoint>('/api/audit/checkpoints/latest');
      const [sig, fingerprint] = await Promise.all([verifyCheckpoint(c), keyFingerprint(c.publicKey).catch(() => '')]);
      setCp({ checkpoint: c, sig, fingerprint });
      setCpError(undefined);
    } catch (e) {
      setCpError((e as Error).message);
    }
  }, [client]);

  useEffect(() => {
    void loadCheckpoint();
    client
      .getJson<Verification>('/api/audit/verification')
      .then(setVer)
      .catch((e: ApiError) => setVerError(e.status === 404 ? undefined : e.message));
  }, [client, loadCheckpoint]);

  const verifyNow = async () => {
    setVerifying(true);
    try {
      setVer(await client.getJson<Verification>('/api/audit/verify'));
      setVerError(undefined);
      await loadCheckpoint();
    } catch (e) {
      setVerError((e as Error).message);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <section className="card chain" aria-labelledby="chain-title">
      <h2 id="chain-title" className="chain-title">
        Ledger integrity
      </h2>
      <div className="chain-grid">
        <div className="chain-item" data-testid="chain-verification">
          <span className="chain-label">Last full verification</span>
          {ver && !ver.at ? (
            <span className="muted">{ver.running ? 'A verification is running…' : 'Not verified since the server started.'}</span>
          ) : ver ? (
            ver.ok ? (
              <span className="chain-ok">
                ✓ Intact{ver.records !== undefined ? ` · ${nf.format(ver.records)} records` : ''} · <time dateTime={ver.at}>{localTimeWithZone(ver.at)}</time> ({age(ver.at)})
              </span>
            ) : (
              <span className="chain-bad">
                ✗ {ver.error ?? `Does not verify${ver.firstBadSeq ? ` from record #${ver.firstBadSeq}` : ''}`}
                {ver.problems?.[0] ? `: ${ver.problems[0].message}` : ''} · {ver.at ? localTimeWithZone(ver.at) : ''}
              </span>
            )
          ) : (
            <span className="muted">{verError ?? 'No verification result yet.'}</span>
          )}
          <button type="button" className="btn btn-small" onClick={() => void verifyNow()} disabled={verifying}>
            {verifying ? 'Verifying…' : 'Verify ledger now'}
          </button>
        </div>
        <div className="chain-item" data-testid="chain-checkpoint">
          <span className="chain-label">Latest signed checkpoint</span>
          {cp ? (
            <>
              <span>
                {nf.format(cp.checkpoint.size)} records · root <code title={cp.checkpoint.root}>{cp.checkpoint.root.slice(0, 16)}…</code> · signed{' '}
                <time dateTime={cp.checkpoint.time}>{localTimeWithZone(cp.checkpoint.time)}</time>
              </span>
              <span className={cp.sig.ok ? 'chain-ok small' : 'chain-bad small'}>
                {cp.sig.ok ? '✓ Ed25519 signature verified in this browser' : `✗ ${cp.sig.detail}`} · key {cp.checkpoint.keyId}
                {cp.fingerprint && (
                  <>
                    {' '}
                    · SPKI SHA-256 <code title={cp.fingerprint}>{cp.fingerprint.slice(0, 16)}…</code>
                  </>
                )}
              </span>
            </>
          ) : (
            <span className="muted">{cpError ?? 'Loading…'}</span>
          )}
        </div>
      </div>
    </section>
  );
});

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function RecordDrawer({ record: r, onClose }: { record: LedgerRecord; onClose(): void }) {
  const { client } = useSession();
  const [result, setResult] = useState<VerifyResult | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setResult(undefined);
    setError(undefined);
  }, [r.seq]);
  const verify = async () => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const proof = await client.getJson<InclusionProof>(`/api/audit/proofs/${r.seq}`);
      const latest = await client.getJson<SignedCheckpoint>('/api/audit/checkpoints/latest');
      // A checkpoint newer than the proof's (the ledger grew in between): ask again against it.
      const p = latest.size !== proof.checkpoint.size ? await client.getJson<InclusionProof>(`/api/audit/proofs/${r.seq}`) : proof;
      setResult(await verifyInclusion(r, p, latest));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer title={`Record #${r.seq}`} onClose={onClose} labelId="record-title">
      <dl className="kv detail">
        <Field label="Time (UTC, stored)">
          <code>{r.ts}</code>
        </Field>
        <Field label={`Time (${zoneLabel(new Date(r.ts))})`}>{localTime(r.ts)}</Field>
        <Field label="Actor">
          {r.actor.id} <span className="muted">({r.actor.type})</span>
          {r.actor.session_id && <div className="small muted">session {r.actor.session_id}</div>}
        </Field>
        <Field label="Action">
          <code>{r.action}</code>
        </Field>
        <Field label="Resource">{r.target ? `${r.target.type}${r.target.id ? `: ${r.target.id}` : ''}${r.target.name ? ` (${r.target.name})` : ''}` : '—'}</Field>
        <Field label="Outcome">
          <span className={`outcome outcome-${r.outcome}`}>{r.outcome}</span>
        </Field>
        {r.tenant && <Field label="Tenant">{r.tenant}</Field>}
        {r.reporter && (
          <Field label="Reported by">
            {r.reporter.id} <span className="muted">({r.reporter.type})</span>
          </Field>
        )}
        {r.request_id && (
          <Field label="Request id">
            <code>{r.request_id}</code>
          </Field>
        )}
        {r.ticket_id && <Field label="Ticket">{r.ticket_id}</Field>}
        {r.pii && r.pii.length > 0 && (
          <Field label="Personal data">
            <span className="small">
              Held outside the chain behind salted commitments ({r.pii.map((p) => p.fields.join(', ')).join('; ')}){r.erased?.length ? `; erased: ${r.erased.join(', ')}` : ''}.
            </span>
          </Field>
        )}
      </dl>
      <h3 className="sub-title">Metadata</h3>
      {r.metadata && Object.keys(r.metadata).length ? <pre className="json-block">{JSON.stringify(r.metadata, null, 2)}</pre> : <p className="muted small">None.</p>}
      <h3 className="sub-title">Integrity</h3>
      <dl className="kv detail">
        <Field label="Chain hash (HMAC-SHA256)">
          <code className="hash">{r.hash}</code>
        </Field>
        <Field label="Key id">
          <code>{r.kid}</code>
        </Field>
        <Field label="Nonce">
          <code className="hash">{r.nonce}</code>
        </Field>
      </dl>
      <div className="verify-box">
        <button type="button" className="btn btn-primary" onClick={() => void verify()} disabled={busy}>
          {busy ? 'Verifying…' : 'Verify inclusion'}
        </button>
        <p className="help">Fetches the RFC 9162 inclusion proof and the latest signed checkpoint, and checks both here, with Web Crypto.</p>
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <div className={`verify-result ${result.ok ? 'verify-ok' : 'verify-bad'}`} role="status" data-testid="verify-result">
            <p className="verify-verdict">{result.ok ? '✓ Included in the signed ledger' : '✗ Verification failed'}</p>
            <ol className="steps">
              {result.steps.map((s) => (
                <li key={s.label} className={s.ok ? 'step-ok' : 'step-bad'}>
                  <span aria-hidden="true">{s.ok ? '✓' : '✗'}</span> <strong>{s.label}</strong>
                  <span className="sr-only">{s.ok ? ' passed' : ' failed'}</span>
                  <div className="small muted step-detail">{s.detail}</div>
                </li>
              ))}
            </ol>
          </div>
        )}
      </div>
    </Drawer>
  );
}
