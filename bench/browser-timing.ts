// Timing in the browser, shared by the console benches: percentiles of a series, and the time
// from an action run in the page to the frame that shows its result.
import type { Page } from 'playwright-core';

export function stats(xs: number[]): { runs: number; p50: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { runs: s.length, p50: r(q(0.5)), p95: r(q(0.95)), max: r(s[s.length - 1]!) };
}

/** Time in the page from `act` (a click, run in the page) until `done` holds and a frame was painted. */
export async function timeInPage(page: Page, act: string, done: string): Promise<number> {
  return page.evaluate(
    ([actSrc, doneSrc]) =>
      new Promise<number>((resolve, reject) => {
        const isDone = new Function(`return (${doneSrc})`) as () => boolean;
        // Done when the DOM holds the result; then the frame that shows it (rAF runs before
        // that frame's style, layout and paint; the task after it, once they are done).
        let finished = false;
        const finish = () => {
          if (finished || !isDone()) return;
          finished = true;
          mo.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        };
        const mo = new MutationObserver(finish);
        mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        const timer = setTimeout(() => {
          mo.disconnect();
          reject(new Error(`timed out waiting for ${doneSrc}`));
        }, 30_000);
        const t0 = performance.now();
        (new Function(actSrc) as () => void)();
        finish();
      }),
    [act, done] as const,
  );
}
