// A container as the kubelet's prober reaches it: the sockets its pod listens on now (the image's servers, from when
// their process started listening), answering from the node's side of the pod network — servers log the probe as
// they log any client (nginx's access log with `kube-probe/1.32`, mongod's accepted connections) — and commands run
// in it on its live filesystem, as `kubectl exec` runs them.
import type { Container, Pod } from '../api/pod';
import type { ApiServer } from '../apiserver/api-server';
import type { ContainerRuntime, KubeletState, PodRuntime } from '../controllers/kubelet-state';
import { listenersOf, type Listener } from '../network/servers';
import { runShell } from '../shell/run';
import { containerHost } from './container-host';
import { nginxAccessTime } from './container-connect';
import { parseImage } from './images';
import { mongoTime } from './programs/mongo';
import type { ExecOutcome, ProbeServer, ProbeTarget } from './probes';
import { containerView } from './volumes';

const MAX_LOG_LINES = 2000;

export interface ProbeTargetInputs {
  api: ApiServer;
  state: KubeletState;
  pod: Pod;
  rt: PodRuntime;
  now: number;
  hostIP: string;
  minor: number;
  rng: () => number;
  /** A fresh exec session id (only drawn when an exec fails to start). */
  execId: () => string;
}

/** The listener on `port` among the pod's running containers, as container-connect's `answer` finds it. */
function podListener(pod: Pod, rt: PodRuntime, port: number, now: number): { c: Container; cr: ContainerRuntime; l: Listener } | undefined {
  const running = pod.spec.containers.map((c, i) => ({ c, cr: rt.containers[i] })).filter((x) => x.cr?.phase === 'running');
  const recorded = running.flatMap((x) => x.cr.listening ?? []);
  if (recorded.length && !recorded.some((r) => r.port === port && r.at <= now)) return undefined;
  for (const { c, cr } of running) {
    const l = listenersOf(c).find((x) => x.port === port);
    if (l) return { c, cr, l };
  }
  return undefined;
}

function appendLog(state: KubeletState, key: string, line: [number, 'stdout' | 'stderr', string]): void {
  const logs = (state.logs[key] ??= []);
  let i = logs.length;
  while (i > 0 && logs[i - 1][0] > line[0]) i--;
  logs.splice(i, 0, line);
  if (logs.length > MAX_LOG_LINES) logs.splice(0, logs.length - MAX_LOG_LINES);
}

export function probeTarget(i: ProbeTargetInputs, c: Container, cr: ContainerRuntime): ProbeTarget {
  const podIP = i.rt.ip ?? '';
  // The kubelet dials from the node: a pod on the pod network sees its bridge's gateway (.1), a host-network pod the node.
  const client = i.pod.spec.hostNetwork ? podIP : podIP.replace(/\.\d+$/, '.1');
  const repoOf = (x: ContainerRuntime) => parseImage(x.image ?? '').repository.replace(/^docker\.io\/library\//, '');
  return {
    podIP,
    listenerOn(port): ProbeServer | undefined {
      const found = podListener(i.pod, i.rt, port, i.now);
      if (!found) return undefined;
      const { cr: server, l } = found;
      const key = `${i.pod.metadata.uid}/${found.c.name}`;
      if (repoOf(server) === 'mongo') {
        const n = (server.served = (server.served ?? 0) + 1);
        const cport = 32768 + Math.floor(i.rng() * 28000);
        appendLog(i.state, key, [i.now, 'stdout', `${mongoTime(i.now)} I NETWORK  [listener] connection accepted from ${client}:${cport} #${n} (1 connection now open)`]);
        appendLog(i.state, key, [i.now + 1, 'stdout', `${mongoTime(i.now + 1)} I NETWORK  [conn${n}] end connection ${client}:${cport} (0 connections now open)`]);
      }
      return {
        protocol: l.protocol,
        banner: l.banner,
        request(path) {
          const r = l.answer(path, i.pod, i.now);
          if (repoOf(server) === 'nginx') {
            appendLog(i.state, key, [i.now, 'stdout', `${client} - - [${nginxAccessTime(i.now)}] "GET ${path} HTTP/1.1" ${r.status} ${r.body.length} "-" "kube-probe/1.${i.minor}" "-"`]);
          }
          return r.status;
        },
      };
    },
    exec(argv, timeoutMs): ExecOutcome {
      if (!cr.fs || !i.state.volumes[cr.fs.root]) return { exitCode: 126, output: '', durationMs: 0, startError: 'container is not running', execId: i.execId() };
      const host = containerHost({
        api: i.api,
        state: i.state,
        pod: i.pod,
        container: c,
        runtime: cr,
        fs: containerView(i.state.volumes, cr.fs),
        startMs: i.now,
        rng: i.rng,
        podIP,
        hostIP: i.hostIP,
      });
      const r = runShell(argv, host, '', { cwd: cr.fs.cwd, horizonMs: timeoutMs });
      if (r.startError) return { exitCode: r.exitCode, output: '', durationMs: 0, startError: r.startError, execId: i.execId() };
      return { exitCode: r.exitCode, output: r.output.map((o) => o.text).join(''), durationMs: r.forever ? Infinity : r.durationMs };
    },
  };
}
