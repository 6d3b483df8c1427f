import { describe, expect, it } from 'vitest';
import type { Node, Taint } from '../api/node';
import type { Pod } from '../api/pod';
import type { Simulation } from '../sim/simulation';
import { eventsAbout, newCluster, pod, podManifest } from '../testing/builders';
import { filterNode, tolerates } from './scheduler';

const NODE_SELECTOR_MISMATCH =
  "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

function editNode(sim: Simulation, name: string, edit: (n: Node) => Node): void {
  const node = sim.api.get<Node>('Node', undefined, name);
  sim.api.update<Node>(edit({ ...node, metadata: { ...node.metadata, resourceVersion: undefined } }));
  sim.settle();
}

function failedScheduling(sim: Simulation, name: string): string[] {
  return eventsAbout(sim, name).filter((e) => e.reason === 'FailedScheduling').map((e) => e.message);
}

describe('scheduler', () => {
  it('keeps a pod Pending with FailedScheduling when no node matches its nodeSelector', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'ssd', nodeSelector: { disk: 'ssd' } }));
    sim.advance(60_000);
    const p = pod(sim, 'ssd')!;
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status?.phase).toBe('Pending');
    expect(failedScheduling(sim, 'ssd')).toEqual([NODE_SELECTOR_MISMATCH]);
    expect(p.status?.conditions).toEqual([{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: NODE_SELECTOR_MISMATCH, lastProbeTime: null, lastTransitionTime: '2026-01-05T09:00:00Z' }]);
    const event = eventsAbout(sim, 'ssd')[0];
    expect(event).toMatchObject({ type: 'Warning', reportingComponent: 'default-scheduler', action: 'Scheduling' });
  });

  it('schedules the pending pod as soon as a node gets the label', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'ssd', nodeSelector: { disk: 'ssd' } }));
    sim.advance(10_000);
    const labelledAt = sim.now();
    editNode(sim, 'kind-worker2', (n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disk: 'ssd' } } }));
    expect(sim.now()).toBe(labelledAt);
    expect(pod(sim, 'ssd')?.spec.nodeName).toBe('kind-worker2');
    expect(pod(sim, 'ssd')?.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    expect(eventsAbout(sim, 'ssd').map((e) => e.message)).toContain('Successfully assigned default/ssd to kind-worker2');
  });

  it('keeps pods off the control plane unless they tolerate its taint', () => {
    const sim = newCluster();
    const onCp = { 'kubernetes.io/hostname': 'kind-control-plane' };
    sim.api.create(podManifest({ name: 'plain', nodeSelector: onCp }));
    sim.api.create(podManifest({ name: 'tolerant', nodeSelector: onCp, tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    sim.settle();
    expect(pod(sim, 'plain')?.spec.nodeName).toBeUndefined();
    expect(failedScheduling(sim, 'plain')).toEqual([NODE_SELECTOR_MISMATCH]);
    expect(pod(sim, 'tolerant')?.spec.nodeName).toBe('kind-control-plane');
  });

  it('never schedules onto a cordoned node', () => {
    const sim = newCluster();
    editNode(sim, 'kind-worker', (n) => ({ ...n, spec: { ...n.spec, unschedulable: true } }));
    for (let i = 0; i < 6; i++) sim.api.create(podManifest({ name: `p${i}` }));
    sim.settle();
    expect(new Set(sim.api.list<Pod>('Pod', 'default').map((p) => p.spec.nodeName))).toEqual(new Set(['kind-worker2']));
  });

  it('says which nodes were unschedulable when every worker is cordoned', () => {
    const sim = newCluster();
    for (const w of ['kind-worker', 'kind-worker2']) editNode(sim, w, (n) => ({ ...n, spec: { ...n.spec, unschedulable: true } }));
    sim.api.create(podManifest({ name: 'web' }));
    sim.settle();
    expect(failedScheduling(sim, 'web')).toEqual([
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ]);
    // Uncordoning lets it go.
    editNode(sim, 'kind-worker', (n) => ({ ...n, spec: { ...n.spec, unschedulable: undefined } }));
    expect(pod(sim, 'web')?.spec.nodeName).toBe('kind-worker');
  });

  it('refuses a pod whose requests no node has room for, and says preemption found no victims', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'huge', requests: { cpu: '10' } }));
    sim.settle();
    expect(failedScheduling(sim, 'huge')).toEqual([
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    ]);
  });

  it('counts the requests of pods already placed, and schedules a waiting pod when room frees up', () => {
    const sim = newCluster();
    // 8 CPUs a worker, 100m of them taken by kindnet: two 3-CPU pods fit on each.
    for (let i = 0; i < 4; i++) sim.api.create(podManifest({ name: `big${i}`, requests: { cpu: '3' } }));
    sim.api.create(podManifest({ name: 'big4', requests: { cpu: '3' } }));
    sim.advance(15_000);
    const placed = [0, 1, 2, 3].map((i) => pod(sim, `big${i}`)?.spec.nodeName).sort();
    expect(placed).toEqual(['kind-worker', 'kind-worker', 'kind-worker2', 'kind-worker2']);
    expect(pod(sim, 'big4')?.spec.nodeName).toBeUndefined();
    expect(failedScheduling(sim, 'big4')[0]).toContain('2 Insufficient cpu');
    const freed = pod(sim, 'big0')!.spec.nodeName;
    sim.api.delete('Pod', 'default', 'big0');
    sim.advance(5_000);
    expect(pod(sim, 'big0')).toBeUndefined();
    expect(pod(sim, 'big4')?.spec.nodeName).toBe(freed);
  });

  it('spreads identical pods over both workers', () => {
    const sim = newCluster();
    for (let i = 0; i < 4; i++) sim.api.create(podManifest({ name: `w${i}` }));
    sim.settle();
    const nodes = [0, 1, 2, 3].map((i) => pod(sim, `w${i}`)?.spec.nodeName);
    expect(nodes.filter((n) => n === 'kind-worker')).toHaveLength(2);
    expect(nodes.filter((n) => n === 'kind-worker2')).toHaveLength(2);
  });
});

describe('tolerates', () => {
  const taint: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  it.each<[string, Parameters<typeof tolerates>[0], boolean]>([
    ['no tolerations', undefined, false],
    ['Equal with the same key and value', [{ key: 'dedicated', operator: 'Equal', value: 'gpu' }], true],
    ['Equal with another value', [{ key: 'dedicated', operator: 'Equal', value: 'cpu' }], false],
    ['operator omitted (Equal)', [{ key: 'dedicated', value: 'gpu' }], true],
    ['Exists on the key', [{ key: 'dedicated', operator: 'Exists' }], true],
    ['Exists with no key (tolerates everything)', [{ operator: 'Exists' }], true],
    ['another effect', [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }], false],
    ['the same effect', [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }], true],
  ])('%s: %s', (_name, tolerations, expected) => {
    expect(tolerates(tolerations, taint)).toBe(expected);
  });
});

describe('filterNode', () => {
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n', labels: { disk: 'ssd' } },
    spec: {},
    status: { allocatable: { cpu: '2', memory: '4Gi', pods: '2' } },
  };
  const withSpec = (spec: Partial<Pod['spec']>): Pod => ({ ...podManifest({ name: 'p' }), spec: { containers: [{ name: 'p', image: 'nginx' }], ...spec } });

  it.each<[string, Pod, Pod[], string | undefined]>([
    ['a pod that fits', withSpec({}), [], undefined],
    ['a nodeSelector that matches', withSpec({ nodeSelector: { disk: 'ssd' } }), [], undefined],
    ['a nodeSelector that does not', withSpec({ nodeSelector: { disk: 'hdd' } }), [], "node(s) didn't match Pod's node affinity/selector"],
    ['required node affinity In', withSpec({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }] } } } }), [], undefined],
    ['required node affinity NotIn', withSpec({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'NotIn', values: ['ssd'] }] }] } } } }), [], "node(s) didn't match Pod's node affinity/selector"],
    ['too much cpu', withSpec({ containers: [{ name: 'p', image: 'nginx', resources: { requests: { cpu: '3' } } }] }), [], 'Insufficient cpu'],
    ['too much cpu and memory', withSpec({ containers: [{ name: 'p', image: 'nginx', resources: { requests: { cpu: '3', memory: '5Gi' } } }] }), [], 'Insufficient cpu\u0000Insufficient memory'],
    ['a full node', withSpec({}), [withSpec({}), withSpec({})], 'Too many pods'],
  ])('%s', (_name, p, running, expected) => {
    expect(filterNode(p, node, running)).toBe(expected);
  });
});
