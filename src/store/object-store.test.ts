import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { ObjectStore, type StoreChange } from './object-store';

function cm(name: string, namespace: string | undefined = 'default', data: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, uid: `uid-${namespace}-${name}` }, data };
}

function recording(store: ObjectStore): string[] {
  const log: string[] = [];
  store.subscribe((c: StoreChange) => log.push(`${c.type} ${c.object.metadata.name} rv=${c.object.metadata.resourceVersion} prev=${c.previous?.metadata.resourceVersion ?? '-'}`));
  return log;
}

describe('ObjectStore', () => {
  it('gives every write, delete included, the next resourceVersion', () => {
    const store = new ObjectStore();
    const a = store.insert(cm('a'));
    const b = store.insert(cm('b'));
    const a2 = store.replace({ ...a, data: { k: 'v' } });
    store.remove('ConfigMap', 'default', 'b');
    const c = store.insert(cm('c'));
    expect([a, b, a2, c].map((o) => o.metadata.resourceVersion)).toEqual(['1', '2', '3', '5']);
    expect(store.resourceVersion).toBe(5);
    expect(b.metadata.resourceVersion).toBe('2');
  });

  it('announces ADDED, MODIFIED and DELETED with the previous state', () => {
    const store = new ObjectStore();
    const log = recording(store);
    const a = store.insert(cm('a'));
    store.replace({ ...a, data: { k: 'v' } });
    store.remove('ConfigMap', 'default', 'a');
    expect(log).toEqual(['ADDED a rv=1 prev=-', 'MODIFIED a rv=2 prev=1', 'DELETED a rv=3 prev=2']);
  });

  it('says nothing when removing what is not there', () => {
    const store = new ObjectStore();
    const log = recording(store);
    expect(store.remove('ConfigMap', 'default', 'ghost')).toBeUndefined();
    expect(log).toEqual([]);
    expect(store.resourceVersion).toBe(0);
  });

  it('lists a kind sorted by namespace then name, whatever the insertion order', () => {
    const store = new ObjectStore();
    for (const [ns, name] of [['kube-system', 'b'], ['default', 'z'], ['default', 'a'], ['kube-system', 'a'], ['apps', 'm']]) store.insert(cm(name, ns));
    expect(store.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['apps/m', 'default/a', 'default/z', 'kube-system/a', 'kube-system/b']);
    expect(store.list('ConfigMap', 'default').map((o) => o.metadata.name)).toEqual(['a', 'z']);
    expect(store.list('Secret')).toEqual([]);
  });

  it('keeps the sorted list up to date after inserts and removals', () => {
    const store = new ObjectStore();
    store.insert(cm('b'));
    expect(store.list('ConfigMap').map((o) => o.metadata.name)).toEqual(['b']);
    store.insert(cm('a'));
    expect(store.list('ConfigMap').map((o) => o.metadata.name)).toEqual(['a', 'b']);
    store.remove('ConfigMap', 'default', 'a');
    expect(store.list('ConfigMap').map((o) => o.metadata.name)).toEqual(['b']);
    expect(store.count('ConfigMap')).toBe(1);
  });

  it('keys cluster-scoped objects by name alone', () => {
    const store = new ObjectStore();
    store.insert({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } });
    expect(store.get('Namespace', undefined, 'apps')?.metadata.name).toBe('apps');
    expect(store.kindsStored()).toEqual(['Namespace']);
  });

  it('does not share the caller\'s object: editing the input after insert leaves the stored one alone', () => {
    const store = new ObjectStore();
    const input = cm('a');
    store.insert(input);
    input.metadata.name = 'renamed';
    expect(store.get('ConfigMap', 'default', 'a')?.metadata.name).toBe('a');
  });

  it('freezes stored objects when asked, so an in-place edit throws', () => {
    const store = new ObjectStore();
    store.freeze = true;
    const stored = store.insert(cm('a', 'default', { k: 'v' }));
    expect(() => {
      (stored.data as Record<string, string>).k = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      stored.metadata.name = 'x';
    }).toThrow(TypeError);
  });

  it('leaves stored objects writable by default', () => {
    const store = new ObjectStore();
    const stored = store.insert(cm('a'));
    expect(Object.isFrozen(stored)).toBe(false);
  });

  it('saves and loads objects and the revision counter', () => {
    const store = new ObjectStore();
    store.insert(cm('b'));
    store.insert(cm('a'));
    const copy = new ObjectStore();
    copy.load(JSON.parse(JSON.stringify(store.save())));
    expect(copy.list('ConfigMap')).toEqual(store.list('ConfigMap'));
    expect(copy.insert(cm('c')).metadata.resourceVersion).toBe('3');
  });
});
