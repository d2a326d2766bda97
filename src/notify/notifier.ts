/**
 * Delivers raised alerts (the console's live stream is the AlertBook's, in alerts.ts). It
 * listens to this process's ledger appends (Ledger.onAppend) and sends every `alert.raised` it sees to the channels whose minimum severity the alert
 * reaches, with retries and exponential backoff; a delivery that fails every try is recorded
 * as `alert.delivery.failed` with deadLetter: true, which the console shows on the alert.
 *
 * Only the instance that appended the `alert.raised` record delivers it: onAppend does not
 * publish other processes' appends, and with several `attest serve` instances over one
 * PostgreSQL ledger exactly one of them (the one whose evaluator holds the lease, or whose
 * API took the test request) raised it, so each alert is delivered once, not once per instance.
 */
import { ALERT_DELIVERY_FAILED, ALERT_RAISED, type AlertDeliveryFailed, type AlertRaised } from '../detection/alert.js';
import type { AppendedRecord, Ledger } from '../ledger/ledger.js';
import { channelSecrets, openChannel, type Channel, type RaisedAlert } from './channels.js';
import { DEFAULT_NOTIFY, severityRank, type NotifyConfig } from './config.js';
import { scrub } from './scrub.js';

export const NOTIFY_ACTOR = { id: 'attest-notify', type: 'service' } as const;

export interface NotifyLog {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
  error(o: object, msg: string): void;
}

export interface NotifierOptions {
  ledger: Ledger;
  config?: NotifyConfig;
  log?: NotifyLog;
  /** Waits between tries (tests shorten nothing here: they configure backoffMs). */
  sleep?: (ms: number) => Promise<void>;
}

const quiet: NotifyLog = { info() {}, warn() {}, error() {} };

export class Notifier {
  private readonly channels: Channel[];
  private readonly pending = new Set<Promise<void>>();
  private readonly config: NotifyConfig;
  private log: NotifyLog;
  private readonly secrets: string[];
  private unsubscribe: (() => void) | undefined;
  private closed = false;

  constructor(private readonly o: NotifierOptions) {
    this.config = o.config ?? DEFAULT_NOTIFY;
    this.log = o.log ?? quiet;
    this.channels = this.config.channels.map(openChannel);
    this.secrets = channelSecrets(this.config.channels);
  }

  /** The configured channels by name and type (what the API may show: no address or URL). */
  get channelNames(): Array<{ name: string; type: string; minSeverity: string }> {
    return this.channels.map((c) => ({ name: c.config.name, type: c.config.type, minSeverity: c.config.minSeverity }));
  }

  /** Logs go to the server's logger once it exists (the notifier is made with the context, before the app). */
  setLog(log: NotifyLog): void {
    this.log = log;
  }

  start(): void {
    this.unsubscribe ??= this.o.ledger.onAppend((records) => this.onRecords(records));
  }

  /** Deliveries in flight finish (or give up) before this resolves. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.idle();
    for (const c of this.channels) c.close();
  }

  private onRecords(records: readonly AppendedRecord[]): void {
    for (const r of records) {
      if (r.event.action !== ALERT_RAISED || this.closed) continue;
      const raised = (r.event.metadata ?? {}) as unknown as AlertRaised & { test?: boolean };
      if (typeof raised.alertId !== 'string') continue;
      this.deliver({ ...raised, raisedSeq: r.seq, raisedAt: r.ts });
    }
  }

  private deliver(alert: RaisedAlert): void {
    for (const ch of this.channels) {
      // A test alert checks every channel's path end to end, whatever its routing.
      if (!alert.test && severityRank(alert.severity) < severityRank(ch.config.minSeverity)) continue;
      const p = this.deliverTo(ch, alert).finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  private async deliverTo(ch: Channel, alert: RaisedAlert): Promise<void> {
    const { attempts, backoffMs, name } = ch.config;
    let lastError = '';
    for (let i = 1; i <= attempts; i++) {
      try {
        await ch.send(alert);
        this.log.info({ alertId: alert.alertId, channel: name, attempt: i }, 'alert delivered');
        return;
      } catch (e) {
        lastError = scrub((e as Error).message, this.secrets).slice(0, 500);
        this.log.warn({ alertId: alert.alertId, channel: name, attempt: i, of: attempts, error: lastError }, 'alert delivery failed');
      }
      if (i < attempts) await (this.o.sleep ?? sleep)(backoffMs * 2 ** (i - 1));
    }
    const failed: AlertDeliveryFailed = { alertId: alert.alertId, channel: name, attempts, error: lastError, deadLetter: true };
    try {
      await this.o.ledger.append([{ actor: { ...NOTIFY_ACTOR }, action: ALERT_DELIVERY_FAILED, target: { type: 'alert', id: alert.alertId }, outcome: 'error', metadata: { ...failed } }], { alerts: true });
      this.log.error({ alertId: alert.alertId, channel: name, attempts, error: lastError }, 'alert delivery given up: dead letter recorded');
    } catch (e) {
      this.log.error({ alertId: alert.alertId, channel: name, attempts, error: lastError, recordError: scrub((e as Error).message, this.secrets) }, 'alert delivery given up and the dead letter could not be recorded');
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
