// Builders for describe tests: a kind cluster and the objects the (not yet written) controllers would make.
import { Simulation } from '../../sim/simulation';
import { bootstrapKindCluster } from '../../cluster/bootstrap';
import type { Pod } from '../../api/pod';
import type { Job } from '../../api/job';
import type { CronJob } from '../../api/cronjob';
import { isoSeconds } from '../../sim/duration';
import { emptyFiles, type KubectlContext } from '../context';
import { runDescribe, type DescribeOptions } from './describe';

export const START = Date.parse('2026-01-05T09:00:00Z');

export function newCluster(): { sim: Simulation; ctx: KubectlContext; describe: (args: string[], more?: Partial<DescribeOptions>) => ReturnType<typeof runDescribe> } {
  // No controllers: tests write what the scheduler and kubelet would, so goldens do not move with them.
  const sim = new Simulation({ minor: 32, workers: 2, cloudProvider: 'simulated', clusterName: 'kind' }, START, 1);
  bootstrapKindCluster(sim);
  sim.settle();
  const ctx: KubectlContext = { sim, files: emptyFiles(), stdin: '', defaultNamespace: 'default' };
  const describe = (args: string[], more: Partial<DescribeOptions> = {}) =>
    runDescribe({ args, allNamespaces: false, filenames: [], showEvents: true, ...more }, ctx);
  return { sim, ctx, describe };
}

export function createPod(sim: Simulation, name: string, labels: Record<string, string> = { run: name }): Pod {
  return sim.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name, image: 'nginx', ports: [{ containerPort: 80 }] }] },
  });
}

/** What the scheduler and kubelet would leave: scheduled, pulled, started, with their events. */
export function runPod(sim: Simulation, pod: Pod, node = 'kind-worker', ip = '10.244.1.2'): Pod {
  const api = sim.api;
  const scheduledAt = isoSeconds(sim.now());
  const bound = api.update<Pod>({ ...pod, spec: { ...pod.spec, nodeName: node } });
  sim.events.record(bound, 'Normal', 'Scheduled', `Successfully assigned default/${pod.metadata.name} to ${node}`, { component: 'default-scheduler' }, { newApi: { action: 'Binding', reportingInstance: 'default-scheduler-kind-control-plane' } });
  const c = pod.spec.containers[0].name;
  const fieldPath = `spec.containers{${c}}`;
  sim.events.record(bound, 'Normal', 'Pulling', 'Pulling image "nginx"', { component: 'kubelet', host: node }, { fieldPath });
  sim.advance(4000);
  sim.events.record(bound, 'Normal', 'Pulled', 'Successfully pulled image "nginx" in 3.512s (3.512s including waiting). Image size: 72195292 bytes.', { component: 'kubelet', host: node }, { fieldPath });
  sim.events.record(bound, 'Normal', 'Created', `Created container ${c}`, { component: 'kubelet', host: node }, { fieldPath });
  sim.events.record(bound, 'Normal', 'Started', `Started container ${c}`, { component: 'kubelet', host: node }, { fieldPath });
  const now = isoSeconds(sim.now());
  const cond = (type: string, at: string) => ({ type, status: 'True' as const, lastProbeTime: null, lastTransitionTime: at });
  const latest = api.get<Pod>('Pod', 'default', pod.metadata.name!);
  return api.updateStatus<Pod>({
    ...latest,
    status: {
      ...latest.status,
      phase: 'Running',
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: scheduledAt,
      conditions: [cond('PodReadyToStartContainers', now), cond('Initialized', scheduledAt), cond('Ready', now), cond('ContainersReady', now), cond('PodScheduled', scheduledAt)],
      containerStatuses: [
        {
          name: c,
          state: { running: { startedAt: now } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'docker.io/library/nginx:latest',
          imageID: 'docker.io/library/nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a',
          containerID: 'containerd://4f1c0a5e8a6d4c1b9f0e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2',
          started: true,
        },
      ],
    },
  });
}

export function createJob(sim: Simulation, name: string): Job {
  const uid = 'b1c2d3e4-0000-4000-8000-000000000001';
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  return sim.api.create<Job>({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default', labels: { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name } },
    spec: {
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      manualSelector: true,
      template: { metadata: { labels }, spec: { restartPolicy: 'Never', containers: [{ name, image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }] } },
    },
  });
}

export function createCronJob(sim: Simulation, name: string): CronJob {
  return sim.api.create<CronJob>({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: {
      schedule: '*/5 * * * *',
      jobTemplate: { metadata: { name }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name, image: 'busybox:1.36', command: ['date'] }] } } } },
    },
  });
}
