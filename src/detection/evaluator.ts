/**
 * The pure evaluator: records in seq order in, alerts out. No database, no wall clock (time
 * is the records' own), so a replay of the same records from the same state raises the same
 * alerts with the same ids, which is what lets the detector resume after a restart without
 * raising an alert twice.
 *
 * State is per subject (an actor, or an address for the address-wide rule) and bounded:
 * windows merge their oldest entries past a fixed length, address and user-agent histories
 * keep the most recent few keyed hashes (never the raw values), and subjects beyond
 * `maxSubjects` are dropped, long-idle ones first.
 */
import { createHash } from 'node:crypto';
import { ALERT_ACTIONS, type AlertRaised, type Signal } from './alert.js';
import { RULE_IDS, severityOf, type DetectionConfig, type RuleName } from './rules.js';

/** A record as the rules read it. */
export interface DetectionEvent {
  seq: number;
  /** Record time, ms since the epoch. */
  ms: number;
  actorId: string;
  action: string;
  outcome: string;
  targetId?: string | undefined;
  ip?: string | undefined;
  userAgent?: string | undefined;
  metadata?: Record<string, unknown> | undefined;
}

/** Rules that see the same underlying fact count once toward minSignals (a new device is a new address and a new user agent). */
const GROUP: Partial<Record<RuleName, string>> = { newIp: 'novelty', newUserAgent: 'novelty' };
const MAX_WINDOW_ITEMS = 64;
const MAX_HISTORY_IPS = 16;
const MAX_HISTORY_UAS = 8;
const MAX_IP_ACTORS = 64;
const EVIDENCE_EACH_END = 5;
const EWMA = 0.1;
const MIN = 60_000;

/** A sliding window of [ms, seq, n] entries; past MAX_WINDOW_ITEMS the oldest two merge (keeping the later time, so the total never undercounts). */
type Entry = [number, number, number];
interface Window {
  items: Entry[];
  total: number;
}

interface PendingSignal extends Signal {
  ms: number;
  group: string;
}

interface SubjectState {
  /** Successful records seen (the history the novelty and hour rules need). */
  n: number;
  /** Last record of this subject (ms; what eviction goes by). */
  last: number;
  /** Last successful record (ms): dormancy is judged on it, so failed logins before a takeover do not hide it. */
  lastOk: number;
  hours: number[];
  ips: string[];
  uas: string[];
  expN: number;
  expAvg: number;
  delN: number;
  delAvg: number;
  win: Record<string, Window>;
  /** Actors named by failed authentications from this address (address subjects only): actor → last ms. */
  actors?: Record<string, number>;
  pending: PendingSignal[];
  /** Rule id → ms of the last alert that carried it. */
  alerted: Record<string, number>;
}

export interface EvaluatorState {
  version: 1;
  lastSeq: number;
  subjects: [string, SubjectState][];
}

/** What changed since the last takeChanges (or restore): the subjects to write (as JSON) and those to delete. */
export interface StateChanges {
  lastSeq: number;
  upsert: Array<[string, string]>;
  remove: string[];
  /** Subjects held after these changes. */
  subjects: number;
}

export interface EvaluatorOptions {
  config: DetectionConfig;
  /** Key of the hashes that stand in for addresses and user agents in state and alert subjects. */
  hashKey: Buffer;
  maxSubjects?: number;
}

function newSubject(): SubjectState {
  return { n: 0, last: 0, lastOk: 0, hours: new Array<number>(24).fill(0), ips: [], uas: [], expN: 0, expAvg: 0, delN: 0, delAvg: 0, win: {}, pending: [], alerted: {} };
}

function push(w: Window, e: Entry, windowMs: number): void {
  const cutoff = e[0] - windowMs;
  let drop = 0;
  while (drop < w.items.length && w.items[drop]![0] <= cutoff) w.total -= w.items[drop++]![2];
  if (drop) w.items.splice(0, drop);
  w.items.push(e);
  w.total += e[2];
  if (w.items.length > MAX_WINDOW_ITEMS) {
    const [a, b] = w.items;
    w.items.splice(0, 2, [b![0], b![1], a![2] + b![2]]);
  }
}

function evidence(w: Window): number[] {
  const seqs = w.items.map((i) => i[1]);
  return seqs.length <= EVIDENCE_EACH_END * 2 ? seqs : [...seqs.slice(0, EVIDENCE_EACH_END), ...seqs.slice(-EVIDENCE_EACH_END)];
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function lastPart(action: string): string {
  return action.slice(action.lastIndexOf('.') + 1);
}

const GRANT_PARENT = /(^|\.)(role|roles|group|groups|scope|scopes|permission|permissions)\.(grant|assign|add)$/;

/** Failed authentications and other denials a record stands for (summaries stand for many). */
function denialCounts(e: DetectionEvent): { auth: number; denied: number } {
  if (e.action === 'access.denied.summary') {
    let auth = 0;
    let denied = 0;
    const statuses = e.metadata?.['statuses'];
    if (Array.isArray(statuses)) {
      for (const s of statuses as Array<{ status?: unknown; count?: unknown }>) {
        const c = num(s?.count) ?? 0;
        if (s?.status === 401) auth += c;
        else denied += c;
      }
    } else denied = num(e.metadata?.['count']) ?? 1;
    return { auth, denied };
  }
  if (e.outcome !== 'denied' && e.outcome !== 'error') return { auth: 0, denied: 0 };
  if (e.action.startsWith('auth.')) return { auth: 1, denied: 0 };
  if (e.outcome !== 'denied') return { auth: 0, denied: 0 };
  if (e.action === 'access.denied' && e.metadata?.['status'] === 401) return { auth: 1, denied: 0 };
  return { auth: 0, denied: 1 };
}

export class Evaluator {
  private readonly subjects = new Map<string, SubjectState>();
  private readonly c: DetectionConfig;
  private readonly adminRe: RegExp;
  private readonly maxSubjects: number;
  private readonly hashCache = new Map<string, string>();
  private readonly keyPrefix: string;
  /** Subjects created or updated since the last takeChanges, and subjects evicted since then. */
  private changed = new Set<string>();
  private removed = new Set<string>();
  lastSeq = 0;
  /** Records evaluated (alerts' own records excluded). */
  evaluated = 0;
  /** Signals raised per rule id, alerting or not (how noisy each rule is on its own). */
  readonly signalCounts: Record<string, number> = {};

  constructor(private readonly o: EvaluatorOptions) {
    this.c = o.config;
    this.adminRe = new RegExp(o.config.rules.privilegeEscalation.adminPattern, 'i');
    this.maxSubjects = o.maxSubjects ?? 200_000;
    this.keyPrefix = `${o.hashKey.toString('hex')}\0`;
  }

  /**
   * Keyed hash of an address or user agent. The cache holds raw values in memory only, for
   * the few thousand most recent, and is emptied whole when full; nothing raw is persisted.
   */
  private hash(kind: string, v: string): string {
    const k = kind + v;
    let h = this.hashCache.get(k);
    if (h === undefined) {
      h = createHash('sha256').update(this.keyPrefix + k).digest('base64url').slice(0, 16);
      if (this.hashCache.size >= 4096) this.hashCache.clear();
      this.hashCache.set(k, h);
    }
    return h;
  }

  private subject(id: string): SubjectState {
    let s = this.subjects.get(id);
    if (!s) {
      if (this.subjects.size >= this.maxSubjects) this.evict();
      s = newSubject();
      this.subjects.set(id, s);
      this.removed.delete(id);
    }
    // Every subject looked up by evaluate is written to (at least its `last`).
    this.changed.add(id);
    return s;
  }

  /** Drops the least recently active tenth of the subjects (ties by id: the same choice after a restore, whatever order the rows came back in). */
  private evict(): void {
    const byLast = [...this.subjects].sort((a, b) => a[1].last - b[1].last || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [id] of byLast.slice(0, Math.max(1, Math.floor(byLast.length / 10)))) {
      this.subjects.delete(id);
      this.changed.delete(id);
      this.removed.add(id);
    }
  }

  get subjectCount(): number {
    return this.subjects.size;
  }

  /** Evaluates one record; returns the alerts it raises (usually none). Records at or below lastSeq are ignored. */
  evaluate(e: DetectionEvent): AlertRaised[] {
    if (e.seq <= this.lastSeq) return [];
    this.lastSeq = e.seq;
    // Detection's own records never feed back into the rules.
    if ((ALERT_ACTIONS as readonly string[]).includes(e.action)) return [];
    this.evaluated++;
    const r = this.c.rules;
    const out: AlertRaised[] = [];
    const anonymous = e.actorId === 'anonymous';
    const a = anonymous ? undefined : this.subject(e.actorId);
    const touched = new Set<string>();
    const signal = (subjectId: string, s: SubjectState, name: RuleName, weight: number, hc: boolean, summary: string, seqs: number[], count: number) => {
      const rule = RULE_IDS[name];
      this.signalCounts[rule] = (this.signalCounts[rule] ?? 0) + 1;
      const i = s.pending.findIndex((p) => p.rule === rule);
      const p: PendingSignal = { rule, summary, weight, highConfidence: hc, evidenceSeqs: seqs, count, ms: e.ms, group: GROUP[name] ?? rule };
      if (i >= 0) s.pending[i] = p;
      else s.pending.push(p);
      touched.add(subjectId);
    };

    const { auth, denied } = denialCounts(e);
    if (auth > 0) {
      if (a && r.failedAuthActor.enabled) {
        const w = (a.win['fa'] ??= { items: [], total: 0 });
        push(w, [e.ms, e.seq, auth], r.failedAuthActor.windowMinutes * MIN);
        if (w.total > r.failedAuthActor.threshold) {
          signal(e.actorId, a, 'failedAuthActor', r.failedAuthActor.weight, r.failedAuthActor.highConfidence, `${w.total} failed authentications in ${r.failedAuthActor.windowMinutes} min (threshold ${r.failedAuthActor.threshold})`, evidence(w), w.total);
        }
      }
      if (e.ip && r.failedAuthIp.enabled) {
        const id = `ip:${this.hash('ip', e.ip)}`;
        const s = this.subject(id);
        s.last = e.ms;
        const w = (s.win['fa'] ??= { items: [], total: 0 });
        push(w, [e.ms, e.seq, auth], r.failedAuthIp.windowMinutes * MIN);
        const actors = (s.actors ??= {});
        actors[e.actorId] = e.ms;
        const cutoff = e.ms - r.failedAuthIp.windowMinutes * MIN;
        for (const k of Object.keys(actors)) if (actors[k]! <= cutoff) delete actors[k];
        const names = Object.keys(actors);
        if (names.length > MAX_IP_ACTORS) for (const k of names.slice(0, names.length - MAX_IP_ACTORS)) delete actors[k];
        if (w.total > r.failedAuthIp.threshold) {
          const distinct = Object.keys(actors).length;
          const stuffing = distinct >= r.failedAuthIp.distinctActors;
          signal(id, s, 'failedAuthIp', r.failedAuthIp.weight, r.failedAuthIp.highConfidence || stuffing, `${w.total} failed authentications in ${r.failedAuthIp.windowMinutes} min from one address, naming ${distinct}${distinct >= MAX_IP_ACTORS ? '+' : ''} accounts`, evidence(w), w.total);
        }
      }
    }
    if (denied > 0 && a && r.accessDeniedBurst.enabled) {
      const w = (a.win['ad'] ??= { items: [], total: 0 });
      push(w, [e.ms, e.seq, denied], r.accessDeniedBurst.windowMinutes * MIN);
      if (w.total > r.accessDeniedBurst.threshold) {
        signal(e.actorId, a, 'accessDeniedBurst', r.accessDeniedBurst.weight, r.accessDeniedBurst.highConfidence, `${w.total} access denials in ${r.accessDeniedBurst.windowMinutes} min`, evidence(w), w.total);
      }
    }

    if (a && e.outcome === 'success') {
      // Dormancy and hours are judged against the history before this record.
      if (r.dormantAccount.enabled && a.n >= r.dormantAccount.minHistory && a.lastOk > 0 && e.ms - a.lastOk > r.dormantAccount.dormantDays * 86_400_000) {
        const days = Math.floor((e.ms - a.lastOk) / 86_400_000);
        signal(e.actorId, a, 'dormantAccount', r.dormantAccount.weight, r.dormantAccount.highConfidence, `first activity after ${days} days without any`, [e.seq], 1);
      }
      const h = Math.floor(e.ms / 3_600_000) % 24;
      if (r.unusualHour.enabled && a.n >= r.unusualHour.minHistory) {
        const near = a.hours[h]! + a.hours[(h + 23) % 24]! + a.hours[(h + 1) % 24]!;
        if (near / a.n < r.unusualHour.maxShare) signal(e.actorId, a, 'unusualHour', r.unusualHour.weight, r.unusualHour.highConfidence, `activity at ${String(h).padStart(2, '0')}:00 UTC, an hour this actor is almost never active (${near} of ${a.n} records within an hour of it)`, [e.seq], 1);
      }
      a.hours[h]!++;
      if (e.ip) {
        const hip = this.hash('ip', e.ip);
        const i = a.ips.indexOf(hip);
        if (i < 0 && r.newIp.enabled && a.n >= r.newIp.minHistory) signal(e.actorId, a, 'newIp', r.newIp.weight, r.newIp.highConfidence, `first record from an address not among this actor's last ${a.ips.length} addresses`, [e.seq], 1);
        if (i !== 0) {
          if (i > 0) a.ips.splice(i, 1);
          a.ips.unshift(hip);
          if (a.ips.length > MAX_HISTORY_IPS) a.ips.pop();
        }
      }
      if (e.userAgent) {
        const hua = this.hash('ua', e.userAgent);
        const i = a.uas.indexOf(hua);
        if (i < 0 && r.newUserAgent.enabled && a.n >= r.newUserAgent.minHistory) signal(e.actorId, a, 'newUserAgent', r.newUserAgent.weight, r.newUserAgent.highConfidence, `first record with a user agent not among this actor's last ${a.uas.length}`, [e.seq], 1);
        if (i !== 0) {
          if (i > 0) a.uas.splice(i, 1);
          a.uas.unshift(hua);
          if (a.uas.length > MAX_HISTORY_UAS) a.uas.pop();
        }
      }
      a.n++;
      a.lastOk = e.ms;

      const verb = lastPart(e.action);
      const isExport = verb === 'export';
      const isDelete = verb === 'delete' || verb === 'bulk_delete';
      if (isExport || isDelete) {
        const n = num(e.metadata?.['records']) ?? num(e.metadata?.['count']) ?? 1;
        const ceil = isExport ? r.bulkExportCeiling : r.bulkDeleteCeiling;
        const base = isExport ? r.bulkExportBaseline : r.bulkDeleteBaseline;
        const noun = isExport ? 'exported' : 'deleted';
        if (ceil.enabled) {
          const w = (a.win[isExport ? 'ex' : 'de'] ??= { items: [], total: 0 });
          push(w, [e.ms, e.seq, n], ceil.windowMinutes * MIN);
          if (w.total > ceil.ceiling) signal(e.actorId, a, isExport ? 'bulkExportCeiling' : 'bulkDeleteCeiling', ceil.weight, ceil.highConfidence, `${w.total} records ${noun} in ${ceil.windowMinutes} min (ceiling ${ceil.ceiling})`, evidence(w), w.total);
        }
        const count = isExport ? a.expN : a.delN;
        const avg = isExport ? a.expAvg : a.delAvg;
        if (base.enabled && count >= base.minHistory && n >= base.minRecords && n > base.factor * avg) {
          signal(e.actorId, a, isExport ? 'bulkExportBaseline' : 'bulkDeleteBaseline', base.weight, base.highConfidence, `${n} records ${noun} at once, ${(n / Math.max(avg, 1)).toFixed(0)}× this actor's usual ${avg.toFixed(0)}`, [e.seq], n);
        }
        const next = count === 0 ? n : avg + EWMA * (n - avg);
        if (isExport) {
          a.expN++;
          a.expAvg = next;
        } else {
          a.delN++;
          a.delAvg = next;
        }
      }

      if (r.privilegeEscalation.enabled && GRANT_PARENT.test(e.action)) {
        const m = e.metadata ?? {};
        const granted = [m['role'], m['group'], m['scope'], ...(Array.isArray(m['scopes']) ? (m['scopes'] as unknown[]) : [])].filter((x): x is string => typeof x === 'string');
        const admin = granted.find((g) => this.adminRe.test(g));
        if (admin !== undefined) {
          const self = e.targetId !== undefined && e.targetId === e.actorId;
          const p = r.privilegeEscalation;
          signal(e.actorId, a, 'privilegeEscalation', self ? p.selfWeight : p.weight, self ? p.selfHighConfidence || p.highConfidence : p.highConfidence, self ? `granted itself "${admin}"` : `granted "${admin}" to ${e.targetId ?? 'an unnamed target'}`, [e.seq], 1);
        }
      }
    }
    if (a) a.last = e.ms;

    for (const id of touched) {
      const alert = this.decide(id, this.subjects.get(id)!, e);
      if (alert) out.push(alert);
    }
    return out;
  }

  /** Combines the subject's live signals into an alert when they are enough and not already alerted. */
  private decide(id: string, s: SubjectState, e: DetectionEvent): AlertRaised | undefined {
    const corr = this.c.correlationMinutes * MIN;
    s.pending = s.pending.filter((p) => e.ms - p.ms <= corr);
    if (s.pending.length === 0) return undefined;
    const groups = new Set(s.pending.map((p) => p.group));
    const hc = s.pending.some((p) => p.highConfidence);
    if (groups.size < this.c.minSignals && !hc) return undefined;
    const dedup = this.c.dedupMinutes * MIN;
    const fresh = s.pending.some((p) => !(p.rule in s.alerted) || e.ms - s.alerted[p.rule]! > dedup);
    if (!fresh) return undefined;
    const signals: Signal[] = s.pending.map(({ ms: _ms, group: _g, ...sig }) => sig);
    const score = signals.reduce((t, x) => t + x.weight, 0);
    const start = Math.min(...s.pending.map((p) => p.ms));
    const firstSeq = Math.min(...signals.flatMap((x) => x.evidenceSeqs));
    const rules = signals.map((x) => x.rule).sort();
    const alertId = `alrt_${createHash('sha256').update(`${id}|${rules.join(',')}|${firstSeq}|${e.seq}`).digest('hex').slice(0, 20)}`;
    for (const x of rules) s.alerted[x] = e.ms;
    s.pending = [];
    return {
      alertId,
      severity: severityOf(score, hc),
      subject: id,
      score,
      signals,
      windowStart: new Date(start).toISOString(),
      windowEnd: new Date(e.ms).toISOString(),
      evaluatedThrough: e.seq,
      title: `${id.startsWith('ip:') ? 'address ' + id.slice(3) : id}: ${signals.map((x) => x.summary).join('; ')}`.slice(0, 500),
    };
  }

  snapshot(): EvaluatorState {
    return { version: 1, lastSeq: this.lastSeq, subjects: [...this.subjects] };
  }

  /**
   * The subjects changed and evicted since the last call (or restore), serialised now, and
   * forgets them: a caller that fails to store them must drop this evaluator and restore
   * a fresh one from what is stored.
   */
  takeChanges(): StateChanges {
    const upsert: Array<[string, string]> = [];
    for (const id of this.changed) upsert.push([id, JSON.stringify(this.subjects.get(id)!)]);
    const out: StateChanges = { lastSeq: this.lastSeq, upsert, remove: [...this.removed], subjects: this.subjects.size };
    this.changed = new Set();
    this.removed = new Set();
    return out;
  }

  /** Restores a snapshot; afterwards nothing counts as changed unless `allChanged` (state read in another layout, to be written out whole). */
  restore(st: EvaluatorState, opts: { allChanged?: boolean } = {}): void {
    if (st.version !== 1) throw new Error(`detection state version ${String(st.version)} is not one this Attest reads (1); delete the detect_state row to start over`);
    this.subjects.clear();
    for (const [k, v] of st.subjects) this.subjects.set(k, v);
    this.lastSeq = st.lastSeq;
    this.changed = opts.allChanged ? new Set(this.subjects.keys()) : new Set();
    this.removed = new Set();
  }
}
