// A TCP connection from inside a pod, as the cluster's network answers it: a Service's ClusterIP goes to one ready
// endpoint (kube-proxy; none ready → REJECT, refused), a pod IP to that pod; what answers is the image's listener
// (network/servers.ts). The Services work owns the full model (src/network/connect.ts); this is the containers' use.
import type { Endpoints } from '../api/endpoints';
import type { Pod } from '../api/pod';
import type { Service } from '../api/service';
import type { ApiServer } from '../apiserver/api-server';
import type { KubeletState } from '../controllers/kubelet-state';
import type { ConnectResult } from '../shell/context';
import { listenerOn } from '../network/servers';
import { parseImage } from './images';
import { mongoTime } from './programs/mongo';

/** nginx's access-log time: `05/Jan/2026:09:03:40 +0000`. */
export function nginxAccessTime(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** What the server logs about a connection, in its own format, at the instant it happens (mongod 4.0, nginx). */
function serverLog(from: ConnectFrom, pod: Pod, port: number, at: number, path: string | undefined, status: number | undefined, bytes: number): void {
  const rt = from.kubelet.pods[pod.metadata.uid!];
  const cr = rt?.containers.find((c) => c.phase === 'running' && (c.listening ?? []).some((l) => l.port === port));
  if (!cr) return;
  const repo = parseImage(cr.image ?? '').repository.replace(/^docker\.io\/library\//, '');
  const client = from.pod.status?.podIP ?? '127.0.0.1';
  const key = `${pod.metadata.uid}/${cr.name}`;
  const logs = (from.kubelet.logs[key] ??= []);
  const add = (t: number, stream: 'stdout' | 'stderr', text: string) => {
    let i = logs.length;
    while (i > 0 && logs[i - 1][0] > t) i--;
    logs.splice(i, 0, [t, stream, text]);
  };
  if (repo === 'mongo') {
    const n = (cr.served = (cr.served ?? 0) + 1);
    const cport = 32768 + Math.floor(from.rng() * 28000);
    add(at, 'stdout', `${mongoTime(at)} I NETWORK  [listener] connection accepted from ${client}:${cport} #${n} (1 connection now open)`);
    add(at + 12, 'stdout', `${mongoTime(at + 12)} I NETWORK  [conn${n}] end connection ${client}:${cport} (0 connections now open)`);
  } else if (repo === 'nginx' && path !== undefined) {
    add(at, 'stdout', `${client} - - [${nginxAccessTime(at)}] "GET ${path} HTTP/1.1" ${status ?? 200} ${bytes} "-" "Wget" "-"`);
  }
}

export interface ConnectFrom {
  api: ApiServer;
  kubelet: KubeletState;
  /** The pod the connection comes from (127.0.0.1 is itself). */
  pod: Pod;
  /** Picks among ready endpoints (kube-proxy's random choice), [0,1). */
  rng: () => number;
}

function podByIp(api: ApiServer, ip: string): Pod | undefined {
  return api.list<Pod>('Pod').find((p) => p.status?.podIP === ip && !p.spec.hostNetwork && p.status.phase === 'Running');
}

/** Whether the pod's process listens on `port` at `at` (a process that records when it starts listening, or the image's listener). */
function answer(from: ConnectFrom, pod: Pod, port: number, at: number | undefined, path: string | undefined): ConnectResult {
  const rt = from.kubelet.pods[pod.metadata.uid!];
  const recorded = rt?.containers.flatMap((c) => (c.phase === 'running' ? (c.listening ?? []) : []));
  const l = listenerOn(pod, port);
  if (at !== undefined && recorded?.length && !recorded.some((r) => r.port === port && r.at <= at)) return { ok: false, error: 'refused', durationMs: 1 };
  if (!l) return { ok: false, error: 'refused', durationMs: 1 };
  if (l.listener.protocol === 'tcp') {
    if (at !== undefined) serverLog(from, pod, port, at, undefined, undefined, 0);
    return { ok: true, body: l.listener.banner ?? '', durationMs: 2 };
  }
  const r = l.listener.answer(path ?? '/', pod, at ?? 0);
  if (at !== undefined) serverLog(from, pod, port, at, path ?? '/', r.status, r.body.length);
  return { ok: true, body: r.body, status: r.status, statusText: r.status === 200 ? 'OK' : r.status === 404 ? 'Not Found' : '', durationMs: 2 };
}

export function connectFromPod(from: ConnectFrom, ip: string, port: number, request: { path?: string; at?: number } = {}): ConnectResult {
  const at = request.at;
  if (ip === '127.0.0.1' || ip === from.pod.status?.podIP) return answer(from, from.pod, port, at, request.path);
  const svc = from.api.list<Service>('Service').find((s) => s.spec.clusterIP === ip);
  if (svc) {
    const sp = svc.spec.ports?.find((p) => p.port === port);
    // No rule for that port: the ClusterIP is not a real address, packets go nowhere.
    if (!sp) return { ok: false, error: 'timeout' };
    const ep = from.api.tryGet<Endpoints>('Endpoints', svc.metadata.namespace, svc.metadata.name!);
    const targets: { ip: string; port: number }[] = [];
    for (const s of ep?.subsets ?? []) {
      const p = s.ports?.find((x) => (sp.name ? x.name === sp.name : true));
      if (!p) continue;
      for (const a of s.addresses ?? []) targets.push({ ip: a.ip, port: p.port });
    }
    if (!targets.length) return { ok: false, error: 'refused', durationMs: 1 };
    const t = targets[Math.min(targets.length - 1, Math.floor(from.rng() * targets.length))];
    const pod = podByIp(from.api, t.ip);
    return pod ? answer(from, pod, t.port, at, request.path) : { ok: false, error: 'timeout' };
  }
  const pod = podByIp(from.api, ip);
  if (pod) return answer(from, pod, port, at, request.path);
  return { ok: false, error: 'timeout' };
}
