/** Removes secrets from text that leaves the process (error messages, records, logs). */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    // Libraries quote URLs decoded or percent-encoded, and name a URL's path without its origin.
    const forms = new Set([s, encodeURIComponent(s), encodeURI(s)]);
    try {
      const u = new URL(s);
      if (u.pathname.length > 1) forms.add(u.pathname + u.search);
      if (u.search.length > 1) forms.add(u.search);
    } catch {
      // not a URL
    }
    for (const f of [...forms].sort((a, b) => b.length - a.length)) out = out.split(f).join('[redacted]');
  }
  return out;
}
