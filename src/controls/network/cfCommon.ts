// Helpers for the CloudFront distribution controls.
import type { ResourceContext } from '../api.js';
import type { Value } from '../../model/types.js';

export const DC = 'DistributionConfig';

/** Cache behaviours with their property path: the default one first, then CacheBehaviors[i]. */
export function behaviours(r: ResourceContext): { path: string; value: Value; label: string }[] {
  const out: { path: string; value: Value; label: string }[] = [];
  const d = r.get(`${DC}.DefaultCacheBehavior`);
  if (d) out.push({ path: `${DC}.DefaultCacheBehavior`, value: d, label: 'default cache behavior' });
  const l = r.get(`${DC}.CacheBehaviors`);
  if (l && l.k === 'list') l.items.forEach((v, i) => out.push({ path: `${DC}.CacheBehaviors[${i}]`, value: v, label: `cache behavior ${i}` }));
  return out;
}

/** Origins with their index. */
export function origins(r: ResourceContext): { i: number; value: Value }[] {
  const l = r.get(`${DC}.Origins`);
  return l && l.k === 'list' ? l.items.map((value, i) => ({ i, value })) : [];
}
