/**
 * The delivery channels: email over SMTP (nodemailer) and Slack-compatible webhooks signed
 * with HMAC-SHA256. A channel sends one message or throws; retries, backoff and the dead
 * letter are the notifier's.
 */
import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AlertView } from '../detection/alert.js';
import type { ChannelConfig, EmailChannelConfig, WebhookChannelConfig } from './config.js';
import { scrub } from './scrub.js';

/** The alert as a channel renders it (a raised alert, before any acknowledgement). */
export type RaisedAlert = Pick<AlertView, 'alertId' | 'severity' | 'subject' | 'score' | 'signals' | 'windowStart' | 'windowEnd' | 'title' | 'raisedSeq' | 'raisedAt'> & { test?: boolean };

export interface Channel {
  readonly config: ChannelConfig;
  /** Sends once; throws an Error whose message holds no secret. */
  send(alert: RaisedAlert): Promise<void>;
  close(): void;
}

export const SIGNATURE_HEADER = 'x-attest-signature';
export const TIMESTAMP_HEADER = 'x-attest-timestamp';

/** The signature a receiver recomputes: "v1=" + hex HMAC-SHA256 over `${timestamp}.${body}`. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function headline(a: RaisedAlert): string {
  return `${a.test ? '[TEST] ' : ''}[${a.severity.toUpperCase()}] ${a.title}`;
}

function lines(a: RaisedAlert): string[] {
  return [
    headline(a),
    `Subject: ${a.subject}  Score: ${a.score}  Window: ${a.windowStart} to ${a.windowEnd}`,
    ...a.signals.map((s) => `- ${s.rule}: ${s.summary} (evidence seqs ${s.evidenceSeqs.join(', ') || 'none'})`),
    `Alert ${a.alertId}, ledger record ${a.raisedSeq} (${a.raisedAt}). Work it in the console's Alerts page or GET /api/alerts/${a.alertId}.`,
  ];
}

/** The webhook body: Slack reads `text` (and `blocks`); other receivers read `alert`. */
export function webhookPayload(a: RaisedAlert): Record<string, unknown> {
  return {
    text: lines(a).join('\n'),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: headline(a).slice(0, 150) } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Severity*\n${a.severity}` },
          { type: 'mrkdwn', text: `*Subject*\n${a.subject}` },
          { type: 'mrkdwn', text: `*Score*\n${a.score}` },
          { type: 'mrkdwn', text: `*Record*\n${a.raisedSeq}` },
        ],
      },
    ],
    alert: {
      alertId: a.alertId,
      severity: a.severity,
      subject: a.subject,
      title: a.title,
      score: a.score,
      windowStart: a.windowStart,
      windowEnd: a.windowEnd,
      raisedSeq: a.raisedSeq,
      raisedAt: a.raisedAt,
      signals: a.signals.map((s) => ({ rule: s.rule, summary: s.summary, count: s.count, evidenceSeqs: s.evidenceSeqs })),
      ...(a.test ? { test: true } : {}),
    },
  };
}

class WebhookChannel implements Channel {
  constructor(readonly config: WebhookChannelConfig) {}
  async send(a: RaisedAlert): Promise<void> {
    const body = JSON.stringify(webhookPayload(a));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const secrets = [this.config.url.reveal(), this.config.secret.reveal()];
    let res: Response;
    try {
      res = await fetch(this.config.url.reveal(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: webhookSignature(this.config.secret.reveal(), timestamp, body) },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (e) {
      const cause = (e as { cause?: { message?: string; code?: string } }).cause;
      throw new Error(scrub(`webhook request failed: ${(e as Error).message}${cause?.message ? ` (${cause.code ?? ''} ${cause.message})` : ''}`, secrets));
    }
    // The body of an error answer may echo the request; only its status leaves here.
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
  }
  close(): void {}
}

class EmailChannel implements Channel {
  private readonly transport: Transporter;
  constructor(readonly config: EmailChannelConfig) {
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
      ...(config.user ? { auth: { user: config.user, pass: config.password?.reveal() ?? '' } } : {}),
      logger: false,
      debug: false,
    });
  }
  async send(a: RaisedAlert): Promise<void> {
    const text = lines(a).join('\n');
    try {
      await this.transport.sendMail({ from: this.config.from, to: this.config.to, subject: `Attest alert: ${headline(a)}`.slice(0, 200), text, headers: { 'X-Attest-Alert-Id': a.alertId } });
    } catch (e) {
      throw new Error(scrub(`SMTP delivery to ${this.config.host}:${this.config.port} failed: ${(e as Error).message}`, this.config.password ? [this.config.password.reveal()] : []));
    }
  }
  close(): void {
    this.transport.close();
  }
}

export function openChannel(c: ChannelConfig): Channel {
  return c.type === 'email' ? new EmailChannel(c) : new WebhookChannel(c);
}

/** Every secret of the configured channels (for scrubbing text that did not come from a channel). */
export function channelSecrets(cs: readonly ChannelConfig[]): string[] {
  return cs.flatMap((c) => (c.type === 'email' ? (c.password ? [c.password.reveal()] : []) : [c.url.reveal(), c.secret.reveal()]));
}
