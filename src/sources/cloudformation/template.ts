import type {
  ConditionState, Loc, ObjectValue, ParameterInfo, Resource, Scalar, SourceError, SourceFormat, Template, Value,
} from '../../model/types.js';
import { expandForEach } from './forEach.js';
import { INTRINSICS, type MapNode, type Node } from './node.js';

export interface ResolveOptions {
  /** Parameter overrides (`--param`, `--params-file`), including pseudo parameters such as AWS::Region. */
  params?: Record<string, string>;
  /**
   * Values exported by the other scanned stacks, by export name. An `Fn::ImportValue` of a
   * known export resolves to the exporting stack's value (a `Ref` stays a reference into
   * that stack's template); other imports stay unknown.
   */
  exports?: Map<string, { file: string; value: Value }>;
}

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

// CloudFormation's template quotas ("Understand CloudFormation quotas",
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html):
// at most 500 resources, 200 parameters, 200 outputs and 200 mappings per template. A
// template over them cannot be deployed, so Attest reports it instead of scanning it at any
// size (20,000 resources took minutes and gigabytes to report on).
const MAX_RESOURCES = 500;
const SECTION_QUOTAS: [section: string, max: number, noun: string][] = [['Parameters', 200, 'parameters'], ['Outputs', 200, 'outputs'], ['Mappings', 200, 'mappings']];

// Intrinsics multiply sizes (a Sub of a Sub of a parameter doubles at every level), so what
// resolution builds is capped: one string at the size of the largest template CloudFormation
// accepts, one list at 10,000 items, and the text of a whole template at 16 times that. A
// value over a cap is left unknown (never a pass) and the intrinsic is reported.
const MAX_VALUE_CHARS = 1_048_576;
const MAX_LIST_ITEMS = 10_000;
const MAX_TEMPLATE_CHARS = 16 * MAX_VALUE_CHARS;
// Conditions that name conditions are followed by recursion; a chain thousands long would
// overflow the stack, so past this depth the condition is left unknown.
const MAX_CONDITION_DEPTH = 100;
const PSEUDO_DEFAULTS: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' };
const PSEUDO = new Set(['AWS::Region', 'AWS::AccountId', 'AWS::StackName', 'AWS::StackId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::NoValue']);
const SAM_GLOBAL_SECTIONS: Record<string, string> = {
  Function: 'AWS::Serverless::Function', Api: 'AWS::Serverless::Api', HttpApi: 'AWS::Serverless::HttpApi', SimpleTable: 'AWS::Serverless::SimpleTable',
  StateMachine: 'AWS::Serverless::StateMachine', LayerVersion: 'AWS::Serverless::LayerVersion',
};

/** True when a parsed document looks like a CloudFormation/SAM template. */
export function looksLikeTemplate(root: Node | undefined): boolean {
  if (!root || root.t !== 'm') return false;
  if (root.props.has('AWSTemplateFormatVersion')) return true;
  const res = root.props.get('Resources');
  if (!res || res.t !== 'm') return false;
  for (const [k, r] of res.props) {
    if (k.startsWith('Fn::ForEach::')) return true;
    if (r.t === 'm') {
      const type = r.props.get('Type');
      if (type && type.t === 's' && typeof type.v === 'string' && /^(AWS|Alexa|Custom)::|::/.test(type.v)) return true;
    }
  }
  return res.props.size === 0 && root.props.has('Transform');
}

/** Build a resolved Template from a parsed document. Never throws for bad input: it records errors. */
export function buildTemplate(root: Node, file: string, format: SourceFormat, opts: ResolveOptions = {}): Template {
  return new TemplateBuilder(root as MapNode, file, format, opts.params ?? {}, opts.exports).build();
}

type CondEval = { state: ConditionState; params: string[] };

class TemplateBuilder {
  private readonly errors: SourceError[] = [];
  private readonly t: Template;
  private readonly paramValues = new Map<string, Value>();
  private readonly mappings: MapNode | undefined;
  private readonly conditionNodes = new Map<string, Node>();
  private readonly conditionMemo = new Map<string, CondEval>();
  private readonly conditionStack: string[] = [];
  /** conditionInputs per condition name: every Fn::If on it asks again. */
  private readonly inputsMemo = new Map<string, string[]>();
  private readonly resourceNodes = new Map<string, MapNode>();
  private currentRefs: Set<string> = new Set();
  private currentResource: string | undefined;
  /** Characters of text built by intrinsics so far (see MAX_TEMPLATE_CHARS). */
  private builtChars = 0;
  private overBudget = false;
  private tooDeepReported = false;

  constructor(
    private readonly root: MapNode, private readonly file: string, format: SourceFormat, private readonly overrides: Record<string, string>,
    private readonly exports?: Map<string, { file: string; value: Value }>,
  ) {
    this.t = {
      file, format, transform: [], parameters: new Map(), conditions: new Map(), resources: new Map(), outputs: new Map(), conditionals: [], imports: [], errors: this.errors,
    };
    const m = root.props.get('Mappings');
    this.mappings = m && m.t === 'm' ? m : undefined;
  }

  private err(loc: Loc, message: string): void {
    this.errors.push({ file: loc.file, line: loc.line, column: loc.column, message });
  }

  build(): Template {
    const { root, t } = this;
    const desc = root.props.get('Description');
    if (desc && desc.t === 's' && desc.v != null) t.description = String(desc.v);
    const tr = root.props.get('Transform');
    if (tr) {
      const names = tr.t === 'l' ? tr.items : [tr];
      for (const n of names) if (n.t === 's' && typeof n.v === 'string') t.transform.push(n.v);
    }
    this.checkQuotas();
    this.readParameters();
    const conds = root.props.get('Conditions');
    if (conds && conds.t === 'm') for (const [k, v] of conds.props) this.conditionNodes.set(k, v);
    const written = root.props.get('Resources');
    // Loops stop one resource past the quota: enough to know the template is over it.
    const res = written && written.t === 'm' ? expandForEach(written, (p) => this.listParam(p), this.errors, MAX_RESOURCES + 1) : written;
    if (res && res.t === 'm' && res.props.size > MAX_RESOURCES) {
      const over = overQuota(res, MAX_RESOURCES);
      const declared = res === written ? String(res.props.size) : `more than ${MAX_RESOURCES}`;
      this.err(res.keyLocs.get(over)!, `template declares ${declared} resources; CloudFormation accepts at most ${MAX_RESOURCES} per template and would reject it (${over} is the first over the limit); split it into nested stacks`);
      return t;
    }
    if (!res) {
      this.err(root.loc, 'template has no Resources section; CloudFormation requires at least one resource');
    } else if (res.t !== 'm') {
      this.err(res.loc, 'Resources must be a mapping of logical ids to resource declarations');
    } else {
      for (const [id, node] of res.props) {
        if (node.t !== 'm') { this.err(res.keyLocs.get(id)!, `resource ${id} must be a mapping with a Type`); continue; }
        this.resourceNodes.set(id, node);
      }
    }
    for (const name of this.conditionNodes.keys()) {
      const c = this.evalCondition(name, this.conditionNodes.get(name)!.loc);
      t.conditions.set(name, { ...c, loc: (conds as MapNode).keyLocs.get(name)! });
    }
    const globals = t.transform.includes(SAM_TRANSFORM) ? root.props.get('Globals') : undefined;
    for (const [id, node] of this.resourceNodes) this.readResource(id, node, (res as MapNode).keyLocs.get(id)!, globals);
    this.currentResource = undefined;
    this.checkCycles();
    this.readOutputs();
    return t;
  }

  private checkQuotas(): void {
    for (const [section, max, noun] of SECTION_QUOTAS) {
      const n = this.root.props.get(section);
      if (!n || n.t !== 'm' || n.props.size <= max) continue;
      const over = overQuota(n, max);
      this.err(n.keyLocs.get(over)!, `template declares ${n.props.size} ${noun}; CloudFormation accepts at most ${max} per template and would reject it (${over} is the first over the limit)`);
    }
  }

  private readParameters(): void {
    const ps = this.root.props.get('Parameters');
    if (!ps || ps.t !== 'm') return;
    for (const [name, n] of ps.props) {
      const loc = ps.keyLocs.get(name)!;
      if (n.t !== 'm') { this.err(loc, `parameter ${name} must be a mapping with a Type`); continue; }
      const type = scalarOf(n.props.get('Type'));
      const def = n.props.get('Default');
      const allowed = n.props.get('AllowedValues');
      const info: ParameterInfo = {
        name, loc, type: type == null ? 'String' : String(type), noEcho: String(scalarOf(n.props.get('NoEcho')) ?? '').toLowerCase() === 'true',
        source: 'none',
      };
      const d = scalarOf(n.props.get('Description'));
      if (d != null) info.description = String(d);
      if (def) {
        info.default = def.t === 's' ? def.v : def.t === 'l' ? def.items.map((i) => scalarOf(i) ?? null) : undefined;
        info.defaultLoc = def.loc;
      }
      if (allowed && allowed.t === 'l') info.allowedValues = allowed.items.map((i) => scalarOf(i) ?? null);
      const isList = info.type.startsWith('List<') || info.type === 'CommaDelimitedList';
      const mk = (raw: Scalar | Scalar[], l: Loc, via: string): Value => {
        if (isList) {
          const parts = Array.isArray(raw) ? raw : String(raw).split(',').map((s) => s.trim());
          return { k: 'list', loc: l, items: parts.map((p) => ({ k: 'scalar', v: p, loc: l, via })) };
        }
        return { k: 'scalar', v: Array.isArray(raw) ? raw.join(',') : raw, loc: l, via, ...(info.noEcho ? { sensitive: true } : {}) };
      };
      if (Object.hasOwn(this.overrides, name)) {
        info.source = 'override';
        this.paramValues.set(name, mk(this.overrides[name], loc, `parameter ${name} set by --param`));
      } else if (info.default !== undefined && info.defaultLoc) {
        info.source = 'default';
        this.paramValues.set(name, mk(info.default, info.defaultLoc, `default of parameter ${name}`));
      } else {
        const alts = info.allowedValues && allowed ? info.allowedValues.map((a) => mk(a, allowed.loc, `allowed value of parameter ${name}`)) : undefined;
        this.paramValues.set(name, {
          k: 'unknown', loc, params: [name],
          reason: `parameter ${name} has no default; pass --param ${name}=VALUE`, ...(alts && alts.length ? { alts } : {}),
        });
      }
      this.t.parameters.set(name, info);
    }
  }

  private listParam(name: string): string[] | undefined {
    const v = this.paramValues.get(name);
    if (!v) return undefined;
    if (v.k === 'list') return v.items.map((i) => (i.k === 'scalar' ? String(i.v) : ''));
    if (v.k === 'scalar' && v.v != null) return String(v.v).split(',').map((s) => s.trim());
    return undefined;
  }

  /** Parameters a condition reads (directly or through other conditions), decided or not. */
  private conditionInputs(name: string, seen = new Set<string>(), depth = 0): string[] {
    // The depth bounds the recursion; `seen` (every condition visited, however wide) only
    // keeps each from being read twice, so a condition naming many others loses none.
    if (seen.has(name) || depth > MAX_CONDITION_DEPTH) return [];
    seen.add(name);
    const out = new Set<string>();
    const walk = (n: Node | undefined) => {
      if (!n) return;
      if (n.t === 'l') n.items.forEach(walk);
      else if (n.t === 'm') {
        const ref = n.props.get('Ref');
        const cond = n.props.get('Condition');
        if (n.props.size === 1 && ref && ref.t === 's' && this.paramValues.has(String(ref.v))) out.add(String(ref.v));
        else if (n.props.size === 1 && cond && cond.t === 's') this.conditionInputs(String(cond.v), seen, depth + 1).forEach((p) => out.add(p));
        else n.props.forEach(walk);
      }
    };
    walk(this.conditionNodes.get(name));
    return [...out];
  }

  private evalCondition(name: string, at: Loc): CondEval {
    const memo = this.conditionMemo.get(name);
    if (memo) return memo;
    const node = this.conditionNodes.get(name);
    if (!node) {
      this.err(at, `condition ${name} is not defined in the Conditions section`);
      return { state: 'unknown', params: [] };
    }
    if (this.conditionStack.includes(name)) {
      this.err(node.loc, `circular condition: ${[...this.conditionStack, name].join(' -> ')}`);
      return { state: 'unknown', params: [] };
    }
    if (this.conditionStack.length >= MAX_CONDITION_DEPTH) {
      if (!this.tooDeepReported) {
        this.tooDeepReported = true;
        this.err(node.loc, `condition ${name} is reached through a chain of ${MAX_CONDITION_DEPTH} conditions (from ${this.conditionStack[0]}), the most Attest follows; it and the conditions that lead to it are left unknown`);
      }
      return { state: 'unknown', params: [] };
    }
    this.conditionStack.push(name);
    const v = this.resolve(node, true);
    this.conditionStack.pop();
    const r = condOf(v);
    this.conditionMemo.set(name, r);
    return r;
  }

  private readResource(id: string, n: MapNode, loc: Loc, globals: Node | undefined): void {
    const typeNode = n.props.get('Type');
    const type = scalarOf(typeNode);
    if (typeof type !== 'string') { this.err(loc, `resource ${id} has no Type; add e.g. Type: AWS::S3::Bucket`); return; }
    const macros = this.t.transform.some((x) => x !== SAM_TRANSFORM && x !== 'AWS::LanguageExtensions');
    for (const k of macros ? [] : n.props.keys()) {
      if (!['Type', 'Properties', 'Metadata', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy', 'Version'].includes(k)) {
        this.err(n.keyLocs.get(k)!, `resource ${id} has unknown attribute ${k} (did you mean to put it under Properties?)`);
      }
    }
    this.currentRefs = new Set();
    this.currentResource = id;
    let propsNode = n.props.get('Properties');
    if (globals && globals.t === 'm') {
      for (const [section, samType] of Object.entries(SAM_GLOBAL_SECTIONS)) {
        const g = globals.props.get(section);
        if (samType === type && g && g.t === 'm') propsNode = mergeGlobals(g, propsNode && propsNode.t === 'm' ? propsNode : undefined, loc);
      }
    }
    let properties: ObjectValue = { k: 'object', props: new Map(), keyLocs: new Map(), loc };
    if (propsNode) {
      const pv = this.resolve(propsNode, false);
      if (pv.k === 'object') properties = pv;
      else if (pv.k !== 'absent') this.err(propsNode.loc, `Properties of ${id} must be a mapping`);
    }
    const r: Resource = { id, type, file: this.file, loc, properties, attributes: { k: 'object', props: new Map(), keyLocs: new Map(), loc }, dependsOn: [], refs: this.currentRefs, serverless: type.startsWith('AWS::Serverless::') };
    for (const attr of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      const a = n.props.get(attr);
      if (a) {
        r.attributes.props.set(attr, this.resolve(a, false));
        r.attributes.keyLocs.set(attr, n.keyLocs.get(attr)!);
      }
    }
    const md = n.props.get('Metadata');
    if (md) {
      const mv = this.resolve(md, false);
      if (mv.k === 'object') r.metadata = mv;
    }
    const dep = n.props.get('DependsOn');
    if (dep) {
      for (const d of dep.t === 'l' ? dep.items : [dep]) {
        const s = scalarOf(d);
        if (typeof s !== 'string') continue;
        if (!this.resourceNodes.has(s)) this.err(d.loc, `DependsOn of ${id} names ${s}, which is not a resource in this template`);
        else { r.dependsOn.push(s); r.refs.add(s); }
      }
    }
    const cond = n.props.get('Condition');
    if (cond) {
      const name = scalarOf(cond);
      if (typeof name === 'string') r.condition = { name, ...this.evalCondition(name, cond.loc) };
    }
    this.t.resources.set(id, r);
  }

  private readOutputs(): void {
    const outs = this.root.props.get('Outputs');
    if (!outs || outs.t !== 'm') return;
    for (const [name, n] of outs.props) {
      if (n.t !== 'm') continue;
      const v = n.props.get('Value');
      const value = v ? this.resolve(v, false) : ({ k: 'absent', loc: n.loc } as Value);
      const exp = n.props.get('Export');
      let exportName: string | undefined;
      if (exp && exp.t === 'm' && exp.props.get('Name')) {
        const en = this.resolve(exp.props.get('Name')!, false);
        if (en.k === 'scalar' && en.v != null) exportName = String(en.v);
      }
      this.t.outputs.set(name, { loc: outs.keyLocs.get(name)!, value, ...(exportName ? { exportName } : {}) });
    }
  }

  /** CloudFormation rejects templates whose resources depend on each other in a cycle. */
  private checkCycles(): void {
    const res = this.t.resources;
    const state = new Map<string, 1 | 2>();
    const reported = new Set<string>();
    for (const start of res.keys()) {
      if (state.has(start)) continue;
      // iterative DFS keeping the path for the message
      const stack: { id: string; it: Iterator<string> }[] = [{ id: start, it: res.get(start)!.refs.values() }];
      state.set(start, 1);
      while (stack.length) {
        const top = stack[stack.length - 1];
        const nx = top.it.next();
        if (nx.done) { state.set(top.id, 2); stack.pop(); continue; }
        const next = nx.value;
        if (!res.has(next)) continue;
        const s = state.get(next);
        if (s === 1) {
          const path = stack.map((f) => f.id);
          const cycle = [...path.slice(path.indexOf(next)), next];
          const key = [...cycle].sort().join(',');
          if (!reported.has(key)) {
            reported.add(key);
            this.err(res.get(next)!.loc, `circular dependency between resources: ${cycle.join(' -> ')}; CloudFormation cannot create them`);
          }
        } else if (s === undefined) {
          state.set(next, 1);
          stack.push({ id: next, it: res.get(next)!.refs.values() });
        }
      }
    }
  }

  // ---- intrinsic function resolution ----

  private resolve(n: Node, inCondition: boolean): Value {
    if (n.t === 's') return { k: 'scalar', v: n.v, loc: n.loc };
    if (n.t === 'l') {
      const items: Value[] = [];
      for (const i of n.items) {
        const v = this.resolve(i, inCondition);
        if (v.k !== 'absent') items.push(v);
      }
      return { k: 'list', items, loc: n.loc };
    }
    if (n.props.size === 1) {
      const key = n.props.keys().next().value as string;
      if (key === 'Ref' || key.startsWith('Fn::') || (inCondition && key === 'Condition')) {
        if (!INTRINSICS.has(key)) {
          this.err(n.loc, `unknown intrinsic function ${key}`);
          return { k: 'unknown', reason: `unknown intrinsic function ${key}`, params: [], loc: n.loc };
        }
        return this.intrinsic(key, n.props.get(key)!, n.loc, inCondition);
      }
    }
    const props = new Map<string, Value>();
    const keyLocs = new Map<string, Loc>();
    for (const [k, c] of n.props) {
      const v = this.resolve(c, inCondition);
      if (v.k === 'absent') continue;
      props.set(k, v);
      keyLocs.set(k, n.keyLocs.get(k)!);
    }
    return { k: 'object', props, keyLocs, loc: n.loc };
  }

  private intrinsic(fn: string, arg: Node, loc: Loc, inCond: boolean): Value {
    const unknown = (reason: string, params: string[] = [], alts?: Value[]): Value =>
      ({ k: 'unknown', reason, params, loc, ...(alts ? { alts } : {}) });
    const bad = (what: string): Value => {
      this.err(loc, `${fn}: ${what}`);
      return unknown(`invalid ${fn}`);
    };
    switch (fn) {
      case 'Ref': {
        const name = scalarOf(arg);
        if (typeof name !== 'string') return bad('expects a logical id or parameter name');
        return this.ref(name, loc);
      }
      case 'Condition': {
        const name = scalarOf(arg);
        if (typeof name !== 'string') return bad('expects a condition name');
        return condValue(this.evalCondition(name, loc), loc);
      }
      case 'Fn::GetAtt': {
        let parts: Node[] | undefined;
        if (arg.t === 'l') parts = arg.items;
        else if (arg.t === 's' && typeof arg.v === 'string') {
          const i = arg.v.indexOf('.');
          if (i > 0) parts = [{ t: 's', v: arg.v.slice(0, i), loc: arg.loc }, { t: 's', v: arg.v.slice(i + 1), loc: arg.loc }];
        }
        if (!parts || parts.length !== 2) return bad('expects [LogicalId, Attribute]');
        const res = scalarOf(parts[0]);
        if (typeof res !== 'string') return bad('logical id must be a string');
        if (!this.resourceNodes.has(res)) {
          this.err(loc, `Fn::GetAtt refers to ${res}, which is not a resource in this template`);
          return unknown(`GetAtt of undefined resource ${res}`);
        }
        this.currentRefs.add(res);
        const attrV = this.resolve(parts[1], inCond);
        const attr = attrV.k === 'scalar' ? String(attrV.v) : '?';
        return { k: 'ref', resource: res, attr, loc };
      }
      case 'Fn::Sub': return this.sub(arg, loc, inCond);
      case 'Fn::Join': {
        if (arg.t !== 'l' || arg.items.length !== 2) return bad('expects [delimiter, [values...]]');
        const delim = scalarOf(arg.items[0]);
        const list = this.resolve(arg.items[1], inCond);
        if (list.k === 'unknown') return unknown(list.reason, list.params);
        if (list.k === 'ref') return this.concat(fn, [list], '', loc);
        if (list.k !== 'list') return bad('second argument must be a list');
        return this.concat(fn, list.items, String(delim ?? ''), loc);
      }
      case 'Fn::Select': {
        if (arg.t !== 'l' || arg.items.length !== 2) return bad('expects [index, list]');
        const idx = this.resolve(arg.items[0], inCond);
        const list = this.resolve(arg.items[1], inCond);
        if (idx.k !== 'scalar') return unknown(idx.k === 'unknown' ? idx.reason : 'index not static', idx.k === 'unknown' ? idx.params : []);
        if (list.k === 'unknown') return unknown(list.reason, list.params);
        if (list.k === 'ref') return { k: 'ref', resource: list.resource, attr: `${list.attr ?? 'Ref'}[${String(idx.v)}]`, loc };
        if (list.k !== 'list') return bad('second argument must be a list');
        const i = Number(idx.v);
        if (!Number.isInteger(i) || i < 0 || i >= list.items.length) return bad(`index ${String(idx.v)} is out of range for a list of ${list.items.length}`);
        return list.items[i];
      }
      case 'Fn::Split': {
        if (arg.t !== 'l' || arg.items.length !== 2) return bad('expects [delimiter, string]');
        const delim = String(scalarOf(arg.items[0]) ?? '');
        const s = this.resolve(arg.items[1], inCond);
        if (s.k === 'scalar' && typeof s.v === 'string') {
          const pieces = s.v.split(delim, MAX_LIST_ITEMS + 1);
          if (pieces.length > MAX_LIST_ITEMS) {
            const reason = `${fn} resolves to more than ${count(MAX_LIST_ITEMS)} items, the limit for one list`;
            this.err(loc, `${reason}; the value is left unknown`);
            return unknown(reason);
          }
          return {
            k: 'list', loc, items: pieces.map((p): Value => {
              const refs = s.refs?.filter((r) => p.includes('${' + r));
              return { k: 'scalar', v: p, loc: s.loc, ...(refs && refs.length ? { refs } : {}) };
            }),
          };
        }
        if (s.k === 'unknown') return unknown(s.reason, s.params);
        return unknown('Fn::Split of a value known only at deploy time');
      }
      case 'Fn::If': {
        if (arg.t !== 'l' || arg.items.length !== 3) return bad('expects [condition, valueIfTrue, valueIfFalse]');
        const name = scalarOf(arg.items[0]);
        if (typeof name !== 'string') return bad('first argument must be a condition name');
        const c = this.evalCondition(name, arg.items[0].loc);
        if (this.currentResource && !inCond) {
          let params = this.inputsMemo.get(name);
          if (!params) this.inputsMemo.set(name, (params = this.conditionInputs(name)));
          this.t.conditionals.push({ resource: this.currentResource, loc, condition: name, state: c.state, params });
        }
        if (c.state === true) return this.resolve(arg.items[1], inCond);
        if (c.state === false) return this.resolve(arg.items[2], inCond);
        const a = this.resolve(arg.items[1], inCond);
        const b = this.resolve(arg.items[2], inCond);
        return {
          k: 'unknown', loc, alts: [a, b], condition: name,
          reason: `depends on condition ${name}${c.params.length ? ` (parameter ${c.params.join(', ')})` : ''}`,
          params: [...new Set([...c.params, ...(c.params.length ? [] : [name])])],
        };
      }
      case 'Fn::Equals': {
        if (arg.t !== 'l' || arg.items.length !== 2) return bad('expects [value1, value2]');
        const a = this.resolve(arg.items[0], inCond);
        const b = this.resolve(arg.items[1], inCond);
        return equalsValue(a, b, loc);
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (arg.t !== 'l' || arg.items.length < 1) return bad('expects a list of conditions');
        const parts = arg.items.map((i) => condOf(this.resolve(i, true)));
        const isAnd = fn === 'Fn::And';
        if (parts.some((p) => p.state === !isAnd)) return { k: 'scalar', v: !isAnd, loc };
        if (parts.every((p) => p.state === isAnd)) return { k: 'scalar', v: isAnd, loc };
        return unknown('condition depends on deploy-time values', [...new Set(parts.flatMap((p) => p.params))]);
      }
      case 'Fn::Not': {
        const items = arg.t === 'l' ? arg.items : [arg];
        if (items.length !== 1) return bad('expects a list with one condition');
        const c = condOf(this.resolve(items[0], true));
        return c.state === 'unknown' ? unknown('condition depends on deploy-time values', c.params) : { k: 'scalar', v: !c.state, loc };
      }
      case 'Fn::FindInMap': return this.findInMap(arg, loc, inCond);
      case 'Fn::ImportValue': {
        const name = this.resolve(arg, inCond);
        if (name.k !== 'scalar' || name.refs) return unknown('value imported from another stack under a name known only at deploy time');
        const exportName = String(name.v);
        this.t.imports.push(exportName);
        const exp = this.exports?.get(exportName);
        if (exp && exp.file !== this.file) return exp.value.k === 'scalar' ? { ...exp.value, via: `export ${exportName} of ${exp.file}` } : exp.value;
        return unknown(`value imported from another stack's export ${exportName} (not among the scanned templates)`);
      }
      case 'Fn::Base64': return this.resolve(arg, inCond);
      case 'Fn::GetAZs': return unknown('availability zones are known at deploy time');
      case 'Fn::Cidr': return unknown('CIDR blocks computed by Fn::Cidr at deploy time');
      case 'Fn::Transform': {
        const name = arg.t === 'm' ? scalarOf(arg.props.get('Name')) : undefined;
        return unknown(`output of macro ${String(name ?? '(unnamed)')} applied at deploy time`);
      }
      case 'Fn::Length': {
        const l = this.resolve(arg, inCond);
        return l.k === 'list' ? { k: 'scalar', v: l.items.length, loc } : unknown('length of a value known at deploy time');
      }
      case 'Fn::ToJsonString': {
        const v = this.resolve(arg, inCond);
        if (v.k !== 'object' && v.k !== 'list') return unknown('JSON of a value known at deploy time');
        const json = JSON.stringify(plain(v));
        return this.overBuilt(fn, json.length, loc) ?? { k: 'scalar', v: json, loc };
      }
      default:
        return unknown(`${fn} is evaluated at deploy time`);
    }
  }

  private ref(name: string, loc: Loc): Value {
    if (name === 'AWS::NoValue') return { k: 'absent', loc };
    const pv = this.paramValues.get(name);
    if (pv) return pv.k === 'unknown' ? { ...pv, loc } : pv;
    if (this.resourceNodes.has(name)) {
      this.currentRefs.add(name);
      return { k: 'ref', resource: name, loc };
    }
    if (PSEUDO.has(name)) {
      const o = this.overrides[name] ?? PSEUDO_DEFAULTS[name];
      if (o !== undefined) return { k: 'scalar', v: o, loc, via: `pseudo parameter ${name}` };
      return { k: 'unknown', reason: `${name} is known at deploy time`, params: [name], loc };
    }
    this.err(loc, `Ref to ${name}, which is neither a parameter nor a resource of this template`);
    return { k: 'unknown', reason: `Ref to undefined ${name}`, params: [], loc };
  }

  /** Concatenate resolved parts into one string, keeping resource placeholders (`${Res}`). */
  private concat(fn: string, parts: Value[], delim: string, loc: Loc): Value {
    let s = '';
    // Past the cap only the length is counted, so a huge result is never built.
    let len = 0;
    const add = (x: string) => {
      len += x.length;
      if (len <= MAX_VALUE_CHARS) s += x;
    };
    const refs = new Set<string>();
    const params = new Set<string>();
    const reasons: string[] = [];
    let sensitive = false;
    parts.forEach((p, i) => {
      if (i) add(delim);
      if (p.k === 'scalar') { add(p.v == null ? '' : String(p.v)); p.refs?.forEach((r) => refs.add(r)); sensitive ||= !!p.sensitive; }
      else if (p.k === 'ref') { add(p.attr ? `\${${p.resource}.${p.attr}}` : `\${${p.resource}}`); refs.add(p.resource); }
      else if (p.k === 'unknown' && !p.alts && p.params.length === 1 && PSEUDO.has(p.params[0])) {
        // The account, region or stack name is unknown, but the string is specific to it
        // (an ARN of this account is not a wildcard): keep it as a placeholder.
        add('${' + p.params[0] + '}');
      }
      else if (p.k === 'unknown') { p.params.forEach((x) => params.add(x)); reasons.push(p.reason); add('${?}'); }
      else if (p.k === 'list') { add('${?}'); reasons.push('a list inside a string'); }
      else add('${?}');
    });
    if (reasons.length) return { k: 'unknown', reason: reasons[0], params: [...params], loc };
    const over = this.overBuilt(fn, len, loc);
    if (over) return over;
    return { k: 'scalar', v: s, loc, ...(refs.size ? { refs: [...refs] } : {}), ...(sensitive ? { sensitive } : {}) };
  }

  /** Account for `len` characters built by intrinsic `fn`; an unknown value when a cap is crossed. */
  private overBuilt(fn: string, len: number, loc: Loc): Value | undefined {
    if (len > MAX_VALUE_CHARS) {
      const reason = `${fn} resolves to ${count(len)} characters, over the limit of ${count(MAX_VALUE_CHARS)} for one value`;
      this.err(loc, `${reason} (1 MiB, the size of the largest template CloudFormation accepts); the value is left unknown`);
      return { k: 'unknown', reason, params: [], loc };
    }
    if (len === 0) return undefined;
    if (this.overBudget || this.builtChars + len > MAX_TEMPLATE_CHARS) {
      const reason = `${fn}: the template's intrinsic functions resolve to more than 16 MiB of text in all`;
      if (!this.overBudget) {
        this.overBudget = true;
        this.err(loc, `${fn}: this template's intrinsic functions resolve to more than 16 MiB of text in all (${count(this.builtChars)} characters before this one); this value and every later one that would add text are left unknown`);
      }
      return { k: 'unknown', reason, params: [], loc };
    }
    this.builtChars += len;
    return undefined;
  }

  private sub(arg: Node, loc: Loc, inCond: boolean): Value {
    let tmpl: Node;
    let varsNode: Node | undefined;
    if (arg.t === 'l') {
      if (arg.items.length !== 2) { this.err(loc, 'Fn::Sub: expects a string or [string, {variables}]'); return { k: 'unknown', reason: 'invalid Fn::Sub', params: [], loc }; }
      [tmpl, varsNode] = arg.items;
    } else tmpl = arg;
    if (tmpl.t !== 's' || typeof tmpl.v !== 'string') {
      this.err(loc, 'Fn::Sub: the template must be a string');
      return { k: 'unknown', reason: 'invalid Fn::Sub', params: [], loc };
    }
    const vars = new Map<string, Value>();
    if (varsNode && varsNode.t === 'm') for (const [k, v] of varsNode.props) vars.set(k, this.resolve(v, inCond));
    const text = tmpl.v;
    const parts: Value[] = [];
    let last = 0;
    const re = /\$\{([^}]*)\}/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const lit = text.slice(last, m.index);
      if (lit) parts.push({ k: 'scalar', v: lit, loc });
      last = m.index + m[0].length;
      const name = m[1].trim();
      if (name.startsWith('!')) { parts.push({ k: 'scalar', v: '${' + name.slice(1) + '}', loc }); continue; }
      if (vars.has(name)) { parts.push(vars.get(name)!); continue; }
      const dot = name.indexOf('.');
      if (dot > 0 && this.resourceNodes.has(name.slice(0, dot))) {
        this.currentRefs.add(name.slice(0, dot));
        parts.push({ k: 'ref', resource: name.slice(0, dot), attr: name.slice(dot + 1), loc });
        continue;
      }
      if (PSEUDO.has(name) && !this.overrides[name] && !PSEUDO_DEFAULTS[name]) { parts.push({ k: 'scalar', v: '${' + name + '}', loc }); continue; }
      parts.push(this.ref(name, loc));
    }
    const tail = text.slice(last);
    if (tail) parts.push({ k: 'scalar', v: tail, loc });
    if (parts.length === 1 && parts[0].k === 'scalar') return { ...parts[0], loc: tmpl.loc };
    return this.concat('Fn::Sub', parts, '', loc);
  }

  private findInMap(arg: Node, loc: Loc, inCond: boolean): Value {
    const unknown = (reason: string, params: string[] = [], alts?: Value[]): Value => ({ k: 'unknown', reason, params, loc, ...(alts ? { alts } : {}) });
    if (arg.t !== 'l' || arg.items.length < 3) { this.err(loc, 'Fn::FindInMap: expects [MapName, TopLevelKey, SecondLevelKey]'); return unknown('invalid Fn::FindInMap'); }
    const [mn, k1, k2] = arg.items.slice(0, 3).map((i) => this.resolve(i, inCond));
    if (mn.k !== 'scalar') return unknown('map name known only at deploy time');
    const map = this.mappings?.props.get(String(mn.v));
    if (!map || map.t !== 'm') { this.err(loc, `Fn::FindInMap: mapping ${String(mn.v)} is not defined in Mappings`); return unknown(`undefined mapping ${String(mn.v)}`); }
    const tops: Node[] = [];
    const params = new Set<string>();
    if (k1.k === 'scalar') {
      const top = map.props.get(String(k1.v));
      if (!top) {
        this.err(loc, `Fn::FindInMap: key ${String(k1.v)} is not in mapping ${String(mn.v)}`);
        return unknown(`missing mapping key ${String(k1.v)}`);
      }
      tops.push(top);
    } else {
      if (k1.k === 'unknown') k1.params.forEach((p) => params.add(p));
      tops.push(...map.props.values());
    }
    const out: Value[] = [];
    for (const top of tops) {
      if (top.t !== 'm') continue;
      if (k2.k === 'scalar') {
        const v = top.props.get(String(k2.v));
        if (v) out.push(this.resolve(v, inCond));
        else if (tops.length === 1) {
          this.err(loc, `Fn::FindInMap: key ${String(k2.v)} is not in mapping ${String(mn.v)}`);
          return unknown('missing mapping key');
        }
      } else {
        if (k2.k === 'unknown') k2.params.forEach((p) => params.add(p));
        for (const v of top.props.values()) out.push(this.resolve(v, inCond));
      }
    }
    if (k1.k === 'scalar' && k2.k === 'scalar' && out.length === 1) return out[0];
    return unknown(`mapping ${String(mn.v)} looked up with a key known at deploy time`, [...params], out);
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** The key of the first entry past `max` in a section. */
function overQuota(section: MapNode, max: number): string {
  let i = 0;
  for (const k of section.props.keys()) if (i++ === max) return k;
  throw new Error(`section has no more than ${max} entries`);
}

function scalarOf(n: Node | undefined): Scalar | undefined {
  return n && n.t === 's' ? n.v : undefined;
}

function condOf(v: Value): CondEval {
  if (v.k === 'scalar') {
    if (v.v === true || String(v.v).toLowerCase() === 'true') return { state: true, params: [] };
    if (v.v === false || String(v.v).toLowerCase() === 'false') return { state: false, params: [] };
  }
  if (v.k === 'unknown') return { state: 'unknown', params: v.params };
  return { state: 'unknown', params: [] };
}

function condValue(c: CondEval, loc: Loc): Value {
  return c.state === 'unknown'
    ? { k: 'unknown', reason: 'condition depends on deploy-time values', params: c.params, loc }
    : { k: 'scalar', v: c.state, loc };
}

function plainScalar(v: Value): string | undefined {
  if (v.k === 'scalar' && !v.refs) return v.v == null ? '' : String(v.v);
  if (v.k === 'list') {
    const parts = v.items.map(plainScalar);
    return parts.every((p) => p !== undefined) ? parts.join(',') : undefined;
  }
  return undefined;
}

/** Fn::Equals; when one side is unknown but has alternatives, decide if they all agree. */
function equalsValue(a: Value, b: Value, loc: Loc): Value {
  const altsOf = (v: Value): (string | undefined)[] =>
    v.k === 'unknown' ? (v.alts ?? []).map(plainScalar) : [plainScalar(v)];
  const as = altsOf(a);
  const bs = altsOf(b);
  const params = [...(a.k === 'unknown' ? a.params : []), ...(b.k === 'unknown' ? b.params : [])];
  const decidable = as.length > 0 && bs.length > 0 && as.every((x) => x !== undefined) && bs.every((x) => x !== undefined);
  if (decidable) {
    const results = new Set<boolean>();
    for (const x of as) for (const y of bs) results.add(x === y);
    if (results.size === 1) return { k: 'scalar', v: [...results][0], loc };
  }
  return { k: 'unknown', reason: `comparison depends on ${params.length ? params.join(', ') : 'deploy-time values'}`, params, loc };
}

function plain(v: Value): unknown {
  switch (v.k) {
    case 'scalar': return v.v;
    case 'list': return v.items.map(plain);
    case 'object': return Object.fromEntries([...v.props].map(([k, x]) => [k, plain(x)]));
    case 'ref': return v.attr ? `\${${v.resource}.${v.attr}}` : `\${${v.resource}}`;
    default: return null;
  }
}

/** SAM Globals: maps merge (resource wins), lists append (globals first), scalars: resource wins. */
function mergeGlobals(g: MapNode, own: MapNode | undefined, loc: Loc): MapNode {
  if (!own) return g;
  const out: MapNode = { t: 'm', props: new Map(g.props), keyLocs: new Map(g.keyLocs), loc: own.loc ?? loc };
  for (const [k, v] of own.props) {
    const gv = out.props.get(k);
    if (gv && gv.t === 'm' && v.t === 'm' && !isIntrinsicMap(gv) && !isIntrinsicMap(v)) out.props.set(k, mergeGlobals(gv, v, loc));
    else if (gv && gv.t === 'l' && v.t === 'l') out.props.set(k, { t: 'l', items: [...gv.items, ...v.items], loc: v.loc });
    else out.props.set(k, v);
    out.keyLocs.set(k, own.keyLocs.get(k)!);
  }
  return out;
}

function isIntrinsicMap(n: MapNode): boolean {
  if (n.props.size !== 1) return false;
  const k = n.props.keys().next().value as string;
  return k === 'Ref' || k.startsWith('Fn::');
}
