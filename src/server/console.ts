/**
 * The web console (web/, built by Vite into dist/web) served at /, and the one read the
 * console needs that the audit API lacked (the latest verification without running one).
 *
 * Static files are public routes declared like every other route (so the access hook, the
 * OpenAPI document and the compliance report's endpoint table all see them); they carry no
 * data: the console fetches everything from the API with the user's bearer token.
 *
 * Serving rules: hashed assets under /assets/ are immutable for a year; index.html (the SPA
 * fallback for every other path) is revalidated each time; paths are resolved inside the
 * console directory only (no "..", no dotfiles, no symlink escape); unknown /api/ paths keep
 * the API's JSON 404; a strict Content-Security-Policy allows scripts and styles from this
 * origin only, and connections to this origin and the identity provider.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from './context.js';
import type { RouteDecl } from './types.js';

/** dist/web, next to dist/src (this file compiles to dist/src/server/console.js). */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt', '.webmanifest']);

interface Loaded {
  body: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
  mtimeMs: number;
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Attest — console not built</title></head>
<body><h1>The Attest console is not built</h1><p>Run <code>npm run build:web</code> (or <code>npm ci</code>, which builds it) and reload.
The API is available: see <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>
`;

function origin(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(/^https?:\/\//.test(url) ? url : `https://${url}`).origin;
  } catch {
    return undefined;
  }
}

/** The CSP of the console's pages: this origin, plus the identity provider for the PKCE code exchange. */
export function consoleCsp(ctx: Pick<ServerContext, 'access' | 'config'>): string {
  const idp = [origin(ctx.access.issuer), origin(ctx.config.server.authDomain)].filter((x): x is string => Boolean(x));
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${[...new Set(idp)].map((o) => ` ${o}`).join('')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface ConsoleOptions {
  /** Directory of the built console (default: dist/web). */
  dir?: string;
}

/** A static file server over one directory, safe against path traversal. */
export class ConsoleFiles {
  readonly root: string;
  private cache = new Map<string, Loaded>();

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  /** The file for a URL path, or undefined when there is none (or the path is not acceptable). */
  load(urlPath: string): Loaded | undefined {
    let path: string;
    try {
      path = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (path.includes('\0') || path.includes('\\')) return undefined;
    // No dotfiles or dot-directories (and so no "." or ".." segments).
    if (path.split('/').some((seg) => seg.startsWith('.'))) return undefined;
    const file = resolve(this.root, `.${path.startsWith('/') ? path : `/${path}`}`);
    if (file !== this.root && !file.startsWith(this.root + sep)) return undefined;
    let st;
    try {
      st = statSync(file);
    } catch {
      return undefined;
    }
    if (!st.isFile()) return undefined;
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs) return hit;
    // A symlink inside the directory must not lead outside it.
    let real: string;
    try {
      real = realpathSync(file);
      const realRoot = realpathSync(this.root);
      if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined;
    } catch {
      return undefined;
    }
    const body = readFileSync(real);
    const ext = extname(file).toLowerCase();
    const loaded: Loaded = {
      body,
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      mtimeMs: st.mtimeMs,
      ...(COMPRESSIBLE.has(ext) && body.length > 1024 ? { gzip: gzipSync(body, { level: 9 }) } : {}),
    };
    this.cache.set(file, loaded);
    return loaded;
  }
}

function send(req: FastifyRequest, reply: FastifyReply, f: Loaded, cacheControl: string, csp?: string): FastifyReply {
  reply.header('cache-control', cacheControl).header('etag', f.etag).header('vary', 'accept-encoding');
  if (csp) reply.header('content-security-policy', csp).header('x-frame-options', 'DENY').header('cross-origin-opener-policy', 'same-origin');
  if (req.headers['if-none-match'] === f.etag) return reply.code(304).send();
  reply.type(f.type);
  const accept = req.headers['accept-encoding'];
  if (f.gzip && typeof accept === 'string' && /\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(f.gzip);
  return reply.send(f.body);
}

/** The console's routes: GET / and every other GET path (the SPA's deep links), plus the verification status. */
export function consoleRoutes(ctx: ServerContext, o: ConsoleOptions = {}): RouteDecl[] {
  const files = new ConsoleFiles(o.dir ?? process.env['ATTEST_CONSOLE_DIR'] ?? DEFAULT_CONSOLE_DIR);
  const csp = consoleCsp(ctx);
  const page = async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0]!;
    // Unknown API paths keep the API's JSON answer.
    if (path === '/api' || path.startsWith('/api/')) {
      return reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${path.slice(0, 200)}; see GET /api/openapi.json`, requestId: req.id });
    }
    if (path !== '/' && path !== '/index.html') {
      const f = files.load(path);
      if (f) return send(req, reply, f, path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600', f.type.startsWith('text/html') ? csp : undefined);
      // A missing hashed asset is a 404, not the app (a stale tab after a deploy).
      if (path.startsWith('/assets/') || extname(path) !== '') {
        return reply.code(404).type('text/plain; charset=utf-8').send('not found\n');
      }
    }
    const index = files.load('/index.html');
    if (!index) return reply.code(200).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT);
    return send(req, reply, index, 'no-cache', csp);
  };
  const common = {
    method: 'GET' as const,
    public: true as const,
    tags: ['console'],
    produces: ['text/html'],
    response: { 200: { description: 'The console (HTML, scripts, styles): no data; it reads the API with the user\'s token', type: 'string' } },
    handler: page,
  };
  return [
    { ...common, url: '/', summary: 'The web console (single-page application)' },
    { ...common, url: '/*', summary: 'The web console\'s static files and deep links (index.html for any other path)' },
  ];
}

