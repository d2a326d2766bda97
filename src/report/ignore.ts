// The ignore file (.attestignore.yaml): findings a team accepts outside the templates, each
// with a reason and an expiry date at most a year ahead, so every ignore is looked at again.
// A matching failing or unknown finding becomes `suppressed`, like an in-template suppression;
// an expired entry stops applying and is reported. An entry that cannot be read is an error
// naming the file, line, column and field: a typo must not silently ignore nothing (or everything).
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { Finding } from '../model/types.js';

export { IGNORE_FILE_NAME } from '../sources/types.js';
import { IGNORE_FILE_NAME } from '../sources/types.js';
const FIELDS = ['control', 'resource', 'file', 'reason', 'expires'] as const;

export interface IgnoreEntry {
  control: string;
  /** Glob over the resource id (`*` matches any characters, `?` one). */
  resource?: string;
  /** Glob over the resource's file, relative to the ignore file's folder (gitignore-like). */
  file?: string;
  reason: string;
  expires: string;
  at: { file: string; line: number; column: number };
}

export interface IgnoreFile {
  path: string;
  entries: IgnoreEntry[];
}

export interface IgnoreSummary {
  files: string[];
  entries: number;
  /** Findings the entries suppressed. */
  suppressed: number;
  /** Entries past their date: they no longer apply. `matched` counts the findings they would have suppressed. */
  expired: (Pick<IgnoreEntry, 'control' | 'resource' | 'file' | 'reason' | 'expires'> & { at: IgnoreEntry['at']; matched: number })[];
}

/** Every problem of one or more ignore files, one `file:line:column: message` each. */
export class IgnoreFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** `today` plus one year (the latest expiry an entry may have), as YYYY-MM-DD. */
export function latestExpiry(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  // 29 February plus a year is 28 February, not 1 March.
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

const isDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * Read an ignore file: `ignore:` followed by a list of entries (or the list alone). Problems
 * are collected, not thrown one at a time, so one run shows all of them.
 */
export function parseIgnoreFile(text: string, path: string, opts: { today: string; controls?: ReadonlySet<string> }): { file: IgnoreFile; problems: string[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const problems: string[] = [];
  const at = (offset: number | undefined) => {
    const p = lc.linePos(offset ?? 0);
    return { file: path, line: p.line, column: p.col };
  };
  const say = (offset: number | undefined, message: string) => {
    const p = at(offset);
    problems.push(`${path}:${p.line}:${p.column}: ${message}`);
  };
  for (const e of doc.errors) say(e.pos[0], e.message.split('\n')[0]!);
  const entries: IgnoreEntry[] = [];
  if (doc.errors.length) return { file: { path, entries }, problems };
  let list: YamlNode | null | undefined = doc.contents as YamlNode | null;
  if (list === null || (isScalar(list) && (list.value === null || list.value === ''))) return { file: { path, entries }, problems };
  if (isMap(list)) {
    const keys = list.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
    for (const [i, k] of keys.entries()) if (k !== 'ignore') say(startOf(list.items[i]!.key as YamlNode), `unknown top-level key ${JSON.stringify(k)}; an ignore file has one key, ignore, holding a list of entries`);
    list = list.get('ignore', true) as YamlNode | undefined;
    if (list === undefined || (isScalar(list) && list.value === null)) return { file: { path, entries }, problems };
  }
  if (!isSeq(list)) {
    say(startOf(list), 'an ignore file holds a list of entries (under ignore:), each with control, reason, expires and optionally resource and file');
    return { file: { path, entries }, problems };
  }
  const limit = latestExpiry(opts.today);
  list.items.forEach((item, i) => {
    const where = `ignore[${i}]`;
    const node = item as YamlNode;
    if (!isMap(node)) { say(startOf(node), `${where}: an entry is a mapping with control, reason, expires and optionally resource and file`); return; }
    const got: Partial<Record<(typeof FIELDS)[number], { value: string; offset: number | undefined }>> = {};
    let bad = false;
    for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!(FIELDS as readonly string[]).includes(key)) {
        say(startOf(pair.key), `${where}: unknown field ${JSON.stringify(key)}; the fields are ${FIELDS.join(', ')}`);
        bad = true;
        continue;
      }
      const v = pair.value;
      // Dates and ids are read as written: a YAML timestamp or number is still text here.
      const text = isScalar(v) && v.value !== null && typeof v.value !== 'object' ? String(v.source ?? v.value) : undefined;
      if (text === undefined || !text.trim()) {
        say(startOf(v ?? pair.key), `${where}.${key}: must be ${key === 'expires' ? 'a date such as 2026-06-30' : 'a non-empty text'}`);
        bad = true;
        continue;
      }
      got[key as (typeof FIELDS)[number]] = { value: text.trim(), offset: startOf(v) };
    }
    const entryAt = startOf(node);
    for (const f of ['control', 'reason', 'expires'] as const) {
      if (!got[f] && !problems.some((p) => p.includes(`${where}.${f}:`))) {
        say(entryAt, `${where}.${f}: is required (${f === 'control' ? 'a control id such as AT-S3-001' : f === 'reason' ? 'why the finding is accepted' : `the date it stops applying, at most a year ahead (${limit} at the latest)`})`);
        bad = true;
      }
    }
    const c = got.control;
    if (c && opts.controls && !opts.controls.has(c.value)) {
      say(c.offset, `${where}.control: ${JSON.stringify(c.value)} is not a control of this Attest (attest controls lists them)`);
      bad = true;
    }
    const x = got.expires;
    if (x && !isDate(x.value)) { say(x.offset, `${where}.expires: ${JSON.stringify(x.value)} is not a date; write it as YYYY-MM-DD, e.g. ${limit}`); bad = true; }
    else if (x && x.value > limit) { say(x.offset, `${where}.expires: ${x.value} is more than a year ahead; an ignore is reviewed at least yearly (${limit} at the latest)`); bad = true; }
    if (bad) return;
    entries.push({
      control: c!.value,
      ...(got.resource ? { resource: got.resource.value } : {}),
      ...(got.file ? { file: got.file.value } : {}),
      reason: got.reason!.value,
      expires: x!.value,
      at: at(entryAt),
    });
  });
  return { file: { path, entries }, problems };
}

const startOf = (n: YamlNode | null | undefined): number | undefined => (n && 'range' in n && n.range ? n.range[0] : undefined);

/** Resource ids: `*` any characters (ids hold dots and slashes), `?` one. */
function idGlob(pat: string): RegExp {
  return new RegExp(`^${pat.split(/(\*|\?)/).map((t) => (t === '*' ? '.*' : t === '?' ? '.' : t.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`);
}

/** Paths, gitignore-like: without `/` a name anywhere, with `/` from the ignore file's folder; `*` and `?` within a name, `**` across folders. */
function pathGlob(pat: string): (rel: string) => boolean {
  const clean = pat.replace(/\\/g, '/').replace(/^\.\//, '');
  const body = clean.split(/(\*\*\/|\*\*|\*|\?)/).map((t) => (t === '**/' ? '(?:.*/)?' : t === '**' ? '.*' : t === '*' ? '[^/]*' : t === '?' ? '[^/]' : t.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  const re = new RegExp(`^${body}$`);
  const byName = !clean.includes('/');
  return (rel) => re.test(byName ? rel.slice(rel.lastIndexOf('/') + 1) : rel);
}

interface Compiled { entry: IgnoreEntry; resource?: RegExp; file?: (rel: string) => boolean; base: string; expired: boolean; matched: number }

/** The finding's resource file relative to `base`, or undefined when it is outside that folder. */
function relativeTo(base: string, file: string): string | undefined {
  const rel = relative(base, resolve(file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/**
 * Suppress the failing and unknown findings that a live entry matches (first entry wins);
 * a finding only an expired entry matches keeps its status and says the entry expired.
 * Findings already suppressed in their template are left as they are.
 */
export function applyIgnores(findings: readonly Finding[], files: readonly IgnoreFile[], today: string): { findings: Finding[]; summary: IgnoreSummary } {
  const compiled: Compiled[] = files.flatMap((f) => f.entries.map((entry) => ({
    entry,
    ...(entry.resource ? { resource: idGlob(entry.resource) } : {}),
    ...(entry.file ? { file: pathGlob(entry.file) } : {}),
    base: dirname(resolve(f.path)),
    expired: entry.expires < today,
    matched: 0,
  })));
  const matches = (c: Compiled, f: Finding) => {
    if (c.entry.control !== f.controlId) return false;
    if (c.resource && !c.resource.test(f.resource.id)) return false;
    const rel = relativeTo(c.base, f.resource.file);
    if (rel === undefined) return false;
    return !c.file || c.file(rel);
  };
  let suppressed = 0;
  const out = findings.map((f): Finding => {
    if ((f.status !== 'fail' && f.status !== 'unknown') || (f.suppression && !f.suppression.expired)) return f;
    const live = compiled.find((c) => !c.expired && matches(c, f));
    if (live) {
      live.matched++;
      suppressed++;
      const e = live.entry;
      return { ...f, status: 'suppressed', suppression: { source: 'ignore-file', reason: e.reason, expires: e.expires, ...e.at } };
    }
    const dead = compiled.find((c) => c.expired && matches(c, f));
    if (!dead) return f;
    dead.matched++;
    if (f.suppression) return f;
    const e = dead.entry;
    return { ...f, message: `${f.message} (ignore entry at ${e.at.file}:${e.at.line} expired on ${e.expires}; it no longer applies)`, suppression: { source: 'ignore-file', reason: e.reason, expires: e.expires, ...e.at, expired: true } };
  });
  const expired = compiled.filter((c) => c.expired).map((c) => ({
    control: c.entry.control, ...(c.entry.resource ? { resource: c.entry.resource } : {}), ...(c.entry.file ? { file: c.entry.file } : {}),
    reason: c.entry.reason, expires: c.entry.expires, at: c.entry.at, matched: c.matched,
  }));
  return { findings: out, summary: { files: files.map((f) => f.path), entries: compiled.length, suppressed, expired } };
}
