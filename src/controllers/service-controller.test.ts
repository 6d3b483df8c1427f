import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/test-cluster';
import type { Service } from '../api/service';
import { connect } from '../network/connect';

describe('service controller (simulated cloud)', () => {
  it('gives a LoadBalancer an external IP 10–30 s after it is created, <pending> until then', () => {
    const t = new TestCluster().kubectl('create service loadbalancer lb --tcp=80').advance(0);
    t.kubectl('get svc lb');
    expect(t.last.stdout).toMatch(/lb +LoadBalancer +10\.\d+\.\d+\.\d+ +<pending> +80:3\d{4}\/TCP +0s/);
    t.advance('9s');
    expect(t.get<Service>('Service', 'lb')!.status?.loadBalancer?.ingress).toBeUndefined();
    t.advance('21s');
    expect(t.get<Service>('Service', 'lb')!.status?.loadBalancer?.ingress?.[0].ip).toMatch(/^203\.0\.113\.\d+$/);
    expect(t.eventReasons('lb')).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
  });

  it('leaves it pending for ever without a cloud provider (kind, bare metal)', () => {
    const t = new TestCluster({ cloudProvider: 'none' }).kubectl('create service loadbalancer lb --tcp=80').advance('1h');
    t.kubectl('get svc lb');
    expect(t.last.stdout).toContain('<pending>');
    expect(t.eventReasons('lb')).toEqual([]);
  });

  it('sends Internet traffic through the balancer to a node, then to a pod', () => {
    const t = new TestCluster().kubectl('create deployment web --image=nginx --replicas=2').kubectl('expose deployment web --port=80 --type=LoadBalancer').advance('40s');
    const ip = t.get<Service>('Service', 'web')!.status!.loadBalancer!.ingress![0].ip!;
    const r = connect(t.sim, { kind: 'internet' }, { host: ip, port: 80 });
    expect(r.ok).toBe(true);
    expect(r.hops.map((h) => h.kind)).toEqual(['client', 'balancer', 'node', 'pod']);
    // kind's control plane is excluded from external load balancers.
    expect(r.hops[2].node).not.toBe('kind-control-plane');
  });
});
