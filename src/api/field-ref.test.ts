import { describe, expect, it } from 'vitest';
import { fieldRefValue } from './field-ref';
import type { Pod } from './pod';

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', uid: 'u-1', labels: { app: 'web' }, annotations: { 'batch.kubernetes.io/job-completion-index': '2' } },
  spec: { nodeName: 'kind-worker', serviceAccountName: 'default', containers: [{ name: 'web', image: 'nginx' }] },
  status: { podIP: '10.244.1.2', podIPs: [{ ip: '10.244.1.2' }], hostIP: '172.18.0.3', hostIPs: [{ ip: '172.18.0.3' }] },
};

describe('fieldRefValue', () => {
  it.each([
    ['metadata.name', 'web'],
    ['metadata.namespace', 'default'],
    ['metadata.uid', 'u-1'],
    ["metadata.labels['app']", 'web'],
    ["metadata.annotations['batch.kubernetes.io/job-completion-index']", '2'],
    ["metadata.labels['missing']", ''],
    ['spec.nodeName', 'kind-worker'],
    ['spec.serviceAccountName', 'default'],
    ['status.podIP', '10.244.1.2'],
    ['status.podIPs', '10.244.1.2'],
    ['status.hostIP', '172.18.0.3'],
    ['status.hostIPs', '172.18.0.3'],
  ])('reads %s', (path, expected) => {
    expect(fieldRefValue(pod, path)).toBe(expected);
  });

  it('answers nothing for a path the API server refuses', () => {
    expect(fieldRefValue(pod, 'spec.containers')).toBeUndefined();
  });
});
