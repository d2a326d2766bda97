/**
 * The alert contract between detection (which raises alerts), notify (which delivers them)
 * and the server (which lists, acknowledges and resolves them). An alert's whole life is
 * ledger records, so an auditor can verify what was seen, when, and who handled it; the
 * current state of an alert is the fold of its records.
 */

export const ALERT_RAISED = 'alert.raised';
export const ALERT_ACKNOWLEDGED = 'alert.acknowledged';
export const ALERT_RESOLVED = 'alert.resolved';
export const ALERT_DELIVERY_FAILED = 'alert.delivery.failed';
export const ALERT_ACTIONS = [ALERT_RAISED, ALERT_ACKNOWLEDGED, ALERT_RESOLVED, ALERT_DELIVERY_FAILED] as const;

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One rule that fired for the actor inside the window, with the records that made it fire. */
export interface Signal {
  /** Rule id, e.g. "auth.failed-burst". */
  rule: string;
  /** What was seen, in one sentence a security officer can act on ("7 failed logins in 10 min from 203.0.113.9"). */
  summary: string;
  /** The rule's contribution to the risk score. */
  weight: number;
  /** Rule marked high-confidence: alone enough to alert. */
  highConfidence: boolean;
  /** Ledger seqs of the records that are the evidence (bounded: the first and last ones when many). */
  evidenceSeqs: number[];
  /** How many records the signal counted (may exceed evidenceSeqs.length). */
  count: number;
}

/** metadata of an `alert.raised` record (target: { type: 'alert', id: alertId }). */
export interface AlertRaised {
  alertId: string;
  severity: Severity;
  /**
   * The actor the alert is about (ledger actor id), or "ip:<keyed hash>" for an address-wide
   * signal: the address itself is personal data, kept erasable in the evidence records, not
   * copied into the chain by an alert.
   */
  subject: string;
  score: number;
  signals: Signal[];
  windowStart: string;
  windowEnd: string;
  /** Highest ledger seq evaluated when the alert was raised. */
  evaluatedThrough: number;
  title: string;
}

export interface AlertAcknowledged {
  alertId: string;
  note?: string;
}

export interface AlertResolved {
  alertId: string;
  resolution: 'true-positive' | 'false-positive' | 'benign' | 'duplicate';
  note?: string;
}

export interface AlertDeliveryFailed {
  alertId: string;
  /** Channel name from configuration (never its URL or credentials). */
  channel: string;
  attempts: number;
  /** Error text with secrets removed. */
  error: string;
  deadLetter: boolean;
}

export type AlertState = 'open' | 'acknowledged' | 'resolved';

/** The folded view of one alert, as the API and the console show it. */
export interface AlertView extends AlertRaised {
  state: AlertState;
  raisedSeq: number;
  raisedAt: string;
  acknowledged?: { by: string; at: string; seq: number; note?: string };
  resolved?: { by: string; at: string; seq: number; resolution: AlertResolved['resolution']; note?: string };
  deliveryFailures: Array<AlertDeliveryFailed & { at: string; seq: number }>;
}
