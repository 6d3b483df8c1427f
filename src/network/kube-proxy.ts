// kube-proxy's rules, as data: which Service an (IP, port) names — a cluster IP, a node port on a node, a load
// balancer's IP — and which endpoint a new connection goes to (iptables: at random; IPVS: round robin), with
// ClientIP session affinity and externalTrafficPolicy Local/Cluster. Its memory (affinity table, rng, counters)
// lives in the `kube-proxy` pseudo-controller's saved state.
import type { Endpoints } from '../api/endpoints';
import type { Node } from '../api/node';
import type { Service, ServicePort } from '../api/service';
import type { Simulation } from '../sim/simulation';
import type { Controller } from '../sim/controller';
import { Rng, type RngState } from '../sim/rng';
import { NETWORK_TIMINGS } from './timings';

export const KUBE_PROXY = 'kube-proxy';

export interface ProxyState {
  /** `iptables` (random endpoint per connection) or `ipvs` (round robin). */
  mode: 'iptables' | 'ipvs';
  /** How the simulated cloud balancer spreads flows over nodes: a flow hash, or the least busy node (an option). */
  lbMode: 'hash' | 'least-busy';
  rng: RngState;
  /** `svc-key|clientIP` → [endpoint IP, expires at ms]. */
  affinity: Record<string, [string, number]>;
  /** IPVS round-robin position per service port. */
  rr: Record<string, number>;
  /** Connections the balancer sent to each node (least-busy mode). */
  lbCounts: Record<string, number>;
}

/** The pseudo-controller that only holds kube-proxy's memory (it reconciles nothing). */
export const kubeProxyController: Controller = { name: KUBE_PROXY, watches: [], keysFor: () => [], reconcile: () => undefined };

export function proxyState(sim: Simulation): ProxyState {
  const raw = sim.stateOf(KUBE_PROXY) as Partial<ProxyState>;
  raw.mode ??= 'iptables';
  raw.lbMode ??= 'hash';
  raw.rng ??= new Rng(0x6b756265).state;
  raw.affinity ??= {};
  raw.rr ??= {};
  raw.lbCounts ??= {};
  return raw as ProxyState;
}

export interface Backend {
  ip: string;
  port: number;
  nodeName?: string;
  pod?: { namespace: string; name: string };
}

export type ServiceMatch = { svc: Service; port: ServicePort; via: 'clusterip' | 'nodeport' | 'loadbalancer'; node?: Node };

export function nodeIP(n: Node): string {
  return n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
}

/** The Service behind a destination (IP, port), as kube-proxy's KUBE-SERVICES / KUBE-NODEPORTS chains see it. */
export function matchService(sim: Simulation, ip: string, port: number): ServiceMatch | undefined {
  const services = sim.store.list<Service>('Service');
  for (const svc of services) {
    if (svc.spec.type === 'ExternalName') continue;
    for (const p of svc.spec.ports ?? []) {
      if (svc.spec.clusterIP === ip && p.port === port) return { svc, port: p, via: 'clusterip' };
      if (svc.status?.loadBalancer?.ingress?.some((i) => i.ip === ip) && p.port === port) return { svc, port: p, via: 'loadbalancer' };
    }
  }
  const node = sim.store.list<Node>('Node').find((n) => nodeIP(n) === ip);
  if (node) {
    for (const svc of services) for (const p of svc.spec.ports ?? []) if (p.nodePort === port && (svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer')) return { svc, port: p, via: 'nodeport', node };
  }
  return undefined;
}

/** The ready endpoints of a Service port (the Endpoints object kube-proxy programs from). */
export function readyBackends(sim: Simulation, svc: Service, port: ServicePort): Backend[] {
  const ep = sim.store.get<Endpoints>('Endpoints', svc.metadata.namespace, svc.metadata.name!);
  const out: Backend[] = [];
  for (const s of ep?.subsets ?? []) {
    const p = (s.ports ?? []).find((x) => (x.name ?? '') === (port.name ?? '')) ?? (s.ports?.length === 1 ? s.ports[0] : undefined);
    if (!p) continue;
    for (const a of s.addresses ?? []) out.push({ ip: a.ip, port: p.port, nodeName: a.nodeName, pod: a.targetRef ? { namespace: a.targetRef.namespace ?? svc.metadata.namespace!, name: a.targetRef.name } : undefined });
  }
  return out;
}

/** One endpoint for a new connection: the client's sticky one if ClientIP affinity holds, else by the proxy mode. */
export function chooseBackend(sim: Simulation, svc: Service, port: ServicePort, backends: Backend[], clientIp: string, rng: Rng): Backend {
  const st = proxyState(sim);
  const svcKey = `${svc.metadata.namespace}/${svc.metadata.name}:${port.port}`;
  const now = sim.now();
  if (svc.spec.sessionAffinity === 'ClientIP') {
    const key = `${svcKey}|${clientIp}`;
    const sticky = st.affinity[key];
    if (sticky && sticky[1] > now) {
      const b = backends.find((x) => x.ip === sticky[0]);
      if (b) {
        st.affinity[key] = [b.ip, now + affinityTimeout(svc)];
        return b;
      }
    }
  }
  let chosen: Backend;
  if (st.mode === 'ipvs') {
    const i = (st.rr[svcKey] ?? -1) + 1;
    st.rr[svcKey] = i % backends.length;
    chosen = backends[st.rr[svcKey]];
  } else chosen = backends[Math.floor(rng.next() * backends.length)];
  if (svc.spec.sessionAffinity === 'ClientIP') st.affinity[`${svcKey}|${clientIp}`] = [chosen.ip, now + affinityTimeout(svc)];
  return chosen;
}

function affinityTimeout(svc: Service): number {
  return (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? NETWORK_TIMINGS.affinityTimeoutSeconds) * 1000;
}

/** The nodes a cloud balancer sends to: not excluded by label; with policy Local, only those with a ready local endpoint (its health check). */
export function balancerNodes(sim: Simulation, svc: Service, backends: Backend[]): Node[] {
  const nodes = sim.store.list<Node>('Node').filter((n) => n.metadata.labels?.['node.kubernetes.io/exclude-from-external-load-balancers'] === undefined);
  const healthy = nodes.filter((n) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True');
  if (svc.spec.externalTrafficPolicy === 'Local') return healthy.filter((n) => backends.some((b) => b.nodeName === n.metadata.name));
  return healthy;
}

export function chooseBalancerNode(sim: Simulation, nodes: Node[], rng: Rng): Node {
  const st = proxyState(sim);
  if (st.lbMode === 'least-busy') {
    let best = nodes[0];
    for (const n of nodes) if ((st.lbCounts[n.metadata.name!] ?? 0) < (st.lbCounts[best.metadata.name!] ?? 0)) best = n;
    st.lbCounts[best.metadata.name!] = (st.lbCounts[best.metadata.name!] ?? 0) + 1;
    return best;
  }
  return nodes[Math.floor(rng.next() * nodes.length)];
}
