/**
 * Development mode only: mint tokens of the built-in issuer over HTTP and a bare login form,
 * so the console can be tried without an identity provider. Never registered otherwise.
 */
import { DevIssuerError, DEFAULT_DEV_TTL_SECONDS } from '../../access/dev-issuer.js';
import type { ServerContext } from '../context.js';
import { errorResponse, type RouteDecl } from '../types.js';
import { badRequest } from './common.js';

const LOGIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Attest — development login</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}
.warn{background:#fff3cd;border:1px solid #e0b400;padding:.75rem;border-radius:4px}
label{display:block;margin:.5rem 0}textarea{width:100%;height:7rem;font-family:monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto}</style></head>
<body><h1>Attest — development login</h1>
<p class="warn"><strong>DEVELOPMENT MODE.</strong> This server trusts tokens minted locally by its built-in issuer. Never expose it.</p>
<form id="f"><label>User <input name="user" value="alice" required pattern="[A-Za-z0-9._@-]{1,64}"></label>
<label>Role <select name="role" id="role"></select></label>
<label>Tenant (optional) <input name="tenant"></label>
<button>Get a token</button></form>
<h2>Token</h2><textarea id="token" readonly></textarea>
<h2>GET /api/me</h2><pre id="me"></pre>
<script>
fetch('/api/auth/config').then(r=>r.json()).then(c=>{const s=document.getElementById('role');for(const r of c.roles||[]){const o=document.createElement('option');o.textContent=r;s.appendChild(o);}});
document.getElementById('f').addEventListener('submit',async e=>{e.preventDefault();const d=new FormData(e.target);
const body={user:d.get('user'),role:d.get('role')};if(d.get('tenant'))body.tenant=d.get('tenant');
const r=await fetch('/api/dev/token',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});const j=await r.json();
if(!r.ok){document.getElementById('token').value=j.message;return;}
document.getElementById('token').value=j.access_token;
const me=await fetch('/api/me',{headers:{authorization:'Bearer '+j.access_token}});document.getElementById('me').textContent=JSON.stringify(await me.json(),null,2);});
</script></body></html>
`;

export function devRoutes(ctx: ServerContext): RouteDecl[] {
  return [
    {
      method: 'POST',
      url: '/api/dev/token',
      public: true,
      devOnly: true,
      summary: 'DEVELOPMENT MODE ONLY: mint an access token of the built-in issuer for a named user and role',
      tags: ['dev'],
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['user', 'role'],
        properties: {
          user: { type: 'string', maxLength: 64 },
          role: { anyOf: [{ type: 'string', maxLength: 64 }, { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 10 }] },
          tenant: { type: 'string', maxLength: 64 },
          ttlSeconds: { type: 'integer', minimum: 60, maximum: 86400 },
        },
      },
      response: {
        200: {
          description: 'A development access token',
          type: 'object',
          required: ['access_token', 'token_type', 'expires_in', 'warning'],
          properties: { access_token: { type: 'string' }, token_type: { type: 'string' }, expires_in: { type: 'integer' }, warning: { type: 'string' } },
        },
        400: errorResponse('Unknown role or bad user name'),
      },
      example: { body: { user: 'alice', role: 'auditor' } },
      async handler(req, reply) {
        const dev = ctx.devIssuer;
        if (!dev) return reply.code(404).send({ error: 'not_found', message: 'development mode is off', requestId: req.id });
        const b = req.body as { user: string; role: string | string[]; tenant?: string; ttlSeconds?: number };
        let token: string;
        try {
          token = await dev.mint({ user: b.user, role: b.role, roles: ctx.access.roles, ...(b.tenant ? { tenant: b.tenant } : {}), ...(b.ttlSeconds ? { ttlSeconds: b.ttlSeconds } : {}) });
        } catch (e) {
          if (e instanceof DevIssuerError) return badRequest(req, reply, e.message);
          throw e;
        }
        await ctx.ledger.append([
          {
            actor: { id: 'anonymous', type: 'user', ...(req.ip ? { ip: req.ip } : {}) },
            action: 'auth.dev_token.mint',
            target: { type: 'user', id: `dev:${b.user}` },
            outcome: 'success',
            request_id: req.id,
            metadata: { roles: typeof b.role === 'string' ? [b.role] : b.role, ...(b.tenant ? { tenant: b.tenant } : {}) },
          },
        ]);
        return { access_token: token, token_type: 'Bearer', expires_in: b.ttlSeconds ?? DEFAULT_DEV_TTL_SECONDS, warning: 'development token: valid only on servers started with --dev' };
      },
    },
    {
      method: 'GET',
      url: '/dev/login',
      public: true,
      devOnly: true,
      summary: 'DEVELOPMENT MODE ONLY: a bare login form that mints development tokens',
      tags: ['dev'],
      produces: ['text/html'],
      response: { 200: { description: 'HTML page', type: 'string' } },
      async handler(_req, reply) {
        return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline'").send(LOGIN_PAGE);
      },
    },
  ];
}
