import type { ControlStatus, Severity } from '../lib/types';

export const STATUS_LABEL: Record<ControlStatus, string> = {
  pass: 'Met',
  fail: 'Failed',
  unknown: 'Unknown',
  suppressed: 'Suppressed',
  not_applicable: 'Not applicable',
  not_evaluated: 'Not evaluated',
};

export const STATUS_RANK: Record<ControlStatus, number> = { fail: 5, unknown: 4, suppressed: 3, pass: 2, not_applicable: 1, not_evaluated: 0 };
export const SEVERITY_RANK: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };
export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function StatusBadge({ status }: { status: ControlStatus }) {
  return <span className={`status status-${status}`}>{STATUS_LABEL[status]}</span>;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`sev sev-${severity}`}>{severity}</span>;
}

export function Spinner({ label }: { label: string }) {
  return (
    <span className="spinner-wrap" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}

export function Chevron({ open }: { open: boolean }) {
  return (
    <svg className={`chevron${open ? ' chevron-open' : ''}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
