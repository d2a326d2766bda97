// Alerts raised over the audit trail: the security officer acknowledges and resolves them
// (each action is a ledger record under their name); an auditor reads them. Deliveries that
// failed every try (dead letters) are shown on the alert, by channel name.
import { Fragment, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../lib/api';
import { localTime, nf, plural } from '../lib/format';
import type { AlertList, AlertView } from '../lib/alerts';
import { hasScope, PAGE_SCOPES, useSession } from '../session';
import { Chevron, Spinner } from '../components/ui';

const RESOLUTIONS = ['true-positive', 'false-positive', 'benign', 'duplicate'] as const;
const STATES = ['open', 'acknowledged', 'resolved'] as const;
const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** A labelled select of fixed options; `any` adds a first option with the empty value (no filter). */
function Choice({ label, value, onChange, options, any }: { label: string; value: string; onChange: (v: string) => void; options: readonly string[]; any?: string }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function explain(e: unknown): string {
  return e instanceof ApiError ? (e.body?.message ?? e.message) : (e as Error).message;
}

export function AlertsPage({ version }: { version: number }) {
  const { client, me } = useSession();
  const mayAct = hasScope(me, PAGE_SCOPES.alertsWrite);
  const [state, setState] = useState('open');
  const [severity, setSeverity] = useState('');
  const [list, setList] = useState<AlertList | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [open, setOpen] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      setList(await client.getJson<AlertList>('/api/alerts', { state, severity }));
      setError(undefined);
    } catch (e) {
      setError(explain(e));
    }
  }, [client, state, severity]);
  useEffect(() => {
    void load();
  }, [load, version]);

  return (
    <section className="page" aria-labelledby="alerts-title">
      <div className="page-head">
        <div>
          <h1 id="alerts-title" tabIndex={-1}>
            Alerts
          </h1>
          <p className="muted">Raised by detection over the audit trail; live. {mayAct ? 'Acknowledge an alert when you take it; resolve it with what it turned out to be.' : 'You can read alerts; working them needs alerts:write (security-officer).'}</p>
        </div>
      </div>
      <form className="filters" aria-label="Alert filters" onSubmit={(e) => e.preventDefault()}>
        <Choice label="State" value={state} onChange={setState} options={STATES} any="all" />{' '}
        <Choice label="Severity" value={severity} onChange={setSeverity} options={SEVERITIES} any="all" />
      </form>
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      {!list && !error && <Spinner label="Loading alerts" />}
      {list && (
        <>
          <p data-testid="alerts-count">
            {plural(list.total, 'alert')} match; {nf.format(list.openCount)} open in all.
          </p>
          <table className="table" aria-label="Alerts">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Alert</th>
                <th scope="col">Subject</th>
                <th scope="col">State</th>
                <th scope="col">Raised</th>
                <th scope="col">Delivery</th>
              </tr>
            </thead>
            <tbody>
              {list.alerts.map((a) => (
                <Fragment key={a.alertId}>
                  <tr data-alert-id={a.alertId}>
                    <td>
                      <span className={`sev sev-${a.severity}`}>{a.severity}</span>
                    </td>
                    <td>
                      <button type="button" className="btn btn-link" aria-expanded={open === a.alertId} onClick={() => setOpen(open === a.alertId ? undefined : a.alertId)}>
                        <Chevron open={open === a.alertId} /> {a.title}
                      </button>
                    </td>
                    <td>
                      <code>{a.subject}</code>
                    </td>
                    <td data-testid="alert-state">{a.state}</td>
                    <td>{localTime(a.raisedAt)}</td>
                    <td>{a.deliveryFailures.length ? <span className="alert-error" data-testid="dead-letters">{plural(a.deliveryFailures.length, 'failed delivery', 'failed deliveries')}</span> : 'ok'}</td>
                  </tr>
                  {open === a.alertId && (
                    <tr>
                      <td colSpan={6}>
                        <AlertDetail alert={a} mayAct={mayAct} onChanged={load} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
          {list.alerts.length === 0 && <p>No alert matches.</p>}
        </>
      )}
    </section>
  );
}

function AlertDetail({ alert: a, mayAct, onChanged }: { alert: AlertView; mayAct: boolean; onChanged: () => Promise<void> }) {
  const { client } = useSession();
  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState<(typeof RESOLUTIONS)[number]>('true-positive');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const act = async (what: 'acknowledge' | 'resolve') => {
    setBusy(true);
    setError(undefined);
    try {
      await client.postJson(`/api/alerts/${encodeURIComponent(a.alertId)}/${what}`, what === 'resolve' ? { resolution, ...(note ? { note } : {}) } : note ? { note } : {});
      setNote('');
      await onChanged();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="alert-detail" data-testid="alert-detail">
      <p>
        Score {a.score}; window {localTime(a.windowStart)} to {localTime(a.windowEnd)}; ledger record {a.raisedSeq}.
      </p>
      <ul aria-label="Signals">
        {a.signals.map((s, i) => (
          <li key={i}>
            <code>{s.rule}</code>: {s.summary} {s.evidenceSeqs.length > 0 && <span className="muted">(evidence records {s.evidenceSeqs.join(', ')})</span>}
          </li>
        ))}
      </ul>
      {a.acknowledged && (
        <p data-testid="acknowledged-by">
          Acknowledged by <code>{a.acknowledged.by}</code> at {localTime(a.acknowledged.at)} (record {a.acknowledged.seq}){a.acknowledged.note ? `: ${a.acknowledged.note}` : ''}
        </p>
      )}
      {a.resolved && (
        <p data-testid="resolved-by">
          Resolved as {a.resolved.resolution} by <code>{a.resolved.by}</code> at {localTime(a.resolved.at)} (record {a.resolved.seq}){a.resolved.note ? `: ${a.resolved.note}` : ''}
        </p>
      )}
      {a.deliveryFailures.length > 0 && (
        <div>
          <h3>Failed deliveries (dead letters)</h3>
          <ul aria-label="Failed deliveries">
            {a.deliveryFailures.map((f) => (
              <li key={f.seq}>
                Channel <strong>{f.channel}</strong>: gave up after {plural(f.attempts, 'try', 'tries')} at {localTime(f.at)} — {f.error} (record {f.seq})
              </li>
            ))}
          </ul>
        </div>
      )}
      {mayAct && a.state !== 'resolved' && (
        <div className="form-row">
          <label>
            Note{' '}
            <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </label>{' '}
          {a.state === 'open' && (
            <button type="button" className="btn" disabled={busy} onClick={() => void act('acknowledge')}>
              Acknowledge
            </button>
          )}{' '}
          <Choice label="Resolution" value={resolution} onChange={(v) => setResolution(v as (typeof RESOLUTIONS)[number])} options={RESOLUTIONS} />{' '}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act('resolve')}>
            Resolve
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
    </div>
  );
}
