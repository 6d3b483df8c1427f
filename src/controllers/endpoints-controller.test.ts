import { describe, expect, it } from 'vitest';
import type { Endpoints } from '../api/endpoints';
import type { EndpointSlice } from '../api/endpoint-slice';
import type { Simulation } from '../sim/simulation';
import { newCluster, pod, podManifest, serviceManifest } from '../testing/builders';

const endpoints = (sim: Simulation, name: string) => sim.api.tryGet<Endpoints>('Endpoints', 'default', name);
const slices = (sim: Simulation, name: string) => sim.api.list<EndpointSlice>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);

function webPod(name: string, image = 'nginx') {
  return podManifest({ name, image, labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] });
}

describe('endpoints controller', () => {
  it('has no subsets while nothing matches the selector', () => {
    const sim = newCluster();
    sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' } }));
    sim.settle();
    const ep = endpoints(sim, 'web')!;
    expect(ep).toBeDefined();
    expect(ep.subsets).toBeUndefined();
  });

  it('lists ready pods as addresses, resolving a named targetPort', () => {
    const sim = newCluster();
    sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] }));
    sim.api.create(webPod('web-1'));
    sim.api.create(webPod('web-2'));
    sim.advance(30_000);
    const ips = [pod(sim, 'web-1')!.status!.podIP!, pod(sim, 'web-2')!.status!.podIP!].sort();
    expect(endpoints(sim, 'web')!.subsets).toEqual([
      {
        addresses: ips.map((ip) => expect.objectContaining({ ip, targetRef: expect.objectContaining({ kind: 'Pod', namespace: 'default' }) })),
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('keeps a pod that is not ready yet out of the addresses', () => {
    const sim = newCluster();
    sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] }));
    sim.api.create(webPod('web-1'));
    // Once the sandbox has its IP, but well before nginx is pulled.
    sim.advance(2_000);
    expect(pod(sim, 'web-1')?.status?.podIP).toBeDefined();
    const subsets = endpoints(sim, 'web')!.subsets!;
    expect(subsets[0].addresses).toBeUndefined();
    expect(subsets[0].notReadyAddresses?.map((a) => a.ip)).toEqual([pod(sim, 'web-1')!.status!.podIP]);
  });

  it('follows pods as they come and go', () => {
    const sim = newCluster();
    sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] }));
    sim.api.create(webPod('web-1'));
    sim.advance(30_000);
    const ip1 = pod(sim, 'web-1')!.status!.podIP!;
    expect(endpoints(sim, 'web')!.subsets?.[0].addresses?.map((a) => a.ip)).toEqual([ip1]);
    sim.api.create(webPod('web-2'));
    sim.advance(30_000);
    expect(endpoints(sim, 'web')!.subsets?.[0].addresses).toHaveLength(2);
    sim.api.delete('Pod', 'default', 'web-1');
    sim.settle();
    // A terminating pod leaves the Endpoints at once.
    expect(endpoints(sim, 'web')!.subsets?.[0].addresses?.map((a) => a.ip)).toEqual([pod(sim, 'web-2')!.status!.podIP]);
    sim.api.delete('Pod', 'default', 'web-2');
    sim.advance(5_000);
    expect(endpoints(sim, 'web')!.subsets).toBeUndefined();
  });

  it('leaves out pods that lack the named port', () => {
    const sim = newCluster();
    sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] }));
    sim.api.create(podManifest({ name: 'portless', labels: { app: 'web' } }));
    sim.advance(30_000);
    expect(endpoints(sim, 'web')!.subsets).toBeUndefined();
  });

  it('removes the Endpoints with the Service', () => {
    const sim = newCluster();
    sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' } }));
    sim.settle();
    sim.api.delete('Service', 'default', 'web');
    sim.settle();
    expect(endpoints(sim, 'web')).toBeUndefined();
  });
});

describe('endpointslice controller', () => {
  it('makes one slice per Service, named after it and owned by it', () => {
    const sim = newCluster();
    const svc = sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }));
    sim.settle();
    const [slice, ...rest] = slices(sim, 'web');
    expect(rest).toEqual([]);
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslice-controller.k8s.io');
    expect(slice.endpoints).toBeNull();
  });

  it('lists pods with their ready, serving and terminating conditions', () => {
    const sim = newCluster();
    sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }));
    sim.api.create(webPod('web-1', 'busybox'));
    sim.advance(1_000);
    sim.api.create(webPod('web-2'));
    sim.advance(30_000);
    const sleeper = webPod('sleeper', 'busybox');
    sim.api.create({ ...sleeper, spec: { ...sleeper.spec, containers: [{ ...sleeper.spec.containers[0], command: ['sleep', '3600'] }] } });
    sim.advance(30_000);
    sim.api.delete('Pod', 'default', 'sleeper');
    sim.settle();
    const [slice] = slices(sim, 'web');
    const byName = Object.fromEntries((slice.endpoints ?? []).map((e) => [e.targetRef?.name, e.conditions]));
    expect(byName['web-2']).toEqual({ ready: true, serving: true, terminating: false });
    expect(byName['sleeper']).toEqual({ ready: false, serving: true, terminating: true });
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  it('is removed with its Service by the garbage collector', () => {
    const sim = newCluster();
    sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' } }));
    sim.settle();
    expect(slices(sim, 'web')).toHaveLength(1);
    sim.api.delete('Service', 'default', 'web');
    sim.settle();
    expect(slices(sim, 'web')).toHaveLength(0);
  });
});
