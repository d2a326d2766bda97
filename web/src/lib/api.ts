// The console's only way to the server: every call carries the in-memory bearer token, and
// every answer is checked. A 401 ends the session (expired or revoked token); a 403 is shown
// with the server's own explanation, because the server, not the console, decides access.
import type { ApiErrorBody } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
    readonly url: string,
  ) {
    super(body?.message ?? `${url}: HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

export interface ApiClient {
  getJson<T>(path: string, q?: Query, init?: { signal?: AbortSignal }): Promise<T>;
  /** The body exactly as the server sent it (exports). */
  getRaw(path: string, q?: Query): Promise<{ text: string; blob: Blob; contentType: string; filename?: string }>;
  /** POST a JSON body, JSON back. */
  postJson<T>(path: string, body: unknown): Promise<T>;
}

async function errorOf(res: Response, url: string): Promise<ApiError> {
  let body: ApiErrorBody | undefined;
  try {
    const j: unknown = await res.json();
    if (j && typeof j === 'object' && typeof (j as ApiErrorBody).message === 'string') body = j as ApiErrorBody;
  } catch {
    /* not JSON */
  }
  return new ApiError(res.status, body, url);
}

export function createClient(token: string, onUnauthorized: (e: ApiError) => void): ApiClient {
  const call = async (path: string, q: Query | undefined, accept: string, signal?: AbortSignal, body?: unknown): Promise<Response> => {
    const url = withQuery(path, q);
    const res = await fetch(url, {
      ...(body !== undefined ? { method: 'POST', body: JSON.stringify(body) } : {}),
      headers: { authorization: `Bearer ${token}`, accept, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    });
    if (!res.ok) {
      const e = await errorOf(res, url);
      if (res.status === 401) onUnauthorized(e);
      throw e;
    }
    return res;
  };
  return {
    async getJson<T>(path: string, q?: Query, init?: { signal?: AbortSignal }): Promise<T> {
      const res = await call(path, q, 'application/json', init?.signal);
      return (await res.json()) as T;
    },
    async postJson<T>(path: string, body: unknown): Promise<T> {
      const res = await call(path, undefined, 'application/json', undefined, body);
      return (await res.json()) as T;
    },
    async getRaw(path: string, q?: Query) {
      const res = await call(path, q, '*/*');
      const blob = await res.blob();
      const text = await blob.text();
      const cd = res.headers.get('content-disposition') ?? '';
      const m = /filename="?([^";]+)"?/i.exec(cd);
      return { text, blob, contentType: res.headers.get('content-type') ?? 'application/octet-stream', ...(m ? { filename: m[1] } : {}) };
    },
  };
}

/** Public (unauthenticated) JSON. */
export async function getPublic<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw await errorOf(res, path);
  return (await res.json()) as T;
}

export async function postPublic<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), cache: 'no-store' });
  if (!res.ok) throw await errorOf(res, path);
  return (await res.json()) as T;
}

/** Saves bytes as a file through a temporary object URL (the token never appears in a URL). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
