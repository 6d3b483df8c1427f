import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../api/pod';
import { defaultPodSpec, defaultPullPolicy, qosClass } from './defaults';

describe('defaultPullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['docker.io/library/nginx', 'Always'],
    ['docker.io/library/nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v1', 'IfNotPresent'],
    ['localhost:5000/app:latest', 'Always'],
    ['nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', 'IfNotPresent'],
    ['nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', 'Always'],
    ['nginx:1.27@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', 'IfNotPresent'],
  ])('defaults %s to %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe('defaultPodSpec', () => {
  it('fills what a user leaves out, as the API server reads it back', () => {
    const spec: PodSpec = { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] };
    defaultPodSpec(spec);
    expect(spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
      containers: [{ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {}, ports: [{ containerPort: 80, protocol: 'TCP' }] }],
    });
  });

  it('keeps what the user set', () => {
    const spec: PodSpec = { containers: [{ name: 'c', image: 'busybox', imagePullPolicy: 'Never' }], restartPolicy: 'Never', terminationGracePeriodSeconds: 5 };
    defaultPodSpec(spec);
    expect(spec.restartPolicy).toBe('Never');
    expect(spec.terminationGracePeriodSeconds).toBe(5);
    expect(spec.containers[0].imagePullPolicy).toBe('Never');
  });
});

describe('qosClass', () => {
  const spec = (resources: { requests?: Record<string, string>; limits?: Record<string, string> } | undefined): PodSpec => ({ containers: [{ name: 'c', image: 'nginx', resources }] });
  it.each([
    ['no requests or limits', spec(undefined), 'BestEffort'],
    ['requests only', spec({ requests: { cpu: '100m' } }), 'Burstable'],
    ['equal cpu and memory limits (requests default to them)', spec({ limits: { cpu: '1', memory: '1Gi' } }), 'Guaranteed'],
    ['requests below limits', spec({ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }), 'Burstable'],
  ])('%s is %s', (_name, s, qos) => {
    expect(qosClass(s)).toBe(qos);
  });
});

describe('probe defaults', () => {
  it('fills timeout, period and thresholds, and an httpGet\'s path and scheme, as SetDefaults_Probe does', () => {
    const spec: PodSpec = {
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          livenessProbe: { httpGet: { port: 80 } },
          readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5, failureThreshold: 0 },
          startupProbe: { tcpSocket: { port: 80 }, failureThreshold: 30 },
        },
      ],
    };
    defaultPodSpec(spec);
    const [c] = spec.containers;
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe).toEqual({ exec: { command: ['cat', '/tmp/ready'] }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 });
    expect(c.startupProbe).toEqual({ tcpSocket: { port: 80 }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 30 });
  });
});
