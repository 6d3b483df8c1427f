// kubectl logs: what a container wrote, as the kubelet serves it (validateContainerLogStatus's errors), with
// --previous, --timestamps, --tail, --since, --all-containers and -f (follows as simulated time runs, bounded).
// https://kubernetes.io/docs/reference/kubectl/generated/kubectl_logs/
import type { Pod } from '../../api/pod';
import { kubeletState, type LogLine } from '../../controllers/kubelet-state';
import { KubectlError } from '../errors';
import type { KubectlContext, KubectlResult, Output } from '../context';
import { boolFlag, durationFlag, intFlag, parseGoDuration, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';
import { pickContainer, podForArg } from './exec';

/** How long `logs -f` lets simulated time run at most before it returns. */
export const FOLLOW_LIMIT_MS = 10 * 60_000;

/** RFC3339Nano as containerd stamps lines (nanoseconds from the ms, padded deterministically). */
function stamp(ms: number, k: number): string {
  const iso = new Date(ms).toISOString();
  const nanos = String((ms * 7919 + k * 104_729) % 1_000_000).padStart(6, '0');
  return `${iso.slice(0, 23)}${nanos}Z`;
}

/** Which stored run a logs request reads, or the kubelet's refusal (pkg/kubelet validateContainerLogStatus). */
function logKey(pod: Pod, container: string, previous: boolean, ctx: KubectlContext): string {
  const podName = pod.metadata.name!;
  const st = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === container);
  const rt = kubeletState(ctx.sim).pods[pod.metadata.uid!];
  const cr = rt?.containers.find((c) => c.name === container);
  const base = `${pod.metadata.uid}/${container}`;
  // The run that just ended is still the current record while the kubelet waits to restart it.
  const lastRun = cr?.phase === 'exited' ? base : `${base}/previous`;
  const server = (m: string) => new KubectlError(`Error from server (BadRequest): ${m}`);
  if (previous) {
    if (!st?.lastState?.terminated?.containerID) throw server(`previous terminated container "${container}" in pod "${podName}" not found`);
    return lastRun;
  }
  if (st?.state.running) return base;
  if (st?.state.terminated) return base;
  if (st?.lastState?.terminated) return lastRun;
  const reason = st?.state.waiting?.reason ?? 'ContainerCreating';
  if (reason === 'ErrImagePull') throw server(`container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`);
  if (reason === 'ImagePullBackOff') throw server(`container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
  throw server(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`);
}

interface LogOptions {
  previous: boolean;
  timestamps: boolean;
  tail: number;
  sinceMs?: number;
  sinceTime?: number;
  prefix: boolean;
}

function printLines(lines: LogLine[], o: LogOptions, prefix: string, ctx: KubectlContext, out: Output): void {
  const now = ctx.sim.now();
  let shown = lines.filter((l) => l[0] <= now);
  if (o.sinceMs !== undefined) shown = shown.filter((l) => l[0] >= now - o.sinceMs!);
  if (o.sinceTime !== undefined) shown = shown.filter((l) => l[0] >= o.sinceTime!);
  if (o.tail >= 0) shown = shown.slice(Math.max(0, shown.length - o.tail));
  shown.forEach((l, k) => {
    out.stdout += `${prefix}${o.timestamps ? `${stamp(l[0], k)} ` : ''}${l[2]}\n`;
  });
}

function options(inv: Invocation): LogOptions {
  const since = inv.flags.string('since');
  const sinceTime = inv.flags.string('since-time');
  if (since && sinceTime) throw new KubectlError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  let sinceMs: number | undefined;
  if (since) {
    sinceMs = parseGoDuration(since);
    if (sinceMs === undefined) throw new KubectlError(`invalid argument "${since}" for "--since" flag: time: invalid duration "${since}"`);
  }
  let sinceT: number | undefined;
  if (sinceTime) {
    sinceT = Date.parse(sinceTime);
    if (Number.isNaN(sinceT)) throw new KubectlError(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
  }
  const tailFlag = inv.flags.int('tail', -1);
  return { previous: inv.flags.bool('previous'), timestamps: inv.flags.bool('timestamps'), tail: tailFlag, sinceMs, sinceTime: sinceT, prefix: inv.flags.bool('prefix') };
}

function runLogs(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    if (inv.args.length === 0) throw new UsageError(inv.path, "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
    if (inv.args.length > 2) throw new UsageError(inv.path, "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
    const o = options(inv);
    const pod = podForArg(inv.args[0], inv.namespace, ctx, out);
    const all = inv.flags.bool('all-containers');
    const named = inv.flags.string('container') || inv.args[1];
    if (all && named) throw new KubectlError('--all-containers=true should not be specified with container name ' + named);
    const containers = all ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name) : [pickContainer(pod, named, out)];
    if (inv.flags.bool('follow')) {
      // Follow: let simulated time run until every followed container has stopped (or the bound), then print it all.
      const running = () => {
        const fresh = ctx.sim.api.tryGet<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!);
        if (!fresh || fresh.metadata.uid !== pod.metadata.uid) return false;
        return containers.some((c) => {
          const st = fresh.status?.containerStatuses?.find((s) => s.name === c);
          return !!st?.state.running || !!st?.state.waiting;
        });
      };
      // Fail as the non-following request would, before waiting.
      for (const c of containers) logKey(pod, c, o.previous, ctx);
      if (!o.previous) ctx.sim.advanceUntil(() => !running(), FOLLOW_LIMIT_MS);
    }
    const current = ctx.sim.api.tryGet<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!);
    const p = current && current.metadata.uid === pod.metadata.uid ? current : pod;
    const state = kubeletState(ctx.sim);
    for (const c of containers) {
      const key = logKey(p, c, o.previous, ctx);
      const prefix = o.prefix ? `[pod/${p.metadata.name}/${c}] ` : '';
      printLines(state.logs[key] ?? [], o, prefix, ctx, out);
    }
  });
}

export const logsCommand: CommandDef = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  group: 'Troubleshooting and Debugging Commands',
  flags: [
    stringFlag('container', 'c'),
    boolFlag('follow', 'f'),
    boolFlag('previous', 'p'),
    boolFlag('timestamps'),
    intFlag('tail'),
    stringFlag('since'),
    stringFlag('since-time'),
    boolFlag('all-containers'),
    boolFlag('prefix'),
    stringFlag('selector', 'l'),
    intFlag('limit-bytes'),
    boolFlag('ignore-errors'),
    intFlag('max-log-requests'),
    durationFlag('pod-running-timeout'),
    boolFlag('insecure-skip-tls-verify-backend'),
  ],
  run: runLogs,
};
