// Snapshot → the scene every metaphor draws: the objects a lesson talks about (nodes, pods and their containers,
// services, jobs, cron jobs, other workloads), each once, named after its Kubernetes object, with no positions. Pure.
import type { KubeObject } from '../../../../src/api/meta';
import type { CronJob } from '../../../../src/api/cronjob';
import type { Job } from '../../../../src/api/job';
import type { Pod } from '../../../../src/api/pod';
import type { Service } from '../../../../src/api/service';
import { buildClusterModel, type ClusterModel, type PodView } from '../../view/cluster-model';
import { keyOf, objectKey, type ObjectKey } from '../../view/object-key';
import type { StatusCategory } from '../../view/pod-status';

/** What every drawn thing carries: the real object it stands for, and its state in kubectl's words. */
export interface SceneObject {
  key: ObjectKey;
  kind: string;
  name: string;
  namespace?: string;
  /** kubectl's word for the state (never translated): Running, Ready, Complete, ClusterIP… */
  state: string;
  /** Category for icon and colour (pods' categories; other kinds map onto them). */
  category: StatusCategory;
}

export interface SceneContainer extends SceneObject {
  kind: 'Container';
  pod: ObjectKey;
}

export interface ScenePod extends SceneObject {
  pod: PodView;
  containers: SceneContainer[];
  /** The Job that owns this pod, if any, and that Job's CronJob. */
  job?: ObjectKey;
  cronJob?: ObjectKey;
  services: ObjectKey[];
}

export interface SceneNode extends SceneObject {
  role: 'control-plane' | 'worker';
  ip?: string;
  pods: ScenePod[];
  hiddenPods: number;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface SceneService extends SceneObject {
  type: ServiceType;
  clusterIP?: string;
  ports: { port: number; nodePort?: number }[];
  externalName?: string;
  /** The LoadBalancer's public address (status.loadBalancer), if the cloud gave one. */
  externalIP?: string;
  endpointPods: ObjectKey[];
}

export interface SceneJob extends SceneObject {
  cronJob?: ObjectKey;
  completions: string;
  pods: ObjectKey[];
}

export interface SceneCronJob extends SceneObject {
  schedule: string;
  suspended: boolean;
  lastScheduleTime?: string;
  jobs: ObjectKey[];
}

export interface SceneWorkload extends SceneObject {
  summary: string;
}

export interface Scene {
  nodes: SceneNode[];
  /** Pods no node has taken yet. */
  pending: ScenePod[];
  services: SceneService[];
  cronJobs: SceneCronJob[];
  jobs: SceneJob[];
  /** Deployments, StatefulSets, DaemonSets, stand-alone ReplicaSets. */
  workloads: SceneWorkload[];
  cluster: ClusterModel;
}

/** The last scene pod made from each pod view (one per Pod object): reused while its Job, CronJob and Services
 * are the same, so an unchanged pod keeps its identity from one diff to the next. */
const scenePods = new WeakMap<PodView, ScenePod>();

function sameKeys(a: readonly ObjectKey[], b: readonly ObjectKey[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function podScene(view: PodView, pod: Pod | undefined, jobs: Map<string, Job>, services: ObjectKey[]): ScenePod {
  const made = newPodScene(view, pod, jobs, services);
  const last = scenePods.get(view);
  if (last && last.job === made.job && last.cronJob === made.cronJob && sameKeys(last.services, made.services)) return last;
  scenePods.set(view, made);
  return made;
}

function newPodScene(view: PodView, pod: Pod | undefined, jobs: Map<string, Job>, services: ObjectKey[]): ScenePod {
  const jobRef = pod?.metadata.ownerReferences?.find((r) => r.kind === 'Job');
  const job = jobRef ? jobs.get(keyOf('Job', view.namespace, jobRef.name)) : undefined;
  const cronRef = job?.metadata.ownerReferences?.find((r) => r.kind === 'CronJob');
  const statuses = pod?.status?.containerStatuses ?? [];
  const containers: SceneContainer[] = (pod?.spec?.containers ?? []).map((c) => {
    const s = statuses.find((st) => st.name === c.name);
    const state = s?.state?.running ? 'running' : s?.state?.terminated ? (s.state.terminated.reason ?? 'terminated') : (s?.state?.waiting?.reason ?? 'waiting');
    const category: StatusCategory = s?.state?.running ? (s.ready ? 'Running' : 'Creating') : s?.state?.terminated ? (s.state.terminated.exitCode === 0 ? 'Succeeded' : 'Failed') : view.status.category === 'Waiting' ? 'Waiting' : 'Creating';
    return { key: `${view.key}#${c.name}`, kind: 'Container', name: c.name, namespace: view.namespace, pod: view.key, state, category };
  });
  return {
    key: view.key,
    kind: 'Pod',
    name: view.name,
    namespace: view.namespace,
    state: view.status.text,
    category: view.status.category,
    pod: view,
    containers,
    job: jobRef ? keyOf('Job', view.namespace, jobRef.name) : undefined,
    cronJob: cronRef ? keyOf('CronJob', view.namespace, cronRef.name) : undefined,
    services,
  };
}

function jobState(job: Job): { state: string; category: StatusCategory } {
  const conditions = job.status?.conditions ?? [];
  if (conditions.some((c) => c.type === 'Complete' && c.status === 'True')) return { state: 'Complete', category: 'Succeeded' };
  if (conditions.some((c) => c.type === 'Failed' && c.status === 'True')) return { state: 'Failed', category: 'Failed' };
  if (job.spec?.suspend) return { state: 'Suspended', category: 'Pending' };
  return { state: 'Running', category: 'Running' };
}

const SERVICE_TYPES: readonly string[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

export function buildScene(objects: readonly KubeObject[], options: { showSystem: boolean }): Scene {
  const cluster = buildClusterModel([...objects], options);
  const byKey = new Map(objects.map((o) => [objectKey(o), o]));
  const jobs = new Map<string, Job>();
  for (const o of objects) if (o.kind === 'Job') jobs.set(objectKey(o), o as Job);

  const servicesOfPod = new Map<ObjectKey, ObjectKey[]>();
  for (const s of cluster.services) for (const p of s.endpointPods) servicesOfPod.set(p, [...(servicesOfPod.get(p) ?? []), s.key]);
  const toPod = (v: PodView) => podScene(v, byKey.get(v.key) as Pod | undefined, jobs, servicesOfPod.get(v.key) ?? []);

  const nodes: SceneNode[] = cluster.nodes.map((n) => ({
    key: n.key,
    kind: 'Node',
    name: n.name,
    state: n.ready ? 'Ready' : 'NotReady',
    category: n.ready ? 'Running' : 'Waiting',
    role: n.role,
    ip: n.ip,
    pods: n.pods.map(toPod),
    hiddenPods: n.hiddenPods,
  }));
  const pending = cluster.pending.map(toPod);

  const services: SceneService[] = cluster.services.map((v) => {
    const svc = byKey.get(v.key) as Service | undefined;
    const type = (SERVICE_TYPES.includes(v.type) ? v.type : 'ClusterIP') as ServiceType;
    const ingress = svc?.status?.loadBalancer?.ingress?.[0];
    const externalIP = ingress?.ip ?? ingress?.hostname;
    const waiting = type === 'LoadBalancer' && !externalIP;
    return {
      key: v.key,
      kind: 'Service',
      name: v.name,
      namespace: v.namespace,
      state: waiting ? `${type} <pending>` : type,
      category: waiting ? 'Pending' : v.endpointPods.length || type === 'ExternalName' ? 'Running' : 'Waiting',
      type,
      clusterIP: svc?.spec?.clusterIP,
      ports: (svc?.spec?.ports ?? []).map((p) => ({ port: p.port, nodePort: p.nodePort })),
      externalName: svc?.spec?.externalName,
      externalIP,
      endpointPods: v.endpointPods,
    };
  });

  const podsOfJob = new Map<ObjectKey, ObjectKey[]>();
  for (const p of [...nodes.flatMap((n) => n.pods), ...pending]) if (p.job) podsOfJob.set(p.job, [...(podsOfJob.get(p.job) ?? []), p.key]);
  const sceneJobs: SceneJob[] = [];
  const cronJobs: SceneCronJob[] = [];
  const workloads: SceneWorkload[] = [];
  for (const w of cluster.workloads) {
    const o = byKey.get(w.key);
    if (!o) continue;
    if (o.kind === 'Job') {
      const job = o as Job;
      const cron = job.metadata.ownerReferences?.find((r) => r.kind === 'CronJob');
      sceneJobs.push({ key: w.key, kind: 'Job', name: w.name, namespace: w.namespace, ...jobState(job), cronJob: cron ? keyOf('CronJob', w.namespace, cron.name) : undefined, completions: w.summary, pods: podsOfJob.get(w.key) ?? [] });
    } else if (o.kind === 'CronJob') {
      const cj = o as CronJob;
      const suspended = Boolean(cj.spec?.suspend);
      cronJobs.push({
        key: w.key,
        kind: 'CronJob',
        name: w.name,
        namespace: w.namespace,
        state: suspended ? 'Suspended' : (cj.status?.active?.length ?? 0) > 0 ? 'Active' : 'Scheduled',
        category: suspended ? 'Pending' : 'Running',
        schedule: cj.spec?.schedule ?? '',
        suspended,
        lastScheduleTime: cj.status?.lastScheduleTime,
        jobs: [],
      });
    } else {
      const [ready = '0', want = '0'] = w.summary.split('/');
      workloads.push({ key: w.key, kind: w.kind, name: w.name, namespace: w.namespace, state: w.summary, category: ready === want ? 'Running' : 'Creating', summary: w.summary });
    }
  }
  for (const j of sceneJobs) cronJobs.find((c) => c.key === j.cronJob)?.jobs.push(j.key);
  return { nodes, pending, services, cronJobs, jobs: sceneJobs, workloads, cluster };
}

/** Every object the scene draws, once (containers included), for tests and for the spotlight. */
export function sceneObjects(scene: Scene): SceneObject[] {
  const pods = [...scene.nodes.flatMap((n) => n.pods), ...scene.pending];
  return [...scene.nodes, ...pods, ...pods.flatMap((p) => p.containers), ...scene.services, ...scene.cronJobs, ...scene.jobs, ...scene.workloads];
}
