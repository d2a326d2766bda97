import { defineControl, type Verdict } from '../api.js';
import type { Value } from '../../model/types.js';
import { isTrue } from '../predicates.js';
import { asString, getPath } from '../../model/value.js';

export default defineControl({
  id: 'AT-CFG-001',
  title: 'AWS Config records all supported resource types',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::Config::ConfigurationRecorder'],
  rationale: 'A recorder limited to a hand-picked list of types silently misses configuration history for every other resource, including types added later.',
  remediation: 'Omit RecordingGroup, or set RecordingGroup.AllSupported: true (or RecordingStrategy.UseOnly: ALL_SUPPORTED_RESOURCE_TYPES).',
  remediationTerraform: 'Omit the recording_group block of the aws_config_configuration_recorder, or set recording_group { all_supported = true } (or recording_strategy { use_only = "ALL_SUPPORTED_RESOURCE_TYPES" }) and no resource_types list.',
  references: {},
  evaluate(r) {
    const messages = {
      pass: 'the recorder records all supported resource types',
      fail: 'RecordingGroup limits recording to selected resource types (AllSupported is not true)',
    };
    const g = r.get('RecordingGroup');
    // The finding points at the setting that decides: the recording strategy when written, else AllSupported.
    if (g && g.k === 'object') {
      const strategy = getPath(g, 'RecordingStrategy.UseOnly');
      if (strategy && (strategy.k === 'unknown' || asString(strategy) !== undefined)) {
        return r.expect('RecordingGroup.RecordingStrategy.UseOnly', (v) => (v && v.k === 'unknown' ? { unknown: v } : asString(v) === 'ALL_SUPPORTED_RESOURCE_TYPES'), messages);
      }
      return r.expect('RecordingGroup.AllSupported', isTrue, messages);
    }
    return r.expect('RecordingGroup', recordsAll, messages);
  },
});

function recordsAll(g: Value | undefined): Verdict {
  // No recording group: the recorder records every supported type.
  if (!g) return true;
  if (g.k === 'unknown') return { unknown: g };
  const strategy = getPath(g, 'RecordingStrategy.UseOnly');
  if (strategy && strategy.k === 'unknown') return { unknown: strategy };
  if (asString(strategy) === 'ALL_SUPPORTED_RESOURCE_TYPES') return true;
  if (strategy && asString(strategy) !== undefined) return false;
  return isTrue(getPath(g, 'AllSupported'));
}
