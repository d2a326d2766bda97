import type { Resource, Template, Value } from '../model/types.js';

/**
 * The resources of every scanned template, with the references between them, so a
 * control can ask which resources point at a given one (flow logs of a VPC, routes of a
 * route table, listeners of a load balancer) or what a `Ref` points at.
 */
export class Graph {
  readonly templates: Template[];
  private readonly referrersOf = new Map<Resource, Resource[]>();
  private readonly byType = new Map<string, Resource[]>();
  // Lookups every control and fact makes per resource are answered from indexes built once,
  // so a scan stays linear in the number of resources (a filter over all resources per
  // resource made 20,000 resources take minutes).
  // A unit is a template, or a Terraform module spanning several files: lookups "in the same
  // template" go through the resource's unit, references through the file they are written in.
  private readonly byFile = new Map<string, Template>();
  private readonly unitOf = new Map<Resource, Template>();
  private readonly byUnitType = new Map<Template, Map<string, Resource[]>>();
  private readonly pointers = new Map<string, Map<Resource, Resource[]>>();
  private readonly literals = new Map<string, Map<string, Resource[]>>();
  private readonly conditionalsByResource = new Map<Template, Map<string, Template['conditionals']>>();

  constructor(templates: Template[]) {
    this.templates = templates;
    for (const t of templates) {
      for (const f of [t.file, ...(t.files ?? [])]) if (!this.byFile.has(f)) this.byFile.set(f, t);
      let fileTypes = this.byUnitType.get(t);
      if (!fileTypes) this.byUnitType.set(t, (fileTypes = new Map()));
      for (const r of t.resources.values()) {
        this.unitOf.set(r, t);
        if (r.condition?.state === false) continue;
        let l = this.byType.get(r.type);
        if (!l) this.byType.set(r.type, (l = []));
        l.push(r);
        let fl = fileTypes.get(r.type);
        if (!fl) fileTypes.set(r.type, (fl = []));
        fl.push(r);
        for (const id of r.refs) {
          const target = t.resources.get(id);
          if (!target) continue;
          let rl = this.referrersOf.get(target);
          if (!rl) this.referrersOf.set(target, (rl = []));
          rl.push(r);
        }
      }
    }
  }

  /** Resources that will be created (those whose condition is known false are left out). */
  *resources(): Iterable<Resource> {
    for (const l of this.byType.values()) yield* l;
  }

  ofType(type: string, sameFileAs?: Resource): Resource[] {
    if (!sameFileAs) return this.byType.get(type) ?? [];
    const unit = this.unitOf.get(sameFileAs);
    return (unit && this.byUnitType.get(unit)?.get(type)) ?? [];
  }

  /**
   * Resources of `type` whose property `key` points at `r` (as `target` decides: a Ref, a
   * GetAtt, a `${Res}` string, or an import of a scanned stack's export), in scan order.
   */
  pointingAt(r: Resource, type: string, key: string): Resource[] {
    const k = `${type}\u0000${key}`;
    let index = this.pointers.get(k);
    if (!index) {
      this.pointers.set(k, (index = new Map()));
      for (const x of this.ofType(type)) {
        const to = this.target(x, x.properties.props.get(key));
        if (!to) continue;
        let l = index.get(to);
        if (!l) index.set(to, (l = []));
        l.push(x);
      }
    }
    return index.get(r) ?? [];
  }

  /** Resources of `type` in the template of `sameFileAs` whose property `key` is the literal string `value`. */
  withLiteral(type: string, key: string, sameFileAs: Resource, value: string): Resource[] {
    const k = `${type}\u0000${key}`;
    let index = this.literals.get(k);
    if (!index) {
      this.literals.set(k, (index = new Map()));
      for (const x of this.ofType(type)) {
        const v = x.properties.props.get(key);
        if (!v || v.k !== 'scalar' || v.refs || v.v == null) continue;
        const at = `${this.unitKey(x)}\u0000${String(v.v)}`;
        let l = index.get(at);
        if (!l) index.set(at, (l = []));
        l.push(x);
      }
    }
    return index.get(`${this.unitKey(sameFileAs)}\u0000${value}`) ?? [];
  }

  /** The `Fn::If`s met while resolving `r`, from its template's list. */
  conditionals(r: Resource): Template['conditionals'] {
    const t = this.template(r);
    if (!t) return [];
    let index = this.conditionalsByResource.get(t);
    if (!index) {
      this.conditionalsByResource.set(t, (index = new Map()));
      for (const c of t.conditionals) {
        let l = index.get(c.resource);
        if (!l) index.set(c.resource, (l = []));
        l.push(c);
      }
    }
    return index.get(r.id) ?? [];
  }

  /** Resources of the same template that reference `r` (Ref, GetAtt, Sub, DependsOn). */
  referrers(r: Resource, type?: string): Resource[] {
    const l = this.referrersOf.get(r) ?? [];
    return type ? l.filter((x) => x.type === type) : l;
  }

  template(r: Resource): Template | undefined {
    return this.unitOf.get(r) ?? this.byFile.get(r.file);
  }

  /** A key naming the unit of `r` (its template's file). */
  private unitKey(r: Resource): string {
    return this.template(r)?.file ?? r.file;
  }

  /** The resource a `Ref`/`GetAtt` value (or a `${Res}` placeholder string) points at. */
  target(from: Resource, v: Value | undefined): Resource | undefined {
    if (!v) return undefined;
    let id: string | undefined;
    if (v.k === 'ref') id = v.resource;
    else if (v.k === 'scalar' && v.refs && v.refs.length === 1 && /^\$\{[^}]+\}$/.test(String(v.v))) id = v.refs[0];
    if (!id) return undefined;
    // A reference is written in the template that declares its resource; an imported value
    // (Fn::ImportValue of a scanned stack's export) keeps the exporting template's location.
    const t = this.byFile.get(v.loc.file) ?? this.template(from);
    const r = t?.resources.get(id);
    return r && r.condition?.state !== false ? r : undefined;
  }
}
