// The auditor package on a framework's checklist: a signed report (PDF, JSON or OSCAL) or an evidence
// bundle, made by a background job on the server. The page creates the job, shows its phase
// and progress while it runs, and offers the file (and, for reports, its detached signature)
// when it is done (OSCAL: the results and the catalog they resolve against, each with its
// signature). The server decides who may: the buttons only mirror its scopes.
import { useEffect, useRef, useState } from 'react';
import { saveBlob } from '../../lib/api';
import { errorText } from '../../lib/compliance';
import { hasScope, isRestricted, useSession } from '../../session';

interface JobView {
  id: string;
  kind: 'report' | 'bundle';
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: { phase: string; fraction: number };
  error?: string;
  format: string;
  filename?: string;
  size?: number;
  sha256?: string;
  statusUrl: string;
  downloadUrl?: string;
  signatureUrl?: string;
  catalogUrl?: string;
  catalogSignatureUrl?: string;
}

type Kind = { label: string; url: string; body: Record<string, unknown>; scope: string };

const nf = new Intl.NumberFormat();

export function AuditorPackage({ fw }: { fw: string }) {
  const session = useSession();
  const [job, setJob] = useState<JobView | undefined>();
  const [msg, setMsg] = useState<string | undefined>();
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const kinds: Kind[] = [
    { label: 'Download report (PDF)', url: '/api/compliance/reports', body: { framework: fw, format: 'pdf' }, scope: 'audit:read' },
    { label: 'Download report (JSON)', url: '/api/compliance/reports', body: { framework: fw, format: 'json' }, scope: 'audit:read' },
    { label: 'Download report (OSCAL)', url: '/api/compliance/reports', body: { framework: fw, format: 'oscal' }, scope: 'audit:read' },
    { label: 'Create evidence bundle', url: '/api/compliance/bundles', body: { framework: fw, since: '90d' }, scope: 'audit:export' },
  ];
  const me = session.me;
  const allowed = (k: Kind) => hasScope(me, k.scope) && hasScope(me, 'security:read') && !isRestricted(me);
  if (!kinds.some(allowed)) return null;

  const poll = (url: string) => {
    timer.current = window.setTimeout(async () => {
      try {
        const j = await session.client.getJson<JobView>(url);
        setJob(j);
        if (j.state === 'queued' || j.state === 'running') poll(url);
        else if (j.state === 'failed') setMsg(`The job failed: ${j.error ?? 'no reason given'}`);
      } catch (e) {
        setMsg(`Could not read the job's progress: ${errorText(e)}`);
      }
    }, 400);
  };
  const start = async (k: Kind) => {
    window.clearTimeout(timer.current);
    setMsg(undefined);
    try {
      const j = await session.client.postJson<JobView>(k.url, k.body);
      setJob(j);
      poll(j.statusUrl);
    } catch (e) {
      setMsg(`Could not start it: ${errorText(e)}`);
    }
  };
  const download = async (url: string, fallback: string) => {
    try {
      const r = await session.client.getRaw(url);
      saveBlob(r.blob, r.filename ?? fallback);
      setMsg(`Downloaded ${r.filename ?? fallback} (${nf.format(r.blob.size)} bytes).`);
    } catch (e) {
      setMsg(`Download failed: ${errorText(e)}`);
    }
  };
  const busy = job !== undefined && (job.state === 'queued' || job.state === 'running');
  const what = job?.kind === 'bundle' ? 'Evidence bundle' : `Report (${job?.format.toUpperCase()})`;

  return (
    <div className="card auditor-package" role="group" aria-label="Auditor package" data-testid="auditor-package">
      <div className="export-bar">
        {kinds.filter(allowed).map((k, i) => (
          <button key={k.label} type="button" className={i === 0 ? 'btn btn-primary' : 'btn'} disabled={busy} onClick={() => void start(k)}>
            {k.label}
          </button>
        ))}
        <span className="small muted export-scope">Made on the server from its current scan and ledger, signed with the ledger's key.</span>
      </div>
      {job && (
        <div className="job-status" data-testid="job-status" data-state={job.state}>
          {busy && (
            <p className="small">
              <label>
                {what}: {job.progress.phase} <progress max={1} value={job.progress.fraction} aria-label={`${what} progress`} /> {Math.round(job.progress.fraction * 100)} %
              </label>
            </p>
          )}
          {job.state === 'done' && job.downloadUrl && (
            <p className="small">
              {what} ready: {job.filename}, {nf.format(job.size ?? 0)} bytes, SHA-256 <code>{job.sha256?.slice(0, 16)}…</code>{' '}
              <button type="button" className="btn btn-small btn-primary" onClick={() => void download(job.downloadUrl!, job.filename ?? 'report')}>
                Download {job.filename}
              </button>{' '}
              {job.signatureUrl && (
                <button type="button" className="btn btn-small" onClick={() => void download(job.signatureUrl!, `${job.filename ?? 'report'}.sig`)}>
                  Download signature
                </button>
              )}{' '}
              {job.catalogUrl && (
                <button type="button" className="btn btn-small" onClick={() => void download(job.catalogUrl!, `${job.filename ?? 'report'}.catalog.json`)}>
                  Download OSCAL catalog
                </button>
              )}{' '}
              {job.catalogSignatureUrl && (
                <button type="button" className="btn btn-small" onClick={() => void download(job.catalogSignatureUrl!, `${job.filename ?? 'report'}.catalog.json.sig`)}>
                  Download catalog signature
                </button>
              )}
            </p>
          )}
        </div>
      )}
      <p className="small" role="status">
        {msg}
      </p>
    </div>
  );
}
