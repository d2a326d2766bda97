/**
 * A seeded generator of labelled audit streams for the detection benchmark and tests.
 * Normal users work in their own daily hours from one or two addresses, export and delete a
 * little, now and then travel (a new address) or get a new laptop (new address and user
 * agent), go on holiday for weeks; admins grant roles (rarely admin) to others. Injected:
 * credential stuffing, account takeover from a new address then bulk export, insider bulk
 * delete, privilege self-grant (positives); slow brute force under the threshold and a noisy
 * but legitimate hourly export job (negatives). Every event carries its incident id, if any;
 * the rules never see the labels.
 */
import type { DetectionEvent } from '../src/detection/evaluator.js';
import { prng } from './prng.js';

export interface Incident {
  id: string;
  kind: 'credential-stuffing' | 'account-takeover' | 'insider-delete' | 'privilege-self-grant' | 'slow-brute-force' | 'batch-job';
  positive: boolean;
}

export interface LabelledEvent extends DetectionEvent {
  incident?: string;
}

export interface Stream {
  events: LabelledEvent[];
  incidents: Incident[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;

export interface StreamOptions {
  seed: number;
  /** Approximate number of events. */
  events: number;
  /** Incidents of each positive kind (negatives: as many slow brute forces, one batch job). */
  incidentsPerKind?: number;
}

export function generateStream(o: StreamOptions): Stream {
  const rand = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const ip = () => `${int(11, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
  let uaN = 0;
  const ua = () => `Mozilla/5.0 (X11; Linux x86_64) Browser/${100 + (uaN++ % 50)}.${int(0, 9999)}`;
  const days = 60;
  const start = Date.UTC(2026, 0, 5);
  const perUserDay = 15;
  const users = Math.max(20, Math.round(o.events / (perUserDay * days * 0.75)));
  const out: LabelledEvent[] = [];
  const ev = (ms: number, actorId: string, action: string, outcome: string, extra: Partial<LabelledEvent> = {}): void => {
    out.push({ seq: 0, ms, actorId, action, outcome, ...extra });
  };
  interface User {
    id: string;
    startHour: number;
    ips: string[];
    ua: string;
    admin: boolean;
    holiday?: [number, number];
  }
  const people: User[] = [];
  for (let i = 0; i < users; i++) {
    const u: User = { id: `user-${i}`, startHour: int(5, 10), ips: [ip(), ...(rand() < 0.5 ? [ip()] : [])], ua: ua(), admin: i % 75 === 0 };
    if (rand() < 0.1) {
      const from = int(5, 40);
      u.holiday = [from, from + int(31, 40)];
    }
    people.push(u);
  }
  const actions = ['document.read', 'document.read', 'document.read', 'document.update', 'document.create', 'search.run', 'report.view'];
  for (let d = 0; d < days; d++) {
    const weekday = new Date(start + d * DAY).getUTCDay() % 6 !== 0;
    for (const u of people) {
      if (u.holiday && d >= u.holiday[0] && d < u.holiday[1]) continue;
      if (!weekday && rand() > 0.05) continue;
      if (rand() < 0.003) u.ips = [ip(), ...u.ips.slice(0, 1)];
      if (rand() < 0.001) {
        u.ips = [ip()];
        u.ua = ua();
      }
      const where = () => ({ ip: rand() < 0.97 ? u.ips[0]! : pick(u.ips), userAgent: u.ua });
      const day = start + d * DAY + u.startHour * HOUR;
      const len = 8 * HOUR;
      const t0 = day + int(0, 30) * MIN;
      if (rand() < 0.03) for (let k = int(1, 2); k > 0; k--) ev(t0 - k * 20_000, u.id, 'auth.login', 'denied', where());
      ev(t0, u.id, 'auth.login', 'success', where());
      const n = int(perUserDay - 8, perUserDay + 8);
      for (let k = 0; k < n; k++) {
        const t = t0 + Math.floor(rand() * len);
        const x = rand();
        if (x < 0.03) ev(t, u.id, 'report.export', 'success', { ...where(), metadata: { records: int(10, 300) } });
        else if (x < 0.05) ev(t, u.id, 'document.delete', 'success', { ...where(), metadata: { records: int(1, 20) } });
        else if (x < 0.06) ev(t, u.id, 'access.denied', 'denied', { ...where(), metadata: { status: 403 } });
        else if (u.admin && x < 0.08) {
          const role = rand() < 0.05 ? 'admin' : pick(['editor', 'viewer', 'auditor']);
          ev(t, u.id, 'user.role.grant', 'success', { ...where(), targetId: pick(people).id, metadata: { role } });
        } else ev(t, u.id, pick(actions), 'success', where());
      }
    }
  }
  const incidents: Incident[] = [];
  const per = o.incidentsPerKind ?? 20;
  const when = () => start + int(20, days - 2) * DAY + int(0, 23) * HOUR + int(0, 59) * MIN;
  const victim = () => pick(people.filter((p) => !p.holiday));
  // The hourly export job, all period long, around the clock: noisy, legitimate.
  incidents.push({ id: 'batch-1', kind: 'batch-job', positive: false });
  const jobIp = ip();
  for (let t = start; t < start + days * DAY; t += HOUR) ev(t + 5 * MIN, 'svc-nightly-export', 'warehouse.export', 'success', { ip: jobIp, userAgent: 'attest-batch/1.0', metadata: { records: int(4000, 6000) }, incident: 'batch-1' });
  for (let i = 0; i < per; i++) {
    let id = `stuffing-${i}`;
    incidents.push({ id, kind: 'credential-stuffing', positive: true });
    let t = when();
    const src = ip();
    for (let k = 0; k < int(150, 400); k++) ev(t + k * 3000, rand() < 0.5 ? pick(people).id : `guess-${int(1, 1e6)}`, 'auth.login', 'denied', { ip: src, userAgent: 'python-requests/2.31', incident: id });

    id = `takeover-${i}`;
    incidents.push({ id, kind: 'account-takeover', positive: true });
    t = when();
    const v = victim();
    const evil = { ip: ip(), userAgent: 'Mozilla/5.0 (Windows NT 10.0) Browser/999.1' };
    ev(t, v.id, 'auth.login', 'success', { ...evil, incident: id });
    ev(t + 2 * MIN, v.id, 'document.read', 'success', { ...evil, incident: id });
    ev(t + 5 * MIN, v.id, 'report.export', 'success', { ...evil, metadata: { records: int(2000, 8000) }, incident: id });

    id = `insider-${i}`;
    incidents.push({ id, kind: 'insider-delete', positive: true });
    const ins = victim();
    t = start + int(20, days - 2) * DAY + (ins.startHour + 2) * HOUR;
    for (let k = 0; k < 3; k++) ev(t + k * 7 * MIN, ins.id, 'document.delete', 'success', { ip: ins.ips[0]!, userAgent: ins.ua, metadata: { records: int(500, 1200) }, incident: id });

    id = `selfgrant-${i}`;
    incidents.push({ id, kind: 'privilege-self-grant', positive: true });
    const sg = victim();
    t = start + int(20, days - 2) * DAY + (sg.startHour + 3) * HOUR;
    ev(t, sg.id, 'user.role.grant', 'success', { ip: sg.ips[0]!, userAgent: sg.ua, targetId: sg.id, metadata: { role: 'admin' }, incident: id });

    id = `slowbrute-${i}`;
    incidents.push({ id, kind: 'slow-brute-force', positive: false });
    const target = victim();
    const bf = ip();
    t = when();
    // 3 attempts per 10 minutes for six hours: always under "more than 5 in 10 minutes".
    for (let k = 0; k < 108; k++) ev(t + k * 200_000, target.id, 'auth.login', 'denied', { ip: bf, userAgent: 'curl/8.5', incident: id });
  }
  out.sort((a, b) => a.ms - b.ms);
  out.forEach((e, i) => (e.seq = i + 1));
  return { events: out, incidents };
}
