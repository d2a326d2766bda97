import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { asBool, asString, prop } from '../../model/value.js';

const truthy = (v: Value | undefined) => decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : asBool(x) === true));

export default defineControl({
  id: 'AT-APIGW-003',
  title: 'API Gateway response caches are encrypted',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api', 'AWS::ApiGateway::Deployment'],
  rationale: 'Cached responses can hold personal or sensitive data; an unencrypted cache stores it in clear at rest.',
  remediation: 'Wherever MethodSettings enable CachingEnabled, also set CacheDataEncrypted: true.',
  remediationTerraform: 'Wherever an aws_api_gateway_method_settings for the stage sets settings { caching_enabled = true }, also set cache_data_encrypted = true in the same settings block.',
  references: { trivy: ['AVD-AWS-0002'], guard: ['API_GW_CACHE_ENABLED_AND_ENCRYPTED'] },
  evaluate(r) {
    const base = r.type === 'AWS::ApiGateway::Deployment' ? 'StageDescription.' : '';
    if (base && !r.get('StageName')) return r.notApplicable('the deployment does not create a stage');
    const items: { path: string; v: Value; label: string }[] = [];
    if (base) {
      const sd = r.get('StageDescription');
      if (sd) items.push({ path: 'StageDescription', v: sd, label: 'stage description' });
    }
    const ms = r.get(`${base}MethodSettings`);
    if (ms && ms.k === 'list') ms.items.forEach((v, i) => items.push({ path: `${base}MethodSettings[${i}]`, v, label: `method setting ${asString(prop(v, 'ResourcePath')) ?? ''} ${asString(prop(v, 'HttpMethod')) ?? ''}`.trim() }));
    const outs: Outcome[] = [];
    for (const it of items) {
      const en = truthy(prop(it.v, 'CachingEnabled'));
      if (en === false) continue;
      const enc = prop(it.v, 'CacheDataEncrypted');
      const at = enc?.loc ?? prop(it.v, 'CachingEnabled')?.loc ?? it.v.loc;
      const ev = [evidenceAt(`Properties.${it.path}.CachingEnabled`, prop(it.v, 'CachingEnabled'), prop(it.v, 'CachingEnabled')?.loc ?? it.v.loc), evidenceAt(`Properties.${it.path}.CacheDataEncrypted`, enc, at)];
      const e = truthy(enc);
      if (e === true) outs.push(r.pass(`${it.label}: cached data is encrypted`, at, ev));
      else if (e === false && en === true) outs.push(r.fail(`${it.label}: caching is enabled but CacheDataEncrypted is not true`, at, ev));
      else outs.push(r.unknown(`${it.label}: cannot tell whether cached data is encrypted`, e === false ? (en as { unknown: Value & { k: 'unknown' } }).unknown : (e as { unknown: Value & { k: 'unknown' } }).unknown, at, ev));
    }
    if (outs.length === 0) return r.notApplicable('no method setting enables response caching');
    const bad = outs.filter((o) => o.status !== 'pass');
    return bad.length ? bad : outs;
  },
});
