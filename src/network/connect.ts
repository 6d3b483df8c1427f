// One connection through the simulated network, hop by hop, as a real cluster routes it: DNS (CoreDNS, CNAMEs to
// the outside for ExternalName), kube-proxy's DNAT for a cluster IP, a node port or a load balancer, the hop to the
// pod's node, the pod's listener, and the reply. Failures say where and why (refused, unreachable, timeout, bad
// address). The containers' wget/curl/mongodump and the traffic generators both call `connect`.
import type { Node } from '../api/node';
import type { Pod } from '../api/pod';
import type { Service } from '../api/service';
import type { Simulation } from '../sim/simulation';
import { Rng } from '../sim/rng';
import type { Range } from '../runtime/timings';
import { resolveFromPod } from './dns';
import { inCidr } from './ipv4';
import { NETWORK_TIMINGS } from './timings';
import { balancerNodes, chooseBackend, chooseBalancerNode, matchService, nodeIP, proxyState, readyBackends, type Backend } from './kube-proxy';
import { listenerOn } from './servers';
import { kubeletState } from '../controllers/kubelet-state';
import { SERVICE_CIDR } from './service-allocator';
import { CLUSTER_DOMAIN } from '../cluster/addresses';

/** Who connects: a pod, or someone on the Internet. */
export type ConnectSource = { kind: 'pod'; namespace: string; name: string } | { kind: 'internet'; ip?: string };

export interface ConnectRequest {
  /** A name (`web`, `web.default.svc.cluster.local`, `db.example.com`) or an IP. */
  host: string;
  port: number;
  /** HTTP path (default `/`); TCP-only servers accept the connection and answer nothing. */
  path?: string;
}

export type HopKind = 'client' | 'dns' | 'service' | 'node' | 'balancer' | 'pod' | 'outside';

export interface Hop {
  kind: HopKind;
  /** What it is: `web (10.96.12.3:80)`, `kind-worker:31234`, `web-5d…-x2k (10.244.1.3:80)`… */
  label: string;
  /** Ms after the connection started that the request reaches this hop. */
  at: number;
  node?: string;
}

export type FailureReason = 'refused' | 'unreachable' | 'timeout' | 'bad-address' | 'http-error';

export interface ConnectResult {
  ok: boolean;
  hops: Hop[];
  /** Set when it failed: at which hop (index in `hops`), why, and the explanation the views show. */
  failure?: { reason: FailureReason; hop: number; message: string };
  /** What busybox wget prints on stderr for this failure (`wget: can't connect to remote host (…): Connection refused`). */
  wgetError?: string;
  service?: { namespace: string; name: string; type: string; via: 'clusterip' | 'nodeport' | 'loadbalancer' | 'externalname' | 'headless' };
  pod?: { namespace: string; name: string; node: string; ip: string; port: number };
  /** The address the server sees the request come from (SNAT'd to a node for externalTrafficPolicy Cluster). */
  seenSourceIp?: string;
  status?: number;
  body?: string;
  /** Round trip, ms. */
  latencyMs: number;
}

export interface ConnectOptions {
  /** Randomness for endpoint choice and latencies (default: kube-proxy's own, saved with the simulation). */
  rng?: Rng;
}

const OUTSIDE_CIDR = '198.51.100.0/24';

/** The simulated Internet's DNS: any name outside the cluster resolves to one stable address. */
export function outsideAddress(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return `198.51.100.${10 + (h % 240)}`;
}

function isIp(s: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(s);
}

function externalResolver(name: string): string[] | undefined {
  const n = name.replace(/\.$/, '');
  if (n.endsWith(CLUSTER_DOMAIN) || !n.includes('.')) return undefined;
  return [outsideAddress(n)];
}

export function connect(sim: Simulation, from: ConnectSource, request: ConnectRequest, options: ConnectOptions = {}): ConnectResult {
  const st = proxyState(sim);
  const rng = options.rng ?? new Rng(st.rng);
  try {
    return route(sim, from, request, rng);
  } finally {
    if (!options.rng) st.rng = rng.state;
  }
}

function route(sim: Simulation, from: ConnectSource, req: ConnectRequest, rng: Rng): ConnectResult {
  const hops: Hop[] = [];
  let t = 0;
  const lat = (r: Range) => Math.round((r[0] + (r[1] - r[0]) * rng.next()) * 100) / 100;
  const hop = (kind: HopKind, label: string, ms: number, node?: string) => {
    t += ms;
    hops.push({ kind, label, at: Math.round(t * 100) / 100, node });
  };
  const fail = (reason: FailureReason, message: string, wgetError: string, extra: Partial<ConnectResult> = {}): ConnectResult => ({
    ok: false,
    hops,
    failure: { reason, hop: hops.length - 1, message },
    wgetError,
    latencyMs: reason === 'timeout' ? Math.max(t, 0) : Math.round(t * 2 * 100) / 100,
    ...extra,
  });
  const inside = from.kind === 'pod';
  const clientPod = inside ? sim.store.get<Pod>('Pod', from.namespace, from.name) : undefined;
  if (inside && !clientPod?.status?.podIP) return { ok: false, hops, failure: { reason: 'unreachable', hop: -1, message: 'the client pod has no IP' }, latencyMs: 0 };
  const clientIp = inside ? clientPod!.status!.podIP! : (from.ip ?? `192.0.2.${1 + Math.floor(rng.next() * 250)}`);
  hop('client', inside ? `${from.name} (${clientIp})` : `Internet (${clientIp})`, 0, clientPod?.spec.nodeName);

  // 1. DNS
  let ip = req.host;
  let externalName: Service | undefined;
  if (!isIp(req.host)) {
    if (inside) {
      const answer = resolveFromPod(sim.api, from.namespace, req.host, externalResolver);
      hop('dns', `CoreDNS: ${req.host}`, lat(NETWORK_TIMINGS.dnsLookup));
      if (answer.type !== 'A') return fail('bad-address', `${req.host}: no such name (NXDOMAIN)`, `wget: bad address '${req.host}'`);
      // An ExternalName Service answers with a CNAME: remember which, for the view.
      externalName = findExternalName(sim, from.namespace, req.host);
      if (externalName) hops[hops.length - 1].label = `CoreDNS: ${req.host} → CNAME ${externalName.spec.externalName}`;
      ip = answer.addresses[Math.floor(rng.next() * answer.addresses.length)];
    } else {
      const ips = externalResolver(req.host);
      hop('dns', `DNS: ${req.host}`, lat(NETWORK_TIMINGS.dnsLookup) + 5);
      if (!ips) return fail('bad-address', `${req.host} only exists inside the cluster's DNS: the Internet cannot resolve it`, `wget: bad address '${req.host}'`);
      ip = ips[0];
    }
  }
  const target = `${ip}:${req.port}`;

  // 2. The outside world (ExternalName targets, APIs, cloud databases): the client connects to it itself.
  if (inCidr(ip, OUTSIDE_CIDR)) {
    hop('outside', `${externalName?.spec.externalName ?? req.host} (${target})`, lat(NETWORK_TIMINGS.hopOutside));
    const name = externalName?.spec.externalName ?? req.host;
    const svc = externalName ? { namespace: externalName.metadata.namespace!, name: externalName.metadata.name!, type: 'ExternalName', via: 'externalname' as const } : undefined;
    return { ok: true, hops, service: svc, status: 200, body: `Hello from ${name}\n`, latencyMs: Math.round(t * 2 * 100) / 100, seenSourceIp: clientPod?.spec.nodeName ? nodeIpOf(sim, clientPod.spec.nodeName) : clientIp };
  }

  // 3. kube-proxy: is it a Service's address?
  const match = matchService(sim, ip, req.port);
  let backend: Backend | undefined;
  let seenSource = clientIp;
  let service: ConnectResult['service'];
  if (match) {
    const { svc, port, via } = match;
    service = { namespace: svc.metadata.namespace!, name: svc.metadata.name!, type: svc.spec.type ?? 'ClusterIP', via };
    if (via === 'clusterip' && !inside) {
      hop('service', `${svc.metadata.name} (${target})`, lat(NETWORK_TIMINGS.hopInternet));
      return fail('unreachable', `${ip} is a ClusterIP: it only exists inside the cluster, nothing routes to it from outside`, 'wget: download timed out', { service });
    }
    const backends = readyBackends(sim, svc, port);
    let ingressNode: Node | undefined = match.node;
    if (via === 'loadbalancer') {
      hop('balancer', `load balancer ${target}`, lat(inside ? NETWORK_TIMINGS.hopInCluster : NETWORK_TIMINGS.hopInternet));
      const nodes = balancerNodes(sim, svc, backends);
      if (!nodes.length) return fail('timeout', `the balancer has no healthy node to send to${svc.spec.externalTrafficPolicy === 'Local' ? ' (externalTrafficPolicy Local: no node has a ready endpoint)' : ''}`, 'wget: download timed out', { service });
      ingressNode = chooseBalancerNode(sim, nodes, rng);
      hop('node', `${ingressNode.metadata.name}:${port.nodePort ?? port.port}`, lat(NETWORK_TIMINGS.hopOutside), ingressNode.metadata.name);
    } else if (via === 'nodeport') {
      hop('node', `${ingressNode!.metadata.name}:${req.port}`, lat(inside ? NETWORK_TIMINGS.hopInCluster : NETWORK_TIMINGS.hopInternet), ingressNode!.metadata.name);
    } else {
      hop('service', `${svc.metadata.name} (${target})`, lat(NETWORK_TIMINGS.hopInCluster) / 4, clientPod?.spec.nodeName);
    }
    if (ingressNode && kubeletDown(sim, ingressNode.metadata.name!)) return fail('timeout', `${ingressNode.metadata.name} does not answer (its node is down)`, 'wget: download timed out', { service });
    let candidates = backends;
    const external = via !== 'clusterip';
    if (external && svc.spec.externalTrafficPolicy === 'Local' && !inside) candidates = backends.filter((b) => b.nodeName === ingressNode!.metadata.name);
    if (!backends.length) {
      return fail('refused', `${svc.metadata.name} has no ready endpoints: kube-proxy rejects the connection`, `wget: can't connect to remote host (${ip}): Connection refused`, { service });
    }
    if (!candidates.length) return fail('timeout', `externalTrafficPolicy: Local and ${ingressNode!.metadata.name} has no ready endpoint of ${svc.metadata.name}: the packet is dropped`, 'wget: download timed out', { service });
    backend = chooseBackend(sim, svc, port, candidates, clientIp, rng);
    if (external && svc.spec.externalTrafficPolicy !== 'Local' && !inside) seenSource = nodeIP(ingressNode!);
  } else {
    // A pod IP, a node IP without such node port, or nowhere.
    const node = sim.store.list<Node>('Node').find((n) => nodeIP(n) === ip);
    if (node) {
      hop('node', `${node.metadata.name}:${req.port}`, lat(inside ? NETWORK_TIMINGS.hopInCluster : NETWORK_TIMINGS.hopInternet), node.metadata.name);
      return fail('refused', `nothing listens on ${node.metadata.name}:${req.port} (no Service has this node port)`, `wget: can't connect to remote host (${ip}): Connection refused`);
    }
    if (inCidr(ip, SERVICE_CIDR)) {
      hop('service', target, lat(inside ? NETWORK_TIMINGS.hopInCluster : NETWORK_TIMINGS.hopInternet));
      return fail(inside ? 'refused' : 'unreachable', inside ? `no Service has ${target}` : `${ip} is a cluster IP: unreachable from outside`, inside ? `wget: can't connect to remote host (${ip}): Connection refused` : 'wget: download timed out');
    }
    const pod = sim.store.list<Pod>('Pod').find((p) => p.status?.podIP === ip && !p.spec.hostNetwork);
    if (!pod || !inside) {
      hop('pod', target, lat(inside ? NETWORK_TIMINGS.hopInCluster : NETWORK_TIMINGS.hopInternet));
      return fail(inside ? 'timeout' : 'unreachable', inside ? `no host has ${ip}` : `${ip} is a pod IP: only routed inside the cluster`, 'wget: download timed out');
    }
    backend = { ip, port: req.port, nodeName: pod.spec.nodeName, pod: { namespace: pod.metadata.namespace!, name: pod.metadata.name! } };
  }

  // 4. The endpoint pod: another node maybe, then its listener.
  const pod = backend.pod ? sim.store.get<Pod>('Pod', backend.pod.namespace, backend.pod.name) : undefined;
  const podNode = backend.nodeName ?? pod?.spec.nodeName ?? '';
  const podLabel = `${backend.pod?.name ?? backend.ip} (${backend.ip}:${backend.port})`;
  hop('pod', podLabel, lat(NETWORK_TIMINGS.hopInCluster), podNode);
  const podInfo = { namespace: backend.pod?.namespace ?? '', name: backend.pod?.name ?? backend.ip, node: podNode, ip: backend.ip, port: backend.port };
  if (!pod || kubeletDown(sim, podNode)) return fail('timeout', `${podInfo.name} does not answer (its node ${podNode} is down)`, 'wget: download timed out', { service, pod: podInfo });
  const l = listenerOn(pod, backend.port);
  if (!l) {
    return fail('refused', `nothing listens on ${podInfo.name}:${backend.port}${service ? ' (check the Service\'s targetPort)' : ''}`, `wget: can't connect to remote host (${ip}): Connection refused`, { service, pod: podInfo });
  }
  const serve = lat(NETWORK_TIMINGS.serverTime);
  t += serve;
  const back = hops.slice(1).reduce((n, h, i) => n + (h.at - hops[i].at), 0);
  const latencyMs = Math.round((t + back) * 100) / 100;
  if (l.listener.protocol === 'tcp') return { ok: true, hops, service, pod: podInfo, seenSourceIp: seenSource, status: 0, body: l.listener.banner ?? '', latencyMs };
  const answer = l.listener.answer(req.path ?? '/', pod, sim.now());
  if (answer.status >= 400) return { ok: false, hops, service, pod: podInfo, seenSourceIp: seenSource, status: answer.status, body: answer.body, failure: { reason: 'http-error', hop: hops.length - 1, message: `HTTP ${answer.status}` }, wgetError: `wget: server returned error: HTTP/1.1 ${answer.status} Not Found`, latencyMs };
  return { ok: true, hops, service, pod: podInfo, seenSourceIp: seenSource, status: answer.status, body: answer.body, latencyMs };
}

function kubeletDown(sim: Simulation, node: string): boolean {
  return !!kubeletState(sim).nodes[node]?.down;
}

function nodeIpOf(sim: Simulation, name: string): string {
  const n = sim.store.get<Node>('Node', undefined, name);
  return n ? nodeIP(n) : '';
}

function findExternalName(sim: Simulation, namespace: string, host: string): Service | undefined {
  const parts = host.replace(/\.$/, '').split('.');
  const name = parts[0];
  const ns = parts.length >= 2 && parts[1] !== 'svc' ? parts[1] : namespace;
  const svc = sim.store.get<Service>('Service', ns, name);
  return svc?.spec.type === 'ExternalName' ? svc : undefined;
}

