import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/meta';
import type { Node } from '../../../src/api/node';
import type { Pod, PodPhase } from '../../../src/api/pod';
import type { Service } from '../../../src/api/service';
import type { EndpointSlice } from '../../../src/api/endpoint-slice';
import { buildClusterModel } from './cluster-model';
import { layoutCluster, podColumns, podWidth, SIZES } from './cluster-layout';
import { SlotMemory } from './slot-memory';

function node(name: string, labels: Record<string, string> = {}, taints: Node['spec']['taints'] = []): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: { taints }, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
}

function pod(name: string, opts: { node?: string; phase?: PodPhase; ns?: string; labels?: Record<string, string>; at?: string; reason?: string; ip?: string } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.ns ?? 'default', uid: `uid-${name}`, labels: opts.labels, creationTimestamp: opts.at ?? '2026-01-05T09:00:00Z' },
    spec: { containers: [{ name: 'c', image: 'nginx' }], nodeName: opts.node },
    status: {
      phase: opts.phase ?? 'Pending',
      podIP: opts.ip,
      conditions: opts.reason ? [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: opts.reason }] : [],
      containerStatuses: opts.phase === 'Running' ? [{ name: 'c', ready: true, restartCount: 0, image: 'nginx', imageID: '', state: { running: {} }, lastState: {} }] : [],
    },
  };
}

function service(name: string, selector: Record<string, string>): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector, clusterIP: '10.96.0.20', ports: [{ port: 80, protocol: 'TCP' }] } };
}

const nodes: KubeObject[] = [node('kind-worker'), node('kind-control-plane', { 'node-role.kubernetes.io/control-plane': '' }, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]), node('kind-worker2', { app: 'dump' })];

describe('cluster view model', () => {
  it('puts the control plane first and shows only the labels a person set, and the taints', () => {
    const model = buildClusterModel(nodes, { showSystem: false });
    expect(model.nodes.map((n) => [n.name, n.role])).toEqual([
      ['kind-control-plane', 'control-plane'],
      ['kind-worker', 'worker'],
      ['kind-worker2', 'worker'],
    ]);
    expect(model.nodes[2]!.labels).toEqual(['app=dump']);
    expect(model.nodes[0]!.taints).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
  });

  it('keeps an unscheduled pod outside the nodes with the scheduler’s reason', () => {
    const model = buildClusterModel([...nodes, pod('test', { reason: "0/3 nodes are available: 2 node(s) didn't match Pod's node affinity/selector." })], { showSystem: false });
    expect(model.pending.map((p) => [p.name, p.status.category, p.reason])).toEqual([['test', 'Pending', "0/3 nodes are available: 2 node(s) didn't match Pod's node affinity/selector."]]);
    expect(model.nodes.every((n) => n.pods.length === 0)).toBe(true);
  });

  it('hides the system pods unless asked, counting them on their node', () => {
    const objects = [...nodes, pod('coredns-1', { ns: 'kube-system', node: 'kind-control-plane', phase: 'Running' }), pod('web', { node: 'kind-worker', phase: 'Running' })];
    const hidden = buildClusterModel(objects, { showSystem: false });
    expect(hidden.nodes[0]).toMatchObject({ pods: [], hiddenPods: 1 });
    expect(buildClusterModel(objects, { showSystem: true }).nodes[0]!.pods.map((p) => p.name)).toEqual(['coredns-1']);
  });

  it('links a service to the pods its endpoint slice lists', () => {
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'db-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.1.2'], conditions: { ready: true }, targetRef: { kind: 'Pod', namespace: 'default', name: 'db' } }],
      ports: [{ port: 27017 }],
    };
    const model = buildClusterModel([...nodes, pod('db', { node: 'kind-worker', phase: 'Running', labels: { app: 'db' } }), pod('other', { node: 'kind-worker', phase: 'Running', labels: { app: 'db' } }), service('db', { app: 'db' }), slice], { showSystem: false });
    expect(model.services[0]!.endpointPods).toEqual(['Pod/default/db']);
  });

  it('falls back to the selector and running pods when no endpoints object exists yet', () => {
    const model = buildClusterModel([...nodes, pod('db', { node: 'kind-worker', phase: 'Running', labels: { app: 'db' } }), pod('new', { node: 'kind-worker', labels: { app: 'db' } }), service('db', { app: 'db' })], { showSystem: false });
    expect(model.services[0]!.endpointPods).toEqual(['Pod/default/db']);
  });
});

describe('cluster layout', () => {
  it('places pods inside their node and waiting pods below every node', () => {
    const model = buildClusterModel([...nodes, pod('web', { node: 'kind-worker', phase: 'Running' }), pod('test', { reason: 'no fit' })], { showSystem: false });
    const layout = layoutCluster(model, new SlotMemory().assign(new Map([['kind-worker', ['Pod/default/web']], ['', ['Pod/default/test']]])));
    const worker = layout.nodes.find((n) => n.node.name === 'kind-worker')!;
    const web = layout.pods.find((p) => p.pod.name === 'web')!;
    const test = layout.pods.find((p) => p.pod.name === 'test')!;
    expect(web.x).toBeGreaterThanOrEqual(worker.x);
    expect(web.x + web.w).toBeLessThanOrEqual(worker.x + worker.w);
    expect(web.y + web.h).toBeLessThanOrEqual(worker.y + worker.h);
    expect(test.y).toBeGreaterThan(Math.max(...layout.nodes.map((n) => n.y + n.h)));
  });

  it('stays within bounds and readable with 100 pods on each node', () => {
    const many = nodes.flatMap((n) => Array.from({ length: 100 }, (_, i) => pod(`${n.metadata.name}-p${i}`, { node: n.metadata.name, phase: 'Running' })));
    const model = buildClusterModel([...nodes, ...many], { showSystem: true });
    const groups = new Map(model.nodes.map((n) => [n.name, n.pods.map((p) => p.key)]));
    const layout = layoutCluster(model, new SlotMemory().assign(groups));
    expect(layout.pods).toHaveLength(300);
    for (const p of layout.pods) {
      expect(p.x + p.w).toBeLessThanOrEqual(layout.bounds.w);
      expect(p.y + p.h).toBeLessThanOrEqual(layout.bounds.h);
    }
    // Pods never overlap: every pod has its own cell.
    const cells = new Set(layout.pods.map((p) => `${p.x},${p.y}`));
    expect(cells.size).toBe(300);
    expect(layout.pods[0]!.w).toBe(SIZES.pod.w);
  });
});

describe('slot memory', () => {
  it('keeps a pod in its place when an earlier one leaves, and fills the hole with the next newcomer', () => {
    const slots = new SlotMemory();
    slots.assign(new Map([['n1', ['a', 'b', 'c']]]));
    expect(slots.assign(new Map([['n1', ['b', 'c']]]))).toEqual(new Map([['b', 1], ['c', 2]]));
    expect(slots.assign(new Map([['n1', ['b', 'c', 'd']]])).get('d')).toBe(0);
  });

  it('gives a pod a new slot when it moves to another group (scheduled onto a node)', () => {
    const slots = new SlotMemory();
    slots.assign(new Map([['', ['x']], ['n1', ['a']]]));
    expect(slots.assign(new Map([['', []], ['n1', ['a', 'x']]])).get('x')).toBe(1);
  });
});

describe('cluster layout in a frame', () => {
  const five = Array.from({ length: 5 }, (_, i) => node(`n${i}`));
  const world = [...five, ...five.map((n, i) => pod(`p${i}`, { node: n.metadata.name, phase: 'Running' }))];
  const layoutIn = (frame?: { w: number; h: number }) => {
    const model = buildClusterModel(world, { showSystem: false });
    return layoutCluster(model, new SlotMemory().assign(new Map(model.nodes.map((n) => [n.name, n.pods.map((p) => p.key)]))), frame);
  };
  const rows = (l: ReturnType<typeof layoutIn>) => new Set(l.nodes.map((n) => n.y)).size;

  it('puts as many nodes a row as make the view largest in a wide or a narrow frame', () => {
    // One pod a node: wide cards (a full name), nodes about 2.5 times as wide as tall.
    expect(rows(layoutIn({ w: 80, h: 8 }))).toBe(1);
    expect(rows(layoutIn({ w: 4, h: 8 }))).toBeGreaterThan(2);
  });

  it('keeps three nodes a row without a frame', () => {
    expect(rows(layoutIn())).toBe(2);
  });
});

describe('pod columns', () => {
  it('gives a few pods a node one wide card a row, a dozen two, more a dense grid', () => {
    expect([1, 3, 6, 7, 12, 13, 40].map((n) => podColumns(n))).toEqual([1, 1, 1, 2, 2, 3, 5]);
    expect(podWidth(1)).toBeGreaterThanOrEqual(560);
    expect(podWidth(5)).toBe(SIZES.pod.w);
  });

  it('keeps its columns while one pod comes and goes at a tier edge', () => {
    expect(podColumns(6, 2)).toBe(2);
    expect(podColumns(5, 2)).toBe(1);
    expect(podColumns(12, 3)).toBe(3);
    expect(podColumns(11, 3)).toBe(2);
    expect(podColumns(8, 1)).toBe(2);
  });
});
