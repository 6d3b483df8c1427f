import { describe, expect, it } from 'vitest';
import type { Simulation } from '../sim/simulation';
import { newCluster, pod, podManifest, serviceManifest } from '../testing/builders';
import { lookupFqdn, resolvConf, resolveFromPod } from './dns';

function clusterWithServices(): Simulation {
  const sim = newCluster();
  sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } });
  sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' }, clusterIP: '10.96.100.10' }));
  sim.api.create(serviceManifest({ name: 'db', namespace: 'apps', selector: { app: 'db' }, clusterIP: '10.96.100.20' }));
  sim.api.create(serviceManifest({ name: 'ext', type: 'ExternalName', externalName: 'example.com' }));
  sim.api.create(serviceManifest({ name: 'hl', selector: { app: 'hl' }, clusterIP: 'None' }));
  sim.api.create(podManifest({ name: 'hl-0', labels: { app: 'hl' } }));
  sim.api.create(podManifest({ name: 'hl-1', labels: { app: 'hl' } }));
  sim.advance(30_000);
  return sim;
}

describe('cluster DNS', () => {
  const sim = clusterWithServices();
  const internet = (name: string) => (name === 'example.com' ? ['93.184.215.14'] : undefined);

  it.each([
    ['web', '10.96.100.10'],
    ['web.default', '10.96.100.10'],
    ['web.default.svc', '10.96.100.10'],
    ['web.default.svc.cluster.local', '10.96.100.10'],
    ['web.default.svc.cluster.local.', '10.96.100.10'],
    ['db.apps', '10.96.100.20'],
    ['kubernetes', '10.96.0.1'],
    ['kube-dns.kube-system', '10.96.0.10'],
  ])('resolves %s from a pod in default to %s', (name, ip) => {
    expect(resolveFromPod(sim.api, 'default', name)).toMatchObject({ type: 'A', addresses: [ip] });
  });

  it('resolves a short name through the pod\'s own namespace first', () => {
    expect(resolveFromPod(sim.api, 'apps', 'db')).toMatchObject({ type: 'A', addresses: ['10.96.100.20'] });
    expect(resolveFromPod(sim.api, 'default', 'db')).toEqual({ type: 'NXDOMAIN', name: 'db' });
  });

  it('answers an ExternalName Service with a CNAME, followed to the outside world when it can be', () => {
    expect(lookupFqdn(sim.api, 'ext.default.svc.cluster.local')).toEqual({ type: 'CNAME', name: 'ext.default.svc.cluster.local', target: 'example.com' });
    expect(resolveFromPod(sim.api, 'default', 'ext', internet)).toEqual({ type: 'A', name: 'example.com', addresses: ['93.184.215.14'] });
  });

  it('answers a headless Service with the IPs of its ready pods', () => {
    const ips = [pod(sim, 'hl-0')!.status!.podIP!, pod(sim, 'hl-1')!.status!.podIP!];
    const answer = lookupFqdn(sim.api, 'hl.default.svc.cluster.local');
    expect(answer.type).toBe('A');
    expect(answer.type === 'A' && [...answer.addresses].sort()).toEqual([...ips].sort());
  });

  it.each(['nope', 'nope.default.svc.cluster.local', 'web.nowhere', 'a.b.web.default.svc.cluster.local'])('says NXDOMAIN for %s', (name) => {
    expect(resolveFromPod(sim.api, 'default', name).type).toBe('NXDOMAIN');
  });

  it('resolves names outside the cluster through the simulated Internet', () => {
    expect(resolveFromPod(sim.api, 'default', 'example.com', internet)).toEqual({ type: 'A', name: 'example.com', addresses: ['93.184.215.14'] });
  });

  it('answers pod A records by dashed IP', () => {
    expect(lookupFqdn(sim.api, '10-244-1-2.default.pod.cluster.local')).toEqual({ type: 'A', name: '10-244-1-2.default.pod.cluster.local', addresses: ['10.244.1.2'] });
  });

  it('writes the resolv.conf of a ClusterFirst pod', () => {
    expect(resolvConf('apps')).toBe('search apps.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });
});

describe('headless Service with no ready pods', () => {
  it('says NXDOMAIN', () => {
    const sim = newCluster();
    sim.api.create(serviceManifest({ name: 'hl', selector: { app: 'hl' }, clusterIP: 'None' }));
    sim.settle();
    expect(lookupFqdn(sim.api, 'hl.default.svc.cluster.local').type).toBe('NXDOMAIN');
  });
});
