// The kubelet's environment: $(VAR) expansion, the downward API's fieldRefs, Service links.
import { describe, expect, it } from 'vitest';
import { containerEnv, expandKubernetesVars, serviceLinkEnv } from './env';
import { podManifest, serviceManifest } from '../testing/builders';
import type { Pod } from '../api/pod';

describe('expandKubernetesVars', () => {
  it.each([
    ['$(A)-$(B)', 'a-b'],
    ['$(MISSING) stays', '$(MISSING) stays'],
    ['$$(A) escapes', '$(A) escapes'],
    ['$(date +"%Y%m%dT%H%M%S")-db.gz', '$(date +"%Y%m%dT%H%M%S")-db.gz'],
    ['cost: $5', 'cost: $5'],
    ['$(A', '$(A'],
  ])('%s → %s', (text, out) => {
    expect(expandKubernetesVars(text, { A: 'a', B: 'b' })).toBe(out);
  });
});

describe('containerEnv', () => {
  const pod: Pod = {
    ...podManifest({ name: 'dump-0-x7k2p', nodeName: 'kind-worker' }),
    metadata: { name: 'dump-0-x7k2p', namespace: 'default', uid: 'u-1', labels: { app: 'dump' }, annotations: { 'batch.kubernetes.io/job-completion-index': '0' } },
  };
  it('reads fieldRefs, JOB_COMPLETION_INDEX included, and expands values with earlier variables', () => {
    const c = {
      name: 'c',
      image: 'busybox',
      env: [
        { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
        { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'FILE', value: '/dump/$(POD)-$(JOB_COMPLETION_INDEX).gz' },
      ],
    };
    const env = containerEnv(pod, c, { imageEnv: { PATH: '/bin' }, services: [], podIP: '10.244.1.7' });
    expect(env).toMatchObject({ HOSTNAME: 'dump-0-x7k2p', JOB_COMPLETION_INDEX: '0', POD: 'dump-0-x7k2p', NODE: 'kind-worker', IP: '10.244.1.7', APP: 'dump', FILE: '/dump/dump-0-x7k2p-0.gz' });
  });

  it('links Services as DB_SERVICE_HOST and DB_PORT_27017_TCP_ADDR', () => {
    const db = { ...serviceManifest({ name: 'db', ports: [{ port: 27017 }] }), spec: { clusterIP: '10.96.12.34', ports: [{ port: 27017, protocol: 'TCP' as const }] } };
    expect(serviceLinkEnv([db])).toEqual({
      DB_SERVICE_HOST: '10.96.12.34',
      DB_SERVICE_PORT: '27017',
      DB_PORT: 'tcp://10.96.12.34:27017',
      DB_PORT_27017_TCP: 'tcp://10.96.12.34:27017',
      DB_PORT_27017_TCP_PROTO: 'tcp',
      DB_PORT_27017_TCP_PORT: '27017',
      DB_PORT_27017_TCP_ADDR: '10.96.12.34',
    });
  });
});
