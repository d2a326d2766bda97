import { decide, defineControl, evidenceAt, type Verdict } from '../api.js';
import { isTrue } from '../predicates.js';
import type { Value } from '../../model/types.js';
import { asString, getPath, prop } from '../../model/value.js';
import { keyAt } from '../lib/operations.js';

/** The entry of Features with the given Name and its index, 'unknown' when the list cannot be read, undefined when not listed. */
export function featureEntry(features: Value | undefined, name: string): { item: Value; index: number } | undefined | 'unknown' {
  if (!features) return undefined;
  if (features.k === 'unknown') return 'unknown';
  if (features.k !== 'list') return undefined;
  for (const [index, f] of features.items.entries()) {
    if (f.k === 'unknown') return 'unknown';
    if (asString(prop(f, 'Name')) === name) return { item: f, index };
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
  remediationTerraform: 'Declare an aws_guardduty_detector_feature with detector_id set to the detector, name = "S3_DATA_EVENTS" and status = "ENABLED" (or, on older configurations, datasources { s3_logs { enable = true } } on the aws_guardduty_detector).',
  references: {},
  evaluate(r) {
    const features = r.get('Features');
    const fe = featureEntry(features, 'S3_DATA_EVENTS');
    if (fe === 'unknown') return r.unknown('Features is only known at deploy time', features, undefined, [r.evidence('Features', features)]);
    if (fe) {
      // The S3 entry's own Status decides, wherever the entry sits in the list.
      const status = prop(fe.item, 'Status');
      const at = keyAt(fe.item, 'Status');
      const ev = [evidenceAt(`Properties.Features[${fe.index}].Status`, status, at)];
      const d = decide(status, (s): Verdict => (s?.k === 'unknown' ? { unknown: s } : asString(s) === 'ENABLED'));
      if (d === true) return r.pass('S3 protection feature S3_DATA_EVENTS is ENABLED', at, ev);
      if (d === false) return r.fail('feature S3_DATA_EVENTS is not ENABLED: S3 data events are not analysed', at, ev);
      return r.unknown('the status of feature S3_DATA_EVENTS is known only at deploy time', d.unknown, at, ev);
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
