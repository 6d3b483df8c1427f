// The EndpointSlice controller: one slice per Service with a selector (named `<service>-<5 chars>`), owned by
// the Service, listing every serving pod with its ready/serving/terminating conditions.
import type { Pod } from '../api/pod';
import type { Service } from '../api/service';
import type { Endpoint, EndpointSlice } from '../api/endpoint-slice';
import type { Controller, ControllerContext } from '../sim/controller';
import { keyOf, splitKey } from '../sim/controller';
import { isoSeconds } from '../sim/duration';
import { isPodReady, podChangeMatters, resolveTargetPort, selectedPods, ServiceSelectors } from './endpoints-controller';

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';

function slicesOf(ctx: ControllerContext, ns: string, service: string): EndpointSlice[] {
  return ctx.api.list<EndpointSlice>('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service && s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === MANAGED_BY);
}

function desired(svc: Service, pods: Pod[]): Pick<EndpointSlice, 'endpoints' | 'ports'> {
  const ports = (svc.spec.ports ?? []).map((p) => ({ name: p.name ?? '', port: undefined as number | undefined, protocol: p.protocol ?? 'TCP', sp: p }));
  const endpoints: Endpoint[] = [];
  for (const pod of pods) {
    const targets = ports.map((p) => resolveTargetPort(pod, p.sp));
    if (targets.some((t) => t === undefined)) continue;
    targets.forEach((t, i) => (ports[i].port ??= t));
    const terminating = !!pod.metadata.deletionTimestamp;
    const ready = isPodReady(pod);
    endpoints.push({
      addresses: [pod.status!.podIP!],
      conditions: { ready: ready && !terminating, serving: ready, terminating },
      nodeName: pod.spec.nodeName,
      targetRef: { kind: 'Pod', name: pod.metadata.name!, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
    });
  }
  return {
    endpoints: endpoints.length ? endpoints : null,
    ports: ports.length ? ports.map((p) => (p.port === undefined ? { name: p.name, protocol: p.protocol } : { name: p.name, port: p.port, protocol: p.protocol })) : null,
  };
}

function reconcileService(ctx: ControllerContext, ns: string, name: string): void {
  const svc = ctx.api.tryGet<Service>('Service', ns, name);
  const existing = slicesOf(ctx, ns, name);
  if (!svc || !svc.spec.selector || svc.spec.type === 'ExternalName') {
    // Slices are owned by their Service: the garbage collector removes them when it goes.
    return;
  }
  const want = desired(svc, selectedPods(ctx, svc, true));
  const labels: Record<string, string> = {
    ...(svc.metadata.labels ?? {}),
    'endpointslice.kubernetes.io/managed-by': MANAGED_BY,
    'kubernetes.io/service-name': name,
  };
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  const [slice, ...extra] = existing;
  for (const e of extra) ctx.api.delete('EndpointSlice', ns, e.metadata.name!);
  if (slice && JSON.stringify(slice.endpoints) === JSON.stringify(want.endpoints) && JSON.stringify(slice.ports) === JSON.stringify(want.ports)) return;
  const annotations = { 'endpoints.kubernetes.io/last-change-trigger-time': isoSeconds(ctx.now) };
  if (slice) {
    ctx.api.update<EndpointSlice>({ ...slice, metadata: { ...slice.metadata, resourceVersion: undefined, labels, annotations }, ...want });
    return;
  }
  ctx.api.create<EndpointSlice>({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${name}-`,
      namespace: ns,
      labels,
      annotations,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    ...want,
  });
}

/** The EndpointSlice controller of one simulation. */
export function createEndpointSliceController(): Controller {
  const selectors = new ServiceSelectors();
  return {
    name: ENDPOINTSLICE_CONTROLLER,
    watches: ['Service', 'EndpointSlice', 'Pod'],
    keysFor(change) {
      const o = change.object;
      selectors.observe(change);
      if (o.kind === 'Service') return [`svc\u0000${keyOf(o.metadata.namespace, o.metadata.name!)}`];
      if (o.kind === 'EndpointSlice' && change.type === 'DELETED') {
        const svc = o.metadata.labels?.['kubernetes.io/service-name'];
        return svc ? [`svc\u0000${keyOf(o.metadata.namespace, svc)}`] : [];
      }
      if (o.kind === 'Pod') return podChangeMatters(change) ? selectors.keysForPod(change) : [];
      return [];
    },
    reconcile(key, ctx) {
      const [ns, name] = splitKey(key.slice(key.indexOf('\u0000') + 1));
      reconcileService(ctx, ns!, name);
    },
  };
}
