// Runs the traffic generators: every batch of simulated time each one opens `rate × elapsed` connections through
// `connect` (start times spread over the batch), counts them per pod and per failure reason, and records them for
// the views. Batches are timers, so traffic only flows while time advances.
import type { Node } from '../api/node';
import type { Service } from '../api/service';
import type { Controller, ControllerContext } from '../sim/controller';
import type { Simulation } from '../sim/simulation';
import { Rng } from '../sim/rng';
import { connect, type ConnectRequest, type ConnectResult } from '../network/connect';
import { nodeIP } from '../network/kube-proxy';
import { pushRecord, toRecord, trafficStateOf, TRAFFIC, type TrafficGenerator, type TrafficState, type TrafficTarget } from './traffic-state';

/** Simulated ms between two batches of a generator. */
export const BATCH_MS = 250;

/** The simulation a controller context belongs to (set by the registry hook below). */
const simOf = new WeakMap<object, Simulation>();

export function bindTraffic(sim: Simulation): void {
  simOf.set(sim.api, sim);
}

/** Where a request to a target goes, as a client in that place would address it. */
export function requestFor(sim: Simulation, g: TrafficGenerator): ConnectRequest {
  const to: TrafficTarget = g.to;
  if ('host' in to) return { host: to.host, port: to.port, path: g.path };
  const svc = sim.store.get<Service>('Service', to.service.namespace, to.service.name);
  const port = svc?.spec.ports?.find((p) => to.port === undefined || p.port === to.port) ?? svc?.spec.ports?.[0];
  const inside = g.from.kind === 'pod';
  const dnsName = g.from.kind === 'pod' && g.from.namespace === to.service.namespace ? to.service.name : `${to.service.name}.${to.service.namespace}`;
  if (!svc) return { host: inside ? dnsName : `${to.service.name}.${to.service.namespace}.svc.cluster.local`, port: to.port ?? 80, path: g.path };
  const type = svc.spec.type ?? 'ClusterIP';
  let via = to.via ?? 'auto';
  if (via === 'auto') via = inside ? 'clusterip' : type === 'LoadBalancer' && svc.status?.loadBalancer?.ingress?.length ? 'loadbalancer' : type === 'NodePort' || type === 'LoadBalancer' ? 'nodeport' : 'clusterip';
  if (type === 'ExternalName') return { host: inside ? dnsName : `${to.service.name}.${to.service.namespace}.svc.cluster.local`, port: to.port ?? 80, path: g.path };
  if (via === 'loadbalancer') {
    const ip = svc.status?.loadBalancer?.ingress?.[0]?.ip;
    if (ip) return { host: ip, port: port?.port ?? 80, path: g.path };
    via = 'nodeport';
  }
  if (via === 'nodeport' && port?.nodePort) {
    const nodes = sim.store.list<Node>('Node');
    const node = to.node ? nodes.find((n) => n.metadata.name === to.node) : nodes[g.nodeTurn++ % nodes.length];
    return { host: node ? nodeIP(node) : '', port: port.nodePort, path: g.path };
  }
  // A cluster IP: by name from a pod (DNS first), as the IP itself from outside (it will not route).
  return { host: inside ? dnsName : (svc.spec.clusterIP ?? ''), port: port?.port ?? 80, path: g.path };
}

function count(st: TrafficState, g: TrafficGenerator | undefined, r: ConnectResult): void {
  st.total += 1;
  if (r.ok) st.ok += 1;
  else st.failures[r.failure!.reason] = (st.failures[r.failure!.reason] ?? 0) + 1;
  if (g) {
    g.sent += 1;
    if (r.ok) g.ok += 1;
    else g.failed += 1;
  }
  if (r.pod?.namespace) {
    const key = `${r.pod.namespace}/${r.pod.name}`;
    const c = (st.byPod[key] ??= { ok: 0, failed: 0 });
    if (r.ok) c.ok += 1;
    else c.failed += 1;
  }
}

/** Sends one request now, counts it and records it (generators, and single requests from the views). */
export function sendRequest(sim: Simulation, st: TrafficState, g: TrafficGenerator | undefined, rng: Rng, start: number): ConnectResult {
  const req = g ? requestFor(sim, g) : undefined;
  const r = connect(sim, g!.from, req!, { rng });
  count(st, g, r);
  pushRecord(sim.api, (seq) => toRecord(seq, start, r, g?.id));
  return r;
}

function runBatch(ctx: ControllerContext, id: string): void {
  const sim = simOf.get(ctx.api);
  const st = trafficStateOf(ctx.state);
  const g = st.generators[id];
  if (!sim || !g) return;
  const now = ctx.now;
  const elapsed = Math.max(0, now - g.lastAt);
  const exact = (g.rate * elapsed) / 1000 + g.carry;
  const n = Math.floor(exact);
  g.carry = exact - n;
  const rng = new Rng(st.rng);
  const starts: number[] = [];
  for (let i = 0; i < n; i++) starts.push(g.lastAt + Math.floor(rng.next() * elapsed));
  starts.sort((a, b) => a - b);
  for (const start of starts) sendRequest(sim, st, g, rng, start);
  st.rng = rng.state;
  g.lastAt = now;
  ctx.requeueAfter(`gen\u0000${id}`, BATCH_MS);
}

export const trafficController: Controller = {
  name: TRAFFIC,
  watches: [],
  keysFor: () => [],
  reconcile(key, ctx) {
    if (key.startsWith('gen\u0000')) runBatch(ctx, key.slice(4));
  },
};

export type { TrafficState };
