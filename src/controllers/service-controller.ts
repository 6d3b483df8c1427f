// The cloud controller manager's service controller, against a simulated cloud: a LoadBalancer Service gets an
// external IP 10–30 s after it is created (`<pending>` until then). With `cloudProvider: none` (kind, bare metal)
// nothing answers and the Service stays pending for ever, as on a real kind cluster.
import type { Service } from '../api/service';
import type { Controller, ControllerContext } from '../sim/controller';
import { keyOf, splitKey } from '../sim/controller';
import { draw } from '../runtime/timings';
import { NETWORK_TIMINGS } from '../network/timings';

export const SERVICE_CONTROLLER = 'service-controller';
const SOURCE = { component: 'service-controller' };
/** The simulated cloud's public addresses (TEST-NET-3, reserved for documentation). */
export const LB_POOL_PREFIX = '203.0.113.';

interface ServiceControllerState {
  /** Service uid → when its balancer is ready (ms). */
  due: Record<string, number>;
  /** Service uid → external IP handed out. */
  ips: Record<string, string>;
}

function stateOf(raw: Record<string, unknown>): ServiceControllerState {
  raw.due ??= {};
  raw.ips ??= {};
  return raw as unknown as ServiceControllerState;
}

function nextIp(st: ServiceControllerState): string {
  const used = new Set(Object.values(st.ips));
  for (let i = 10; i < 250; i++) if (!used.has(LB_POOL_PREFIX + i)) return LB_POOL_PREFIX + i;
  return LB_POOL_PREFIX + '250';
}

function sync(ctx: ControllerContext, key: string): void {
  const st = stateOf(ctx.state);
  const [ns, name] = splitKey(key);
  const svc = ctx.api.tryGet<Service>('Service', ns, name);
  // Forget balancers of Services that are gone or no longer LoadBalancer.
  for (const uid of Object.keys(st.due)) if (!ctx.api.list<Service>('Service').some((s) => s.metadata.uid === uid && s.spec.type === 'LoadBalancer')) delete st.due[uid];
  for (const uid of Object.keys(st.ips)) if (!ctx.api.list<Service>('Service').some((s) => s.metadata.uid === uid && s.spec.type === 'LoadBalancer')) delete st.ips[uid];
  if (!svc) return;
  const uid = svc.metadata.uid!;
  if (svc.spec.type !== 'LoadBalancer') {
    if (svc.status?.loadBalancer?.ingress?.length) ctx.api.updateStatus<Service>({ ...svc, status: { ...svc.status, loadBalancer: {} } });
    return;
  }
  if (ctx.config.cloudProvider !== 'simulated' || svc.spec.loadBalancerClass) return;
  if (svc.status?.loadBalancer?.ingress?.length) return;
  if (st.due[uid] === undefined) {
    st.due[uid] = ctx.now + draw(NETWORK_TIMINGS.loadBalancerProvisioning, () => ctx.rng.next());
    ctx.events.record(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', SOURCE);
    ctx.requeueAfter(key, st.due[uid] - ctx.now);
    return;
  }
  if (ctx.now < st.due[uid]) return;
  const ip = (st.ips[uid] ??= nextIp(st));
  delete st.due[uid];
  const ingress = [{ ip, ...(ctx.config.minor >= 30 ? { ipMode: 'VIP' } : {}) }];
  ctx.api.updateStatus<Service>({ ...svc, status: { ...svc.status, loadBalancer: { ingress } } });
  ctx.events.record(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', SOURCE);
}

export const serviceController: Controller = {
  name: SERVICE_CONTROLLER,
  watches: ['Service'],
  keysFor(change) {
    const o = change.object;
    if (o.kind !== 'Service') return [];
    const svc = o as Service;
    const prev = change.previous as Service | undefined;
    if (svc.spec.type !== 'LoadBalancer' && prev?.spec.type !== 'LoadBalancer' && change.type !== 'DELETED') return [];
    return [keyOf(o.metadata.namespace, o.metadata.name!)];
  },
  reconcile(key, ctx) {
    sync(ctx, key);
  },
};
