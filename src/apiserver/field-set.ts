// Sets of field paths, as server-side apply tracks ownership (structured-merge-diff's fieldpath.Set), and their
// FieldsV1 encoding in metadata.managedFields: `f:name` a field, `k:{"name":"web"}` a list item by its keys,
// `v:"x"` a set item, `i:0` a list index; `.` marks a node that is itself in the set and also has children.

/** One step of a path: `f:spec`, `k:{"containerPort":80,"protocol":"TCP"}`, `v:"finalizer"`, `i:0`. */
export type PathElement = string;

export class FieldSet {
  /** The path leading here is itself in the set. */
  member = false;
  readonly children = new Map<PathElement, FieldSet>();

  static of(...paths: PathElement[][]): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  insert(path: PathElement[]): void {
    let node: FieldSet = this;
    for (const pe of path) {
      let next = node.children.get(pe);
      if (!next) node.children.set(pe, (next = new FieldSet()));
      node = next;
    }
    node.member = true;
  }

  has(path: PathElement[]): boolean {
    const node = this.at(path);
    return node !== undefined && node.member;
  }

  /** The subtree under `path`, if any. */
  at(path: PathElement[]): FieldSet | undefined {
    let node: FieldSet | undefined = this;
    for (const pe of path) {
      node = node.children.get(pe);
      if (!node) return undefined;
    }
    return node;
  }

  isEmpty(): boolean {
    if (this.member) return false;
    for (const c of this.children.values()) if (!c.isEmpty()) return false;
    return true;
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member || other.member;
    for (const [pe, c] of this.children) out.children.set(pe, other.children.has(pe) ? c.union(other.children.get(pe)!) : c.copy());
    for (const [pe, c] of other.children) if (!this.children.has(pe)) out.children.set(pe, c.copy());
    return out;
  }

  /** Members of this set that are not members of `other` (paths only: a member of other does not remove children). */
  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member && !other.member;
    for (const [pe, c] of this.children) {
      const o = other.children.get(pe);
      const d = o ? c.difference(o) : c.copy();
      if (!d.isEmpty()) out.children.set(pe, d);
    }
    return out;
  }

  /** This set without anything at or under the members of `other`. */
  recursiveDifference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member && !other.member;
    if (other.member) return out;
    for (const [pe, c] of this.children) {
      const o = other.children.get(pe);
      const d = o ? c.recursiveDifference(o) : c.copy();
      if (!d.isEmpty()) out.children.set(pe, d);
    }
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member && other.member;
    for (const [pe, c] of this.children) {
      const o = other.children.get(pe);
      if (!o) continue;
      const i = c.intersection(o);
      if (!i.isEmpty()) out.children.set(pe, i);
    }
    return out;
  }

  copy(): FieldSet {
    const out = new FieldSet();
    out.member = this.member;
    for (const [pe, c] of this.children) out.children.set(pe, c.copy());
    return out;
  }

  equals(other: FieldSet): boolean {
    return this.difference(other).isEmpty() && other.difference(this).isEmpty();
  }

  /** Every member path, in structured-merge-diff's order: a level's members, then its children's, each sorted. */
  paths(prefix: PathElement[] = []): PathElement[][] {
    const out: PathElement[][] = [];
    const keys = [...this.children.keys()].sort(comparePathElements);
    for (const pe of keys) if (this.children.get(pe)!.member) out.push([...prefix, pe]);
    for (const pe of keys) {
      const c = this.children.get(pe)!;
      if (c.children.size) out.push(...c.paths([...prefix, pe]));
    }
    return out;
  }

  /** The FieldsV1 document (keys sorted, as kubectl prints it). */
  toFieldsV1(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = [...this.children.keys()].filter((pe) => !this.children.get(pe)!.isEmpty()).sort();
    for (const pe of keys) {
      const c = this.children.get(pe)!;
      const inner = c.toFieldsV1();
      out[pe] = c.member && Object.keys(inner).length ? { '.': {}, ...inner } : inner;
    }
    return out;
  }

  static fromFieldsV1(doc: unknown): FieldSet {
    const out = new FieldSet();
    const walk = (node: FieldSet, json: unknown) => {
      if (!json || typeof json !== 'object') return;
      const entries = Object.entries(json as Record<string, unknown>);
      for (const [pe, v] of entries) {
        if (pe === '.') {
          node.member = true;
          continue;
        }
        const child = new FieldSet();
        const inner = v && typeof v === 'object' ? Object.keys(v) : [];
        if (inner.length === 0) child.member = true;
        walk(child, v);
        node.children.set(pe, child);
      }
    };
    walk(out, doc);
    return out;
  }
}

/** Fields before keys before values before indices (the order structured-merge-diff sorts path elements in). */
function comparePathElements(a: PathElement, b: PathElement): number {
  const rank = (pe: PathElement) => 'fkvi'.indexOf(pe[0]!);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** `f:name` */
export function fieldElement(name: string): PathElement {
  return `f:${name}`;
}

/** `k:{"containerPort":80,"protocol":"TCP"}`: the key fields in name order. */
export function keyElement(fields: Record<string, unknown>): PathElement {
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(fields).sort()) sorted[k] = fields[k];
  return `k:${JSON.stringify(sorted)}`;
}

export function valueElement(value: unknown): PathElement {
  return `v:${JSON.stringify(value)}`;
}

export function indexElement(i: number): PathElement {
  return `i:${i}`;
}

/** `.spec.template.spec.containers[name="nginx"].image`: a path as the API server's conflict messages print it. */
export function formatPath(path: PathElement[]): string {
  return path
    .map((pe) => {
      const body = pe.slice(2);
      switch (pe[0]) {
        case 'f':
          return `.${body}`;
        case 'k': {
          const fields = JSON.parse(body) as Record<string, unknown>;
          return `[${Object.entries(fields)
            .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
            .join(',')}]`;
        }
        case 'v':
          return `[=${body}]`;
        default:
          return `[${body}]`;
      }
    })
    .join('');
}
