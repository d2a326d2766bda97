// The longest interval between runs of an AWS schedule expression (rate(...) or cron(...)), in
// days, when it can be told; used for rotation schedules that must run at least every N days.

/** Upper bound on the days between two runs, or undefined when the expression is not understood. */
export function maxIntervalDays(expr: string): number | undefined {
  const s = expr.trim();
  const rate = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/i.exec(s);
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2].toLowerCase();
    return unit.startsWith('day') ? n : unit.startsWith('hour') ? n / 24 : n / 1440;
  }
  const cron = /^cron\((.+)\)$/i.exec(s);
  if (!cron) return undefined;
  const f = cron[1].trim().split(/\s+/);
  if (f.length !== 6) return undefined;
  const [, , dom, month, dow] = f;
  const gap = monthGap(month);
  if (gap === undefined) return undefined;
  // A day-of-week field fires every week of the months it runs in.
  if (dom === '?' && dow !== '?') return gap === 1 ? 7 : gap * 31;
  if (dom === '*' || dom === 'L' || /^([1-9]|1\d|2[0-8])([,-/][\d,/-]*)?$/.test(dom)) return gap * 31;
  // Days 29-31 (or W) skip short months; only a monthly schedule is still bounded.
  if (/^(29|30|31)$/.test(dom) && gap === 1) return 62;
  return undefined;
}

/** The most months between two months a cron month field selects (1 = every month). */
function monthGap(field: string): number | undefined {
  if (field === '*' || field === '?') return 1;
  const months = new Set<number>();
  for (const part of field.split(',')) {
    const m = /^(\*|\d{1,2})(?:-(\d{1,2}))?(?:\/(\d{1,2}))?$/.exec(part);
    if (!m) return undefined;
    const from = m[1] === '*' ? 1 : Number(m[1]);
    const to = m[2] ? Number(m[2]) : m[1] === '*' || m[3] ? 12 : from;
    const step = m[3] ? Number(m[3]) : 1;
    if (from < 1 || to > 12 || from > to || step < 1) return undefined;
    for (let x = from; x <= to; x += step) months.add(x);
  }
  const sorted = [...months].sort((x, y) => x - y);
  let gap = 12 - sorted[sorted.length - 1] + sorted[0];
  for (let i = 1; i < sorted.length; i++) gap = Math.max(gap, sorted[i] - sorted[i - 1]);
  return gap;
}
