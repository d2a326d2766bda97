// A small history-API router: the console's state that matters for sharing (page, domain,
// control, filters, audit query) lives in the URL, so every view is a deep link.
import { useSyncExternalStore } from 'react';

export interface Loc {
  path: string;
  search: URLSearchParams;
  hash: string;
}

const listeners = new Set<() => void>();
let snapshot = read();

function read(): Loc & { href: string } {
  return { path: location.pathname, search: new URLSearchParams(location.search), hash: location.hash.replace(/^#/, ''), href: location.href };
}

function emit(): void {
  const next = read();
  if (next.href === snapshot.href) return;
  snapshot = next;
  for (const l of listeners) l();
}

window.addEventListener('popstate', emit);

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  emit();
}

export function useLocation(): Loc {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}

/** path + query built from a record (empty values dropped). */
export function href(path: string, q: Record<string, string | undefined> = {}, hash?: string): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return `${path}${s ? `?${s}` : ''}${hash ? `#${hash}` : ''}`;
}

/** Click handler for in-app links: let modified clicks open new tabs. */
export function linkClick(e: React.MouseEvent<HTMLAnchorElement>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.currentTarget;
  if (a.target && a.target !== '_self') return;
  if (a.origin !== location.origin) return;
  e.preventDefault();
  navigate(a.pathname + a.search + a.hash);
}
