// One requirement: its status and the reasons, the automated findings (file:line, linking
// into the report), every attestation (who, when, SHA-256, valid until, files to download),
// the exceptions bearing on it, and — for those allowed — the forms to attest and to request
// an exception.
import { useId, useRef, useState } from 'react';
import { saveBlob } from '../../lib/api';
import { localTimeWithZone, nf, utcInDays } from '../../lib/format';
import { linkClick } from '../../lib/router';
import { checklistHref, errorText, post, type Attestation, type ExceptionEntry, type Part, type RequirementDoc } from '../../lib/compliance';
import { hasScope, isRestricted, mayUseUnrestricted, PAGE_SCOPES, restrictedText, useSession } from '../../session';
import { Spinner, StatusBadge } from '../../components/ui';
import { Breadcrumbs, LoadError, ReqStatusBadge, SelfAssessed, useDoc } from './common';
import { ExceptionTable, RequestExceptionForm } from './exceptions-ui';

const PART_TITLE = { controls: 'Configuration', service: "Attest's own service", manual: 'Attested evidence' } as const;
/** How long a not-applicable attestation of a requirement without manual evidence may last (the server's bound). */
const NOT_APPLICABLE_VALIDITY_DAYS = 365;
type AttestKind = 'evidence' | 'not-applicable';
const PART_STATUS: Record<Part['status'], string> = { met: 'met', not_met: 'not met', unknown: 'unknown', excepted: 'excepted', no_evidence: 'nothing in scope', not_started: 'not started', expired: 'expired' };

export function RequirementPage({ fw, rid }: { fw: string; rid: string }) {
  const session = useSession();
  const { me } = session;
  const { doc, error, reload } = useDoc<RequirementDoc>(`/api/compliance/frameworks/${encodeURIComponent(fw)}/requirements/${encodeURIComponent(rid)}`);
  const r = doc?.requirement;
  const canWrite = mayUseUnrestricted(me, PAGE_SCOPES.complianceWrite);
  const restricted = isRestricted(me) && (hasScope(me, PAGE_SCOPES.complianceWrite) || hasScope(me, PAGE_SCOPES.complianceApprove));
  const attesters = r?.manual?.attesters ?? [];
  const canAttest = canWrite && attesters.some((a) => me.roles.includes(a));
  // A requirement decided by configuration takes no evidence, but anyone who writes compliance
  // records may say, with a reason, that it does not apply here (the server checks the same).
  const hasRule = (r?.parts.length ?? 0) > 0;
  const mayAttest = hasRule && (r?.manual ? canAttest : canWrite);
  const exceptions = (r?.exceptions ?? []).filter((e): e is ExceptionEntry => typeof e !== 'string');
  const controls = [...new Set((r?.parts ?? []).flatMap((p) => (p.kind === 'controls' ? p.controls ?? [] : [])))];

  return (
    <section className="page page-wide" aria-labelledby="req-title" aria-busy={!doc}>
      <Breadcrumbs items={[{ href: '/compliance', label: 'Compliance' }, { href: checklistHref(fw), label: doc?.framework.name ?? fw }, { label: rid }]} />
      <div className="page-head">
        <div>
          <h1 id="req-title" tabIndex={-1}>
            <code>{rid}</code> {r?.title ?? ''}
          </h1>
          {r && (
            <p className="muted page-sub">
              {doc!.framework.name} {doc!.framework.version} · {r.section}
              {r.category ? ` · ${r.category}` : ''}
              {r.obligation ? ` · ${r.obligation}` : ''}
            </p>
          )}
        </div>
        {r && <ReqStatusBadge status={r.status} symbol={r.symbol} />}
      </div>
      <SelfAssessed text={doc?.disclaimer} />
      {error && <LoadError error={error} what="The requirement" />}
      {!doc && !error && (
        <div className="card placeholder">
          <Spinner label="Assessing…" />
        </div>
      )}
      {doc && r && (
        <>
          <div className="card req-why">
            {r.summary && <p className="req-summary">{r.summary}</p>}
            <h2>Why it is {r.status.replace(/_/g, ' ')}</h2>
            <ul className="reasons" data-testid="reasons">
              {r.reasons.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </ul>
            <p className="small muted">
              Assessed <time dateTime={doc.assessedAt}>{localTimeWithZone(doc.assessedAt)}</time>.
            </p>
          </div>
          {r.parts.filter((p) => p.kind !== 'manual').map((p) => (
            <FindingsPart key={p.kind} part={p} shown={doc.findingsShown} />
          ))}
          {r.manual && (
            <section className="card" aria-labelledby="manual-title">
              <h2 id="manual-title">Attested evidence</h2>
              <dl className="kv">
                <dt>What to attach</dt>
                <dd>{r.manual.attach}</dd>
                <dt>Who may attest</dt>
                <dd>{r.manual.attesters.join(', ')}</dd>
                <dt>Valid for</dt>
                <dd>{r.manual.validityDays} days from the attestation</dd>
              </dl>
              {r.parts
                .filter((p) => p.kind === 'manual')
                .map((p) => (
                  <p key="m" className="small">
                    Now: <strong>{PART_STATUS[p.status]}</strong>
                  </p>
                ))}
            </section>
          )}
          <section className="card" aria-labelledby="att-title">
            <h2 id="att-title">Attestations</h2>
            {doc.attestations.length === 0 ? <p className="muted">None recorded.</p> : <AttestationTable list={doc.attestations} canRevoke={mayAttest} onChanged={() => void reload()} />}
          </section>
          {mayAttest && (
            <AttestForm
              key={r.id}
              fw={doc.framework.id}
              rid={r.id}
              kinds={r.manual ? ['evidence', 'not-applicable'] : ['not-applicable']}
              validityDays={r.manual?.validityDays ?? NOT_APPLICABLE_VALIDITY_DAYS}
              onDone={() => void reload()}
            />
          )}
          {canWrite && r.manual && !canAttest && (
            <p className="alert alert-info" data-testid="not-attester">
              Attesting {r.id} takes the role {attesters.join(' or ')}; you hold {me.roles.join(', ') || 'no role'}.
            </p>
          )}
          {restricted && (
            <p className="alert alert-info" data-testid="restricted">
              {restrictedText(me)}
            </p>
          )}
          <section className="card" aria-labelledby="exc-title">
            <h2 id="exc-title">Exceptions</h2>
            {exceptions.length === 0 ? <p className="muted">No exception bears on this requirement.</p> : <ExceptionTable entries={exceptions} caption="Exceptions bearing on this requirement" onChanged={() => void reload()} />}
          </section>
          {canWrite && (
            <RequestExceptionForm
              targets={[
                { label: `This requirement (${r.id})`, value: { framework: doc.framework.id, requirement: r.id } },
                ...controls.map((c) => ({ label: `Control ${c}`, value: { control: c } })),
              ]}
              onDone={() => void reload()}
            />
          )}
        </>
      )}
    </section>
  );
}

function FindingsPart({ part, shown }: { part: Part; shown: boolean }) {
  return (
    <section className="card" aria-label={PART_TITLE[part.kind]} data-part={part.kind}>
      <h2>
        {PART_TITLE[part.kind]}: {PART_STATUS[part.status]}
      </h2>
      <p className="small muted">Controls: {(part.controls ?? []).map((c, i) => <span key={c}>{i ? ', ' : ''}<code>{c}</code></span>)} (all must pass)</p>
      {!shown ? (
        <p className="small" data-testid="part-counts">
          {part.reasons[0]}
        </p>
      ) : (
        (part.findings ?? []).map((c) => (
          <div key={c.controlId} className="part-control">
            <h3>
              {c.domain ? (
                <a href={`/report/${c.domain}/${encodeURIComponent(c.controlId)}`} onClick={linkClick}>
                  {c.controlId}
                </a>
              ) : (
                c.controlId
              )}
            </h3>
            {c.findings.length === 0 ? (
              <p className="small muted">No resource in scope.</p>
            ) : (
              <ul className="findings">
                {c.findings.map((f, i) => (
                  <li key={i} className={`finding finding-${f.status}`} data-finding={f.status}>
                    <div className="finding-head">
                      <StatusBadge status={f.status} /> <strong>{f.resource.id}</strong> <span className="rtype">{f.resource.type}</span>
                      {c.domain ? (
                        <a className="floc" href={`/report/${c.domain}/${encodeURIComponent(c.controlId)}`} onClick={linkClick} data-testid="finding-location">
                          <code>
                            {f.location.file}:{f.location.line}
                          </code>
                        </a>
                      ) : (
                        <code className="floc">
                          {f.location.file}:{f.location.line}
                        </code>
                      )}
                    </div>
                    <p className="fmsg">{f.message}</p>
                    {f.exceptedBy && <p className="small suppression">Excepted by {f.exceptedBy}</p>}
                  </li>
                ))}
              </ul>
            )}
            {c.more ? <p className="small muted">…and {nf.format(c.more)} more findings (see the report).</p> : null}
          </div>
        ))
      )}
      {shown && part.reasons.length > 0 && (
        <details className="small">
          <summary>Reasons in full</summary>
          <ul>
            {part.reasons.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function AttestationTable({ list, canRevoke, onChanged }: { list: Attestation[]; canRevoke: boolean; onChanged(): void }) {
  const session = useSession();
  const [msg, setMsg] = useState<string | undefined>();
  // The server serves evidence files only with security:read as well (a viewer reads statuses).
  const mayDownload = hasScope(session.me, 'security:read');
  const download = async (sha: string, name: string) => {
    setMsg(undefined);
    try {
      const r = await session.client.getRaw(`/api/compliance/evidence-files/${sha}`, { name });
      saveBlob(r.blob, r.filename ?? name);
      setMsg(`Downloaded ${name} (${nf.format(r.blob.size)} bytes).`);
    } catch (e) {
      setMsg(`Download failed: ${errorText(e)}`);
    }
  };
  return (
    <>
      <div className="table-wrap">
        <table className="table attestations-table">
          <caption className="sr-only">Attestations, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Statement</th>
              <th scope="col">By, when</th>
              <th scope="col">Valid until</th>
              <th scope="col">Files (SHA-256)</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.id} data-attestation={a.id} className={a.revoked ? 'revoked' : ''}>
                <th scope="row">
                  <code>#{a.id}</code>
                  <div className="small muted">{a.kind === 'not-applicable' ? 'not applicable' : 'evidence'}</div>
                  <div className="hash small" title="The ledger record's hash">
                    {a.recordHash.slice(0, 16)}…
                  </div>
                </th>
                <td>
                  {a.statement}
                  {a.links.length > 0 && (
                    <ul className="small">
                      {a.links.map((l) => (
                        <li key={l}>
                          <a href={l} rel="noopener noreferrer" target="_blank">
                            {l}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                  {a.revoked && (
                    <p className="small t-fail">
                      Revoked by {a.revoked.by.id} on {localTimeWithZone(a.revoked.at)}: {a.revoked.reason}
                    </p>
                  )}
                  {a.fileProblems?.map((p) => (
                    <p key={p} className="small t-fail">
                      {p}
                    </p>
                  ))}
                </td>
                <td className="small">
                  <span data-testid="attested-by">{a.attestedBy.id}</span>
                  {a.attestedBy.source === 'cli' ? ' (command line)' : ''}
                  <div className="muted">
                    <time dateTime={a.attestedAt}>{localTimeWithZone(a.attestedAt)}</time>
                  </div>
                </td>
                <td className="small">{a.validUntil}</td>
                <td className="small">
                  {a.files.length === 0
                    ? '—'
                    : a.files.map((f) => (
                        <div key={f.sha256} className="file-ref">
                          {mayDownload ? (
                            <button type="button" className="link-button" onClick={() => void download(f.sha256, f.name)} aria-label={`Download ${f.name}`}>
                              {f.name}
                            </button>
                          ) : (
                            <span title="Downloading evidence files needs security:read">{f.name}</span>
                          )}{' '}
                          <span className="muted">({nf.format(f.size)} bytes)</span>
                          <div className="hash" data-testid="file-sha256">
                            {f.sha256}
                          </div>
                        </div>
                      ))}
                </td>
                <td>{canRevoke && !a.revoked && <RevokeAttestation id={a.id} onDone={onChanged} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="sr-only" role="status">
        {msg}
      </p>
      {msg && <p className="small muted">{msg}</p>}
    </>
  );
}

function RevokeAttestation({ id, onDone }: { id: string; onDone(): void }) {
  const session = useSession();
  const inputId = useId();
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <div className="xact-form">
      <label htmlFor={inputId} className="sr-only">
        Reason for revoking #{id}
      </label>
      <input id={inputId} type="text" placeholder="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      <button
        type="button"
        className="btn btn-small"
        disabled={busy || !reason.trim()}
        onClick={async () => {
          setBusy(true);
          try {
            await post(session, `/api/compliance/attestations/${id}/revoke`, { reason });
            onDone();
          } catch (e) {
            setErr(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        Revoke
      </button>
      {err && (
        <p role="alert" className="small t-fail">
          {err}
        </p>
      )}
    </div>
  );
}

/** Uploads each file (content-addressed), then records the attestation naming their hashes. */
function AttestForm({ fw, rid, kinds, validityDays, onDone }: { fw: string; rid: string; kinds: AttestKind[]; validityDays: number; onDone(): void }) {
  const session = useSession();
  const id = useId();
  const files = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<AttestKind>(kinds[0]!);
  const na = kind === 'not-applicable';
  const [statement, setStatement] = useState('');
  const [links, setLinks] = useState('');
  const [validUntil, setValidUntil] = useState(utcInDays(validityDays));
  const [busy, setBusy] = useState<string | undefined>();
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | undefined>();
  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setMsg(undefined);
    try {
      const refs = [];
      for (const f of Array.from(files.current?.files ?? [])) {
        setBusy(`Uploading ${f.name}…`);
        const mediaType = f.type || 'application/octet-stream';
        const stored = await post<{ sha256: string; size: number; mediaType: string }>(session, '/api/compliance/evidence-files', f, { contentType: mediaType });
        refs.push({ name: f.name, sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType });
      }
      setBusy('Recording the attestation…');
      const a = await post<Attestation>(session, '/api/compliance/attestations', {
        framework: fw,
        requirement: rid,
        kind,
        statement,
        files: refs,
        links: links.split('\n').map((l) => l.trim()).filter(Boolean),
        ...(validUntil ? { validUntil } : {}),
      });
      setMsg({ ok: true, text: `${na ? 'Recorded as not applicable' : 'Attested'}: ledger record #${a.id}, valid until ${a.validUntil}.` });
      setStatement('');
      setLinks('');
      if (files.current) files.current.value = '';
      onDone();
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <form className="card form-card" aria-labelledby={`${id}-title`} onSubmit={(ev) => void submit(ev)} data-testid="attest-form">
      <h2 id={`${id}-title`}>{na ? `Record that ${rid} does not apply` : `Attest ${rid}`}</h2>
      <p className="small muted">
        You are recorded as the attester, with the server's time. The files are stored by their SHA-256, which the ledger record carries.
        {na && ' While the record is valid the requirement counts as not applicable: it leaves the score\'s denominator, so say why.'}
      </p>
      {kinds.length > 1 && (
        <fieldset className="field kind-choice">
          <legend>What you attest</legend>
          <label className="check">
            <input type="radio" name={`${id}-kind`} checked={!na} onChange={() => setKind('evidence')} /> It is met: the evidence
          </label>
          <label className="check">
            <input type="radio" name={`${id}-kind`} checked={na} onChange={() => setKind('not-applicable')} /> It does not apply here
          </label>
        </fieldset>
      )}
      <div className="form-grid">
        <div className="field field-grow field-wide">
          <label htmlFor={`${id}-statement`}>{na ? 'Why it does not apply' : 'Statement'}</label>
          <textarea id={`${id}-statement`} rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} required />
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-files`}>Evidence files</label>
          <input id={`${id}-files`} ref={files} type="file" multiple />
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-links`}>Links (https, one per line)</label>
          <textarea id={`${id}-links`} rows={2} value={links} onChange={(e) => setLinks(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-valid`}>Valid until (UTC)</label>
          <input id={`${id}-valid`} type="date" value={validUntil} max={utcInDays(validityDays)} onChange={(e) => setValidUntil(e.target.value)} />
        </div>
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={busy !== undefined}>
          {busy ?? (na ? 'Record as not applicable' : 'Attest')}
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
