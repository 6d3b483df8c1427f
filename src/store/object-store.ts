// The object store: what etcd is to a real cluster. Objects are immutable once stored; every write gets the next
// resourceVersion and is announced as a change (ADDED / MODIFIED / DELETED) to the listeners.
import type { KubeObject } from '../api/meta';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreChange {
  type: ChangeType;
  object: KubeObject;
  /** The object before this change (MODIFIED and DELETED). */
  previous?: KubeObject;
}

export type ChangeListener = (change: StoreChange) => void;

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export interface StoreState {
  revision: number;
  objects: KubeObject[];
}

export class ObjectStore {
  private kinds = new Map<string, Map<string, KubeObject>>();
  /** Sorted lists per kind, kept in key order as objects come and go (lists are read far more than written). */
  private sorted = new Map<string, KubeObject[]>();
  private listeners = new Set<ChangeListener>();
  private revision = 0;
  /** Freeze stored objects deeply so that an accidental in-place edit throws (tests turn this on). */
  freeze = false;

  get resourceVersion(): number {
    return this.revision;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.kinds.get(kind)?.get(objectKey(namespace, name)) as T | undefined;
  }

  /** Objects of a kind, in key order (namespace, then name) as etcd returns them. Do not modify the array. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    const all = this.sortedList(kind);
    if (namespace === undefined) return all as T[];
    // The namespace's objects are one contiguous run of the sorted list.
    let lo = lowerBound(all, namespace, '');
    const out: T[] = [];
    for (; lo < all.length && all[lo].metadata.namespace === namespace; lo++) out.push(all[lo] as T);
    return out;
  }

  private sortedList(kind: string): KubeObject[] {
    let all = this.sorted.get(kind);
    if (!all) {
      const bucket = this.kinds.get(kind);
      all = bucket ? [...bucket.values()].sort(compareKeys) : [];
      this.sorted.set(kind, all);
    }
    return all;
  }

  private placeInList(kind: string, obj: KubeObject, replacing: boolean): void {
    const all = this.sorted.get(kind);
    if (!all) return;
    const i = lowerBound(all, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
    if (replacing && i < all.length && all[i].metadata.name === obj.metadata.name && (all[i].metadata.namespace ?? '') === (obj.metadata.namespace ?? '')) all[i] = obj;
    else all.splice(i, 0, obj);
  }

  private dropFromList(kind: string, namespace: string | undefined, name: string): void {
    const all = this.sorted.get(kind);
    if (!all) return;
    const i = lowerBound(all, namespace ?? '', name);
    if (i < all.length && all[i].metadata.name === name && (all[i].metadata.namespace ?? '') === (namespace ?? '')) all.splice(i, 1);
  }

  count(kind: string): number {
    return this.kinds.get(kind)?.size ?? 0;
  }

  kindsStored(): string[] {
    return [...this.kinds.keys()].filter((k) => (this.kinds.get(k)?.size ?? 0) > 0).sort();
  }

  /** Stores a new object; the caller has checked it does not exist. Returns it with its resourceVersion. */
  insert(obj: KubeObject): KubeObject {
    const stored = this.stamp(obj);
    this.bucket(obj.kind).set(objectKey(obj.metadata.namespace, obj.metadata.name!), stored);
    this.placeInList(obj.kind, stored, false);
    this.emit({ type: 'ADDED', object: stored });
    return stored;
  }

  /** Replaces an existing object. */
  replace(obj: KubeObject): KubeObject {
    const key = objectKey(obj.metadata.namespace, obj.metadata.name!);
    const bucket = this.bucket(obj.kind);
    const previous = bucket.get(key);
    const stored = this.stamp(obj);
    bucket.set(key, stored);
    this.placeInList(obj.kind, stored, previous !== undefined);
    this.emit({ type: 'MODIFIED', object: stored, previous });
    return stored;
  }

  remove(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const bucket = this.kinds.get(kind);
    const key = objectKey(namespace, name);
    const previous = bucket?.get(key);
    if (!bucket || !previous) return undefined;
    bucket.delete(key);
    this.dropFromList(kind, namespace, name);
    // A delete also gets a new resourceVersion, as the watch event of a real API server carries one.
    this.revision++;
    const object = { ...previous, metadata: { ...previous.metadata, resourceVersion: String(this.revision) } };
    this.emit({ type: 'DELETED', object, previous });
    return previous;
  }

  save(): StoreState {
    const objects: KubeObject[] = [];
    for (const kind of [...this.kinds.keys()].sort()) objects.push(...this.list(kind));
    return { revision: this.revision, objects };
  }

  load(state: StoreState): void {
    this.kinds.clear();
    this.sorted.clear();
    for (const obj of state.objects) {
      this.bucket(obj.kind).set(objectKey(obj.metadata.namespace, obj.metadata.name!), this.freeze ? deepFreeze(obj) : obj);
    }
    this.revision = state.revision;
  }

  private stamp(obj: KubeObject): KubeObject {
    this.revision++;
    const stored = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.revision) } };
    return this.freeze ? deepFreeze(stored) : stored;
  }

  private bucket(kind: string): Map<string, KubeObject> {
    let b = this.kinds.get(kind);
    if (!b) {
      b = new Map();
      this.kinds.set(kind, b);
    }
    return b;
  }

  private emit(change: StoreChange): void {
    for (const l of this.listeners) l(change);
  }
}

/** The first index whose (namespace, name) is not below the given key. */
function lowerBound(list: KubeObject[], namespace: string, name: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid].metadata;
    const ns = m.namespace ?? '';
    const below = ns < namespace || (ns === namespace && (m.name ?? '') < name);
    if (below) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compareKeys(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const a1 = a.metadata.name ?? '';
  const b1 = b.metadata.name ?? '';
  return a1 < b1 ? -1 : a1 > b1 ? 1 : 0;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
