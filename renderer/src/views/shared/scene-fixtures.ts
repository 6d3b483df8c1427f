// Typed builders of the objects the metaphor tests need (a kind cluster's nodes, pods with owners, services of each
// type, a CronJob and its Job), so tests read as the situation they describe.
import type { KubeObject } from '../../../../src/api/meta';
import type { Node } from '../../../../src/api/node';
import type { Pod } from '../../../../src/api/pod';
import type { Service } from '../../../../src/api/service';
import type { Job } from '../../../../src/api/job';
import type { CronJob } from '../../../../src/api/cronjob';

const T0 = '2026-01-05T09:00:00Z';

export function node(name: string, controlPlane = false): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, creationTimestamp: T0, labels: controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
    spec: {},
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  } as Node;
}

export function pod(name: string, nodeName: string | undefined, options: { labels?: Record<string, string>; job?: string; at?: string; containers?: string[]; phase?: string } = {}): Pod {
  const containers = options.containers ?? ['main'];
  const phase = options.phase ?? (nodeName ? 'Running' : 'Pending');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: options.at ?? T0,
      labels: options.labels ?? {},
      ownerReferences: options.job ? [{ apiVersion: 'batch/v1', kind: 'Job', name: options.job, uid: `uid-${options.job}`, controller: true }] : undefined,
    },
    spec: { nodeName, containers: containers.map((c) => ({ name: c, image: 'nginx' })) },
    status: {
      phase,
      podIP: nodeName ? `10.244.0.${name.length}` : undefined,
      containerStatuses: phase === 'Running' ? containers.map((c) => ({ name: c, ready: true, restartCount: 0, image: 'nginx', imageID: '', state: { running: { startedAt: T0 } } })) : [],
    },
  } as Pod;
}

export function service(name: string, type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName', selector: Record<string, string> = { app: 'web' }): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: T0 },
    spec:
      type === 'ExternalName'
        ? { type, externalName: 'pizza.example.com' }
        : { type, selector, clusterIP: '10.96.0.10', ports: [{ port: 80, protocol: 'TCP', ...(type === 'ClusterIP' ? {} : { nodePort: 30080 }) }] },
    status: type === 'LoadBalancer' ? { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } } : {},
  } as Service;
}

export function cronJob(name: string, schedule = '*/1 * * * *'): CronJob {
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: T0 }, spec: { schedule, jobTemplate: { spec: { template: { spec: { containers: [] } } } } }, status: {} } as unknown as CronJob;
}

export function job(name: string, cron?: string, complete = false): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: T0, ownerReferences: cron ? [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cron, uid: `uid-${cron}`, controller: true }] : undefined },
    spec: { completions: 1, template: { spec: { containers: [] } } },
    status: complete ? { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] } : { active: 1 },
  } as unknown as Job;
}

/** The lesson's situation: 3 nodes, 3 web pods behind a Service of each type, a CronJob with one Job and its pod. */
export function lessonWorld(): KubeObject[] {
  return [
    node('kind-control-plane', true),
    node('kind-worker'),
    node('kind-worker2'),
    pod('web-1', 'kind-worker', { labels: { app: 'web' } }),
    pod('web-2', 'kind-worker2', { labels: { app: 'web' } }),
    pod('web-3', 'kind-worker', { labels: { app: 'web' } }),
    service('web-internal', 'ClusterIP'),
    service('web-gate', 'NodePort'),
    service('web-public', 'LoadBalancer'),
    service('pizza', 'ExternalName'),
    cronJob('tick'),
    job('tick-1', 'tick'),
    pod('tick-1-abcde', 'kind-worker2', { job: 'tick-1' }),
  ];
}
