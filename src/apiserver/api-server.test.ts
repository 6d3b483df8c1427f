import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/pod';
import { NAME_SUFFIX_ALPHABET } from '../sim/rng';
import { configMapManifest, newCluster, pod, podManifest } from '../testing/builders';
import { ApiError } from './api-error';
import type { Service } from '../api/service';
import { TestCluster } from '../testing/test-cluster';

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('ApiServer.create', () => {
  it('defaults a pod as the real API server does', () => {
    const sim = newCluster();
    const created = sim.api.create(podManifest({ name: 'web', image: 'nginx' }));
    expect(created.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', serviceAccountName: 'default', enableServiceLinks: true, priority: 0 });
    expect(created.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(created.status).toMatchObject({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata.creationTimestamp).toBe('2026-01-05T09:00:00Z');
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
  ] as const)('gives image %s the pull policy %s', (image, policy) => {
    const sim = newCluster();
    expect(sim.api.create(podManifest({ name: 'p', image })).spec.containers[0].imagePullPolicy).toBe(policy);
  });

  it('adds the not-ready and unreachable tolerations and the service account token volume', () => {
    const sim = newCluster();
    const created = sim.api.create(podManifest({ name: 'web' }));
    expect(created.spec.tolerations).toEqual([
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
    expect(created.spec.volumes?.[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(created.spec.containers[0].volumeMounts).toEqual([{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: created.spec.volumes?.[0].name, readOnly: true }]);
  });

  it('names objects from generateName with 5 characters of Kubernetes\' alphabet', () => {
    const sim = newCluster();
    const names = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const name = sim.api.create(podManifest({ generateName: 'job-' })).metadata.name!;
      expect(name).toMatch(new RegExp(`^job-[${NAME_SUFFIX_ALPHABET}]{5}$`));
      names.add(name);
    }
    expect(names.size).toBe(20);
  });

  it('truncates a long generateName so the name fits 63 characters', () => {
    const sim = newCluster();
    const long = configMapManifest('');
    const name = sim.api.create({ ...long, metadata: { ...long.metadata, generateName: `${'a'.repeat(70)}-` } }).metadata.name!;
    expect(name).toHaveLength(63);
    expect(name.startsWith('a'.repeat(58))).toBe(true);
  });

  it('refuses an object with neither name nor generateName', () => {
    const sim = newCluster();
    const e = apiError(() => sim.api.create(configMapManifest('')));
    expect(e.reason).toBe('Invalid');
    expect(e.message).toBe('ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required');
  });

  it('refuses a second object of the same name with AlreadyExists', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'web' }));
    const e = apiError(() => sim.api.create(podManifest({ name: 'web' })));
    expect(e.reason).toBe('AlreadyExists');
    expect(e.code).toBe(409);
    expect(e.message).toBe('pods "web" already exists');
  });

  it('refuses an object in a namespace that does not exist', () => {
    const sim = newCluster();
    const e = apiError(() => sim.api.create(podManifest({ name: 'web', namespace: 'nowhere' })));
    expect(e.reason).toBe('NotFound');
    expect(e.message).toBe('namespaces "nowhere" not found');
  });

  it('refuses an invalid pod with the field path and wording of the real validation', () => {
    const sim = newCluster();
    const noImage = podManifest({ name: 'web' });
    const e = apiError(() => sim.api.create({ ...noImage, spec: { containers: [{ name: 'web' }] } }));
    expect(e.reason).toBe('Invalid');
    expect(e.code).toBe(422);
    expect(e.message).toBe('Pod "web" is invalid: spec.containers[0].image: Required value');
  });

  it('lists several validation errors in brackets', () => {
    const sim = newCluster();
    const e = apiError(() => sim.api.create({ ...podManifest({ name: 'Web' }), spec: { containers: [{ name: 'web' }] } }));
    expect(e.message).toMatch(/^Pod "Web" is invalid: \[metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain .*, spec\.containers\[0\]\.image: Required value\]$/);
  });

  it('writes nothing on a dry run', () => {
    const sim = newCluster();
    const rv = sim.store.resourceVersion;
    const result = sim.api.create(podManifest({ name: 'web' }), { dryRun: true });
    expect(result.metadata.name).toBe('web');
    expect(pod(sim, 'web')).toBeUndefined();
    expect(sim.store.resourceVersion).toBe(rv);
  });
});

describe('ApiServer.get, update and delete errors', () => {
  it('says NotFound with the resource and name', () => {
    const sim = newCluster();
    const e = apiError(() => sim.api.get('Pod', 'default', 'ghost'));
    expect(e.reason).toBe('NotFound');
    expect(e.code).toBe(404);
    expect(e.message).toBe('pods "ghost" not found');
    expect(apiError(() => sim.api.delete('Pod', 'default', 'ghost')).message).toBe('pods "ghost" not found');
    expect(apiError(() => sim.api.get('Deployment', 'default', 'ghost')).message).toBe('deployments.apps "ghost" not found');
  });

  it('refuses an update from a stale resourceVersion with Conflict', () => {
    const sim = newCluster();
    const cm = sim.api.create(configMapManifest('settings'));
    sim.api.update({ ...cm, data: { a: '1' } });
    const e = apiError(() => sim.api.update({ ...cm, data: { a: '2' } }));
    expect(e.reason).toBe('Conflict');
    expect(e.code).toBe(409);
    expect(e.message).toBe('Operation cannot be fulfilled on configmaps "settings": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('refuses to change a pod\'s spec beyond its images', () => {
    const sim = newCluster();
    const created = sim.api.create(podManifest({ name: 'web', nodeSelector: { disk: 'ssd' } }));
    const e = apiError(() => sim.api.update<Pod>({ ...created, metadata: { ...created.metadata, resourceVersion: undefined }, spec: { ...created.spec, restartPolicy: 'Never' } }));
    expect(e.reason).toBe('Invalid');
    expect(e.message).toMatch(/^Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than/);
  });

  it('keeps the protected namespaces', () => {
    const sim = newCluster();
    const e = apiError(() => sim.api.delete('Namespace', undefined, 'default'));
    expect(e.reason).toBe('Forbidden');
    expect(e.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});

describe('graceful pod deletion', () => {
  it('deletes an unscheduled pod at once', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'stuck', nodeSelector: { disk: 'ssd' } }));
    sim.settle();
    sim.api.delete('Pod', 'default', 'stuck');
    expect(pod(sim, 'stuck')).toBeUndefined();
  });

  it('marks a running pod Terminating with its grace period, and the kubelet lets it go', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'sleeper', image: 'busybox', command: ['sleep', '3600'], terminationGracePeriodSeconds: 20 }));
    sim.advance(30_000);
    expect(pod(sim, 'sleeper')?.status?.phase).toBe('Running');
    const deletedAt = sim.now();
    const marked = sim.api.delete('Pod', 'default', 'sleeper');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(20);
    expect(Date.parse(marked.metadata.deletionTimestamp!)).toBe(Math.floor((deletedAt + 20_000) / 1000) * 1000);
    sim.advance(19_000);
    expect(pod(sim, 'sleeper')?.metadata.deletionTimestamp).toBeDefined();
    sim.advance(1_000);
    expect(pod(sim, 'sleeper')).toBeUndefined();
  });

  it('deletes a running pod at once with a grace period of 0', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'web' }));
    sim.advance(30_000);
    sim.api.delete('Pod', 'default', 'web', { gracePeriodSeconds: 0 });
    expect(pod(sim, 'web')).toBeUndefined();
  });

  it('hurries a terminating pod along when deleted again with a shorter grace period', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'sleeper', image: 'busybox', command: ['sleep', '3600'] }));
    sim.advance(30_000);
    sim.api.delete('Pod', 'default', 'sleeper');
    sim.advance(1_000);
    sim.api.delete('Pod', 'default', 'sleeper', { gracePeriodSeconds: 0 });
    sim.settle();
    expect(pod(sim, 'sleeper')).toBeUndefined();
  });
});

describe('finalizers', () => {
  it('keeps an object with a finalizer until the finalizer is removed', () => {
    const sim = newCluster();
    sim.api.create(configMapManifest('held', { finalizers: ['example.com/hold'] }));
    sim.api.delete('ConfigMap', 'default', 'held');
    sim.advance(60_000);
    const held = sim.api.get('ConfigMap', 'default', 'held');
    expect(held.metadata.deletionTimestamp).toBe('2026-01-05T09:00:00Z');
    expect(held.metadata.finalizers).toEqual(['example.com/hold']);
    sim.api.update({ ...held, metadata: { ...held.metadata, finalizers: [] } });
    expect(sim.api.tryGet('ConfigMap', 'default', 'held')).toBeUndefined();
  });

  it('removes an object without finalizers at once', () => {
    const sim = newCluster();
    sim.api.create(configMapManifest('plain'));
    sim.api.delete('ConfigMap', 'default', 'plain');
    expect(sim.api.tryGet('ConfigMap', 'default', 'plain')).toBeUndefined();
  });

  it('keeps an updated object with finalizers that is not being deleted', () => {
    const sim = newCluster();
    const cm = sim.api.create(configMapManifest('kept', { finalizers: ['example.com/hold'] }));
    sim.api.update({ ...cm, metadata: { ...cm.metadata, finalizers: [] } });
    expect(sim.api.tryGet('ConfigMap', 'default', 'kept')).toBeDefined();
  });
});

describe('Service updates', () => {
  it('allocates a node port when a ClusterIP Service becomes NodePort, and releases it when it goes back', () => {
    const t = new TestCluster().kubectl('create service clusterip web --tcp=80:80');
    const ip = t.get<Service>('Service', 'web')!.spec.clusterIP;
    t.kubectl(`patch service web -p '{"spec":{"type":"NodePort"}}'`);
    const nodePort = t.get<Service>('Service', 'web')!.spec.ports![0].nodePort!;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(nodePort).toBeLessThanOrEqual(32767);
    expect(t.get<Service>('Service', 'web')!.spec.clusterIP).toBe(ip);
    t.kubectl(`patch service web -p '{"spec":{"type":"ClusterIP"}}'`);
    expect(t.get<Service>('Service', 'web')!.spec.ports![0].nodePort).toBeUndefined();
  });
});
