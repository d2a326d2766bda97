/**
 * Alert fixtures shared by the notify and console tests: an alert.raised body as detection
 * writes it, the ledger event that carries it, and a reader of the alerts SSE stream.
 */
import type { AlertRaised, Signal } from '../../src/detection/alert.js';

/** Two signals about user-mallory: a failed-login burst and a bulk export. */
export const MALLORY_SIGNALS: Signal[] = [
  { rule: 'auth.failed-burst', summary: '7 failed logins in 10 min from 203.0.113.9', weight: 2, highConfidence: false, evidenceSeqs: [1, 2], count: 7 },
  { rule: 'export.bulk', summary: '4,200 records exported, 30x the usual', weight: 2, highConfidence: true, evidenceSeqs: [3], count: 1 },
];

/** An alert.raised body about user-mallory, windowed at now. */
export function raisedAlert(alertId: string, severity: AlertRaised['severity'], title: string, signals: Signal[] = MALLORY_SIGNALS): AlertRaised {
  const at = new Date().toISOString();
  return { alertId, severity, subject: 'user-mallory', score: 3, signals, windowStart: at, windowEnd: at, evaluatedThrough: 3, title };
}

/** The ledger event detection appends for it (append with { alerts: true }). */
export function raisedEvent(a: AlertRaised) {
  return { actor: { id: 'attest-detection', type: 'service' as const }, action: 'alert.raised', target: { type: 'alert', id: a.alertId }, outcome: 'success' as const, metadata: { ...a } };
}

export interface StreamEvent {
  action: string;
  alertId: string;
  seq: number;
  notify?: boolean;
}

/** Reads GET /api/alerts/stream into `events` until stop() (which resolves once reading ended). */
export async function readAlertStream(baseUrl: string, token: string, maxSeconds = 60): Promise<{ events: StreamEvent[]; status: number; contentType: string; stop(): Promise<void> }> {
  const events: StreamEvent[] = [];
  const ac = new AbortController();
  const res = await fetch(`${baseUrl}/api/alerts/stream?maxSeconds=${maxSeconds}`, { headers: { authorization: `Bearer ${token}` }, signal: ac.signal });
  const reading = (async () => {
    const dec = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += dec.decode(chunk, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)) as StreamEvent);
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    async stop() {
      ac.abort();
      await reading;
    },
  };
}
