// The exceptions register's rows and forms, shared by the register page and the requirement
// view. Buttons appear only to those the server would allow — and the server decides anyway:
// approving needs compliance:approve and another person than the requester; requesting and
// revoking need compliance:write; reviewing needs compliance:approve.
import { useId, useState } from 'react';
import { localTimeWithZone, utcInDays } from '../../lib/format';
import { errorText, isMe, post, type DueItem, type ExceptionEntry } from '../../lib/compliance';
import { mayUseUnrestricted, PAGE_SCOPES, useSession } from '../../session';

const STATE_WORDS: Record<ExceptionEntry['state'], string> = { requested: 'Requested', approved: 'Approved', expired: 'Expired', revoked: 'Revoked' };

export function ExceptionState({ e }: { e: ExceptionEntry }) {
  return <span className={`xstate xstate-${e.state}`}>{STATE_WORDS[e.state]}</span>;
}

export function targetText(e: Pick<ExceptionEntry, 'target'>): string {
  return e.target.control ?? `${e.target.framework} ${e.target.requirement}`;
}

function who(by: { id: string } | undefined): string {
  return by ? by.id : '—';
}

/** The register's rows, with the actions the signed-in person may take on each. */
export function ExceptionTable({ entries, due, onChanged, caption }: { entries: ExceptionEntry[]; due?: DueItem[]; onChanged(): void; caption: string }) {
  const dueOf = new Map<string, DueItem[]>();
  for (const d of due ?? []) (dueOf.get(d.exceptionId) ?? dueOf.set(d.exceptionId, []).get(d.exceptionId)!).push(d);
  return (
    <div className="table-wrap">
      <table className="table exceptions-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Exception</th>
            <th scope="col">Target and scope</th>
            <th scope="col">Reason, risk, owner</th>
            <th scope="col">State</th>
            <th scope="col">Requested / approved</th>
            <th scope="col">Expires · next review</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <ExceptionRow key={e.exceptionId} e={e} due={dueOf.get(e.exceptionId) ?? []} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExceptionRow({ e, due, onChanged }: { e: ExceptionEntry; due: DueItem[]; onChanged(): void }) {
  const session = useSession();
  const { me } = session;
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | undefined>();
  const [text, setText] = useState('');
  const noteId = useId();
  const ledger = e.source === 'ledger';
  const mine = isMe(session, e.requestedBy);
  const canApprove = ledger && e.state === 'requested' && mayUseUnrestricted(me, PAGE_SCOPES.complianceApprove) && !mine;
  const canReview = ledger && e.state === 'approved' && mayUseUnrestricted(me, PAGE_SCOPES.complianceApprove);
  const canRevoke = ledger && e.state !== 'revoked' && mayUseUnrestricted(me, PAGE_SCOPES.complianceWrite);
  const act = async (what: 'approve' | 'review' | 'revoke') => {
    setBusy(true);
    setMsg(undefined);
    try {
      const body = what === 'revoke' ? { reason: text } : { note: text };
      await post(session, `/api/compliance/exceptions/${encodeURIComponent(e.exceptionId)}/${what}`, body);
      setMsg({ ok: true, text: what === 'approve' ? 'Approved.' : what === 'review' ? 'Review recorded.' : 'Revoked.' });
      setText('');
      onChanged();
    } catch (err) {
      setMsg({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  const any = canApprove || canReview || canRevoke;
  return (
    <tr data-exception={e.exceptionId} className={`xrow xrow-${e.state}`}>
      <th scope="row">
        <code>{ledger ? e.exceptionId : 'template suppression'}</code>
        {!ledger && (
          <div className="small muted">
            read-only{e.suppressionSource ? ` (${e.suppressionSource})` : ''}
            {e.location ? (
              <>
                {' '}
                at{' '}
                <code>
                  {e.location.file}:{e.location.line}
                </code>
              </>
            ) : null}
          </div>
        )}
      </th>
      <td>
        <code>{targetText(e)}</code>
        <div className="small muted">{e.scope.length ? e.scope.join(', ') : 'every resource'}</div>
      </td>
      <td>
        {e.reason}
        <div className="small muted">
          {e.risk ? `risk ${e.risk}` : 'no risk rating'}
          {e.owner ? ` · owner ${e.owner}` : ''}
          {e.compensatingControls.length ? ` · compensating: ${e.compensatingControls.join('; ')}` : ''}
        </div>
      </td>
      <td>
        <ExceptionState e={e} />
        {due.map((d) => (
          <div key={d.why} className={`small due${d.overdue ? ' due-overdue' : ''}`} data-due={d.why}>
            {d.why === 'review' ? `review ${d.overdue ? 'overdue since' : 'due'} ${d.date}` : d.why === 'expires' ? `expires ${d.date}` : `expired ${d.date}, still open`}
          </div>
        ))}
      </td>
      <td className="small">
        {e.requestedBy ? (
          <>
            {who(e.requestedBy)}
            {e.requestedAt && <div className="muted">{localTimeWithZone(e.requestedAt)}</div>}
          </>
        ) : (
          '—'
        )}
        {e.approval && (
          <div>
            approved by {who(e.approval.by)} <span className="muted">{localTimeWithZone(e.approval.at)}</span>
          </div>
        )}
        {e.revocation && (
          <div>
            revoked by {who(e.revocation.by)}: {e.revocation.reason}
          </div>
        )}
        {e.reviews.length > 0 && <div className="muted">{e.reviews.length} review{e.reviews.length === 1 ? '' : 's'}, last by {who(e.reviews[e.reviews.length - 1]!.by)}</div>}
      </td>
      <td className="small">
        {e.expires ?? 'no expiry'}
        {e.nextReviewDue && <div className="muted">review by {e.nextReviewDue}</div>}
      </td>
      <td className="small xactions">
        {ledger && e.state === 'requested' && mine && mayUseUnrestricted(me, PAGE_SCOPES.complianceApprove) && (
          <p className="muted" data-testid="own-request">You requested this exception; another person must approve it.</p>
        )}
        {any && (
          <div className="xact-form">
            <label htmlFor={noteId} className="sr-only">
              {canRevoke && !canApprove && !canReview ? 'Reason' : 'Note or reason'}
            </label>
            <input id={noteId} type="text" placeholder={canRevoke && !canApprove && !canReview ? 'Reason' : 'Note (revocation: reason)'} value={text} onChange={(ev) => setText(ev.target.value)} />
            <span className="xact-buttons">
              {canApprove && (
                <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void act('approve')}>
                  Approve
                </button>
              )}
              {canReview && (
                <button type="button" className="btn btn-small" disabled={busy || !text.trim()} onClick={() => void act('review')}>
                  Record review
                </button>
              )}
              {canRevoke && (
                <button type="button" className="btn btn-small" disabled={busy || !text.trim()} onClick={() => void act('revoke')}>
                  Revoke
                </button>
              )}
            </span>
          </div>
        )}
        {msg && (
          <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'ok-text' : 't-fail'}>
            {msg.text}
          </p>
        )}
      </td>
    </tr>
  );
}

const lines = (s: string) => s.split(/[\n,]/).map((x) => x.trim()).filter(Boolean);

/**
 * Requests an exception. `targets` are what it may be for (the requirement itself, or one of
 * its controls); on the register page the target is typed in.
 */
export function RequestExceptionForm({ targets, onDone }: { targets?: { label: string; value: ExceptionEntry['target'] }[]; onDone(e: ExceptionEntry): void }) {
  const session = useSession();
  const id = useId();
  const [target, setTarget] = useState(0);
  const [control, setControl] = useState('');
  const [framework, setFramework] = useState('');
  const [requirement, setRequirement] = useState('');
  const [scope, setScope] = useState('');
  const [reason, setReason] = useState('');
  const [risk, setRisk] = useState('medium');
  const [compensating, setCompensating] = useState('');
  const [owner, setOwner] = useState('');
  const [expires, setExpires] = useState(utcInDays(90));
  const [review, setReview] = useState('90');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | undefined>();
  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setMsg(undefined);
    const t = targets ? targets[target]!.value : control.trim() ? { control: control.trim() } : { framework: framework.trim(), requirement: requirement.trim() };
    try {
      const e = await post<ExceptionEntry>(session, '/api/compliance/exceptions', {
        target: t,
        scope: lines(scope),
        reason,
        risk,
        compensatingControls: lines(compensating),
        owner,
        expires,
        reviewEveryDays: Number(review),
      });
      setMsg({ ok: true, text: `Requested ${e.exceptionId}; it excepts nothing until another person approves it.` });
      setReason('');
      onDone(e);
    } catch (err) {
      setMsg({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form-card" aria-labelledby={`${id}-title`} onSubmit={(ev) => void submit(ev)} data-testid="exception-form">
      <h2 id={`${id}-title`}>Request an exception</h2>
      <p className="small muted">You are recorded as the requester. Another person with the approver role must approve it before it excepts anything; it stops on its expiry date.</p>
      <div className="form-grid">
        {targets ? (
          <div className="field">
            <label htmlFor={`${id}-target`}>For</label>
            <select id={`${id}-target`} value={target} onChange={(ev) => setTarget(Number(ev.target.value))}>
              {targets.map((t, i) => (
                <option key={i} value={i}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-control`}>Control</label>
              <input id={`${id}-control`} value={control} onChange={(ev) => setControl(ev.target.value)} placeholder="AT-SG-005" />
            </div>
            <div className="field">
              <label htmlFor={`${id}-fw`}>or framework</label>
              <input id={`${id}-fw`} value={framework} onChange={(ev) => setFramework(ev.target.value)} disabled={!!control.trim()} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-req`}>and requirement</label>
              <input id={`${id}-req`} value={requirement} onChange={(ev) => setRequirement(ev.target.value)} disabled={!!control.trim()} />
            </div>
          </>
        )}
        <div className="field field-grow">
          <label htmlFor={`${id}-scope`}>Resources (logical id or file#LogicalId; empty: all)</label>
          <input id={`${id}-scope`} value={scope} onChange={(ev) => setScope(ev.target.value)} placeholder="DbSecurityGroup, infra/app.yaml#Bucket" />
        </div>
        <div className="field field-grow field-wide">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <textarea id={`${id}-reason`} value={reason} onChange={(ev) => setReason(ev.target.value)} required rows={2} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-risk`}>Risk</label>
          <select id={`${id}-risk`} value={risk} onChange={(ev) => setRisk(ev.target.value)}>
            {['low', 'medium', 'high', 'critical'].map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-comp`}>Compensating controls (one per line or comma)</label>
          <input id={`${id}-comp`} value={compensating} onChange={(ev) => setCompensating(ev.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-owner`}>Risk owner</label>
          <input id={`${id}-owner`} value={owner} onChange={(ev) => setOwner(ev.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-expires`}>Expires (last day, UTC)</label>
          <input id={`${id}-expires`} type="date" value={expires} onChange={(ev) => setExpires(ev.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-review`}>Review every (days)</label>
          <input id={`${id}-review`} type="number" min={1} max={366} value={review} onChange={(ev) => setReview(ev.target.value)} />
        </div>
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Requesting…' : 'Request exception'}
        </button>
      </div>
      {msg && (
        <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'alert alert-info' : 'alert alert-error'}>
          {msg.text}
        </p>
      )}
    </form>
  );
}
