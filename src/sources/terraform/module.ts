// A Terraform root module evaluated as far as the configuration decides it: variables from
// their defaults, tfvars files and --param, locals, resources and data sources expanded by
// count and for_each into instance addresses, local modules read and evaluated with their
// inputs. What cannot be decided stays unknown and says what it depends on.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { Loc, ObjectValue, ParameterInfo, Scalar, SourceError, Value } from '../../model/types.js';
import { displayPath } from '../cloudformation/load.js';
import type { Attribute, Block, Expr, ParsedFile, TemplatePart } from './hcl/ast.js';
import { parseHcl } from './hcl/parser.js';
import { bodyValue, lifecycleValue, refsIn, setPaths } from './eval/body.js';
import { evaluate, evaluateSafe, locOf, textOf, type Got, type ModuleEnv, type Scope } from './eval/expr.js';
import { policyDocument } from './eval/policyDocument.js';
import { pseudoDataSource } from './eval/pseudo.js';
import { EvalError, isNull, list, object, relocate, scalar, unknown, type Unknown } from './eval/values.js';
import { convert, isComplex, typeOf, type VarType } from './eval/varTypes.js';
import type { TranslateNote } from './translate/index.js';
import { blockComments, type SuppressionComment } from './suppressions.js';
import type { TfResource } from './types.js';

export interface ModuleOptions {
  /** Variable values as strings (`--param NAME=VALUE`), converted by the variable's type. */
  vars?: Record<string, string>;
  /** Variable files given explicitly (`-var-file`), in order, after terraform.tfvars and *.auto.tfvars. */
  varFiles?: string[];
  /** Files already parsed, by absolute path (a scan reads each file once however many modules call it). */
  parsed?: Map<string, ParsedFile>;
  /** Module folders already looked up (real path, .tf files), shared the same way. */
  dirs?: Map<string, ModuleDir>;
}

export interface ModuleDir { real?: string; files: string[] }

export interface ModuleLoad {
  /** Every resource and data source instance of the root module and the local modules it calls. */
  resources: TfResource[];
  errors: SourceError[];
  /** What was read but not evaluated faithfully (a remote module). */
  notes: TranslateNote[];
  /** The root module's variables, with the value this scan used. */
  parameters: ParameterInfo[];
  /** Display paths of every file read. */
  files: string[];
  /** Parsed files of the root module and the modules it calls. */
  parsedFiles: ParsedFile[];
  /** Suppression comments written in or above each instance's block, by address. */
  suppressions: Map<string, SuppressionComment[]>;
}

/** More would be a configuration Attest reads too slowly to be useful; Terraform itself has no such limit. */
const MAX_INSTANCES = 1000;
const MAX_DEPTH = 16;
const MAX_CHAIN = 150;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_TF_BYTES = 5 * 1024 * 1024;

export function loadTerraformModule(dir: string, files: string[], opts: ModuleOptions = {}): ModuleLoad {
  const loader = new Loader(resolve(dir), opts.parsed ?? new Map(), opts.dirs ?? new Map());
  for (const [k, v] of Object.entries(opts.vars ?? {})) if (k.startsWith('AWS::')) loader.pseudo[k] = v;
  const tf = files.filter((f) => f.endsWith('.tf'));
  const tfvars = files.filter((f) => f.endsWith('.tfvars'));
  // terraform.tfvars, then *.auto.tfvars in lexical order, then files given explicitly.
  const auto = [
    ...tfvars.filter((f) => basename(f) === 'terraform.tfvars'),
    ...tfvars.filter((f) => basename(f).endsWith('.auto.tfvars')).sort((a, b) => (basename(a) < basename(b) ? -1 : 1)),
    ...(opts.varFiles ?? []),
  ];
  const root = new Module(loader, { dir: resolve(dir), files: tf, prefix: '', depth: 0, chain: [], pathModule: '.' });
  loader.root = root;
  root.rootVariables(auto.map((f) => loader.parse(f)).filter((p): p is ParsedFile => !!p), opts.vars ?? {});
  root.load();
  return {
    resources: loader.resources,
    errors: loader.errors,
    notes: loader.notes,
    parameters: root.parameters,
    files: [...loader.files].sort(),
    parsedFiles: [...loader.parsedFiles],
    suppressions: loader.suppressions,
  };
}

/**
 * Parse a `.tf` or `.tfvars` file once per scan: the cache is keyed by absolute path, so a
 * module called from many places (or found by the walk and called) is read once.
 */
export function parseFile(path: string, cache: Map<string, ParsedFile>): ParsedFile | { error: string } {
  // Keys are resolved paths: a path that is one already needs no resolving (most lookups are hits of those).
  const direct = cache.get(path);
  if (direct) return direct;
  const key = resolve(path);
  const hit = cache.get(key);
  if (hit) return hit;
  let text: string;
  try {
    if (statSync(key).size > MAX_TF_BYTES) return { error: `file is over ${MAX_TF_BYTES / 1048576} MiB; not read` };
    text = readFileSync(key, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'cannot read file: it does not exist' : `cannot read file: ${code ?? (e as Error).message}` };
  }
  const p = parseHcl(text, displayPath(path));
  cache.set(key, p);
  return p;
}

/** A folder's real path (absent when it does not exist) and its .tf files, looked up once per scan. */
export function moduleDir(dir: string, cache: Map<string, ModuleDir>): ModuleDir {
  let d = cache.get(dir);
  if (!d) {
    d = { files: [] };
    try {
      const real = realpathSync(dir);
      d.real = real;
      d.files = readdirSync(real).filter((f) => f.endsWith('.tf')).sort().map((f) => join(real, f));
    } catch { /* a folder that does not exist has no real path */ }
    cache.set(dir, d);
  }
  return d;
}

/** State shared by every module of one root: what was read, what came out, where things are. */
class Loader {
  readonly errors: SourceError[] = [];
  readonly notes: TranslateNote[] = [];
  readonly resources: TfResource[] = [];
  readonly files = new Set<string>();
  readonly parsedFiles = new Set<ParsedFile>();
  readonly suppressions = new Map<string, SuppressionComment[]>();
  /** How many resource and local evaluations are in progress, one inside another. */
  depth = 0;
  /** Every resource instance by address, for references from anywhere in the unit. */
  readonly instances = new Map<string, Instance>();
  private readonly said = new Set<string>();
  /** CloudFormation pseudo parameters given with --param (AWS::Region=…), for the data sources that stand for them. */
  readonly pseudo: Record<string, string> = {};
  /** The root module, whose default aws provider configuration is the unit's own region (`\${AWS::Region}`). */
  root?: Module;

  constructor(readonly rootDir: string, private readonly cache: Map<string, ParsedFile>, private readonly dirs: Map<string, ModuleDir>) {}

  parse(path: string): ParsedFile | undefined {
    const r = parseFile(path, this.cache);
    if ('error' in r) {
      this.error({ file: displayPath(path), line: 0, column: 0 }, r.error);
      return undefined;
    }
    const p = r;
    if (!this.parsedFiles.has(p)) {
      this.parsedFiles.add(p);
      this.files.add(p.file);
      for (const e of p.errors) this.errors.push({ file: p.file, line: e.line, column: e.col, message: e.message });
    }
    return p;
  }

  /** A module folder's real path (undefined when it does not exist) and its .tf files, looked up once. */
  realDir(dir: string): string | undefined {
    return this.dir(dir).real;
  }

  tfFiles(real: string): string[] {
    return this.dir(real).files;
  }

  private dir(dir: string): ModuleDir {
    return moduleDir(dir, this.dirs);
  }

  error(at: Loc, message: string): void {
    const key = `${at.file}:${at.line}:${at.column}:${message}`;
    if (this.said.has(key)) return;
    this.said.add(key);
    this.errors.push({ file: at.file, line: at.line, column: at.column, message });
  }

  note(at: Loc, message: string): void {
    const key = `${at.file}:${at.line}:${at.column}:${message}`;
    if (this.said.has(key)) return;
    this.said.add(key);
    this.notes.push({ file: at.file, line: at.line, column: at.column, message });
  }
}

interface Decl { block: Block; file: ParsedFile }

interface ResourceDecl extends Decl {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  expansion?: Expansion;
  expanding?: boolean;
  instances?: Instance[];
}

type Expansion =
  | { kind: 'single' }
  | { kind: 'count'; n: number }
  | { kind: 'each'; entries: [string, Value][] }
  | { kind: 'unknown'; name: string; params: string[]; reason: string };

interface Instance {
  address: string;
  decl: ResourceDecl;
  module: Module;
  count?: Value;
  each?: { key: Value; value: Value };
  values?: ObjectValue;
  busy?: boolean;
  /** Recorded among the unit's resources. */
  finished?: boolean;
  refs: Set<string>;
  condition?: { name: string; params: string[] };
}

interface CallDecl extends Decl {
  name: string;
  source?: string;
  /** Real path of a local module's folder. */
  dir?: string;
  expansion?: Expansion;
  children?: { key?: string | number; module: Module }[];
}

interface ModuleSpec {
  dir: string;
  files: string[];
  prefix: string;
  depth: number;
  chain: string[];
  /** `path.module` as Terraform gives it: relative to the root module's folder. */
  pathModule: string;
  /** Set when the module call's count/for_each is not known: every resource in it may not exist. */
  condition?: { name: string; params: string[] };
  /** Inputs of the call, evaluated where the call is written (`line`: of the argument, for messages). */
  inputs?: Map<string, Input>;
  call?: { name: string; at: Loc };
  /** Provider configurations the caller passes (`aws`, `aws.west`): its default ones, and those named in `providers = {…}`. */
  providers?: Map<string, ProviderConf | undefined>;
}

/** What Attest reads of a `provider "aws"` block: its region and default_tags. */
interface ProviderConf {
  /** `aws` or `aws.<alias>`. */
  key: string;
  region?: Value;
  /** `default_tags { tags = {…} }`, and where the default_tags block is. */
  defaultTags?: { tags: Value; at: Loc };
}

interface VarInfo {
  type: VarType;
  sensitive: boolean;
  def?: Attribute;
  nullable: boolean;
  /** Converting to the type evaluates only expressions that refer to nothing. */
  typePure: boolean;
  /** No default, or one that refers to nothing. */
  closedDefault: boolean;
}

interface VarDecl extends Decl {
  /** The variable's own arguments, read once (they are literals or type expressions, the same for every call). */
  info?: VarInfo;
}

interface LocalDecl { attr: Attribute; file: ParsedFile }
interface OutputDecl { attr?: Attribute; file: ParsedFile; block: Block }
interface StaticResource { key: string; block: Block; file: ParsedFile; mode: 'managed' | 'data'; type: string; name: string }

/** What a module's files declare, which is the same for every call of the module. */
interface Declarations {
  variables: Map<string, VarDecl>;
  locals: Map<string, LocalDecl>;
  resources: StaticResource[];
  dataSources: StaticResource[];
  calls: { block: Block; file: ParsedFile; name: string }[];
  outputs: Map<string, OutputDecl>;
  /** Provider blocks in the order written (`aws`, `aws.west`); a later block of the same name replaces an earlier one. */
  providers: { key: string; block: Block; file: ParsedFile }[];
  /** Declarations the module's files make twice, reported by every unit that reads them. */
  errors: { at: Loc; message: string }[];
}

/** Declarations by the files that make them (a module called many times is indexed once). */
const DECLARATIONS = new WeakMap<ParsedFile, { files: ParsedFile[]; decls: Declarations }[]>();

function declarations(files: ParsedFile[]): Declarations {
  const first = files[0];
  const known = first ? DECLARATIONS.get(first) : undefined;
  if (known) {
    for (const k of known) if (k.files.length === files.length && k.files.every((f, i) => f === files[i])) return k.decls;
  }
  const d: Declarations = { variables: new Map(), locals: new Map(), resources: [], dataSources: [], calls: [], outputs: new Map(), providers: [], errors: [] };
  const resources = new Map<string, StaticResource>();
  const dataSources = new Map<string, StaticResource>();
  const calls = new Map<string, { block: Block; file: ParsedFile; name: string }>();
  for (const file of files) {
    for (const b of file.body.items) {
      if (b.kind !== 'block') continue;
      const at = (n: { line: number; col: number }): Loc => ({ file: file.file, line: n.line, column: n.col });
      const dup = (what: string, first: { block: Block; file: ParsedFile } | undefined) => {
        if (first) d.errors.push({ at: at(b), message: `${what} is declared twice (first at ${first.file.file}:${first.block.line})` });
        return !!first;
      };
      const l0 = b.labels[0]?.value;
      switch (b.type) {
        case 'variable':
          if (l0 && !dup(`variable ${l0}`, d.variables.get(l0))) d.variables.set(l0, { block: b, file });
          break;
        case 'locals':
          for (const item of b.body.items) {
            if (item.kind !== 'attr') continue;
            const had = d.locals.get(item.name);
            if (had) { d.errors.push({ at: at(item), message: `local.${item.name} is declared twice (first at ${had.file.file}:${had.attr.line})` }); continue; }
            d.locals.set(item.name, { attr: item, file });
          }
          break;
        case 'resource': case 'data': {
          if (b.labels.length < 2) { d.errors.push({ at: at(b), message: `${b.type} block needs a type and a name` }); break; }
          const type = l0!;
          const name = b.labels[1]!.value;
          const key = `${type}.${name}`;
          const into = b.type === 'resource' ? resources : dataSources;
          if (dup(`${b.type === 'data' ? 'data.' : ''}${key}`, into.get(key))) break;
          into.set(key, { key, block: b, file, mode: b.type === 'resource' ? 'managed' : 'data', type, name });
          break;
        }
        case 'module':
          if (l0 && !dup(`module ${l0}`, calls.get(l0))) calls.set(l0, { block: b, file, name: l0 });
          break;
        case 'output':
          if (l0) d.outputs.set(l0, { attr: attrOf(b, 'value'), file, block: b });
          break;
        case 'provider': {
          const alias = literal(attrOf(b, 'alias'));
          if (l0) d.providers.push({ key: typeof alias === 'string' ? `${l0}.${alias}` : l0, block: b, file });
          break;
        }
      }
    }
  }
  d.resources = [...resources.values()];
  d.dataSources = [...dataSources.values()];
  d.calls = [...calls.values()];
  if (first) {
    let list = DECLARATIONS.get(first);
    if (!list) DECLARATIONS.set(first, (list = []));
    list.push({ files: [...files], decls: d });
  }
  return d;
}

interface Input { value: Value; line: number; at: Loc }


const CLOSED = new WeakMap<Expr, boolean>();

/**
 * Whether an expression refers to nothing (no name, no splat element, no template file, which
 * is evaluated with the module's names): its value is then the same wherever and whenever it
 * is evaluated, and evaluating it has no effect.
 */
function isClosed(e: Expr): boolean {
  let c = CLOSED.get(e);
  if (c !== undefined) return c;
  switch (e.t) {
    case 'lit': c = true; break;
    case 'var': case 'anon': case 'for': case 'getattr': case 'index': case 'splat': c = false; break;
    case 'tpl': c = e.parts.every(partClosed); break;
    case 'call': c = e.name !== 'templatefile' && e.args.every(isClosed); break;
    case 'tuple': c = e.items.every(isClosed); break;
    case 'object': c = e.items.every((i) => isClosed(i.key) && isClosed(i.value)); break;
    case 'cond': c = isClosed(e.cond) && isClosed(e.then) && isClosed(e.else); break;
    case 'binary': c = isClosed(e.left) && isClosed(e.right); break;
    case 'unary': case 'paren': c = isClosed(e.e); break;
    default: c = false;
  }
  CLOSED.set(e, c);
  return c;
}

function partClosed(p: TemplatePart): boolean {
  switch (p.t) {
    case 'lit': return true;
    case 'interp': return isClosed(p.e);
    default: return false;
  }
}

/** Whether converting to a type evaluates only closed expressions (its optional attributes' defaults). */
function typePure(t: VarType): boolean {
  switch (t.k) {
    case 'list': case 'set': case 'map': return typePure(t.el);
    case 'tuple': return t.els.every(typePure);
    case 'object': for (const a of t.attrs.values()) if ((a.def && !isClosed(a.def)) || !typePure(a.type)) return false; return true;
    default: return true;
  }
}

/** A variable's type, sensitivity, default and nullability, read from its block once. */
function varInfo(d: VarDecl): VarInfo {
  if (!d.info) {
    const def = attrOf(d.block, 'default');
    const type = typeOf(attrOf(d.block, 'type')?.expr);
    d.info = {
      type,
      sensitive: literal(attrOf(d.block, 'sensitive')) === true,
      nullable: literal(attrOf(d.block, 'nullable')) !== false,
      typePure: typePure(type),
      closedDefault: !def || isClosed(def.expr),
    };
    if (def) d.info.def = def;
  }
  return d.info;
}

class Module implements ModuleEnv {
  readonly parameters: ParameterInfo[] = [];
  private readonly files: ParsedFile[] = [];
  /** Read only: shared by every call of a module with the same files (see `declarations`). */
  private readonly variables: Map<string, VarDecl>;
  /** Variable values; a child module's are worked out when first used where that cannot change them (see childVariables). */
  private readonly varValues = new Map<string, { value: Value; via: string }>();
  private readonly locals: Map<string, LocalDecl>;
  private readonly localValues = new Map<string, Value>();
  private readonly localStack: string[] = [];
  private readonly resources = new Map<string, ResourceDecl>();
  private readonly dataSources = new Map<string, ResourceDecl>();
  private readonly calls = new Map<string, CallDecl>();
  private readonly outputs: Map<string, OutputDecl>;
  private outputValues?: ObjectValue;
  private readonly providerBlocks = new Map<string, Decl & { conf?: ProviderConf }>();

  constructor(private readonly loader: Loader, private readonly spec: ModuleSpec) {
    for (const f of spec.files) {
      const p = loader.parse(f);
      if (p) this.files.push(p);
    }
    const d = declarations(this.files);
    for (const e of d.errors) this.loader.error(e.at, e.message);
    this.variables = d.variables;
    this.locals = d.locals;
    this.outputs = d.outputs;
    // What evaluation records on a declaration (expansion, instances, children) is this call's own.
    for (const r of d.resources) this.resources.set(r.key, { block: r.block, file: r.file, mode: r.mode, type: r.type, name: r.name });
    for (const r of d.dataSources) this.dataSources.set(r.key, { block: r.block, file: r.file, mode: r.mode, type: r.type, name: r.name });
    for (const c of d.calls) this.calls.set(c.name, { block: c.block, file: c.file, name: c.name });
    // A provider's configuration (conf) is worked out per call, in the caller's context.
    for (const p of d.providers) this.providerBlocks.set(p.key, { block: p.block, file: p.file });
    if (spec.inputs) this.childVariables(spec.inputs);
  }

  private at(n: { line: number; col: number }, file: ParsedFile): Loc {
    return { file: file.file, line: n.line, column: n.col };
  }

  private scope(file: ParsedFile, extra: Partial<Scope> = {}): Scope {
    return { env: this, file: file.file, text: file.text, ...extra };
  }

  // ---- variables

  /** A root module's variables: defaults, then tfvars files in order, then --param. */
  rootVariables(varFiles: ParsedFile[], params: Record<string, string>): void {
    const fromFiles = new Map<string, { attr: Attribute; file: ParsedFile }>();
    for (const f of varFiles) {
      for (const item of f.body.items) {
        if (item.kind === 'attr') fromFiles.set(item.name, { attr: item, file: f });
        else this.loader.error(this.at(item, f), `a variables file sets values (name = value); the block ${item.type} is not read`);
      }
    }
    for (const [name, d] of this.variables) {
      const { type, sensitive, def, nullable } = varInfo(d);
      const loc = this.at(d.block.labels[0]!, d.file);
      // Named as expressions and unknowns name it (`var.db_password`), so a control can look it up.
      const info: ParameterInfo = { name: `var.${name}`, type: typeText(d), loc, noEcho: sensitive, source: 'none' };
      const description = literal(attrOf(d.block, 'description'));
      if (typeof description === 'string') info.description = description;
      let value: Value | undefined;
      let via = '';
      if (def) {
        const v = evaluateSafe(def.expr, this.scope(d.file));
        const plain = plainDefault(v);
        if (plain !== undefined) info.default = plain;
        info.defaultLoc = this.at(def.expr, d.file);
        value = v;
        via = `default of variable ${name} (${d.file.file}:${def.line})`;
        info.source = 'default';
      }
      const set = fromFiles.get(name);
      if (set) {
        value = evaluateSafe(set.attr.expr, this.scope(set.file));
        via = `variable ${name} set in ${set.file.file}:${set.attr.line}`;
        info.source = 'override';
      }
      if (Object.hasOwn(params, name)) {
        value = this.paramValue(params[name]!, type, loc);
        via = `parameter ${name} set by --param`;
        info.source = 'override';
      }
      if (value === undefined) {
        value = unknown(`var.${name} has no value (no default; set it in terraform.tfvars or pass --param ${name}=VALUE)`, [`var.${name}`], loc);
      }
      if (!nullable && isNull(value) && def) value = evaluateSafe(def.expr, this.scope(d.file));
      value = convert(value, type, this.scope(d.file));
      this.varValues.set(name, { value: sensitive ? markSensitive(value) : value, via });
      this.parameters.push(info);
    }
  }

  private paramValue(text: string, type: VarType, loc: Loc): Value {
    if (!isComplex(type)) return scalar(text, loc);
    // Like `terraform -var`, a list, map or object value is written in HCL.
    const p = parseHcl(`v = ${text}\n`, '--param');
    const a = p.body.items[0];
    if (p.errors.length || !a || a.kind !== 'attr') return unknown(`--param value ${JSON.stringify(text)} is not an HCL value`, [], loc);
    return relocate(evaluateSafe(a.expr, { env: this, file: loc.file, text: p.text }), loc);
  }

  private childVariables(inputs: Map<string, Input>): void {
    for (const [name, d] of this.variables) {
      const info = varInfo(d);
      // Evaluated now, a default sees only the variables declared before it; one that refers to
      // nothing (and a type whose optional defaults refer to nothing) is the same whenever it is
      // evaluated, so it waits until used (`root`): most of a large module's variables never are.
      if (info.typePure && (info.closedDefault || this.usesInput(name, info))) continue;
      this.varValues.set(name, this.childVariable(name, d));
    }
    for (const [name, given] of inputs) {
      if (!this.variables.has(name)) this.loader.error(given.at, `module ${this.spec.call!.name} has no variable ${name} (${relative(this.loader.rootDir, this.spec.dir) || '.'})`);
    }
  }

  /** Whether a child module's variable takes the value its call gives. */
  private usesInput(name: string, info: VarInfo): boolean {
    const given = this.spec.inputs?.get(name);
    return !!given && !(isNull(given.value) && !info.nullable && info.def);
  }

  /** A child module's variable: the input given, else its default, converted to its type. */
  private childVariable(name: string, d: VarDecl): { value: Value; via: string } {
    const call = this.spec.call!;
    const info = varInfo(d);
    const { type, sensitive, def } = info;
    let value: Value;
    let via: string;
    const given = this.spec.inputs?.get(name);
    if (given && this.usesInput(name, info)) {
      value = given.value;
      via = `input ${name} of ${this.spec.prefix} (${call.at.file}:${given.line})`;
    } else if (def) {
      value = evaluateSafe(def.expr, this.scope(d.file));
      via = `default of variable ${name} of ${this.spec.prefix} (${d.file.file}:${def.line})`;
    } else {
      value = unknown(`${this.spec.prefix} is called without its required input ${name}`, [`${this.spec.prefix}.var.${name}`], call.at);
      via = '';
    }
    value = convert(value, type, this.scope(d.file));
    return { value: sensitive ? markSensitive(value) : value, via };
  }

  // ---- loading

  load(): void {
    for (const decl of [...this.resources.values(), ...this.dataSources.values()]) for (const inst of this.instancesOf(decl)) this.finish(inst);
    for (const call of this.calls.values()) this.childrenOf(call);
  }

  /** Evaluate an instance's arguments once and record it as a resource of the unit. */
  private finish(inst: Instance): void {
    if (inst.finished) return;
    const values = this.valuesOf(inst);
    if (!values) return;
    inst.finished = true;
    const d = inst.decl;
    const refs = new Set(inst.refs);
    refsIn(values, refs);
    for (const dep of dependsOn(d.block)) refs.add(this.spec.prefix ? `${this.spec.prefix}.${dep}` : dep);
    refs.delete(inst.address);
    const r: TfResource = {
      address: inst.address, type: d.type, name: d.name, module: this.spec.prefix, mode: d.mode, file: d.file.file,
      loc: this.at(d.block, d.file), values, refs,
    };
    setPaths(values, '');
    const lifecycle = lifecycleValue(d.block.body, this.scope(d.file), inst.address);
    if (lifecycle) r.lifecycle = lifecycle;
    const cond = inst.condition;
    if (cond) r.condition = { name: cond.name, state: 'unknown', params: cond.params };
    this.loader.resources.push(r);
    let comments = COMMENTS.get(d.block);
    if (!comments) COMMENTS.set(d.block, (comments = blockComments(d.file, d.block)));
    if (comments.length) this.loader.suppressions.set(inst.address, comments);
  }

  private valuesOf(inst: Instance): ObjectValue | undefined {
    if (inst.values) return inst.values;
    if (inst.busy) return undefined;
    // A chain of references this long would exhaust the stack; the attribute stays a reference.
    if (this.loader.depth >= MAX_CHAIN) return undefined;
    inst.busy = true;
    this.loader.depth++;
    const d = inst.decl;
    const s = this.scope(d.file, { refs: inst.refs });
    if (inst.count) s.count = inst.count;
    if (inst.each) s.each = inst.each;
    try {
      inst.values = bodyValue(d.block.body, s, this.at(d.block, d.file), true);
      if (d.mode === 'managed') this.defaultTags(inst.values, d);
    } finally {
      inst.busy = false;
      this.loader.depth--;
    }
    return inst.values;
  }

  // ---- providers

  /**
   * The provider configuration `key` (`aws`, `aws.west`) as this module sees it: its own
   * block, else what its caller passes (a child module inherits its caller's default
   * configurations and gets aliased ones through `providers = {…}`).
   */
  provider(key: string): ProviderConf | undefined {
    const own = this.providerBlocks.get(key);
    if (own) {
      if (!own.conf) {
        const s = this.scope(own.file);
        own.conf = { key };
        const region = attrOf(own.block, 'region');
        if (region) own.conf.region = evaluateSafe(region.expr, s);
        const dt = own.block.body.items.find((i): i is Block => i.kind === 'block' && i.type === 'default_tags');
        const tags = dt && attrOf(dt, 'tags');
        if (dt && tags) own.conf.defaultTags = { tags: evaluateSafe(tags.expr, s), at: this.at(dt, own.file) };
      }
      return own.conf;
    }
    return this.spec.providers?.get(key);
  }

  /** The provider configuration a resource or data source uses: its `provider` argument, else the default one of its type's provider. */
  private providerOf(d: Decl & { type: string }): ProviderConf | undefined {
    return this.provider(providerKey(d.block, d.type));
  }

  /**
   * The region a pseudo data source reads, by the provider configuration it uses: `''` for
   * the root module's default aws configuration (the unit's own region, \${AWS::Region} or
   * --param AWS::Region), a literal region for another configuration whose region is written
   * as one (and differs from the root's), undefined when that region is not known.
   */
  private pseudoRegion(d: ResourceDecl): string | undefined {
    const key = providerKey(d.block, d.type);
    const conf = this.provider(key);
    const main = this.loader.root?.provider('aws');
    // An alias no block declares here (a module's configuration_aliases) is not known.
    if (!conf && key !== 'aws') return undefined;
    if (conf === main) return '';
    const r = conf?.region;
    if (r?.k !== 'scalar' || typeof r.v !== 'string' || r.refs?.length) return undefined;
    const m = main?.region;
    return m?.k === 'scalar' && m.v === r.v ? '' : r.v;
  }

  /** Provider configurations a module call passes to the module it calls. */
  private providersFor(call: CallDecl): Map<string, ProviderConf | undefined> {
    const out = new Map<string, ProviderConf | undefined>();
    // Default (unaliased) configurations are inherited; aws is the one Attest reads.
    out.set('aws', this.provider('aws'));
    const a = attrOf(call.block, 'providers');
    if (a && a.expr.t === 'object') {
      for (const item of a.expr.items) {
        const k = traversal(item.key);
        const v = traversal(item.value);
        if (k && v) out.set(k, this.provider(v));
      }
    }
    return out;
  }

  /**
   * Terraform's `tags_all`: the provider's default_tags with the resource's own tags over
   * them, each located where written (a default tag in the provider block). Set only when
   * the provider in use has default_tags; a resource type without tags ignores it.
   */
  private defaultTags(values: ObjectValue, d: ResourceDecl): void {
    if (!d.type.startsWith('aws_') || values.props.has('tags_all')) return;
    const dt = this.providerOf(d)?.defaultTags;
    if (!dt) return;
    const own = values.props.get('tags');
    const ownAt = values.keyLocs.get('tags');
    const at = ownAt ?? dt.at;
    let all: Value;
    if (dt.tags.k === 'unknown') all = unknown(`the provider's default_tags are not known (${dt.tags.reason})`, dt.tags.params, dt.at);
    else if (dt.tags.k !== 'object') all = unknown('the provider\'s default_tags are not a map', [], dt.at);
    else if (own && own.k !== 'object') all = own.k === 'unknown' ? unknown(`the resource's tags are not known (${own.reason})`, own.params, own.loc) : unknown('the resource\'s tags are not a map', [], own.loc);
    else {
      const merged = object([], at);
      for (const [k, v] of dt.tags.props) { merged.props.set(k, v); merged.keyLocs.set(k, dt.tags.keyLocs.get(k) ?? dt.at); }
      if (own) for (const [k, v] of own.props) { merged.props.set(k, v); merged.keyLocs.set(k, own.keyLocs.get(k) ?? own.loc); }
      all = merged;
    }
    values.props.set('tags_all', all);
    values.keyLocs.set('tags_all', at);
  }

  private address(kind: 'managed' | 'data', type: string, name: string): string {
    const local = `${kind === 'data' ? 'data.' : ''}${type}.${name}`;
    return this.spec.prefix ? `${this.spec.prefix}.${local}` : local;
  }

  /** Instances of a resource; empty while its own count/for_each is being evaluated (a reference cycle). */
  private instancesOf(decl: ResourceDecl): Instance[] {
    if (decl.instances) return decl.instances;
    if (decl.expanding) return [];
    decl.expanding = true;
    const x = this.expansion(decl);
    decl.instances = [];
    const base = this.address(decl.mode, decl.type, decl.name);
    const inherited = this.spec.condition;
    const mk = (address: string, extra: Partial<Instance>): Instance => {
      const inst: Instance = { address, decl, module: this, refs: new Set(), ...extra };
      if (inherited) inst.condition = inherited;
      this.loader.instances.set(address, inst);
      return inst;
    };
    if (x.kind === 'single') decl.instances.push(mk(base, {}));
    else if (x.kind === 'count') for (let i = 0; i < x.n; i++) decl.instances.push(mk(`${base}[${i}]`, { count: scalar(i, this.at(decl.block, decl.file)) }));
    else if (x.kind === 'each') for (const [k, v] of x.entries) decl.instances.push(mk(`${base}[${JSON.stringify(k)}]`, { each: { key: scalar(k, v.loc), value: v } }));
    else {
      const at = this.at(decl.block, decl.file);
      const u = unknown(x.reason, x.params, at);
      const inst = mk(base, isCount(decl.block) ? { count: u } : { each: { key: u, value: u } });
      inst.condition = inherited
        ? { name: `${inherited.name} and ${x.name}`, params: [...new Set([...inherited.params, ...x.params])] }
        : { name: x.name, params: x.params };
      decl.instances.push(inst);
    }
    return decl.instances;
  }

  /** How many instances `count` / `for_each` make, when the configuration decides it. */
  private expansion(decl: { block: Block; file: ParsedFile; expansion?: Expansion }): Expansion {
    if (decl.expansion) return decl.expansion;
    const count = attrOf(decl.block, 'count');
    const forEach = attrOf(decl.block, 'for_each');
    const s = this.scope(decl.file);
    const unknownOf = (a: Attribute, u: Unknown): Expansion => ({ kind: 'unknown', name: conditionName(a, decl.file), params: u.params, reason: u.reason });
    let x: Expansion = { kind: 'single' };
    if (count) {
      const v = evaluateSafe(count.expr, s);
      if (v.k === 'unknown') x = unknownOf(count, v);
      else if (v.k === 'scalar' && (typeof v.v === 'number' || (typeof v.v === 'string' && /^\d+$/.test(v.v)))) {
        const n = Number(v.v);
        if (n > MAX_INSTANCES) {
          x = { kind: 'unknown', name: conditionName(count, decl.file), params: [], reason: `count is ${n}; Attest expands at most ${MAX_INSTANCES} instances` };
          this.loader.note(this.at(count, decl.file), `count is ${n}: read as one resource that may exist (Attest expands at most ${MAX_INSTANCES} instances)`);
        } else x = { kind: 'count', n };
      } else if (v.k === 'ref') x = unknownOf(count, unknown(`count depends on ${v.resource}, known only after apply`, [], v.loc));
      else x = unknownOf(count, unknown(`count is not a whole number (${textOf(count.expr, s)})`, [], v.loc));
    } else if (forEach) {
      const v = evaluateSafe(forEach.expr, s);
      x = this.eachExpansion(forEach, v, decl.file);
    }
    decl.expansion = x;
    return x;
  }

  private eachExpansion(a: Attribute, v: Value, file: ParsedFile): Expansion {
    const name = conditionName(a, file);
    if (v.k === 'unknown') return { kind: 'unknown', name, params: v.params, reason: v.reason };
    if (v.k === 'object') return { kind: 'each', entries: [...v.props.keys()].sort().map((k) => [k, v.props.get(k)!]) };
    if (v.k === 'list') {
      const entries: [string, Value][] = [];
      for (const item of v.items) {
        if (item.k === 'unknown') return { kind: 'unknown', name, params: item.params, reason: item.reason };
        if (item.k !== 'scalar' || item.v === null || item.refs?.length) return { kind: 'unknown', name, params: [], reason: `for_each has an element known only after apply` };
        const k = String(item.v);
        if (!entries.some(([e]) => e === k)) entries.push([k, item]);
      }
      return { kind: 'each', entries: entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)) };
    }
    if (v.k === 'ref') return { kind: 'unknown', name, params: [], reason: `for_each depends on ${v.resource}, known only after apply` };
    return { kind: 'unknown', name, params: [], reason: `for_each is not a map or a set of strings (${textOf(a.expr, { env: this, file: file.file, text: file.text })})` };
  }

  // ---- module calls

  private childrenOf(call: CallDecl): { key?: string | number; module: Module }[] {
    if (call.children) return call.children;
    call.children = [];
    const srcAttr = attrOf(call.block, 'source');
    const source = literal(srcAttr);
    const at = this.at(call.block, call.file);
    if (typeof source !== 'string') { this.loader.error(at, `module ${call.name} needs source = "<path or address>"`); return call.children; }
    call.source = source;
    if (!/^\.\.?(\/|\\|$)/.test(source)) {
      this.loader.note(this.at(srcAttr!, call.file), `module ${call.name} (source ${JSON.stringify(source)}) is not read: its resources are not assessed`);
      return call.children;
    }
    const dir = resolve(this.spec.dir, source);
    const real = this.loader.realDir(dir);
    if (!real) {
      this.loader.error(this.at(srcAttr!, call.file), `module ${call.name}: folder ${source} does not exist`);
      return call.children;
    }
    call.dir = real;
    if (this.spec.chain.includes(real) || real === this.spec.dir) {
      this.loader.error(this.at(srcAttr!, call.file), `module ${call.name} calls a module that calls it (${source}); it is read once`);
      return call.children;
    }
    if (this.spec.depth >= MAX_DEPTH) {
      this.loader.error(this.at(srcAttr!, call.file), `module ${call.name}: modules nest deeper than ${MAX_DEPTH}; not read`);
      return call.children;
    }
    const files = this.loader.tfFiles(real);
    if (!files.length) {
      this.loader.error(this.at(srcAttr!, call.file), `module ${call.name}: folder ${source} has no .tf files`);
      return call.children;
    }
    const x = this.expansion(call);
    const base = this.spec.prefix ? `${this.spec.prefix}.module.${call.name}` : `module.${call.name}`;
    const make = (prefix: string, extra: Partial<Scope>, condition?: { name: string; params: string[] }) => {
      const s = this.scope(call.file, extra);
      const inputs = new Map<string, Input>();
      for (const item of call.block.body.items) {
        if (item.kind !== 'attr' || CALL_META.has(item.name)) continue;
        const loc = this.at(item, call.file);
        inputs.set(item.name, { value: evaluateSafe(item.expr, s), line: item.line, at: loc });
      }
      const pathModule = relative(this.loader.rootDir, real).split(sep).join('/') || '.';
      const inherited = this.spec.condition;
      const cond = inherited && condition ? { name: `${inherited.name} and ${condition.name}`, params: [...new Set([...inherited.params, ...condition.params])] } : inherited ?? condition;
      const spec: ModuleSpec = { dir: real, files, prefix, depth: this.spec.depth + 1, chain: [...this.spec.chain, this.spec.dir], pathModule, inputs, call: { name: call.name, at }, providers: this.providersFor(call) };
      if (cond) spec.condition = cond;
      return new Module(this.loader, spec);
    };
    const children: { key?: string | number; module: Module }[] = [];
    if (x.kind === 'single') children.push({ module: make(base, {}) });
    else if (x.kind === 'count') for (let i = 0; i < x.n; i++) children.push({ key: i, module: make(`${base}[${i}]`, { count: scalar(i, at) }) });
    else if (x.kind === 'each') for (const [k, v] of x.entries) children.push({ key: k, module: make(`${base}[${JSON.stringify(k)}]`, { each: { key: scalar(k, v.loc), value: v } }) });
    else {
      const u = unknown(x.reason, x.params, at);
      children.push({ module: make(base, isCount(call.block) ? { count: u } : { each: { key: u, value: u } }, { name: x.name, params: x.params }) });
    }
    call.children = children;
    for (const c of children) c.module.load();
    return children;
  }

  private outputsObject(): ObjectValue {
    if (this.outputValues) return this.outputValues;
    const o = object([], this.spec.call?.at ?? { file: '', line: 0, column: 0 });
    this.outputValues = o;
    for (const [name, out] of this.outputs) {
      const at = this.at(out.block, out.file);
      let v: Value = out.attr ? evaluateSafe(out.attr.expr, this.scope(out.file)) : scalar(null, at);
      if (literal(attrOf(out.block, 'sensitive')) === true) v = markSensitive(v);
      o.props.set(name, v);
      o.keyLocs.set(name, at);
    }
    return o;
  }

  // ---- ModuleEnv: what names in expressions refer to

  root(root: string, attr: string, at: Loc, s: Scope): Got | undefined {
    switch (root) {
      case 'var': {
        let v = this.varValues.get(attr);
        if (!v) {
          // A root module's variables are all set; a child module's not set yet waits for its first use.
          const d = this.spec.inputs ? this.variables.get(attr) : undefined;
          if (!d) throw new EvalError(`no variable ${JSON.stringify(attr)} is declared in this module`);
          v = this.childVariable(attr, d);
          this.varValues.set(attr, v);
        }
        return { v: v.value, via: v.via };
      }
      case 'local': return { v: this.local(attr, at), via: `local.${attr}` };
      case 'module': return this.moduleValue(attr, at);
      case 'path':
        if (attr === 'module') return { v: scalar(this.spec.pathModule, at) };
        if (attr === 'root' || attr === 'cwd') return { v: scalar('.', at) };
        throw new EvalError(`path has no attribute ${attr}`);
      case 'terraform':
        if (attr === 'workspace') return { v: unknown('terraform.workspace is chosen when Terraform runs', ['terraform.workspace'], at) };
        throw new EvalError(`terraform has no attribute ${attr}`);
      case 'self': return { v: unknown('self is only known while a provisioner runs', [], at) };
    }
    const decl = this.resources.get(`${root}.${attr}`);
    if (decl) {
      const v = this.resourceValue(decl, at);
      for (const inst of this.instancesOf(decl)) s.refs?.add(inst.address);
      return { v };
    }
    if (root.includes('_')) throw new EvalError(`no resource ${root}.${attr} is declared in this module`);
    return undefined;
  }

  private resourceValue(decl: ResourceDecl, at: Loc): Value {
    const x = this.expansion(decl);
    const insts = this.instancesOf(decl);
    const ref = (inst: Instance): Value => ({ k: 'ref', resource: inst.address, loc: at });
    if (!decl.instances) return unknown(`${this.address('managed', decl.type, decl.name)} is referred to by its own count or for_each`, [], at);
    if (x.kind === 'single' || x.kind === 'unknown') return ref(insts[0]!);
    if (x.kind === 'count') return list(insts.map(ref), at);
    return object(insts.map((inst, i) => [x.entries[i]![0], ref(inst), at]), at);
  }

  data(type: string, name: string, at: Loc, s: Scope): Value {
    const decl = this.dataSources.get(`${type}.${name}`);
    const address = this.address('data', type, name);
    if (!decl) throw new EvalError(`no data source data.${type}.${name} is declared in this module`);
    for (const inst of this.instancesOf(decl)) s.refs?.add(inst.address);
    if (this.expansion(decl).kind === 'single') {
      // Another provider configuration than the unit's own may be another region (read when
      // written as a literal, for aws_region) or another account (not known).
      const region = this.pseudoRegion(decl);
      const own = region === '';
      const pseudo = (own || (region !== undefined && type === 'aws_region')) && pseudoDataSource(type, address, decl.block, own ? this.loader.pseudo : { ...this.loader.pseudo, 'AWS::Region': region! }, at, true);
      if (pseudo) return pseudo;
    }
    if (type !== 'aws_iam_policy_document') return unknown(`data.${type}.${name} is read from the provider when Terraform runs`, [`data.${type}.${name}`], at);
    const x = this.expansion(decl);
    const doc = (inst: Instance): Value => {
      const values = this.valuesOf(inst);
      const json = values ? policyDocument(inst.address, values, at) : unknown(`${inst.address} refers to itself`, [], at);
      return object([['json', json], ['minified_json', json]], at);
    };
    const insts = this.instancesOf(decl);
    if (!decl.instances) return unknown(`${address} is referred to by its own count or for_each`, [], at);
    if (x.kind === 'single') return doc(insts[0]!);
    // The one instance standing for an undecided count is still indexed as [0] where it is used.
    if (x.kind === 'unknown') return isCount(decl.block) ? list([doc(insts[0]!)], at) : unknown(`the instances of ${address} are not known (${x.reason})`, x.params, at);
    if (x.kind === 'count') return list(insts.map(doc), at);
    return object(insts.map((inst, i) => [x.entries[i]![0], doc(inst), at]), at);
  }

  resourceAttr(r: Extract<Value, { k: 'ref' }>, attr: string, at: Loc): Got {
    const inst = this.loader.instances.get(r.resource);
    const owner = inst?.module;
    const values = inst && owner ? owner.valuesOf(inst) : undefined;
    if (inst && !values && this.loader.depth >= MAX_CHAIN) return { v: unknown(`${r.resource}.${attr} is reached through more than ${MAX_CHAIN} references; Attest follows no further`, [], at) };
    const v = values?.props.get(attr);
    if (v !== undefined) return { v, via: `${r.resource}.${attr}`, from: { resource: r.resource, path: attr } };
    return { v: { k: 'ref', resource: r.resource, attr, loc: at } };
  }

  private moduleValue(name: string, at: Loc): Got {
    const call = this.calls.get(name);
    if (!call) throw new EvalError(`no module ${JSON.stringify(name)} is called in this module`);
    const children = this.childrenOf(call);
    const address = this.spec.prefix ? `${this.spec.prefix}.module.${name}` : `module.${name}`;
    if (!call.dir || !children.length) {
      return { v: unknown(`${address} (source ${JSON.stringify(call.source ?? '?')}) is not read, so its outputs are not known`, [address], at) };
    }
    const x = call.expansion!;
    const via = `output of ${address}`;
    if (x.kind === 'single' || x.kind === 'unknown') return { v: children[0]!.module.outputsObject(), via };
    if (x.kind === 'count') return { v: list(children.map((c) => c.module.outputsObject()), at), via };
    return { v: object(children.map((c) => [String(c.key), c.module.outputsObject(), at]), at), via };
  }

  private local(name: string, at: Loc): Value {
    const l = this.locals.get(name);
    if (!l) throw new EvalError(`no local value ${JSON.stringify(name)} is declared in this module`);
    const had = this.localValues.get(name);
    if (had) return had;
    if (this.localStack.includes(name)) {
      const cycle = [...this.localStack.slice(this.localStack.indexOf(name)), name].map((n) => `local.${n}`).join(' -> ');
      this.loader.error(this.at(l.attr, l.file), `local.${name} refers to itself: ${cycle}`);
      return unknown(`local.${name} refers to itself (${cycle})`, [], at);
    }
    if (this.loader.depth >= MAX_CHAIN) return unknown(`local.${name} is reached through more than ${MAX_CHAIN} references; Attest follows no further`, [], at);
    this.localStack.push(name);
    this.loader.depth++;
    let value: Value;
    try {
      value = evaluateSafe(l.attr.expr, this.scope(l.file));
    } finally {
      this.localStack.pop();
      this.loader.depth--;
    }
    this.localValues.set(name, value);
    return value;
  }

  readFile(path: string, at: Loc): string | Unknown {
    const full = resolve(this.loader.rootDir, path);
    const inside = (dir: string) => full === dir || full.startsWith(dir.endsWith(sep) ? dir : dir + sep);
    if (!inside(this.loader.rootDir) && !inside(this.spec.dir)) return unknown(`file ${path} is outside the module, not read`, [], at);
    if (!existsSync(full)) return unknown(`file ${path} does not exist`, [], at);
    try {
      if (statSync(full).size > MAX_FILE_BYTES) return unknown(`file ${path} is over 1 MiB, not read`, [], at);
      return readFileSync(full, 'utf8');
    } catch (e) {
      return unknown(`file ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, [], at);
    }
  }
}

/** Suppression comments by block: a block's instances (count, for_each, every call of its module) share them, read only. */
const COMMENTS = new WeakMap<Block, SuppressionComment[]>();

const CALL_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

function attrOf(b: Block, name: string): Attribute | undefined {
  for (const item of b.body.items) if (item.kind === 'attr' && item.name === name) return item;
  return undefined;
}

function isCount(b: Block): boolean {
  return !!attrOf(b, 'count');
}

/** A literal argument's value (`sensitive = true`, `source = "./x"`), or undefined when it is an expression. */
function literal(a: Attribute | undefined): Scalar | undefined {
  return a && a.expr.t === 'lit' ? a.expr.v : undefined;
}

function typeText(d: Decl): string {
  const t = attrOf(d.block, 'type');
  return t ? d.file.text.slice(t.expr.pos, t.expr.end).replace(/\s+/g, ' ') : 'any';
}

function plainDefault(v: Value): Scalar | Scalar[] | undefined {
  if (v.k === 'scalar') return v.v;
  if (v.k === 'list' && v.items.every((i) => i.k === 'scalar')) return v.items.map((i) => (i as { v: Scalar }).v);
  return undefined;
}

function markSensitive(v: Value): Value {
  switch (v.k) {
    case 'scalar': return { ...v, sensitive: true, ...(v.json ? { json: markSensitive(v.json) } : {}) };
    case 'unknown': return v.json ? { ...v, json: markSensitive(v.json) } : v;
    case 'list': return { ...v, items: v.items.map(markSensitive) };
    case 'object': {
      const props = new Map<string, Value>();
      for (const [k, p] of v.props) props.set(k, markSensitive(p));
      return { ...v, props };
    }
    default: return v;
  }
}

/**
 * What an undecidable count or for_each is named in findings: the condition of
 * `count = var.create ? 1 : 0` (`var.create`), else the argument as written.
 */
function conditionName(a: Attribute, file: ParsedFile): string {
  const e: Expr = a.expr.t === 'paren' ? a.expr.e : a.expr;
  const txt = (x: { pos: number; end: number }) => file.text.slice(x.pos, x.end).replace(/\s+/g, ' ');
  if (a.name === 'count' && e.t === 'cond' && e.then.t === 'lit' && e.else.t === 'lit') {
    if (e.then.v === 1 && e.else.v === 0) return txt(e.cond);
    if (e.then.v === 0 && e.else.v === 1) return `!(${txt(e.cond)})`;
  }
  return `${a.name} = ${txt(a.expr)}`;
}

/** `aws` or `aws.west` written as a traversal (`provider = aws.west`, a key or value of `providers`). */
function traversal(e: Expr): string | undefined {
  if (e.t === 'var') return e.name;
  // A bare key of an object (`{ aws = … }`) is its name as a literal.
  if (e.t === 'lit' && typeof e.v === 'string' && /^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)?$/.test(e.v)) return e.v;
  if (e.t === 'getattr' && e.obj.t === 'var') return `${e.obj.name}.${e.name}`;
  return undefined;
}

/** The provider configuration a block uses: its `provider` argument, else the provider its type is named after. */
function providerKey(b: Block, type: string): string {
  const p = attrOf(b, 'provider');
  return (p && traversal(p.expr)) ?? type.split('_')[0]!;
}

/** `depends_on = [aws_x.a, module.m]` as written. */
function dependsOn(b: Block): string[] {
  const a = attrOf(b, 'depends_on');
  if (!a || a.expr.t !== 'tuple') return [];
  const out: string[] = [];
  for (const item of a.expr.items) {
    const parts: string[] = [];
    let e: Expr = item;
    while (e.t === 'getattr') { parts.unshift(e.name); e = e.obj; }
    if (e.t === 'var') { parts.unshift(e.name); out.push(parts.join('.')); }
  }
  return out;
}

export { evaluate, locOf };
