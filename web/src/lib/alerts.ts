// The alerts the server folds from its ledger records (types shared with the server, type-only),
// and the live stream: fetch, not EventSource, because the stream needs the bearer token.
import type { AlertView } from '../../../src/detection/alert';

export type { AlertView };

export interface AlertList {
  alerts: AlertView[];
  total: number;
  openCount: number;
}

export interface AlertEvent {
  action: string;
  alertId: string;
  seq: number;
  severity?: string;
  title?: string;
  notify?: boolean;
}

/**
 * Follows GET /api/alerts/stream until stop() is called, reconnecting when the server ends
 * the stream (it does every few minutes) or the connection drops. onOpen runs on every
 * (re)connection: events missed in between are caught by reloading then.
 */
export function followAlerts(token: string, onEvent: (e: AlertEvent) => void, onOpen: () => void): () => void {
  const ac = new AbortController();
  let stopped = false;
  const run = async () => {
    while (!stopped) {
      try {
        const res = await fetch('/api/alerts/stream', { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, cache: 'no-store', signal: ac.signal });
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        onOpen();
        const reader = res.body.getReader();
        const dec = new TextDecoder();
        let buf = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buf += dec.decode(value, { stream: true });
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (data) onEvent(JSON.parse(data.slice(6)) as AlertEvent);
          }
        }
      } catch {
        if (stopped) return;
      }
      if (!stopped) await new Promise((r) => setTimeout(r, 3000));
    }
  };
  void run();
  return () => {
    stopped = true;
    ac.abort();
  };
}
