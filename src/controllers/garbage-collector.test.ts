import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import type { Simulation } from '../sim/simulation';
import { configMapManifest, newCluster, ownedBy, pod, podManifest } from '../testing/builders';

/** An owner (a ConfigMap standing in for a ReplicaSet) with two running `sleep` pods depending on it. */
function ownerWithDependents(): { sim: Simulation; owner: KubeObject } {
  const sim = newCluster();
  const owner = sim.api.create(configMapManifest('owner'));
  for (const name of ['dep-a', 'dep-b']) {
    sim.api.create(podManifest({ name, image: 'busybox', command: ['sleep', '3600'], ownerReferences: [ownedBy(owner)] }));
  }
  sim.advance(30_000);
  expect(pod(sim, 'dep-a')?.status?.phase).toBe('Running');
  return { sim, owner };
}

const owner = (sim: Simulation) => sim.api.tryGet('ConfigMap', 'default', 'owner');

describe('garbage collector', () => {
  it('deletes the dependents of an owner deleted in the background', () => {
    const { sim } = ownerWithDependents();
    sim.api.delete('ConfigMap', 'default', 'owner');
    sim.settle();
    expect(owner(sim)).toBeUndefined();
    expect(pod(sim, 'dep-a')?.metadata.deletionTimestamp).toBeDefined();
    expect(pod(sim, 'dep-b')?.metadata.deletionTimestamp).toBeDefined();
    sim.advance(31_000);
    expect(pod(sim, 'dep-a')).toBeUndefined();
    expect(pod(sim, 'dep-b')).toBeUndefined();
  });

  it('keeps an owner deleted in the foreground until its dependents are gone', () => {
    const { sim } = ownerWithDependents();
    sim.api.delete('ConfigMap', 'default', 'owner', { propagationPolicy: 'Foreground' });
    sim.settle();
    expect(owner(sim)?.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(owner(sim)?.metadata.deletionTimestamp).toBeDefined();
    expect(pod(sim, 'dep-a')?.metadata.deletionTimestamp).toBeDefined();
    sim.advance(20_000);
    expect(owner(sim)).toBeDefined();
    sim.advance(11_000);
    expect(pod(sim, 'dep-a')).toBeUndefined();
    expect(pod(sim, 'dep-b')).toBeUndefined();
    expect(owner(sim)).toBeUndefined();
  });

  it('leaves dependents running without the ownerReference when the owner is deleted with orphan', () => {
    const { sim } = ownerWithDependents();
    sim.api.delete('ConfigMap', 'default', 'owner', { propagationPolicy: 'Orphan' });
    sim.advance(60_000);
    expect(owner(sim)).toBeUndefined();
    for (const name of ['dep-a', 'dep-b']) {
      const p = pod(sim, name)!;
      expect(p.metadata.deletionTimestamp).toBeUndefined();
      expect(p.metadata.ownerReferences).toBeUndefined();
      expect(p.status?.phase).toBe('Running');
    }
  });

  it('deletes a dependent created after its owner is already gone', () => {
    const sim = newCluster();
    const gone = sim.api.create(configMapManifest('gone'));
    sim.api.delete('ConfigMap', 'default', 'gone');
    sim.api.create(configMapManifest('stray', { ownerReferences: [ownedBy(gone)] }));
    sim.settle();
    expect(sim.api.tryGet('ConfigMap', 'default', 'stray')).toBeUndefined();
  });

  it('does not take a same-named new owner for the old one (owners match by uid)', () => {
    const sim = newCluster();
    const first = sim.api.create(configMapManifest('owner'));
    sim.api.delete('ConfigMap', 'default', 'owner');
    sim.api.create(configMapManifest('owner'));
    sim.api.create(configMapManifest('dep', { ownerReferences: [ownedBy(first)] }));
    sim.settle();
    expect(sim.api.tryGet('ConfigMap', 'default', 'dep')).toBeUndefined();
  });

  it('keeps a dependent while one of its owners remains, dropping the reference to the one that went', () => {
    const sim = newCluster();
    const a = sim.api.create(configMapManifest('a'));
    const b = sim.api.create(configMapManifest('b'));
    sim.api.create(configMapManifest('dep', { ownerReferences: [ownedBy(a), { ...ownedBy(b), controller: false }] }));
    sim.settle();
    sim.api.delete('ConfigMap', 'default', 'a');
    sim.settle();
    expect(sim.api.tryGet('ConfigMap', 'default', 'dep')?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']);
  });
});
