// Attest's own data-subject requests: subject access (every ledger record about a subject,
// with its personal data) and erasure. The server records each request; this page says so,
// and names the records, so whoever answers the request can cite them.
import { Fragment, useId, useRef, useState } from 'react';
import { ApiError, saveBlob } from '../lib/api';
import { localTime, nf } from '../lib/format';
import type { LedgerRecord } from '../lib/types';
import { isRestricted, restrictedText, useSession } from '../session';
import { Spinner } from '../components/ui';

interface AccessPage {
  records: LedgerRecord[];
  nextCursor?: string;
  accessRecord: number;
}

interface Lookup {
  subject: string;
  records: LedgerRecord[];
  nextCursor?: string;
  /** The privacy.subject.access records of the pages read so far. */
  accessRecords: number[];
}

interface Erased {
  outcome: 'erased';
  erased: number;
  requestRecord: number;
  erasureRecord: number;
  subjectPseudonym: string;
  message: string;
}

type EraseState =
  | { step: 'form' }
  | { step: 'confirm' }
  | { step: 'running' }
  | { step: 'done'; result: Erased; subject: string }
  | { step: 'failed'; message: string; requestRecord?: number };

/** A server refusal as a sentence, with the field it names. */
function explain(e: unknown): string {
  if (e instanceof ApiError) {
    const field = e.body?.field && !e.body.message.startsWith(`${e.body.field}:`) ? ` (field: ${e.body.field})` : '';
    return `${e.body?.message ?? e.message}${field}`;
  }
  return (e as Error).message;
}

export function PrivacyPage() {
  const { me } = useSession();
  // The subject erased last: a lookup of it shown above was read before the erasure.
  const [erased, setErased] = useState<string | undefined>();
  return (
    <section className="page" aria-labelledby="privacy-title">
      <div className="page-head">
        <div>
          <h1 id="privacy-title" tabIndex={-1}>
            Privacy requests
          </h1>
          <p className="muted page-sub">
            Subject access and erasure for the personal data Attest's audit trail holds (names, e-mail and IP addresses, user agents). Every lookup and every erasure request is itself recorded in the audit trail, naming the subject by a keyed pseudonym.
          </p>
        </div>
      </div>
      {isRestricted(me) ? (
        // A subject's records span tenants: the server refuses both requests to a bound principal.
        <p className="alert alert-info" role="alert" data-testid="restricted">
          {restrictedText(me)} Subject access and erasure reach a subject's records in every tenant.
        </p>
      ) : (
        <>
          <SubjectAccess erased={erased} />
          <Erasure onErased={setErased} />
        </>
      )}
    </section>
  );
}

function SubjectAccess({ erased }: { erased?: string | undefined }) {
  const { client } = useSession();
  const id = useId();
  const [subject, setSubject] = useState('');
  const [lookup, setLookup] = useState<Lookup | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const [readAt, setReadAt] = useState<{ subject: string; erased?: string | undefined }>();
  const read = async (s: string, before?: Lookup) => {
    setReadAt({ subject: s, erased });
    setBusy(true);
    setError(undefined);
    try {
      const page = await client.postJson<AccessPage>('/api/privacy/subject-access', { subject: s, limit: 100, ...(before?.nextCursor ? { cursor: before.nextCursor } : {}) });
      setLookup({
        subject: s,
        records: [...(before?.records ?? []), ...page.records],
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        accessRecords: [...(before?.accessRecords ?? []), page.accessRecord],
      });
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2 className="section-title">Subject access</h2>
      <form
        className="filters card"
        aria-label="Look up a subject's records"
        onSubmit={(e) => {
          e.preventDefault();
          const s = subject.trim();
          if (!s) {
            setError('Enter the subject identifier to look up.');
            return;
          }
          void read(s);
        }}
      >
        <div className="field field-grow">
          <label htmlFor={`${id}-subject`}>Subject identifier</label>
          <input id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)} autoComplete="off" spellCheck={false} aria-describedby={`${id}-help`} />
          <p id={`${id}-help`} className="help">
            As the ledger holds it: an actor id (for example a user pool subject) or the subject of a record's personal data.
          </p>
        </div>
        <div className="field-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Look up records
          </button>
        </div>
      </form>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {busy && <Spinner label="Reading the subject's records…" />}
      {lookup && erased === lookup.subject && readAt?.erased !== erased && (
        <p className="alert alert-info" role="status">
          These records were read before the erasure below; look them up again to see what remains.
        </p>
      )}
      {lookup && (
        <div className="card" data-testid="subject-records">
          <p role="status">
            {nf.format(lookup.records.length)} record{lookup.records.length === 1 ? '' : 's'} about <code>{lookup.subject}</code>
            {lookup.nextCursor ? ' so far' : ''}. {lookup.accessRecords.length === 1 ? 'This lookup is' : 'These lookups are'} recorded in the audit trail as record{lookup.accessRecords.length === 1 ? '' : 's'}{' '}
            <span data-testid="access-records">{lookup.accessRecords.join(', ')}</span>.
          </p>
          {lookup.records.length > 0 && (
            <div className="table-wrap">
              <table className="table">
                <caption className="sr-only">Records about {lookup.subject}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Seq
                    </th>
                    <th scope="col">Time</th>
                    <th scope="col">Action</th>
                    <th scope="col">Actor</th>
                    <th scope="col">Personal data</th>
                  </tr>
                </thead>
                <tbody>
                  {lookup.records.map((r) => (
                    <tr key={r.seq}>
                      <td className="num">{r.seq}</td>
                      <td>{localTime(r.ts)}</td>
                      <td>
                        <code>{r.action}</code>
                      </td>
                      <td>
                        <code>{r.actor.id}</code>
                      </td>
                      <td>
                        {r.personal && (
                          <dl className="kv">
                            {Object.entries(r.personal).map(([k, v]) => (
                              <Fragment key={k}>
                                <dt>{k}</dt>
                                <dd>{v}</dd>
                              </Fragment>
                            ))}
                          </dl>
                        )}
                        {r.erased && r.erased.length > 0 && <p className="small muted">Erased: {r.erased.join(', ')}</p>}
                        {!r.personal && !r.erased?.length && <span className="muted">none</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="field-actions">
            {lookup.nextCursor && (
              <button type="button" className="btn" disabled={busy} onClick={() => void read(lookup.subject, lookup)}>
                Load more
              </button>
            )}
            <button
              type="button"
              className="btn"
              disabled={lookup.records.length === 0}
              onClick={() => saveBlob(new Blob([JSON.stringify({ subject: lookup.subject, complete: !lookup.nextCursor, records: lookup.records }, null, 2)], { type: 'application/json' }), 'subject-access.json')}
            >
              Download JSON
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function Erasure({ onErased }: { onErased: (subject: string) => void }) {
  const { client } = useSession();
  const id = useId();
  const [subject, setSubject] = useState('');
  const [reason, setReason] = useState('');
  const [ticket, setTicket] = useState('');
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<EraseState>({ step: 'form' });
  const [formError, setFormError] = useState<string | undefined>();
  const confirmRef = useRef<HTMLInputElement>(null);

  const erase = async () => {
    setState({ step: 'running' });
    try {
      const result = await client.postJson<Erased>('/api/privacy/erasures', { subject: subject.trim(), reason: reason.trim(), ...(ticket.trim() ? { ticket: ticket.trim() } : {}) });
      setState({ step: 'done', result, subject: subject.trim() });
      onErased(subject.trim());
    } catch (e) {
      const rec = e instanceof ApiError ? e.body?.requestRecord : undefined;
      setState({ step: 'failed', message: explain(e), ...(rec !== undefined ? { requestRecord: rec } : {}) });
    }
  };

  const editing = state.step === 'form' || state.step === 'failed' || state.step === 'done';
  return (
    <>
      <h2 className="section-title">Erasure</h2>
      <form
        className="card erase-form"
        aria-label="Request erasure"
        onSubmit={(e) => {
          e.preventDefault();
          if (!subject.trim()) return setFormError('Enter the subject identifier to erase.');
          if (!reason.trim()) return setFormError('Give the reason: it is recorded with the request.');
          setFormError(undefined);
          setTyped('');
          setState({ step: 'confirm' });
          setTimeout(() => confirmRef.current?.focus(), 0);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-subject`}>Subject to erase</label>
          <input id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)} disabled={!editing} autoComplete="off" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} disabled={!editing} rows={2} maxLength={1000} aria-describedby={`${id}-reason-help`} />
          <p id={`${id}-reason-help`} className="help">
            Recorded in clear with the request, so do not name the subject in it (the server refuses a reason that contains the identifier).
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-ticket`}>Ticket (optional)</label>
          <input id={`${id}-ticket`} value={ticket} onChange={(e) => setTicket(e.target.value)} disabled={!editing} maxLength={256} />
        </div>
        <p className="help">
          Erasure deletes the subject's personal data from the ledger database; the records stay, and the ledger still verifies. Archive files and backups are not changed: erase archives with <code>attest ledger erase-subject --archive FILE</code>.
        </p>
        {formError && (
          <p className="alert alert-error" role="alert">
            {formError}
          </p>
        )}
        {editing && (
          <div className="field-actions">
            <button type="submit" className="btn btn-primary">
              Request erasure…
            </button>
          </div>
        )}
      </form>
      {(state.step === 'confirm' || state.step === 'running') && (
        <div className="card alert-error" role="region" aria-labelledby={`${id}-confirm-title`} aria-describedby={`${id}-confirm-text`}>
          <h3 id={`${id}-confirm-title`}>Erase the personal data of {subject.trim()}?</h3>
          <p id={`${id}-confirm-text`}>This cannot be undone. Type the subject identifier to confirm.</p>
          <div className="field">
            <label htmlFor={`${id}-confirm`}>Subject identifier, again</label>
            <input id={`${id}-confirm`} ref={confirmRef} value={typed} onChange={(e) => setTyped(e.target.value)} disabled={state.step === 'running'} autoComplete="off" spellCheck={false} />
          </div>
          <div className="field-actions">
            <button type="button" className="btn btn-primary" disabled={typed.trim() !== subject.trim() || state.step === 'running'} onClick={() => void erase()}>
              Erase personal data
            </button>
            <button type="button" className="btn btn-ghost" disabled={state.step === 'running'} onClick={() => setState({ step: 'form' })}>
              Cancel
            </button>
          </div>
          {state.step === 'running' && <Spinner label="Erasing…" />}
        </div>
      )}
      {state.step === 'done' && (
        <div className="alert alert-info" role="status" data-testid="erase-outcome">
          <p>
            <strong>Erased.</strong> {state.result.message}
          </p>
          <p className="small">
            Request record {state.result.requestRecord}, erasure record {state.result.erasureRecord}; the subject is named in both by the pseudonym <code>{state.result.subjectPseudonym.slice(0, 16)}…</code>
          </p>
        </div>
      )}
      {state.step === 'failed' && (
        <div className="alert alert-error" role="alert" data-testid="erase-outcome">
          <p>
            <strong>Not erased.</strong> {state.message}
          </p>
          {state.requestRecord !== undefined && <p className="small">The request and its refusal are recorded (request record {state.requestRecord}).</p>}
        </div>
      )}
    </>
  );
}
