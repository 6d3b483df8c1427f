import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/test-cluster';
import type { Node } from '../api/node';
import { stopNode, startNode } from './node-lifecycle-controller';

function readyOf(t: TestCluster, node: string): string | undefined {
  return t.sim.api.get<Node>('Node', undefined, node).status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

describe('node failure', () => {
  it('marks a stopped node NotReady after the 50 s grace period, then evicts its pods after 300 s', () => {
    const t = new TestCluster();
    t.kubectl('create deployment web --image=nginx --replicas=4');
    t.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: db, labels: {app: db}}\nspec: {nodeName: kind-worker, containers: [{name: mongo, image: mongo}]}\n');
    t.advance('1m');
    const onWorker = () => t.pods().filter((p) => p.spec.nodeName === 'kind-worker');
    expect(onWorker().length).toBeGreaterThan(0);
    const bare = onWorker().find((p) => !p.metadata.ownerReferences);
    stopNode(t.sim, 'kind-worker');
    t.advance('49s');
    expect(readyOf(t, 'kind-worker')).toBe('True');
    t.advance('6s');
    expect(readyOf(t, 'kind-worker')).toBe('Unknown');
    t.kubectl('get node kind-worker');
    expect(t.last.stdout).toMatch(/kind-worker +NotReady/);
    // Its pods are no longer ready: the Service stops sending to them.
    expect(onWorker().every((p) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'False')).toBe(true);
    t.advance('294s'); // the taint was added at 1m50s: eviction at 6m50s
    expect(onWorker().every((p) => !p.metadata.deletionTimestamp)).toBe(true);
    t.advance('1s');
    expect(onWorker().every((p) => !!p.metadata.deletionTimestamp)).toBe(true);
    expect(t.eventReasons(onWorker()[0].metadata.name!)).toContain('TaintManagerEviction');
    t.advance('1m');
    // Owned pods are recreated elsewhere; a bare pod is simply lost (Terminating while its kubelet is away).
    const web = t.pods().filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp);
    expect(web).toHaveLength(4);
    expect(web.every((p) => p.spec.nodeName !== 'kind-worker')).toBe(true);
    if (bare) expect(t.pod(bare.metadata.name!)?.metadata.deletionTimestamp).toBeDefined();
    // Back up: Ready again, the Terminating pods finish.
    startNode(t.sim, 'kind-worker');
    t.advance('1m');
    expect(readyOf(t, 'kind-worker')).toBe('True');
    expect(onWorker()).toHaveLength(0);
  });
});
