import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/test-cluster';
import type { Service } from '../api/service';
import type { Node } from '../api/node';
import { connect } from './connect';
import { Rng } from '../sim/rng';
import { nodeIP } from './kube-proxy';
import { listenersOf } from './servers';

function cluster(replicas = 3, type = 'ClusterIP', extra = ''): TestCluster {
  const t = new TestCluster();
  t.kubectl(`create deployment web --image=nginx --replicas=${replicas}`);
  t.kubectl(`expose deployment web --port=80 --type=${type} ${extra}`);
  t.kubectl('run client --image=busybox -- sleep 3600');
  return t.advance('40s');
}

const fromClient = { kind: 'pod' as const, namespace: 'default', name: 'client' };
const svc = (t: TestCluster, name = 'web') => t.get<Service>('Service', name)!;
const nodes = (t: TestCluster) => t.sim.api.list<Node>('Node');

describe('connect: kube-proxy and the Service types', () => {
  it('spreads 3,000 connections about equally over 3 pods (iptables: random per connection)', () => {
    const t = cluster(3);
    const rng = new Rng(42);
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const r = connect(t.sim, fromClient, { host: 'web', port: 80 }, { rng });
      expect(r.ok).toBe(true);
      counts.set(r.pod!.name, (counts.get(r.pod!.name) ?? 0) + 1);
    }
    expect(counts.size).toBe(3);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(100);
  });

  it('answers with the nginx welcome page through the Service name', () => {
    const t = cluster(1);
    const r = connect(t.sim, fromClient, { host: 'web', port: 80 });
    expect(r.body).toContain('<title>Welcome to nginx!</title>');
    expect(r.hops.map((h) => h.kind)).toEqual(['client', 'dns', 'service', 'pod']);
  });

  it('keeps a client on one pod with sessionAffinity ClientIP', () => {
    const t = cluster(3, 'ClusterIP', '--session-affinity=ClientIP');
    const pods = new Set<string>();
    for (let i = 0; i < 50; i++) pods.add(connect(t.sim, fromClient, { host: 'web', port: 80 }).pod!.name);
    expect(pods.size).toBe(1);
  });

  it('refuses connections to a Service without ready endpoints', () => {
    const t = cluster(0);
    const r = connect(t.sim, fromClient, { host: 'web', port: 80 });
    expect(r.failure?.reason).toBe('refused');
    expect(r.wgetError).toBe(`wget: can't connect to remote host (${svc(t).spec.clusterIP}): Connection refused`);
  });

  it('refuses connections when the targetPort is wrong', () => {
    const t = cluster(1, 'ClusterIP', '--target-port=8080');
    const r = connect(t.sim, fromClient, { host: 'web', port: 80 });
    expect(r.failure?.reason).toBe('refused');
    expect(r.failure?.message).toContain('nothing listens on');
  });

  it('cannot reach a ClusterIP from outside the cluster', () => {
    const t = cluster(1);
    const r = connect(t.sim, { kind: 'internet' }, { host: svc(t).spec.clusterIP!, port: 80 });
    expect(r.failure?.reason).toBe('unreachable');
  });

  it('cannot resolve a Service name from the Internet', () => {
    const t = cluster(1);
    expect(connect(t.sim, { kind: 'internet' }, { host: 'web.default.svc.cluster.local', port: 80 }).failure?.reason).toBe('bad-address');
  });

  it('reaches a NodePort on every node, hopping to pods on other nodes with policy Cluster (source rewritten)', () => {
    const t = cluster(1, 'NodePort');
    const port = svc(t).spec.ports![0].nodePort!;
    for (const n of nodes(t)) {
      const r = connect(t.sim, { kind: 'internet', ip: '192.0.2.7' }, { host: nodeIP(n), port });
      expect(r.ok).toBe(true);
      expect(r.seenSourceIp).toBe(nodeIP(n));
    }
  });

  it('answers a NodePort only on nodes with a local endpoint with policy Local, keeping the client address', () => {
    const t = cluster(1, 'NodePort');
    const s = svc(t);
    t.sim.api.update<Service>({ ...s, metadata: { ...s.metadata, resourceVersion: undefined }, spec: { ...s.spec, externalTrafficPolicy: 'Local' } });
    t.advance(0);
    const port = s.spec.ports![0].nodePort!;
    const podNode = t.pods().find((p) => p.metadata.labels?.app === 'web')!.spec.nodeName;
    for (const n of nodes(t)) {
      const r = connect(t.sim, { kind: 'internet', ip: '192.0.2.7' }, { host: nodeIP(n), port });
      if (n.metadata.name === podNode) {
        expect(r.ok).toBe(true);
        expect(r.seenSourceIp).toBe('192.0.2.7');
      } else expect(r.failure?.reason).toBe('timeout');
    }
  });

  it('resolves an ExternalName Service to a CNAME: the client connects to the outside host itself', () => {
    const t = cluster(1);
    t.kubectl('create service externalname db --external-name=db.example.com');
    const r = connect(t.sim, fromClient, { host: 'db', port: 5432 });
    expect(r.ok).toBe(true);
    expect(r.hops.map((h) => h.kind)).toEqual(['client', 'dns', 'outside']);
    expect(r.hops[1].label).toContain('CNAME db.example.com');
  });

  it('answers as hello-app and agnhost do', () => {
    const pod = { metadata: { name: 'hello-1' }, spec: { containers: [] } } as never;
    const hello = listenersOf({ name: 'h', image: 'gcr.io/google-samples/hello-app:1.0' });
    expect(hello.map((l) => l.port)).toEqual([8080]);
    expect(hello[0].answer('/', pod, 0).body).toBe('Hello, world!\nVersion: 1.0.0\nHostname: hello-1\n');
    const agnhost = listenersOf({ name: 'a', image: 'registry.k8s.io/e2e-test-images/agnhost:2.39', args: ['netexec'] });
    expect(agnhost[0].answer('/hostname', pod, 0).body).toBe('hello-1');
    expect(listenersOf({ name: 'm', image: 'mongo:4.0' }).map((l) => [l.port, l.protocol])).toEqual([[27017, 'tcp']]);
    expect(listenersOf({ name: 'b', image: 'busybox' })).toEqual([]);
  });
});
