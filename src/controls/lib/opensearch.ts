// Helpers shared by the OpenSearch and legacy Elasticsearch domain controls: the name of the
// cluster configuration (which differs between the two resource types), values read along a
// path that may pass through something known only at deploy time, and log publishing.
import type { Value } from '../../model/types.js';
import { decide, evidenceAt, type Outcome, type ResourceContext } from '../api.js';
import { isPresent, isTrue } from '../predicates.js';
import { valueThrough } from '../../model/value.js';

export const DOMAIN_TYPES = ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'];

/** The cluster configuration property: ClusterConfig, or ElasticsearchClusterConfig on the legacy type. */
export function clusterConfigOf(r: ResourceContext): string {
  return r.type === 'AWS::Elasticsearch::Domain' ? 'ElasticsearchClusterConfig' : 'ClusterConfig';
}

/**
 * Whether the domain publishes logs of `logType` (AUDIT_LOGS, ES_APPLICATION_LOGS) to
 * CloudWatch Logs: LogPublishingOptions.<logType> with Enabled true and a log group.
 */
export function publishesLog(r: ResourceContext, logType: string, what: string, extraFail = ''): Outcome {
  const base = `LogPublishingOptions.${logType}`;
  const enabledPath = `${base}.Enabled`;
  const groupPath = `${base}.CloudWatchLogsLogGroupArn`;
  const enabled = r.get(enabledPath);
  const at = r.locate(enabledPath);
  const ev = [evidenceAt(`Properties.${enabledPath}`, enabled, at, enabled === undefined ? 'not set: not published' : undefined)];
  const on = decide(enabled, isTrue);
  if (on === false) {
    const entry = r.get(base);
    return r.fail(entry === undefined ? `LogPublishingOptions has no ${logType} entry: ${what} are not published${extraFail}` : `${enabledPath} is not true: ${what} are not published`, at, ev);
  }
  if (on !== true) return r.unknown(`whether ${what} are published depends on a deploy-time value`, on.unknown, at, ev);
  const group = r.get(groupPath);
  // A log group ARN is a string (or a reference that yields one); a number or a list names no group.
  const hasGroup = decide(group, (g) => (g && ((g.k === 'scalar' && typeof g.v !== 'string') || g.k === 'list') ? false : isPresent(g)));
  const gat = r.locate(groupPath);
  ev.push(evidenceAt(`Properties.${groupPath}`, group, gat, group === undefined ? 'not set' : undefined));
  if (hasGroup === false) return r.fail(`${logType} is enabled without CloudWatchLogsLogGroupArn: there is no log group to publish ${what} to`, gat, ev);
  if (hasGroup !== true) return r.unknown(`the log group for ${what} depends on a deploy-time value`, hasGroup.unknown, gat, ev);
  return r.pass(`${what} are published to CloudWatch Logs`, at, ev);
}

