// The endpoints controller: keeps one Endpoints object per Service with a selector, listing the IPs of the
// matching pods (ready ones as addresses, others as notReadyAddresses) and the resolved target ports.
import type { Pod } from '../api/pod';
import type { Service, ServicePort } from '../api/service';
import type { Endpoints, EndpointAddress, EndpointSubset } from '../api/endpoints';
import { matchesMap } from '../api/selectors';
import type { Controller, ControllerContext } from '../sim/controller';
import { keyOf, splitKey } from '../sim/controller';
import { isoSeconds } from '../sim/duration';
import { deepEqual } from '../api/deep-equal';
import type { StoreChange } from '../store/object-store';

export const ENDPOINTS_CONTROLLER = 'endpoints-controller';

export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** The pods a Service selects that can serve: have an IP, are not finished and not being deleted. */
export function selectedPods(ctx: ControllerContext, svc: Service, includeTerminating = false): Pod[] {
  if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) return [];
  return ctx.api
    .list<Pod>('Pod', svc.metadata.namespace)
    .filter((p) => matchesMap(p.metadata.labels, svc.spec.selector))
    .filter((p) => p.status?.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')
    .filter((p) => includeTerminating || !p.metadata.deletionTimestamp);
}

/** A Service port's target on a pod: a number, or a named container port (undefined if the pod lacks it). */
export function resolveTargetPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP')) return p.containerPort;
  return undefined;
}

/** Whether a pod change can change what Endpoints/EndpointSlices show: labels, IP, readiness, phase, deletion. */
export function podChangeMatters(change: StoreChange): boolean {
  const prev = change.previous as Pod | undefined;
  const pod = change.object as Pod;
  if (change.type !== 'MODIFIED' || !prev) return true;
  return (
    prev.status?.podIP !== pod.status?.podIP ||
    isPodReady(prev) !== isPodReady(pod) ||
    prev.status?.phase !== pod.status?.phase ||
    !!prev.metadata.deletionTimestamp !== !!pod.metadata.deletionTimestamp ||
    !deepEqual(prev.metadata.labels, pod.metadata.labels)
  );
}

function compareIp(a: EndpointAddress, b: EndpointAddress): number {
  return a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0;
}

function desiredSubsets(ctx: ControllerContext, svc: Service): EndpointSubset[] {
  const groups = new Map<string, EndpointSubset>();
  for (const pod of selectedPods(ctx, svc)) {
    const ports = (svc.spec.ports ?? []).map((p) => ({ p, target: resolveTargetPort(pod, p) }));
    if (ports.some((x) => x.target === undefined)) continue;
    const epPorts = ports.map(({ p, target }) => {
      const e: { name?: string; port: number; protocol: string } = { port: target!, protocol: p.protocol ?? 'TCP' };
      if (p.name) e.name = p.name;
      return e;
    });
    const sig = JSON.stringify(epPorts);
    let subset = groups.get(sig);
    if (!subset) groups.set(sig, (subset = { ports: epPorts }));
    const addr: EndpointAddress = {
      ip: pod.status!.podIP!,
      nodeName: pod.spec.nodeName,
      targetRef: { kind: 'Pod', name: pod.metadata.name!, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
    };
    const ready = isPodReady(pod) || svc.spec.publishNotReadyAddresses;
    if (ready) (subset.addresses ??= []).push(addr);
    else (subset.notReadyAddresses ??= []).push(addr);
  }
  return [...groups.values()].map((s) => {
    const out: EndpointSubset = {};
    if (s.addresses) out.addresses = s.addresses.sort(compareIp);
    if (s.notReadyAddresses) out.notReadyAddresses = s.notReadyAddresses.sort(compareIp);
    out.ports = s.ports;
    return out;
  });
}

function reconcileService(ctx: ControllerContext, ns: string, name: string): void {
  const svc = ctx.api.tryGet<Service>('Service', ns, name);
  const existing = ctx.api.tryGet<Endpoints>('Endpoints', ns, name);
  if (!svc) {
    if (existing && existing.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] !== 'true') ctx.api.delete('Endpoints', ns, name);
    return;
  }
  if (!svc.spec.selector || svc.spec.type === 'ExternalName') return;
  const subsets = desiredSubsets(ctx, svc);
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  if (existing && JSON.stringify(existing.subsets ?? []) === JSON.stringify(subsets) && JSON.stringify(existing.metadata.labels ?? {}) === JSON.stringify(labels)) return;
  const metadata = {
    name,
    namespace: ns,
    labels: Object.keys(labels).length ? labels : undefined,
    annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': isoSeconds(ctx.now) },
  };
  if (!metadata.labels) delete metadata.labels;
  const body: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata };
  if (subsets.length) body.subsets = subsets;
  if (existing) ctx.api.update<Endpoints>({ ...body, metadata: { ...existing.metadata, ...metadata, resourceVersion: undefined } });
  else ctx.api.create<Endpoints>(body);
}

/**
 * Which Services select which labels, per namespace: derived from the store (rebuilt after a restore), so a pod's
 * change wakes only the Services that select it, not every Service of its namespace.
 */
export class ServiceSelectors {
  private byNamespace = new Map<string, Map<string, Record<string, string> | undefined>>();

  observe(change: StoreChange): void {
    if (change.object.kind !== 'Service') return;
    const svc = change.object as Service;
    const ns = svc.metadata.namespace ?? 'default';
    let services = this.byNamespace.get(ns);
    if (!services) this.byNamespace.set(ns, (services = new Map()));
    if (change.type === 'DELETED') services.delete(svc.metadata.name!);
    else services.set(svc.metadata.name!, svc.spec.selector);
  }

  /** Keys (`svc\0ns/name`, sorted) of the Services whose selector matches the pod before or after the change. */
  keysForPod(change: StoreChange): string[] {
    const ns = change.object.metadata.namespace ?? 'default';
    const services = this.byNamespace.get(ns);
    if (!services) return [];
    const labels = [change.object.metadata.labels, change.previous?.metadata.labels];
    const names: string[] = [];
    for (const [name, selector] of services) {
      if (selector && Object.keys(selector).length && labels.some((l) => matchesMap(l, selector))) names.push(name);
    }
    return names.sort().map((name) => `svc\u0000${keyOf(ns, name)}`);
  }
}

/** The endpoints controller of one simulation. */
export function createEndpointsController(): Controller {
  const selectors = new ServiceSelectors();
  return {
    name: ENDPOINTS_CONTROLLER,
    watches: ['Service', 'Endpoints', 'Pod'],
    keysFor(change) {
      const o = change.object;
      selectors.observe(change);
      if (o.kind === 'Service' || o.kind === 'Endpoints') return [`svc\u0000${keyOf(o.metadata.namespace, o.metadata.name!)}`];
      if (o.kind === 'Pod') return podChangeMatters(change) ? selectors.keysForPod(change) : [];
      return [];
    },
    reconcile(key, ctx) {
      const [ns, name] = splitKey(key.slice(key.indexOf('\u0000') + 1));
      reconcileService(ctx, ns!, name);
    },
  };
}
