// Typed builders for engine tests: the manifests a user would write, and a fresh simulated kind cluster to run them in.
// (Kept free of kubectl so engine tests run whatever state the kubectl package is in.)
import type { KubeObject, OwnerReference } from '../api/meta';
import type { Container, ContainerPort, Pod, PodSpec } from '../api/pod';
import type { Service, ServicePort, ServiceSpec } from '../api/service';
import type { Event } from '../api/event';
import { createSimulation, type CreateOptions } from '../sim/create';
import type { Simulation } from '../sim/simulation';

/** 2026-01-05T09:00:00Z, a Monday: when every test cluster starts. */
export const START = Date.parse('2026-01-05T09:00:00Z');

/** A kind cluster (control plane + 2 workers) at START, seed 1, with frozen objects so in-place edits throw. */
export function newCluster(options: Partial<CreateOptions> = {}): Simulation {
  return createSimulation({ start: START, seed: 1, workers: 2, freezeObjects: true, ...options });
}

export interface PodOptions {
  name?: string;
  generateName?: string;
  namespace?: string;
  image?: string;
  command?: string[];
  args?: string[];
  labels?: Record<string, string>;
  nodeSelector?: Record<string, string>;
  nodeName?: string;
  restartPolicy?: PodSpec['restartPolicy'];
  imagePullPolicy?: Container['imagePullPolicy'];
  ports?: ContainerPort[];
  requests?: Record<string, string>;
  terminationGracePeriodSeconds?: number;
  tolerations?: PodSpec['tolerations'];
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

/** A one-container Pod as `kubectl run NAME --image=IMAGE` would create it (container named after the pod). */
export function podManifest(o: PodOptions): Pod {
  const name = o.name ?? 'web';
  const container: Container = { name, image: o.image ?? 'nginx' };
  if (o.command) container.command = o.command;
  if (o.args) container.args = o.args;
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy;
  if (o.ports) container.ports = o.ports;
  if (o.requests) container.resources = { requests: o.requests };
  const spec: PodSpec = { containers: [container] };
  if (o.nodeSelector) spec.nodeSelector = o.nodeSelector;
  if (o.nodeName) spec.nodeName = o.nodeName;
  if (o.restartPolicy) spec.restartPolicy = o.restartPolicy;
  if (o.terminationGracePeriodSeconds !== undefined) spec.terminationGracePeriodSeconds = o.terminationGracePeriodSeconds;
  if (o.tolerations) spec.tolerations = o.tolerations;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(o.generateName ? { generateName: o.generateName } : { name }),
      namespace: o.namespace ?? 'default',
      labels: o.labels ?? { run: name },
      ...(o.ownerReferences ? { ownerReferences: o.ownerReferences } : {}),
      ...(o.finalizers ? { finalizers: o.finalizers } : {}),
    },
    spec,
  };
}

export interface ServiceOptions {
  name: string;
  namespace?: string;
  selector?: Record<string, string>;
  ports?: ServicePort[];
  type?: ServiceSpec['type'];
  clusterIP?: string;
  externalName?: string;
}

export function serviceManifest(o: ServiceOptions): Service {
  const spec: ServiceSpec = {};
  if (o.type) spec.type = o.type;
  if (o.selector) spec.selector = o.selector;
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (o.externalName) spec.externalName = o.externalName;
  if (o.type !== 'ExternalName') spec.ports = o.ports ?? [{ port: 80, targetPort: 80 }];
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: o.name, namespace: o.namespace ?? 'default' }, spec };
}

export function configMapManifest(name: string, options: { namespace?: string; finalizers?: string[]; ownerReferences?: OwnerReference[] } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      ...(options.finalizers ? { finalizers: options.finalizers } : {}),
      ...(options.ownerReferences ? { ownerReferences: options.ownerReferences } : {}),
    },
    data: {},
  };
}

/** An ownerReference to `owner`, as a controller sets it (blocking foreground deletion of the owner). */
export function ownedBy(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** The Events about one object, oldest first. */
export function eventsAbout(sim: Simulation, name: string, namespace = 'default'): Event[] {
  return sim.api
    .list<Event>('Event', namespace)
    .filter((e) => e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? 1 : 0));
}

/** `reason: message` of every Event about an object, oldest first. */
export function eventLines(sim: Simulation, name: string, namespace = 'default'): string[] {
  return eventsAbout(sim, name, namespace).map((e) => `${e.reason}: ${e.message}`);
}

export function pod(sim: Simulation, name: string, namespace = 'default'): Pod | undefined {
  return sim.api.tryGet<Pod>('Pod', namespace, name);
}

/** Advances until the pod reaches `phase` (or `timeoutMs` passes); the simulated time it took, or undefined. */
export function timeUntil(sim: Simulation, done: () => boolean, timeoutMs: number): number | undefined {
  const start = sim.now();
  return sim.advanceUntil(done, timeoutMs) ? sim.now() - start : undefined;
}
