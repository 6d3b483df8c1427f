import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { ObjectStore } from './object-store';
import { DiffAccumulator, type StoreDiff } from './diff-accumulator';

function setup(): { store: ObjectStore; acc: DiffAccumulator } {
  const store = new ObjectStore();
  const acc = new DiffAccumulator();
  store.subscribe((c) => acc.record(c));
  return { store, acc };
}

function cm(name: string, value = ''): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', uid: `uid-${name}` }, data: { value } };
}

function summary(d: StoreDiff): { added: string[]; updated: string[]; removed: string[] } {
  const v = (o: KubeObject) => `${o.metadata.name}@${o.metadata.resourceVersion}`;
  return { added: d.added.map(v), updated: d.updated.map(([a, b]) => `${v(a)}->${v(b)}`), removed: d.removed.map(v) };
}

describe('DiffAccumulator', () => {
  it('reports an object added then updated in one window as added, in its latest state', () => {
    const { store, acc } = setup();
    const a = store.insert(cm('a'));
    store.replace({ ...a, data: { value: 'x' } });
    expect(summary(acc.flush())).toEqual({ added: ['a@2'], updated: [], removed: [] });
  });

  it('reports an object updated twice as one update from the window\'s start to its end', () => {
    const { store, acc } = setup();
    const a = store.insert(cm('a'));
    acc.flush();
    const a2 = store.replace({ ...a, data: { value: 'x' } });
    store.replace({ ...a2, data: { value: 'y' } });
    expect(summary(acc.flush())).toEqual({ added: [], updated: ['a@1->a@3'], removed: [] });
  });

  it('reports an object updated then removed as removed, in its state before the window', () => {
    const { store, acc } = setup();
    const a = store.insert(cm('a'));
    acc.flush();
    store.replace({ ...a, data: { value: 'x' } });
    store.remove('ConfigMap', 'default', 'a');
    expect(summary(acc.flush())).toEqual({ added: [], updated: [], removed: ['a@1'] });
  });

  it('reports nothing for an object added then removed in one window', () => {
    const { store, acc } = setup();
    store.insert(cm('a'));
    store.remove('ConfigMap', 'default', 'a');
    expect(acc.isEmpty).toBe(false);
    expect(summary(acc.flush())).toEqual({ added: [], updated: [], removed: [] });
  });

  it('starts empty again after a flush', () => {
    const { store, acc } = setup();
    store.insert(cm('a'));
    acc.flush();
    expect(acc.isEmpty).toBe(true);
    expect(summary(acc.flush())).toEqual({ added: [], updated: [], removed: [] });
  });

  it('keeps objects apart by uid: a removed pod and its same-named successor are a removal and an addition', () => {
    const { store, acc } = setup();
    store.insert(cm('a'));
    acc.flush();
    store.remove('ConfigMap', 'default', 'a');
    store.insert({ ...cm('a'), metadata: { name: 'a', namespace: 'default', uid: 'uid-a-2' } });
    expect(summary(acc.flush())).toEqual({ added: ['a@3'], updated: [], removed: ['a@1'] });
  });
});
