// Pieces every compliance page shares: the status badge with seed 001's symbol, the
// "self-assessed" notice, the symbol legend, the trend sparkline and a loader hook.
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../lib/api';
import { linkClick } from '../../lib/router';
import { SELF_ASSESSED, STATUS_WORDS, SYMBOL, type FrameworkCard, type ReqStatus, type StatusInfo } from '../../lib/compliance';
import { useSession } from '../../session';

export function ReqStatusBadge({ status, symbol }: { status: ReqStatus; symbol?: string }) {
  return (
    <span className={`rstatus rstatus-${status}`} data-status={status}>
      <span aria-hidden="true">{symbol ?? SYMBOL[status]}</span> {STATUS_WORDS[status]}
    </span>
  );
}

/** Always on screen: a score here is Attest's reading of the evidence, not an auditor's opinion. */
export function SelfAssessed({ text }: { text?: string }) {
  return (
    <p className="self-assessed" role="note" data-testid="self-assessed">
      {text ?? SELF_ASSESSED}
    </p>
  );
}

/** How the eight statuses map onto seed 001's three symbols, and that only met counts. */
export function Legend({ statuses }: { statuses: StatusInfo[] }) {
  return (
    <details className="legend">
      <summary>What the symbols mean</summary>
      <ul>
        {statuses.map((s) => (
          <li key={s.status}>
            <span aria-hidden="true">{s.symbol}</span> <strong>{STATUS_WORDS[s.status]}</strong>
            {s.countsAsMet ? ' — the only status that counts towards the score' : ''}
          </li>
        ))}
      </ul>
      <p className="small muted">Score = met ÷ applicable requirements, floored to one decimal. Unknown, expired, excepted and partially met never count as met. Coverage = the share of applicable requirements decided (at least partly) by configuration.</p>
    </details>
  );
}

/** The score per day as a line; points where nothing was applicable are left out. */
export function Sparkline({ trend, name }: { trend: FrameworkCard['trend']; name: string }) {
  const pts = trend.filter((p) => p.score !== null) as { day: string; score: number }[];
  const w = 168;
  const h = 40;
  const pad = 3;
  if (pts.length === 0) return <p className="small muted sparkline-empty">No history yet.</p>;
  const x = (i: number) => (pts.length === 1 ? w / 2 : pad + (i * (w - 2 * pad)) / (pts.length - 1));
  const y = (v: number) => h - pad - (v / 100) * (h - 2 * pad);
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  const label = `${name}: score over ${pts.length} day${pts.length === 1 ? '' : 's'}, from ${first.score.toFixed(1)} % on ${first.day} to ${last.score.toFixed(1)} % on ${last.day}`;
  return (
    <svg className="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label} data-points={pts.length}>
      <title>{label}</title>
      <line x1={pad} x2={w - pad} y1={y(100)} y2={y(100)} className="sparkline-top" />
      <line x1={pad} x2={w - pad} y1={y(0)} y2={y(0)} className="sparkline-base" />
      {pts.length > 1 && <polyline points={pts.map((p, i) => `${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')} className="sparkline-line" />}
      <circle cx={x(pts.length - 1)} cy={y(last.score)} r={2.5} className="sparkline-dot" />
    </svg>
  );
}

export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="crumbs">
      <ol>
        {items.map((it, i) => (
          <li key={i}>
            {it.href ? (
              <a href={it.href} onClick={linkClick}>
                {it.label}
              </a>
            ) : (
              <span aria-current="page">{it.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** GETs a document; `reload` fetches it again (after a write). */
export function useDoc<T>(path: string | undefined): { doc?: T; error?: Error; reload(): Promise<void>; loading: boolean } {
  const { client } = useSession();
  const [doc, setDoc] = useState<T | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    if (!path) return;
    setLoading(true);
    try {
      setDoc(await client.getJson<T>(path));
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }, [client, path]);
  useEffect(() => {
    setDoc(undefined);
    void reload();
  }, [reload]);
  return { doc, error, reload, loading };
}

export function LoadError({ error, what }: { error: Error; what: string }) {
  return (
    <div className="alert alert-error" role="alert">
      {what} could not be loaded: {error.message}
      {/* Only a server fault or a lost connection passes; a refused request (400, 403, 404) fails again the same way. */}
      {error instanceof ApiError && error.status < 500 ? '' : ' (retry in a moment)'}
    </div>
  );
}

export function dayText(day: string | undefined): string {
  return day ?? 'no date';
}
