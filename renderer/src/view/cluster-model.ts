// Snapshot → view model: what the technical view shows (nodes with their pods, pods waiting for a node, services
// with their endpoint pods, workloads), with no positions yet. Pure.
import type { KubeObject } from '../../../src/api/meta';
import type { Node } from '../../../src/api/node';
import type { Pod } from '../../../src/api/pod';
import type { Service } from '../../../src/api/service';
import type { Endpoints } from '../../../src/api/endpoints';
import type { EndpointSlice } from '../../../src/api/endpoint-slice';
import { keyOf, objectKey, type ObjectKey } from './object-key';
import { isUnscheduled, podStatus, schedulingReason, type PodStatusView } from './pod-status';

export interface PodView {
  key: ObjectKey;
  name: string;
  namespace: string;
  nodeName?: string;
  status: PodStatusView;
  /** The scheduler's reason, for a pod waiting for a node. */
  reason?: string;
  system: boolean;
  ip?: string;
}

export interface NodeView {
  key: ObjectKey;
  name: string;
  role: 'control-plane' | 'worker';
  ready: boolean;
  ip?: string;
  /** Labels a person set or reads (the well-known kubernetes.io ones are left out). */
  labels: string[];
  taints: string[];
  pods: PodView[];
  /** System pods on this node left out of `pods` (when they are hidden). */
  hiddenPods: number;
}

export interface ServiceView {
  key: ObjectKey;
  name: string;
  namespace: string;
  type: string;
  clusterIP?: string;
  ports: string;
  /** Pods the service sends traffic to (from its endpoints; from its selector if no endpoints object exists). */
  endpointPods: ObjectKey[];
  system: boolean;
}

export interface WorkloadView {
  key: ObjectKey;
  kind: string;
  name: string;
  namespace: string;
  /** kubectl-like summary: READY for controllers, COMPLETIONS for jobs, the schedule for cron jobs. */
  summary: string;
  system: boolean;
}

export interface ClusterModel {
  nodes: NodeView[];
  pending: PodView[];
  services: ServiceView[];
  workloads: WorkloadView[];
}

export interface ModelOptions {
  showSystem: boolean;
}

const SYSTEM_NAMESPACES = new Set(['kube-system', 'local-path-storage', 'kube-public', 'kube-node-lease']);
const WORKLOAD_KINDS = ['CronJob', 'Job', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

export function isSystemNamespace(ns: string | undefined): boolean {
  return ns !== undefined && SYSTEM_NAMESPACES.has(ns);
}

/** Orders by creation time, then name: what came first stays first. */
function byAge(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = `${a.metadata.namespace}/${a.metadata.name}`;
  const nb = `${b.metadata.namespace}/${b.metadata.name}`;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** One view per Pod object: objects are replaced, never mutated, so an unchanged pod keeps its view (and the
 * keyed blocks drawing it skip it). */
const podViews = new WeakMap<Pod, PodView>();

function podView(pod: Pod): PodView {
  let view = podViews.get(pod);
  if (!view) podViews.set(pod, (view = newPodView(pod)));
  return view;
}

function newPodView(pod: Pod): PodView {
  const unscheduled = isUnscheduled(pod);
  return {
    key: objectKey(pod),
    name: pod.metadata.name ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    nodeName: pod.spec?.nodeName,
    status: podStatus(pod),
    reason: unscheduled ? schedulingReason(pod) : undefined,
    system: isSystemNamespace(pod.metadata.namespace),
    ip: pod.status?.podIP,
  };
}

function nodeView(node: Node, pods: PodView[], hiddenPods: number): NodeView {
  const labels = node.metadata.labels ?? {};
  const role = 'node-role.kubernetes.io/control-plane' in labels ? 'control-plane' : 'worker';
  const shown = Object.entries(labels)
    .filter(([k]) => !k.includes('kubernetes.io/') && !k.startsWith('beta.kubernetes.io'))
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`));
  const taints = (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  return { key: objectKey(node), name: node.metadata.name ?? '', role, ready, ip, labels: shown, taints, pods, hiddenPods };
}

function matchesSelector(labels: Record<string, string> | undefined, selector: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function serviceView(svc: Service, objects: KubeObject[], podsByIp: Map<string, ObjectKey>, pods: Pod[]): ServiceView {
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name ?? '';
  const fromRefs = new Set<ObjectKey>();
  let haveEndpoints = false;
  for (const o of objects) {
    if (o.metadata.namespace !== ns) continue;
    if (o.kind === 'EndpointSlice' && o.metadata.labels?.['kubernetes.io/service-name'] === name) {
      haveEndpoints = true;
      for (const e of (o as EndpointSlice).endpoints ?? []) {
        if (e.conditions?.ready === false) continue;
        const ref = e.targetRef?.kind === 'Pod' ? keyOf('Pod', e.targetRef.namespace ?? ns, e.targetRef.name) : podsByIp.get(e.addresses[0] ?? '');
        if (ref) fromRefs.add(ref);
      }
    } else if (o.kind === 'Endpoints' && o.metadata.name === name) {
      haveEndpoints = true;
      for (const subset of (o as Endpoints).subsets ?? []) {
        for (const a of subset.addresses ?? []) {
          const ref = a.targetRef?.kind === 'Pod' ? keyOf('Pod', a.targetRef.namespace ?? ns, a.targetRef.name) : podsByIp.get(a.ip);
          if (ref) fromRefs.add(ref);
        }
      }
    }
  }
  if (!haveEndpoints) {
    for (const p of pods) {
      if ((p.metadata.namespace ?? 'default') === ns && p.status?.phase === 'Running' && matchesSelector(p.metadata.labels, svc.spec?.selector)) fromRefs.add(objectKey(p));
    }
  }
  const ports = (svc.spec?.ports ?? []).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(', ');
  return {
    key: objectKey(svc),
    name,
    namespace: ns,
    type: svc.spec?.type ?? 'ClusterIP',
    clusterIP: svc.spec?.type === 'ExternalName' ? svc.spec.externalName : svc.spec?.clusterIP,
    ports,
    endpointPods: [...fromRefs].sort(),
    system: isSystemNamespace(ns),
  };
}

function workloadSummary(o: KubeObject): string {
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  const status = ((o as { status?: Record<string, unknown> }).status ?? {}) as Record<string, unknown>;
  switch (o.kind) {
    case 'CronJob':
      return `${String(spec['schedule'] ?? '')}${spec['suspend'] ? ' (suspended)' : ''}`;
    case 'Job':
      return `${Number(status['succeeded'] ?? 0)}/${Number(spec['completions'] ?? 1)}`;
    case 'DaemonSet':
      return `${Number(status['numberReady'] ?? 0)}/${Number(status['desiredNumberScheduled'] ?? 0)}`;
    default:
      return `${Number(status['readyReplicas'] ?? 0)}/${Number(spec['replicas'] ?? 1)}`;
  }
}

export function buildClusterModel(objects: KubeObject[], options: ModelOptions): ClusterModel {
  const allPods = objects.filter((o): o is Pod => o.kind === 'Pod').sort(byAge);
  const podsByIp = new Map<string, ObjectKey>();
  for (const p of allPods) if (p.status?.podIP && !p.spec?.hostNetwork) podsByIp.set(p.status.podIP, objectKey(p));
  const visiblePods = allPods.filter((p) => options.showSystem || !isSystemNamespace(p.metadata.namespace));
  const hiddenOnNode = new Map<string, number>();
  for (const p of allPods) {
    if (options.showSystem || !isSystemNamespace(p.metadata.namespace) || !p.spec?.nodeName) continue;
    hiddenOnNode.set(p.spec.nodeName, (hiddenOnNode.get(p.spec.nodeName) ?? 0) + 1);
  }

  const podsOnNode = new Map<string, PodView[]>();
  const pending: PodView[] = [];
  for (const p of visiblePods) {
    const view = podView(p);
    if (view.nodeName) {
      const list = podsOnNode.get(view.nodeName) ?? [];
      list.push(view);
      podsOnNode.set(view.nodeName, list);
    } else {
      pending.push(view);
    }
  }

  const nodes = objects
    .filter((o): o is Node => o.kind === 'Node')
    .sort((a, b) => {
      const ra = 'node-role.kubernetes.io/control-plane' in (a.metadata.labels ?? {}) ? 0 : 1;
      const rb = 'node-role.kubernetes.io/control-plane' in (b.metadata.labels ?? {}) ? 0 : 1;
      return ra - rb || ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1);
    })
    .map((n) => nodeView(n, podsOnNode.get(n.metadata.name ?? '') ?? [], hiddenOnNode.get(n.metadata.name ?? '') ?? 0));
  // A pod bound to a node we do not know (yet) still waits outside.
  const known = new Set(nodes.map((n) => n.name));
  for (const [name, pods] of podsOnNode) if (!known.has(name)) pending.push(...pods);

  const services = objects
    .filter((o): o is Service => o.kind === 'Service')
    .filter((s) => options.showSystem || !isSystemNamespace(s.metadata.namespace))
    .sort(byAge)
    .map((s) => serviceView(s, objects, podsByIp, allPods));

  const workloads = objects
    .filter((o) => WORKLOAD_KINDS.includes(o.kind))
    .filter((o) => options.showSystem || !isSystemNamespace(o.metadata.namespace))
    // A ReplicaSet owned by a Deployment is an implementation detail: its Deployment stands for it.
    .filter((o) => !(o.kind === 'ReplicaSet' && o.metadata.ownerReferences?.some((r) => r.kind === 'Deployment')))
    .sort((a, b) => WORKLOAD_KINDS.indexOf(a.kind) - WORKLOAD_KINDS.indexOf(b.kind) || byAge(a, b))
    .map((o) => ({ key: objectKey(o), kind: o.kind, name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? 'default', summary: workloadSummary(o), system: isSystemNamespace(o.metadata.namespace) }));

  return { nodes, pending, services, workloads };
}
