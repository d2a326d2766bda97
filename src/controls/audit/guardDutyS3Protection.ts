import { defineControl, type Verdict } from '../api.js';
import { isTrue } from '../predicates.js';
import type { Value } from '../../model/types.js';
import { asString, getPath, prop } from '../../model/value.js';

/** Status of a named entry of Features, or undefined when the feature is not listed. */
export function featureStatus(features: Value | undefined, name: string): Value | undefined | 'unknown' {
  if (!features) return undefined;
  if (features.k === 'unknown') return 'unknown';
  if (features.k !== 'list') return undefined;
  for (const f of features.items) {
    if (f.k === 'unknown') return 'unknown';
    if (asString(prop(f, 'Name')) === name) return prop(f, 'Status');
  }
  return undefined;
}

export default defineControl({
  id: 'AT-GD-002',
  title: 'GuardDuty S3 protection is enabled',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::GuardDuty::Detector'],
  rationale: 'S3 protection watches data-plane events on buckets for unusual access and exfiltration patterns that management events alone do not show.',
  remediation: 'Add Features entry { Name: S3_DATA_EVENTS, Status: ENABLED } (or the older DataSources.S3Logs.Enable: true).',
  references: {},
  evaluate(r) {
    const features = r.get('Features');
    const fs = featureStatus(features, 'S3_DATA_EVENTS');
    if (fs === 'unknown') return r.unknown('Features is only known at deploy time', features, undefined, [r.evidence('Features', features)]);
    if (fs !== undefined) {
      return r.expect('Features', (): Verdict => (fs && fs.k === 'unknown' ? { unknown: fs } : asString(fs) === 'ENABLED'), {
        pass: 'S3 protection feature S3_DATA_EVENTS is ENABLED',
        fail: 'feature S3_DATA_EVENTS is not ENABLED: S3 data events are not analysed',
      });
    }
    const legacy = getPath(r.properties, 'DataSources.S3Logs.Enable');
    if (legacy) {
      return r.expect('DataSources.S3Logs.Enable', isTrue, {
        pass: 'S3 protection is enabled (DataSources.S3Logs)',
        fail: 'DataSources.S3Logs.Enable is not true: S3 data events are not analysed',
      });
    }
    return r.fail('neither Features S3_DATA_EVENTS nor DataSources.S3Logs enables S3 protection', r.locate('Features'), [r.evidence('Features', features)]);
  },
});
