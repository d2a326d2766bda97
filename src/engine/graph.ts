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

  constructor(templates: Template[]) {
    this.templates = templates;
    for (const t of templates) {
      for (const r of t.resources.values()) {
        if (r.condition?.state === false) continue;
        let l = this.byType.get(r.type);
        if (!l) this.byType.set(r.type, (l = []));
        l.push(r);
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
    const l = this.byType.get(type) ?? [];
    return sameFileAs ? l.filter((r) => r.file === sameFileAs.file) : l;
  }

  /** Resources of the same template that reference `r` (Ref, GetAtt, Sub, DependsOn). */
  referrers(r: Resource, type?: string): Resource[] {
    const l = this.referrersOf.get(r) ?? [];
    return type ? l.filter((x) => x.type === type) : l;
  }

  template(r: Resource): Template | undefined {
    return this.templates.find((t) => t.file === r.file);
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
    const t = this.templates.find((x) => x.file === v.loc.file) ?? this.template(from);
    const r = t?.resources.get(id);
    return r && r.condition?.state !== false ? r : undefined;
  }
}
