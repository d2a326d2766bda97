// Renders a domain's facts (the inventory of what is configured) as readable tables.
// Facts are data whose shape varies by domain: arrays of objects become tables, arrays of
// values become lists, objects become key/value tables, recursively (bounded).
import { useState } from 'react';

const MAX_ROWS = 100;

export function humanize(key: string): string {
  const s = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function Scalar({ v }: { v: unknown }) {
  if (v === null || v === undefined || v === '') return <span className="muted">—</span>;
  if (typeof v === 'boolean') return <span className={v ? 'bool-true' : 'bool-false'}>{v ? 'yes' : 'no'}</span>;
  if (typeof v === 'number') return <span className="num">{v}</span>;
  return <>{String(v)}</>;
}

function Cell({ v, depth }: { v: unknown; depth: number }) {
  if (isScalar(v) || v === undefined) return <Scalar v={v} />;
  if (Array.isArray(v)) {
    if (v.length === 0) return <span className="muted">none</span>;
    if (v.every(isScalar)) {
      return (
        <ul className="chips">
          {v.map((x, i) => (
            <li key={i} className="chip">
              <Scalar v={x} />
            </li>
          ))}
        </ul>
      );
    }
    if (depth < 2 && v.every(isObj)) return <ObjectTable rows={v} depth={depth + 1} compact />;
  }
  if (isObj(v) && depth < 2 && Object.values(v).every((x) => isScalar(x) || (Array.isArray(x) && x.every(isScalar)))) {
    return <KeyValues obj={v} depth={depth + 1} compact />;
  }
  return <code className="json">{JSON.stringify(v)}</code>;
}

function columnsOf(rows: Record<string, unknown>[]): string[] {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), cols.push(k));
  // Where a row is defined goes last, as one "Location" column.
  return cols.filter((c) => c !== 'file' && c !== 'line');
}

function ObjectTable({ rows, depth, caption, compact }: { rows: Record<string, unknown>[]; depth: number; caption?: string; compact?: boolean }) {
  const [all, setAll] = useState(false);
  const cols = columnsOf(rows);
  const located = rows.some((r) => typeof r['file'] === 'string');
  const shown = all ? rows : rows.slice(0, MAX_ROWS);
  return (
    <div className={compact ? 'table-wrap table-compact' : 'table-wrap'}>
      <table className="table facts-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c} scope="col">
                {humanize(c)}
              </th>
            ))}
            {located && <th scope="col">Location</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={i}>
              {cols.map((c) => (
                <td key={c}>
                  <Cell v={r[c]} depth={depth} />
                </td>
              ))}
              {located && (
                <td className="loc">
                  {typeof r['file'] === 'string' ? (
                    <code>
                      {r['file'] as string}
                      {typeof r['line'] === 'number' && r['line'] > 0 ? `:${r['line']}` : ''}
                    </code>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS && (
        <button type="button" className="btn btn-small" onClick={() => setAll(!all)}>
          {all ? `Show the first ${MAX_ROWS}` : `Show all ${rows.length} rows`}
        </button>
      )}
    </div>
  );
}

function KeyValues({ obj, depth, caption, compact }: { obj: Record<string, unknown>; depth: number; caption?: string; compact?: boolean }) {
  return (
    <div className={compact ? 'table-wrap table-compact' : 'table-wrap'}>
      <table className="table kv-table">
        {caption && <caption>{caption}</caption>}
        <tbody>
          {Object.entries(obj).map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{humanize(k)}</th>
              <td>
                <Cell v={v} depth={depth} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FactBlock({ name, value, depth }: { name: string; value: unknown; depth: number }) {
  const title = humanize(name);
  const H = depth === 0 ? 'h4' : 'h5';
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return (
        <div className="fact">
          <H className="fact-title">
            {title} <span className="count">0</span>
          </H>
          <p className="muted small">None configured.</p>
        </div>
      );
    }
    if (value.every(isObj)) {
      return (
        <div className="fact">
          <H className="fact-title">
            {title} <span className="count">{value.length}</span>
          </H>
          <ObjectTable rows={value} depth={depth} caption={`${title} (${value.length})`} />
        </div>
      );
    }
    return (
      <div className="fact">
        <H className="fact-title">
          {title} <span className="count">{value.length}</span>
        </H>
        <Cell v={value} depth={depth} />
      </div>
    );
  }
  if (isObj(value)) {
    const entries = Object.entries(value);
    const flat = entries.every(([, v]) => isScalar(v) || (Array.isArray(v) && v.every(isScalar)));
    if (flat || depth >= 1) {
      return (
        <div className="fact">
          <H className="fact-title">{title}</H>
          <KeyValues obj={value} depth={depth} caption={title} />
        </div>
      );
    }
    return (
      <div className="fact fact-group">
        <H className="fact-title">{title}</H>
        <FactsBody facts={value} depth={depth + 1} />
      </div>
    );
  }
  return null;
}

function FactsBody({ facts, depth }: { facts: Record<string, unknown>; depth: number }) {
  const entries = Object.entries(facts);
  const scalars = entries.filter(([, v]) => isScalar(v));
  const rest = entries.filter(([, v]) => !isScalar(v));
  return (
    <>
      {scalars.length > 0 && <KeyValues obj={Object.fromEntries(scalars)} depth={depth} caption="Summary" />}
      {rest.map(([k, v]) => (
        <FactBlock key={k} name={k} value={v} depth={depth} />
      ))}
    </>
  );
}

export function Facts({ facts }: { facts: Record<string, unknown> }) {
  if (Object.keys(facts).length === 0) return <p className="muted">No facts were extracted for this domain.</p>;
  return (
    <div className="facts">
      <FactsBody facts={facts} depth={0} />
    </div>
  );
}
