/**
 * The compliance report, built once and served from memory until something it depends on
 * changes: a target file (fs.watch on every target, plus a stat sweep every few seconds for
 * platforms where watching misses events), or the service's own state (a new verification
 * result, the passing of time for key ages — at most a minute stale).
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { statSync, watch, type FSWatcher, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONTROLS } from '../controls/index.js';
import { scanPaths } from '../engine/scan.js';
import { extractFacts } from '../facts/index.js';
import type { DomainId } from '../model/types.js';
import { buildReport, type Report } from '../report/model.js';
import { contentType, render, type Format } from '../report/index.js';
import type { SelfAssessment } from './self-assessment.js';

export interface RenderedReport {
  /** UTF-8 bytes, encoded once: a report is hundreds of kilobytes, encoding it per request would dominate. */
  body: Buffer;
  /** The same bytes compressed once, for clients that accept gzip or br. */
  gzip: Buffer;
  br: Buffer;
  contentType: string;
  etag: string;
  generatedAt: string;
}

export interface ReportCacheOptions {
  targets: string[];
  cwd: string;
  /** Attest's own controls; called when the report is (re)built. */
  selfAssess: () => SelfAssessment;
  /** How often to re-check target mtimes (ms); 0 disables the sweep. */
  sweepMs?: number;
  /** Rebuild the service part at least this often (ms). */
  serviceTtlMs?: number;
  onError?: (message: string) => void;
}

const SKIP = new Set(['node_modules', '.git', 'cdk.out', '.aws-sam', '.terraform']);

/** mtimes and sizes of every file and directory under the targets: changes when anything is edited, added or removed. */
function fingerprint(targets: string[]): string {
  const h = createHash('sha1');
  const walk = (p: string, depth: number) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      h.update(`${p}:missing\n`);
      return;
    }
    h.update(`${p}:${st.mtimeMs}:${st.size}\n`);
    if (st.isDirectory() && depth < 20) {
      let names: string[] = [];
      try {
        names = readdirSync(p).sort();
      } catch {
        return;
      }
      for (const n of names) if (!SKIP.has(n)) walk(join(p, n), depth + 1);
    }
  };
  for (const t of targets) walk(t, 0);
  return h.digest('hex');
}

export class ReportCache {
  private report?: Report;
  private rendered = new Map<Format, RenderedReport>();
  private scanDirty = true;
  private serviceDirty = true;
  private serviceBuiltAt = 0;
  private scanPart?: { sources: ReturnType<typeof scanPaths>['sources']; skipped: ReturnType<typeof scanPaths>['skipped']; findings: ReturnType<typeof scanPaths>['findings']; facts: ReturnType<typeof extractFacts>; unevaluated: ReturnType<typeof scanPaths>['unevaluated'] };
  private watchers: FSWatcher[] = [];
  private timer?: NodeJS.Timeout;
  private lastPrint = '';
  /** How many times the scanner ran (tests and the bench read it). */
  builds = 0;

  constructor(private readonly o: ReportCacheOptions) {
    for (const t of o.targets) {
      try {
        const w = watch(t, { recursive: true, persistent: false }, () => this.invalidate());
        w.on('error', () => undefined);
        this.watchers.push(w);
      } catch {
        // Missing target or no recursive watch here: the sweep covers it.
      }
    }
    const sweep = o.sweepMs ?? 2000;
    if (sweep > 0) {
      this.lastPrint = fingerprint(o.targets);
      this.timer = setInterval(() => {
        const fp = fingerprint(o.targets);
        if (fp !== this.lastPrint) {
          this.lastPrint = fp;
          this.invalidate();
        }
      }, sweep);
      this.timer.unref();
    }
  }

  /** Forget the scanned part: the next request rescans the targets. */
  invalidate(): void {
    this.scanDirty = true;
    this.rendered.clear();
  }

  /** Forget Attest's own part (new verification result, configuration change). */
  invalidateService(): void {
    this.serviceDirty = true;
    this.rendered.clear();
  }

  private build(): Report {
    const ttl = this.o.serviceTtlMs ?? 60_000;
    if (Date.now() - this.serviceBuiltAt > ttl) this.serviceDirty = true;
    if (this.report && !this.scanDirty && !this.serviceDirty) return this.report;
    if (this.scanDirty || !this.scanPart) {
      this.scanDirty = false;
      // Relative to the process's directory (where the scanner resolves them), so findings name files as a user would.
      const paths = this.o.targets.map((t) => relative(process.cwd(), t) || '.');
      const result = scanPaths(paths, { controls: CONTROLS });
      this.scanPart = { sources: result.sources, skipped: result.skipped, findings: result.findings, facts: extractFacts(result.graph), unevaluated: result.unevaluated };
      this.builds++;
    }
    this.serviceDirty = false;
    this.serviceBuiltAt = Date.now();
    const svc = this.o.selfAssess();
    const facts = { ...this.scanPart.facts };
    for (const [d, f] of Object.entries(svc.facts) as [DomainId, Record<string, unknown>][]) facts[d] = { ...facts[d], ...f };
    this.report = buildReport({
      paths: this.o.targets.map((t) => relative(process.cwd(), t) || '.'),
      params: {},
      failOn: 'high',
      sources: this.scanPart.sources,
      skipped: this.scanPart.skipped,
      unevaluated: this.scanPart.unevaluated,
      findings: [...this.scanPart.findings, ...svc.findings],
      controls: [...CONTROLS, ...svc.controls],
      facts,
    });
    this.rendered.clear();
    return this.report;
  }

  /** The report as a Report object. */
  get(): Report {
    return this.build();
  }

  /** The report rendered in `format`, from the cache when nothing changed. */
  rendition(format: Format): RenderedReport {
    const report = this.build();
    const hit = this.rendered.get(format);
    if (hit) return hit;
    const text = render(report, format);
    const body = Buffer.from(text);
    const r: RenderedReport = {
      body,
      gzip: gzipSync(body, { level: 6 }),
      br: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      contentType: contentType(format),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      generatedAt: report.generatedAt,
    };
    this.rendered.set(format, r);
    return r;
  }

  close(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
    if (this.timer) clearInterval(this.timer);
  }
}
