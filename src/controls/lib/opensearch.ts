// Helpers shared by the OpenSearch and legacy Elasticsearch domain controls: the name of the
// cluster configuration (which differs between the two resource types), values read along a
// path that may pass through something known only at deploy time, and log publishing.
import type { Value } from '../../model/types.js';
import { decide, evidenceAt, type Outcome, type ResourceContext, type Verdict } from '../api.js';
import { isPresent, isTrue } from '../predicates.js';
import { whereWritten } from './where.js';

export const DOMAIN_TYPES = ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'];

/** The cluster configuration property: ClusterConfig, or ElasticsearchClusterConfig on the legacy type. */
export function clusterConfigOf(r: ResourceContext): string {
  return r.type === 'AWS::Elasticsearch::Domain' ? 'ElasticsearchClusterConfig' : 'ClusterConfig';
}

/**
 * The value at `path`, or the value known only at deploy time met on the way (a whole
 * configuration object from a parameter, a `dynamic` block): what lies below it is not known.
 */
export function valueOnPath(r: ResourceContext, path: string): Value | undefined {
  let cur: Value | undefined = r.properties;
  for (const part of path.split('.')) {
    if (!cur) return undefined;
    if (cur.k === 'unknown') return cur;
    if (cur.k !== 'object') return undefined;
    cur = cur.props.get(part);
  }
  return cur;
}

/**
 * Whether the domain publishes logs of `logType` (AUDIT_LOGS, ES_APPLICATION_LOGS) to
 * CloudWatch Logs: LogPublishingOptions.<logType> with Enabled true and a log group.
 */
export function publishesLog(r: ResourceContext, logType: string, what: string, extraFail = ''): Outcome {
  const base = `LogPublishingOptions.${logType}`;
  const enabledPath = `${base}.Enabled`;
  const groupPath = `${base}.CloudWatchLogsLogGroupArn`;
  const enabled = valueOnPath(r, enabledPath);
  const at = whereWritten(r, enabledPath);
  const ev = [evidenceAt(`Properties.${enabledPath}`, enabled, at, enabled === undefined ? 'not set: not published' : undefined)];
  const on = decide(enabled, isTrue);
  if (on === false) {
    const entry = valueOnPath(r, base);
    return r.fail(entry === undefined ? `LogPublishingOptions has no ${logType} entry: ${what} are not published${extraFail}` : `${enabledPath} is not true: ${what} are not published`, at, ev);
  }
  if (on !== true) return r.unknown(`whether ${what} are published depends on a deploy-time value`, on.unknown, at, ev);
  const group = valueOnPath(r, groupPath);
  const hasGroup = decide(group, isPresent);
  const gat = whereWritten(r, groupPath);
  ev.push(evidenceAt(`Properties.${groupPath}`, group, gat, group === undefined ? 'not set' : undefined));
  if (hasGroup === false) return r.fail(`${logType} is enabled without CloudWatchLogsLogGroupArn: there is no log group to publish ${what} to`, gat, ev);
  if (hasGroup !== true) return r.unknown(`the log group for ${what} depends on a deploy-time value`, hasGroup.unknown, gat, ev);
  return r.pass(`${what} are published to CloudWatch Logs`, at, ev);
}

/** `expectAt` over `valueOnPath`: a configuration object known only at deploy time makes the verdict unknown rather than absent. */
export function expectOnPath(r: ResourceContext, path: string, test: (v: Value | undefined) => Verdict, messages: { pass: string; fail: string; unknown: string }, note?: string): Outcome {
  const v = valueOnPath(r, path);
  const d = decide(v, test);
  const at = whereWritten(r, path);
  const ev = [evidenceAt(`Properties.${path}`, v, at, v === undefined ? note : undefined)];
  if (d === true) return r.pass(messages.pass, at, ev);
  if (d === false) return r.fail(messages.fail, at, ev);
  return r.unknown(messages.unknown, d.unknown, at, ev);
}
