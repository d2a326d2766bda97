// The CIS "log metric filter and alarm" controls: a CloudTrail trail that delivers to
// CloudWatch Logs, a metric filter on that log group whose pattern matches the events the
// benchmark item names, and an alarm on the filter's metric that notifies someone.
//
// A pattern is not compared as text: it is parsed (CloudWatch Logs JSON filter pattern syntax)
// and run against sample CloudTrail events. It must match every sample of the item and none
// of a few ordinary events, so a pattern that joins the event names with && (matches nothing)
// or matches every event (an alarm that always fires) is not taken as the control.
import type { Loc, Resource, Value } from '../../model/types.js';
import { asBool, asList, asString, getPath, prop } from '../../model/value.js';
import { defineControl, evidenceAt, type Control, type Outcome, type ResourceContext } from '../api.js';
import type { Severity } from '../../model/types.js';

// ---------------------------------------------------------------- filter pattern evaluation

type Cmp = { kind: 'cmp'; path: string[]; op: string; value: string | number | boolean | null; quoted: boolean };
type Exists = { kind: 'exists'; path: string[]; exists: boolean };
type Node = Cmp | Exists | { kind: 'and' | 'or'; l: Node; r: Node };

const TOKEN = /\s*(\{|\}|\(|\)|&&|\|\||!=|<=|>=|=|<|>|"(?:[^"\\]|\\.)*"|\$[A-Za-z0-9_.[\]-]*|[^\s(){}&|=!<>"]+)/y;

function tokenize(text: string): string[] | undefined {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    m = TOKEN.exec(text);
    if (!m) {
      if (text.slice(start).trim() === '') break;
      return undefined;
    }
    out.push(m[1]!);
  }
  return out;
}

/** Parse a JSON filter pattern (`{ $.a = "x" && ... }`); undefined when it is not one this reader understands. */
export function parsePattern(text: string): Node | undefined {
  const toks = tokenize(text.trim());
  if (!toks || toks[0] !== '{' || toks[toks.length - 1] !== '}') return undefined;
  let i = 1;
  const end = toks.length - 1;
  const peek = () => (i < end ? toks[i] : undefined);
  const or = (): Node | undefined => {
    let l = and();
    while (l && peek() === '||') { i++; const r = and(); if (!r) return undefined; l = { kind: 'or', l, r }; }
    return l;
  };
  const and = (): Node | undefined => {
    let l = atom();
    while (l && peek() === '&&') { i++; const r = atom(); if (!r) return undefined; l = { kind: 'and', l, r }; }
    return l;
  };
  const atom = (): Node | undefined => {
    const t = peek();
    if (t === '(') {
      i++;
      const n = or();
      if (peek() !== ')') return undefined;
      i++;
      return n;
    }
    if (!t || !t.startsWith('$.')) return undefined;
    i++;
    const path = t.slice(2).split('.').filter(Boolean);
    const op = peek();
    if (op === 'NOT' && toks[i + 1] === 'EXISTS') { i += 2; return { kind: 'exists', path, exists: false }; }
    if (op === 'EXISTS') { i++; return { kind: 'exists', path, exists: true }; }
    if (op === 'IS') {
      const v = toks[i + 1];
      i += 2;
      if (v === 'TRUE' || v === 'FALSE') return { kind: 'cmp', path, op: '=', value: v === 'TRUE', quoted: false };
      if (v === 'NULL') return { kind: 'cmp', path, op: '=', value: null, quoted: false };
      return undefined;
    }
    if (!op || !['=', '!=', '<', '>', '<=', '>='].includes(op)) return undefined;
    i++;
    const raw = peek();
    if (raw === undefined || ['(', ')', '&&', '||'].includes(raw)) return undefined;
    i++;
    if (raw.startsWith('%')) return undefined; // regular expressions are not evaluated
    if (raw.startsWith('"')) return { kind: 'cmp', path, op, value: raw.slice(1, -1).replace(/\\(.)/g, '$1'), quoted: true };
    if (raw === 'NULL') return { kind: 'cmp', path, op, value: null, quoted: false };
    if (/^-?\d+(\.\d+)?$/.test(raw)) return { kind: 'cmp', path, op, value: Number(raw), quoted: false };
    return { kind: 'cmp', path, op, value: raw, quoted: false };
  };
  const n = or();
  return n && i === end ? n : undefined;
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function lookup(ev: Json, path: string[]): { found: boolean; v?: Json } {
  let cur: Json | undefined = ev;
  for (const seg of path) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(seg);
    if (!m || cur === null || typeof cur !== 'object' || Array.isArray(cur)) return { found: false };
    cur = (cur as Record<string, Json>)[m[1]!];
    if (cur === undefined) return { found: false };
    for (const ix of m[2]!.match(/\d+/g) ?? []) {
      if (!Array.isArray(cur)) return { found: false };
      cur = cur[Number(ix)];
      if (cur === undefined) return { found: false };
    }
  }
  return { found: true, v: cur };
}

function glob(pattern: string, s: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(s);
}

function evalNode(node: Node, ev: Json): boolean {
  if (node.kind === 'and') return evalNode(node.l, ev) && evalNode(node.r, ev);
  if (node.kind === 'or') return evalNode(node.l, ev) || evalNode(node.r, ev);
  if (node.kind === 'exists') return lookup(ev, node.path).found === node.exists;
  const n = node as Cmp;
  const { found, v } = lookup(ev, n.path);
  if (!found) return false;
  if (n.value === null || typeof n.value === 'boolean') return n.op === '=' ? v === n.value : n.op === '!=' ? v !== n.value : false;
  if (typeof n.value === 'number') {
    if (typeof v !== 'number') return n.op === '!=';
    switch (n.op) {
      case '=': return v === n.value;
      case '!=': return v !== n.value;
      case '<': return v < n.value;
      case '>': return v > n.value;
      case '<=': return v <= n.value;
      default: return v >= n.value;
    }
  }
  if (typeof v !== 'string') return n.op === '!=';
  if (n.op === '=') return glob(n.value, v);
  if (n.op === '!=') return !glob(n.value, v);
  return false;
}

// ---------------------------------------------------------------- sample events

/** An ordinary read call by an IAM user, which no CIS filter should match. */
const ORDINARY: Json[] = [
  { eventVersion: '1.08', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', eventType: 'AwsApiCall', awsRegion: 'eu-west-1', sourceIPAddress: '203.0.113.10', userIdentity: { type: 'IAMUser', userName: 'alice' }, readOnly: true },
  { eventVersion: '1.08', eventSource: 's3.amazonaws.com', eventName: 'GetObject', eventType: 'AwsApiCall', awsRegion: 'eu-west-1', sourceIPAddress: '203.0.113.10', userIdentity: { type: 'AssumedRole' }, readOnly: true },
];

/** A call by an IAM user to `source`'s `name`. */
export function call(source: string, name: string, extra: Record<string, Json> = {}): { [k: string]: Json } {
  return { eventVersion: '1.08', eventSource: `${source}.amazonaws.com`, eventName: name, eventType: 'AwsApiCall', awsRegion: 'eu-west-1', sourceIPAddress: '203.0.113.10', userIdentity: { type: 'IAMUser', userName: 'alice' }, ...extra };
}

export interface CisItem {
  id: string;
  /** The CIS AWS Foundations Benchmark v5.0 item, e.g. `4.1`. */
  cis: string;
  title: string;
  /** What the filter watches, in a phrase ("unauthorized API calls"). */
  what: string;
  severity: Severity;
  rationale: string;
  /** Events the filter must match, each with a short label for messages. */
  samples: { label: string; event: Json }[];
  /** Further events it must not match (besides ordinary read calls). */
  ignore?: Json[];
  /** An example filter pattern, for the remediation text. */
  example: string;
  references?: Control['references'];
}

/** Which of an item's samples a pattern misses, or that it matches ordinary events; undefined when it fits. */
export function patternProblem(item: CisItem, text: string): string | undefined {
  const n = parsePattern(text);
  if (!n) return 'is not a JSON filter pattern this scanner can read ({ $.field = value && ... })';
  const missed = item.samples.filter((s) => !evalNode(n, s.event)).map((s) => s.label);
  if (missed.length) return `does not match ${missed.slice(0, 4).join(', ')}${missed.length > 4 ? ` and ${missed.length - 4} more` : ''}`;
  if ([...ORDINARY, ...(item.ignore ?? [])].some((e) => evalNode(n, e))) return 'also matches ordinary events, so its alarm would not single out the events it is for';
  return undefined;
}

// ---------------------------------------------------------------- the resources around a trail

const TRAIL = 'AWS::CloudTrail::Trail';
const FILTER = 'AWS::Logs::MetricFilter';
const GROUP = 'AWS::Logs::LogGroup';
const ALARM = 'AWS::CloudWatch::Alarm';

/** The resource a value refers to (a Ref/GetAtt, or a string embedding exactly one resource). */
function referenced(r: ResourceContext, from: Resource, v: Value | undefined): Resource | undefined {
  if (!v) return undefined;
  const t = r.graph.target(from, v);
  if (t) return t;
  if (v.k === 'scalar' && v.refs?.length === 1) return r.graph.template(from)?.resources.get(v.refs[0]!);
  return undefined;
}

/** The log group name in a literal log group ARN (`arn:aws:logs:r:a:log-group:NAME:*`). */
function nameInArn(s: string | undefined): string | undefined {
  const m = s ? /:log-group:([^:]+)(?::\*)?$/.exec(s) : null;
  return m?.[1];
}

function loc(res: Resource, path: string): Loc {
  let cur: Value | undefined = res.properties;
  let at: Loc = res.loc;
  for (const part of path.split('.')) {
    if (!cur) break;
    if (cur.k === 'list') cur = cur.items[Number(part)];
    else if (cur.k === 'object') { at = cur.keyLocs.get(part) ?? at; cur = cur.props.get(part); continue; }
    else break;
    if (cur) at = cur.loc;
  }
  return at;
}

function ev(res: Resource, path: string, note?: string) {
  return evidenceAt(`${res.id}.Properties.${path}`, getPath(res.properties, path), loc(res, path), note);
}

type U = Value & { k: 'unknown' };
/** A resource that exists only when an undecided condition holds: it cannot make the item pass. */
const mayNotExist = (res: Resource): U | undefined => (res.condition?.state === 'unknown'
  ? { k: 'unknown', reason: `${res.id} exists only when condition ${res.condition.name} holds (not known statically)`, params: res.condition.params, loc: res.loc }
  : undefined);
const unknownOf = (v: Value | undefined): U | undefined => (v?.k === 'unknown' ? v : undefined);
const missing = (reason: string, at: Loc): U => ({ k: 'unknown', reason, params: [], loc: at });

/** The metric filters written on the trail's log group, those that may be, and the group's name. */
function filtersOf(r: ResourceContext, group: Resource | undefined, name: string | undefined): { sure: Resource[]; maybe: { f: Resource; v: U }[] } {
  const sure: Resource[] = [];
  const maybe: { f: Resource; v: U }[] = [];
  for (const f of r.graph.ofType(FILTER)) {
    const v = prop(f.properties, 'LogGroupName');
    if (group && referenced(r, f, v) === group) sure.push(f);
    else if (name !== undefined && asString(v) === name && !(v?.k === 'scalar' && v.refs)) sure.push(f);
    else if (v?.k === 'unknown') maybe.push({ f, v });
  }
  return { sure, maybe };
}

interface Metric { name?: string; ns?: string; unknown?: U }

function metricOf(f: Resource): Metric[] {
  const list = prop(f.properties, 'MetricTransformations');
  if (list?.k === 'unknown') return [{ unknown: list }];
  return (asList(list) ?? []).map((t) => {
    const n = prop(t, 'MetricName');
    const ns = prop(t, 'MetricNamespace');
    const u = unknownOf(n) ?? unknownOf(ns) ?? (t.k === 'unknown' ? t : undefined);
    return { name: asString(n), ns: asString(ns), unknown: u };
  });
}

/** The metrics an alarm watches: its own MetricName/Namespace, or each metric of its metric queries. */
function alarmMetrics(a: Resource): { name: Value | undefined; ns: Value | undefined }[] {
  const p = a.properties;
  const out = [{ name: prop(p, 'MetricName'), ns: prop(p, 'Namespace') }];
  for (const q of asList(prop(p, 'Metrics')) ?? []) out.push({ name: getPath(q, 'MetricStat.Metric.MetricName'), ns: getPath(q, 'MetricStat.Metric.Namespace') });
  return out.filter((m) => m.name !== undefined || m.ns !== undefined);
}

/** Does an alarm notify or act: AlarmActions with an item, actions not disabled? Unknown when a deploy-time value decides. */
function alarmActs(a: Resource): boolean | U {
  const enabled = prop(a.properties, 'ActionsEnabled');
  if (enabled?.k === 'unknown') return enabled;
  if (asBool(enabled) === false) return false;
  const actions = prop(a.properties, 'AlarmActions');
  if (actions?.k === 'unknown') return actions;
  const items = asList(actions) ?? [];
  if (items.length === 0) return false;
  const u = items.find((i) => i.k === 'unknown' && !i.alts);
  return items.some((i) => i.k !== 'unknown') ? true : (u as U | undefined) ?? (items[0] as U);
}

/** Evaluate one CIS item on a trail. */
function judgeTrail(r: ResourceContext, item: CisItem): Outcome | undefined {
  const what = item.what;
  const arn = r.get('CloudWatchLogsLogGroupArn');
  const arnAt = r.properties.props.has('CloudWatchLogsLogGroupArn') ? r.locate('CloudWatchLogsLogGroupArn') : r.resource.loc;
  const arnEv = r.evidence('CloudWatchLogsLogGroupArn', arn);
  if (arn === undefined) {
    // Another trail of the unit that delivers to CloudWatch Logs is where the item is judged.
    const others = r.graph.ofType(TRAIL, r.resource).filter((t) => t !== r.resource && prop(t.properties, 'CloudWatchLogsLogGroupArn') !== undefined);
    if (others.length) return undefined;
    return r.fail(`the trail does not deliver to CloudWatch Logs (CloudWatchLogsLogGroupArn is not set), so no metric filter and alarm can watch for ${what}`, arnAt, [arnEv]);
  }
  if (arn.k === 'unknown' && !arn.alts) return r.unknown(`cannot tell which log group receives the trail's events, so the ${what} filter cannot be found`, arn, arnAt, [arnEv]);
  const group = referenced(r, r.resource, arn);
  const groupName = group ? asString(prop(group.properties, 'LogGroupName')) : nameInArn(asString(arn));
  if (!group && !groupName) return r.unknown(`cannot tell which log group receives the trail's events, so the ${what} filter cannot be found`, missing('the log group ARN is not a literal ARN nor a scanned log group (not known statically)', arnAt), arnAt, [arnEv]);
  const { sure, maybe } = filtersOf(r, group && group.type === GROUP ? group : undefined, groupName);
  if (!group && sure.length === 0) {
    return r.unknown(`the trail's log group ${groupName} is not declared in the scanned configuration, so its metric filters are not known`, missing(`log group ${groupName} is managed outside the scan`, arnAt), arnAt, [arnEv]);
  }
  const evidence = [arnEv];
  const problems: string[] = [];
  let pending: { v: U; at: Loc; message: string } | undefined;
  const matching: Resource[] = [];
  for (const f of sure) {
    const pv = prop(f.properties, 'FilterPattern');
    const text = asString(pv);
    if (pv?.k === 'unknown') { pending ??= { v: pv, at: loc(f, 'FilterPattern'), message: `the pattern of metric filter ${f.id} is not known statically` }; continue; }
    if (text === undefined) continue;
    const problem = patternProblem(item, text);
    if (problem) { problems.push(`${f.id}'s pattern ${problem}`); evidence.push(ev(f, 'FilterPattern', problem)); continue; }
    const cond = mayNotExist(f);
    if (cond) { pending ??= { v: cond, at: loc(f, 'FilterPattern'), message: `metric filter ${f.id} may not be created` }; continue; }
    matching.push(f);
  }
  for (const m of maybe) pending ??= { v: m.v, at: loc(m.f, 'LogGroupName'), message: `metric filter ${m.f.id} may be on the trail's log group` };
  if (matching.length === 0) {
    if (pending) return r.unknown(`no metric filter for ${what} is known on the trail's log group; ${pending.message}`, pending.v, pending.at, evidence);
    const why = problems.length ? ` (${problems.join('; ')})` : '';
    return r.fail(`no metric filter on the trail's log group matches ${what}${why}`, arnAt, evidence);
  }
  // A matching filter: its metric must have an alarm that acts.
  let failure: Outcome | undefined;
  let noAlarm: Outcome | undefined;
  for (const f of matching) {
    const fev = ev(f, 'FilterPattern');
    for (const [mi, m] of metricOf(f).entries()) {
      const mAt = loc(f, `MetricTransformations.${mi}.MetricName`);
      if (m.unknown) { pending ??= { v: m.unknown, at: mAt, message: `the metric of filter ${f.id} is not known statically` }; continue; }
      const alarms = r.graph.ofType(ALARM).flatMap((a) => alarmMetrics(a).map((am) => ({ a, am })));
      for (const { a, am } of alarms) {
        // Only a literal name and namespace (as written, or resolved from the filter's own
        // arguments) tie an alarm to the metric; a reference to the filter is its name, not its metric's.
        const named = asString(am.name) === m.name && asString(am.ns) === m.ns && !(am.name?.k === 'scalar' && am.name.refs);
        if (!named) {
          const u = unknownOf(am.name) ?? unknownOf(am.ns);
          if (u) pending ??= { v: u, at: u.loc, message: `alarm ${a.id} may watch the metric ${m.ns}/${m.name}` };
          continue;
        }
        const acts = alarmActs(a);
        const actionsAt = loc(a, 'AlarmActions');
        const aev = [fev, ev(a, 'AlarmActions'), ev(a, 'ActionsEnabled')];
        const cond = mayNotExist(a);
        if (acts === true && cond) { pending ??= { v: cond, at: actionsAt, message: `alarm ${a.id} may not be created` }; continue; }
        if (acts === true) {
          return r.pass(`metric filter ${f.id} matches ${what} and alarm ${a.id} on its metric ${m.ns}/${m.name} has actions`, loc(f, 'FilterPattern'), [arnEv, ...aev]);
        }
        if (acts === false) failure ??= r.fail(`alarm ${a.id} watches the ${what} metric ${m.ns}/${m.name} but has no enabled AlarmActions: nobody is notified`, actionsAt, [arnEv, ...aev]);
        else pending ??= { v: acts, at: actionsAt, message: `whether alarm ${a.id} acts depends on a deploy-time value` };
      }
      if (!alarms.some(({ am }) => asString(am.name) === m.name && asString(am.ns) === m.ns)) {
        noAlarm ??= r.fail(`metric filter ${f.id} matches ${what}, but no CloudWatch alarm watches its metric ${m.ns}/${m.name}`, mAt, [arnEv, fev, ev(f, `MetricTransformations.${mi}.MetricName`)]);
      }
    }
  }
  if (pending) return r.unknown(`cannot tell whether ${what} raise an alarm: ${pending.message}`, pending.v, pending.at, evidence);
  return failure ?? noAlarm ?? r.fail(`metric filter for ${what} publishes no metric an alarm can watch`, loc(matching[0]!, 'MetricTransformations'), [arnEv, ev(matching[0]!, 'MetricTransformations')]);
}

/** A CIS metric-filter-and-alarm control, evaluated on each CloudTrail trail. */
export function cisAlarmControl(item: CisItem): Control {
  return defineControl({
    id: item.id,
    title: item.title,
    domain: 'audit',
    severity: item.severity,
    resourceTypes: [TRAIL],
    rationale: `${item.rationale} Judged on the trail that delivers to CloudWatch Logs (CIS AWS Foundations Benchmark v5.0 item ${item.cis}): its log group needs a metric filter matching these events and an alarm on the filter's metric with an action. The filter pattern is evaluated against sample CloudTrail events, not compared as text. The setting is account-wide: where the trail, filter and alarm are managed in another configuration, suppress the finding there.`,
    remediation: `Add an AWS::Logs::MetricFilter on the trail's log group (LogGroupName, FilterPattern such as ${item.example}, MetricTransformations) and an AWS::CloudWatch::Alarm with the same MetricName and Namespace and AlarmActions (an SNS topic). The trail needs CloudWatchLogsLogGroupArn.`,
    remediationTerraform: `Add an aws_cloudwatch_log_metric_filter on the trail's log group (log_group_name, a pattern such as ${item.example}, a metric_transformation block) and an aws_cloudwatch_metric_alarm with the same metric_name and namespace and alarm_actions (an SNS topic). The aws_cloudtrail needs cloud_watch_logs_group_arn.`,
    references: item.references ?? {},
    evaluate(r) {
      return judgeTrail(r, item);
    },
  });
}
