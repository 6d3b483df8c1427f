// Objects walked with their field types, as structured-merge-diff walks them: the set of fields an object sets, the
// comparison of two objects (added / modified / removed fields), the merge of an applied configuration into a live
// object, and the removal of a set of fields.
import { FieldSet, fieldElement, indexElement, keyElement, valueElement, type PathElement } from './field-set';
import { childType, isDeclaredField, KEY_DEFAULTS, type FieldType, type ListType } from './field-types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How a value of type `t` is walked: leaves, maps (struct or free keys) or granular lists. */
function shapeOf(t: FieldType, ...values: (Json | undefined)[]): 'leaf' | 'map' | 'list' {
  if (t.k === 'scalar') return 'leaf';
  if (t.k === 'struct' || t.k === 'map') return t.atomic ? 'leaf' : 'map';
  if (t.k === 'list') return t.list === 'atomic' ? 'leaf' : 'list';
  // Deduced: maps are granular, lists atomic.
  return values.some((v) => v !== undefined && v !== null) && values.every((v) => v === undefined || v === null || isMap(v)) ? 'map' : 'leaf';
}

function listTypeOf(t: FieldType): ListType {
  return t.k === 'list' ? t.list : 'atomic';
}

function elemOf(t: FieldType): FieldType {
  return t.k === 'list' ? t.elem : { k: 'deduced' };
}

/** The path element of a list item: its keys, its value (sets) or its index. */
export function itemElement(list: ListType, item: Json, index: number): PathElement {
  if (list === 'set') return valueElement(item);
  if (list !== 'atomic' && isMap(item)) {
    const key: Record<string, unknown> = {};
    for (const k of list.keys) {
      const v = item[k] ?? KEY_DEFAULTS[k];
      if (v === undefined) return indexElement(index);
      key[k] = v;
    }
    return keyElement(key);
  }
  return indexElement(index);
}

function indexItems(t: FieldType, list: Json[] | undefined): Map<PathElement, Json> {
  const out = new Map<PathElement, Json>();
  (list ?? []).forEach((item, i) => {
    const pe = itemElement(listTypeOf(t), item, i);
    if (!out.has(pe)) out.set(pe, item);
  });
  return out;
}

/** The fields `value` sets (an applied configuration's fields: what its manager will own). */
export function toFieldSet(value: Json, t: FieldType): FieldSet {
  const set = new FieldSet();
  const walk = (v: Json, type: FieldType, path: PathElement[]) => {
    const shape = shapeOf(type, v);
    if (shape === 'leaf') {
      set.insert(path);
      return;
    }
    if (shape === 'list') {
      if (!Array.isArray(v)) return;
      for (const [pe, item] of indexItems(type, v)) {
        walk(item, elemOf(type), [...path, pe]);
        set.insert([...path, pe]);
      }
      return;
    }
    if (!isMap(v)) return;
    for (const [key, child] of Object.entries(v)) {
      const p = [...path, fieldElement(key)];
      walk(child, childType(type, key), p);
      if (child === null || (isMap(child) && Object.keys(child).length === 0) || !isDeclaredField(type, key)) set.insert(p);
    }
  };
  walk(value, t, []);
  return set;
}

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

export function isSame(c: Comparison): boolean {
  return c.added.isEmpty() && c.modified.isEmpty() && c.removed.isEmpty();
}

/** What changed from `lhs` to `rhs` (undefined: absent; null is a value). */
export function compare(lhs: Json | undefined, rhs: Json | undefined, t: FieldType): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  const leaf = (l: Json | undefined, r: Json | undefined, path: PathElement[]) => {
    if (l === undefined) c.added.insert(path);
    else if (r === undefined) c.removed.insert(path);
    else if (!jsonEqual(l, r)) c.modified.insert(path);
  };
  const walk = (l: Json | undefined, r: Json | undefined, type: FieldType, path: PathElement[]) => {
    let shape = shapeOf(type, l, r);
    const empty = (v: Json | undefined) => v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : isMap(v) && Object.keys(v).length === 0);
    if (shape !== 'leaf' && empty(l) && empty(r)) shape = 'leaf';
    if (shape === 'leaf') {
      leaf(l, r, path);
      return;
    }
    if (shape === 'list') {
      const li = indexItems(type, Array.isArray(l) ? l : undefined);
      const ri = indexItems(type, Array.isArray(r) ? r : undefined);
      for (const [pe, item] of ri) walk(li.get(pe), item, elemOf(type), [...path, pe]);
      for (const [pe, item] of li) if (!ri.has(pe)) walk(item, undefined, elemOf(type), [...path, pe]);
    } else {
      const lm = isMap(l) ? l : {};
      const rm = isMap(r) ? r : {};
      for (const key of Object.keys(lm)) walk(lm[key], rm[key], childType(type, key), [...path, fieldElement(key)]);
      for (const key of Object.keys(rm)) if (!(key in lm)) walk(undefined, rm[key], childType(type, key), [...path, fieldElement(key)]);
    }
    if (l === undefined) c.added.insert(path);
    else if (r === undefined) c.removed.insert(path);
  };
  walk(lhs, rhs, t, []);
  return c;
}

/** An applied configuration merged into a live object: maps by key, keyed lists by item, atomic values replaced. */
export function merge(live: Json | undefined, config: Json | undefined, t: FieldType): Json | undefined {
  if (config === undefined) return live;
  if (live === undefined || live === null || config === null) return config;
  const shape = shapeOf(t, live, config);
  if (shape === 'leaf') return config;
  if (shape === 'map') {
    if (!isMap(live) || !isMap(config)) return config;
    const out: JsonMap = { ...live };
    for (const [k, v] of Object.entries(config)) {
      const m = merge(live[k], v, childType(t, k));
      if (m !== undefined) out[k] = m;
    }
    return out;
  }
  if (!Array.isArray(live) || !Array.isArray(config)) return config;
  return mergeList(live, config, t);
}

/**
 * Keyed list items merged in a stable order: items only in the live list stay where they were, items of the
 * configuration come in its order (structured-merge-diff's ordering).
 */
function mergeList(live: Json[], config: Json[], t: FieldType): Json[] {
  const lPes = [...indexItems(t, live).keys()];
  const lItems = indexItems(t, live);
  const rItems = indexItems(t, config);
  const rPes = [...rItems.keys()];
  const shared = rPes.filter((pe) => lItems.has(pe));
  const out: Json[] = [];
  const done = new Set<PathElement>();
  let si = 0;
  let li = 0;
  let ri = 0;
  const take = (pe: PathElement) => {
    const m = merge(lItems.get(pe), rItems.get(pe), elemOf(t));
    if (m !== undefined) out.push(m);
    done.add(pe);
    if (shared[si] === pe) si++;
  };
  while (li < lPes.length || ri < rPes.length) {
    if (li < lPes.length && ri < rPes.length) {
      const pe = lPes[li]!;
      if (pe === rPes[ri]) {
        take(pe);
        li++;
        ri++;
        continue;
      }
      if (rItems.has(pe) && shared[si] !== undefined && shared[si] !== pe) {
        li++;
        continue;
      }
    }
    if (li < lPes.length) {
      const pe = lPes[li]!;
      if (!rItems.has(pe)) {
        out.push(lItems.get(pe)!);
        li++;
        continue;
      }
      if (done.has(pe)) {
        li++;
        continue;
      }
    }
    if (ri < rPes.length) {
      take(rPes[ri]!);
      ri++;
    }
  }
  return out;
}

/** `value` without the members of `set` (a member takes its whole subtree with it). */
export function removeItems(value: Json, set: FieldSet, t: FieldType): Json {
  if (set.member) return value;
  const shape = shapeOf(t, value);
  if (shape === 'map' && isMap(value)) {
    const out: JsonMap = {};
    for (const [k, v] of Object.entries(value)) {
      const sub = set.children.get(fieldElement(k));
      if (!sub) out[k] = v;
      else if (!sub.member) out[k] = removeItems(v, sub, childType(t, k));
    }
    return out;
  }
  if (shape === 'list' && Array.isArray(value)) {
    const out: Json[] = [];
    value.forEach((item, i) => {
      const sub = set.children.get(itemElement(listTypeOf(t), item, i));
      if (!sub) out.push(item);
      else if (!sub.member) out.push(removeItems(item, sub, elemOf(t)));
    });
    return out;
  }
  return value;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

export type { Json };
