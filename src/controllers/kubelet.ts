// The kubelets of every node: they run the pods bound to their node (sandbox, image pulls, container start,
// exits, restarts with back-off), report status, and finish graceful deletions.
// Mirrors pkg/kubelet: SyncPod's order, the event reasons and messages, CrashLoopBackOff and ImagePullBackOff.
import type { Container, ContainerStatus, Pod, PodStatus } from '../api/pod';
import type { Condition } from '../api/meta';
import type { Controller, ControllerContext } from '../sim/controller';
import { keyOf, splitKey } from '../sim/controller';
import { isoSeconds } from '../sim/duration';
import { parseImage, imageDigest } from '../runtime/images';
import { containerArgv, runProcess } from '../runtime/process';
import { containerHost, createContainerRoot, rootVolumeId } from '../runtime/container-host';
import { applyDueWrites, dropWritesAfter, pendingWrites, scratchView, setUpVolumes } from '../runtime/volumes';
import type { ConfigMap } from '../runtime/volumes';
import { TIMINGS, draw } from '../runtime/timings';
import { goDuration } from '../runtime/go-duration';
import { KUBELET, normalize, nodeRuntime, type ContainerRuntime, type KubeletState, type PodRuntime } from './kubelet-state';
import { containerReady, containerStarted, containerStartedAt, nextProbeTimes, runDueProbes } from './kubelet-prober';
import { probeOf, probeKillMessage } from '../runtime/probes';
import { probeTarget } from '../runtime/probe-target';
import type { Node } from '../api/node';
import { deepEqual } from '../api/deep-equal';

const MAX_LOG_LINES = 2000;

function source(node: string) {
  return { component: 'kubelet', host: node };
}

function containerEvent(ctx: ControllerContext, pod: Pod, c: Container, type: 'Normal' | 'Warning', reason: string, message: string): void {
  ctx.events.record(pod, type, reason, message, source(pod.spec.nodeName!), { fieldPath: `spec.containers{${c.name}}` });
}

function podCidrBase(ctx: ControllerContext, node: string): string | undefined {
  const n = ctx.api.tryGet<Node>('Node', undefined, node);
  return n?.spec.podCIDR?.replace(/\.0\/24$/, '.');
}

function nodeIp(ctx: ControllerContext, node: string): string {
  const n = ctx.api.tryGet<Node>('Node', undefined, node);
  return n?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
}

/** host-local IPAM: the next free address after the last one handed out, wrapping within .2–.254. */
function allocateIp(ctx: ControllerContext, state: KubeletState, node: string): string {
  const base = podCidrBase(ctx, node) ?? '10.244.0.';
  const n = nodeRuntime(state, node);
  for (let i = 0; i < 253; i++) {
    n.lastIp = n.lastIp >= 254 ? 2 : n.lastIp + 1;
    const ip = base + n.lastIp;
    if (!n.usedIps.includes(ip)) {
      n.usedIps.push(ip);
      return ip;
    }
  }
  return base + '254';
}

function releaseIp(state: KubeletState, rt: PodRuntime): void {
  if (!rt.ip) return;
  const n = nodeRuntime(state, rt.node);
  n.usedIps = n.usedIps.filter((ip) => ip !== rt.ip);
}

function createdMessage(minor: number, name: string): string {
  return minor >= 32 ? `Created container: ${name}` : `Created container ${name}`;
}

function pulledMessage(minor: number, image: string, ms: number, size: number): string {
  const d = goDuration(ms);
  if (minor >= 30) return `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${size} bytes.`;
  if (minor >= 28) return `Successfully pulled image "${image}" in ${d} (${d} including waiting)`;
  return `Successfully pulled image "${image}" in ${d}`;
}

function pullErrorMessage(fullName: string): string {
  return `failed to pull and unpack image "${fullName}": failed to resolve reference "${fullName}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

/** Forgets everything a pod left behind in the kubelet: IP, logs, root filesystems, emptyDirs, pending writes. */
function forgetPod(state: KubeletState, rt: PodRuntime): void {
  releaseIp(state, rt);
  for (const c of rt.containers) {
    delete state.logs[`${rt.uid}/${c.name}`];
    delete state.logs[`${rt.uid}/${c.name}/previous`];
  }
  for (const id of Object.keys(state.volumes)) if (id.startsWith(`ctr/${rt.uid}/`) || id.startsWith(`pod/${rt.uid}/`)) delete state.volumes[id];
  state.pending = state.pending.filter((p) => !p.owner.startsWith(`${rt.uid}/`));
  delete state.pods[rt.uid];
}

/** Drops the lines and writes a stopped process would have made after `at`. */
function cutProcessAfter(state: KubeletState, uid: string, name: string, at: number): void {
  const logs = state.logs[`${uid}/${name}`];
  if (logs) state.logs[`${uid}/${name}`] = logs.filter((l) => l[0] <= at);
  dropWritesAfter(state, `${uid}/${name}`, at);
}

function shouldRestart(pod: Pod, exitCode: number): boolean {
  const policy = pod.spec.restartPolicy ?? 'Always';
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

export const kubeletController: Controller = {
  name: KUBELET,

  watches: ['Pod'],

  keysFor(change) {
    const o = change.object;
    if (o.kind !== 'Pod') return [];
    const pod = o as Pod;
    if (!pod.spec.nodeName && change.type !== 'DELETED') return [];
    return [keyOf(o.metadata.namespace, o.metadata.name!)];
  },

  reconcile(key, ctx) {
    const state = normalize(ctx.state);
    applyDueWrites(state, ctx.now);
    const [ns, name] = splitKey(key);
    const pod = ctx.api.tryGet<Pod>('Pod', ns, name);
    // Forget pods that are gone (or replaced by a new pod of the same name).
    if (!pod || !state.pods[pod.metadata.uid!]) {
      for (const rt of Object.values(state.pods)) {
        if (rt.namespace === ns && rt.name === name && rt.uid !== pod?.metadata.uid) forgetPod(state, rt);
      }
    }
    if (!pod || !pod.spec.nodeName) return;
    // A stopped kubelet (node failure, node-lifecycle-controller.ts) does nothing until it starts again.
    if (state.nodes[pod.spec.nodeName]?.down) return;
    syncPod(pod, state, ctx, key);
  },
};

function initRuntime(pod: Pod, state: KubeletState, ctx: ControllerContext): PodRuntime {
  const rt: PodRuntime = {
    uid: pod.metadata.uid!,
    node: pod.spec.nodeName!,
    namespace: pod.metadata.namespace!,
    name: pod.metadata.name!,
    sandboxReadyAt: ctx.now + draw(TIMINGS.sandbox, () => ctx.rng.next()),
    probeEpoch: ctx.now,
    containers: pod.spec.containers.map((c) => ({ name: c.name, containerID: '', phase: 'waiting', restartCount: 0 })),
  };
  state.pods[rt.uid] = rt;
  return rt;
}

function syncPod(pod: Pod, state: KubeletState, ctx: ControllerContext, key: string): void {
  const now = ctx.now;
  const phase = pod.status?.phase;
  let rt = state.pods[pod.metadata.uid!];
  if (!rt) {
    if (phase === 'Succeeded' || phase === 'Failed') {
      if (pod.metadata.deletionTimestamp) ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0 });
      return;
    }
    rt = initRuntime(pod, state, ctx);
  }

  if (!pod.metadata.deletionTimestamp && !rt.volumesReady && now >= (rt.mountRetryAt ?? 0)) mountVolumes(pod, rt, state, ctx);
  if (pod.metadata.deletionTimestamp) {
    terminate(pod, rt, state, ctx);
  } else if (phase !== 'Succeeded' && phase !== 'Failed' && rt.volumesReady && now >= (rt.sandboxReadyAt ?? 0)) {
    if (!rt.ip) rt.ip = pod.spec.hostNetwork ? nodeIp(ctx, rt.node) : allocateIp(ctx, state, rt.node);
    pod.spec.containers.forEach((c, i) => stepContainer(pod, c, rt.containers[i], state, ctx));
    if (hasProbes(pod)) probe(pod, rt, state, ctx);
  }

  const fresh = ctx.api.tryGet<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!);
  if (!fresh || fresh.metadata.uid !== rt.uid) return;
  const status = computeStatus(fresh, rt, ctx);
  if (!deepEqual(status, fresh.status)) ctx.api.updateStatus<Pod>({ ...fresh, status });
  if (rt.killDeadline !== undefined && rt.containers.every((c) => c.phase !== 'running')) {
    // Every container has stopped: the kubelet confirms the deletion.
    releaseIp(state, rt);
    ctx.api.delete('Pod', fresh.metadata.namespace, fresh.metadata.name!, { gracePeriodSeconds: 0 });
    return;
  }
  const wake = nextWake(rt, now, !fresh.metadata.deletionTimestamp && hasProbes(fresh) ? nextProbeTimes(fresh, rt, now) : []);
  if (wake !== undefined) ctx.requeueAfter(key, wake - now);
}

/** MountVolume.SetUp for every volume; a failure is a FailedMount event, retried with the volume manager's back-off. */
function mountVolumes(pod: Pod, rt: PodRuntime, state: KubeletState, ctx: ControllerContext): void {
  const now = ctx.now;
  const r = setUpVolumes(pod, state, now, (n) => ctx.api.tryGet<ConfigMap>('ConfigMap', pod.metadata.namespace, n));
  if (r.ok) {
    rt.volumesReady = true;
    if (rt.mountFirstFailedAt !== undefined) rt.sandboxReadyAt = now + draw(TIMINGS.sandbox, () => ctx.rng.next());
    rt.mountRetryAt = undefined;
    return;
  }
  rt.mountFirstFailedAt ??= now;
  ctx.events.record(pod, 'Warning', 'FailedMount', r.message, source(pod.spec.nodeName!));
  // nestedpendingoperations: 500 ms doubling to 2m2s.
  rt.mountBackoffMs = rt.mountBackoffMs === undefined ? 500 : Math.min(rt.mountBackoffMs * 2, 122_000);
  rt.mountRetryAt = now + rt.mountBackoffMs;
  if (!rt.mountTimeoutReported && now - rt.mountFirstFailedAt >= 120_000) {
    rt.mountTimeoutReported = true;
    const names = (pod.spec.volumes ?? []).map((v) => v.name).filter((n) => n === r.volume);
    ctx.events.record(pod, 'Warning', 'FailedMount', `Unable to attach or mount volumes: unmounted volumes=[${names.join(' ')}], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition`, source(pod.spec.nodeName!));
  }
}

function hasProbes(pod: Pod): boolean {
  return pod.spec.containers.some((c) => c.livenessProbe || c.readinessProbe || c.startupProbe);
}

/** The prober's due runs: Unhealthy events, readiness for the status, kills for failed liveness and startup probes. */
function probe(pod: Pod, rt: PodRuntime, state: KubeletState, ctx: ControllerContext): void {
  const inputs = { api: ctx.api, state, pod, rt, now: ctx.now, hostIP: nodeIp(ctx, rt.node), minor: ctx.config.minor, rng: () => ctx.rng.next(), execId: () => ctx.rng.hex(64) };
  runDueProbes(pod, rt, {
    now: ctx.now,
    event: (c, type, reason, message) => containerEvent(ctx, pod, c, type, reason, message),
    target: (c, cr) => probeTarget(inputs, c, cr),
    kill: (c, cr, type) => killForProbe(pod, c, cr, type, ctx),
  });
}

/** computePodActions after a failed liveness or startup probe: kill the container (grace period, then SIGKILL) to restart it. */
function killForProbe(pod: Pod, c: Container, cr: ContainerRuntime, type: 'liveness' | 'startup', ctx: ControllerContext): void {
  const now = ctx.now;
  const restart = (pod.spec.restartPolicy ?? 'Always') !== 'Never';
  containerEvent(ctx, pod, c, 'Normal', 'Killing', probeKillMessage(type, c.name, restart));
  const p = probeOf(c, type) as { terminationGracePeriodSeconds?: number } | undefined;
  const grace = (p?.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  const stopAt = cr.ignoresSigterm ? now + grace : now + Math.min(grace, draw(TIMINGS.stopOnSigterm, () => ctx.rng.next()));
  if (cr.until !== undefined && cr.until <= stopAt) return;
  cr.until = stopAt;
  cr.killedAt = stopAt;
  cr.exitCode = cr.ignoresSigterm ? 137 : 0;
}

function nextWake(rt: PodRuntime, now: number, probeTimes: number[]): number | undefined {
  const times: number[] = [...probeTimes];
  if (rt.mountRetryAt !== undefined && rt.mountRetryAt > now) times.push(rt.mountRetryAt);
  if (rt.sandboxReadyAt !== undefined && rt.sandboxReadyAt > now) times.push(rt.sandboxReadyAt);
  for (const c of rt.containers) {
    if (c.until !== undefined && c.until > now) times.push(c.until);
    if (c.backoffUntil !== undefined && c.backoffUntil > now) times.push(c.backoffUntil);
  }
  const t = times.length ? Math.min(...times) : undefined;
  if (t === undefined) return undefined;
  // Reconciles already scheduled for that instant need no twin.
  const scheduled = (rt as PodRuntime & { wakeAt?: number }).wakeAt;
  if (scheduled === t) return undefined;
  (rt as PodRuntime & { wakeAt?: number }).wakeAt = t;
  return t;
}

function stepContainer(pod: Pod, c: Container, cr: ContainerRuntime, state: KubeletState, ctx: ControllerContext): void {
  const now = ctx.now;
  const node = nodeRuntime(state, pod.spec.nodeName!);
  const img = parseImage(c.image ?? '');
  const minor = ctx.config.minor;
  const rng = () => ctx.rng.next();
  for (let guard = 0; guard < 8; guard++) {
    switch (cr.phase) {
      case 'waiting': {
        if (cr.backoffUntil !== undefined && now < cr.backoffUntil) return;
        const present = node.images[img.fullName] !== undefined || node.images[c.image ?? ''] !== undefined;
        const policy = c.imagePullPolicy ?? 'IfNotPresent';
        if (policy === 'Never' && !present) {
          if (cr.waitingReason !== 'ErrImageNeverPull') {
            cr.waitingReason = 'ErrImageNeverPull';
            cr.waitingMessage = `Container image "${c.image}" is not present with pull policy of Never`;
            containerEvent(ctx, pod, c, 'Warning', 'ErrImageNeverPull', cr.waitingMessage);
          }
          return;
        }
        if (policy === 'IfNotPresent' && present) {
          containerEvent(ctx, pod, c, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
          cr.phase = 'creating';
          cr.until = now + draw(TIMINGS.create, rng);
          continue;
        }
        containerEvent(ctx, pod, c, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
        cr.phase = 'pulling';
        cr.pullStartedAt = now;
        cr.until = now + draw(!img.info ? TIMINGS.pullFailure : present ? TIMINGS.pullRecheck : img.info.pull, rng);
        return;
      }
      case 'pulling': {
        if (now < (cr.until ?? 0)) return;
        if (!img.info) {
          containerEvent(ctx, pod, c, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${pullErrorMessage(img.fullName)}`);
          containerEvent(ctx, pod, c, 'Warning', 'Failed', 'Error: ErrImagePull');
          cr.phase = 'pull-failed';
          cr.waitingReason = 'ErrImagePull';
          cr.waitingMessage = `rpc error: code = NotFound desc = ${pullErrorMessage(img.fullName)}`;
          cr.pullBackoffMs = cr.pullBackoffMs === undefined ? TIMINGS.pullBackoffInitial : Math.min(cr.pullBackoffMs * 2, TIMINGS.pullBackoffMax);
          cr.backoffUntil = now + cr.pullBackoffMs;
          // The next sync, a moment later, reports the back-off.
          cr.until = now + 1000;
          return;
        }
        node.images[img.fullName] = img.info.sizeBytes;
        reportImages(ctx, pod.spec.nodeName!, node.images);
        containerEvent(ctx, pod, c, 'Normal', 'Pulled', pulledMessage(minor, c.image!, now - (cr.pullStartedAt ?? now), img.info.sizeBytes));
        cr.phase = 'creating';
        cr.until = now + draw(TIMINGS.create, rng);
        continue;
      }
      case 'pull-failed': {
        if (cr.until !== undefined && now >= cr.until && cr.waitingReason === 'ErrImagePull') {
          cr.waitingReason = 'ImagePullBackOff';
          cr.waitingMessage = `Back-off pulling image "${c.image}"`;
          containerEvent(ctx, pod, c, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
          containerEvent(ctx, pod, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
          cr.until = undefined;
        }
        if (now < (cr.backoffUntil ?? 0)) return;
        cr.phase = 'waiting';
        cr.backoffUntil = undefined;
        continue;
      }
      case 'creating': {
        if (now < (cr.until ?? 0)) return;
        startContainer(pod, c, cr, state, ctx);
        return;
      }
      case 'running': {
        if (cr.until === undefined || now < cr.until) return;
        exitContainer(pod, c, cr, now, ctx);
        continue;
      }
      case 'exited': {
        if (!shouldRestart(pod, cr.exitCode ?? 0)) return;
        if (cr.backoffUntil !== undefined && now < cr.backoffUntil) return;
        // Restart: pull (per policy) and create again. The dead container's log becomes --previous.
        const logKey = `${pod.metadata.uid}/${c.name}`;
        if (state.logs[logKey]) state.logs[`${logKey}/previous`] = state.logs[logKey];
        delete state.logs[logKey];
        cr.listening = undefined;
        cr.served = undefined;
        cr.previousRun = {
          containerID: cr.containerID,
          exitCode: cr.exitCode ?? 0,
          reason: cr.terminatedReason ?? ((cr.exitCode ?? 0) === 0 ? 'Completed' : 'Error'),
          message: cr.terminatedMessage,
          startedAt: cr.startedAt,
          finishedAt: cr.finishedAt,
        };
        cr.restartCount += 1;
        cr.phase = 'waiting';
        cr.backoffUntil = undefined;
        cr.waitingReason = undefined;
        continue;
      }
    }
  }
}

function startContainer(pod: Pod, c: Container, cr: ContainerRuntime, state: KubeletState, ctx: ControllerContext): void {
  const now = ctx.now;
  const img = parseImage(c.image ?? '');
  cr.containerID = `containerd://${ctx.rng.hex(64)}`;
  containerEvent(ctx, pod, c, 'Normal', 'Created', createdMessage(ctx.config.minor, c.name));
  const uid = pod.metadata.uid!;
  const rt = state.pods[uid];
  cr.fs = createContainerRoot(state, pod, c, rt?.ip, now);
  cr.listening = undefined;
  cr.image = c.image;
  // The process runs ahead on a copy of its volumes; its writes land on the real ones at their instants.
  const scratch = scratchView(state.volumes, cr.fs);
  const host = containerHost({ api: ctx.api, state, pod, container: c, runtime: cr, fs: scratch, startMs: now, rng: () => ctx.rng.next(), podIP: rt?.ip, hostIP: nodeIp(ctx, pod.spec.nodeName!) });
  const argv = containerArgv(img.info, c.command, c.args, host.env);
  const plan = runProcess(argv, host, { stdin: c.stdin, tty: c.tty, cwd: c.workingDir });
  if (!plan.startError) state.pending.push(...pendingWrites(scratch, plan.writes, now, `${uid}/${c.name}`));
  else delete state.volumes[rootVolumeId(uid, c.name)];
  if (plan.startError) {
    const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${plan.startError}: unknown`;
    containerEvent(ctx, pod, c, 'Warning', 'Failed', `Error: ${message}`);
    cr.phase = 'exited';
    cr.startedAt = undefined;
    cr.finishedAt = now;
    cr.exitCode = 128;
    cr.terminatedReason = 'StartError';
    cr.terminatedMessage = message;
    scheduleRestart(pod, c, cr, now, ctx);
    return;
  }
  containerEvent(ctx, pod, c, 'Normal', 'Started', `Started container ${c.name}`);
  cr.phase = 'running';
  cr.startedAt = now;
  cr.terminatedReason = undefined;
  cr.terminatedMessage = undefined;
  cr.ignoresSigterm = plan.ignoresSigterm;
  cr.until = plan.exitAfterMs === undefined ? undefined : now + plan.exitAfterMs;
  cr.exitCode = plan.exitCode;
  cr.killedAt = undefined;
  if (c.readinessProbe) containerStartedAt(c, cr, now + draw(TIMINGS.probeTrigger, () => ctx.rng.next()));
  const logKey = `${pod.metadata.uid}/${c.name}`;
  const logs = (state.logs[logKey] ??= []);
  logs.push(...plan.output.map((l) => [now + l.atMs, l.stream, l.text] as [number, 'stdout' | 'stderr', string]));
  if (logs.length > MAX_LOG_LINES) logs.splice(0, logs.length - MAX_LOG_LINES);
}

function exitContainer(pod: Pod, c: Container, cr: ContainerRuntime, at: number, ctx: ControllerContext): void {
  if (cr.killedAt !== undefined) {
    // Killed by the kubelet: what the process would have done later never happens.
    const state = normalize(ctx.state);
    cutProcessAfter(state, pod.metadata.uid!, c.name, cr.killedAt);
    cr.killedAt = undefined;
  }
  cr.phase = 'exited';
  cr.finishedAt = at;
  cr.until = undefined;
  cr.terminatedReason = (cr.exitCode ?? 0) === 0 ? 'Completed' : 'Error';
  scheduleRestart(pod, c, cr, at, ctx);
}

function scheduleRestart(pod: Pod, c: Container, cr: ContainerRuntime, now: number, ctx: ControllerContext): void {
  if (!shouldRestart(pod, cr.exitCode ?? 0)) return;
  const ranFor = cr.startedAt !== undefined ? now - cr.startedAt : 0;
  if (cr.backoffMs !== undefined && ranFor >= TIMINGS.backoffReset) cr.backoffMs = undefined;
  if (cr.backoffMs === undefined) {
    // The first crash restarts at once; later ones wait 10 s, 20 s, 40 s… up to 5 min.
    cr.backoffUntil = now;
    cr.backoffMs = TIMINGS.crashBackoffInitial;
  } else {
    cr.backoffUntil = now + cr.backoffMs;
    cr.waitingReason = 'CrashLoopBackOff';
    cr.waitingMessage = `back-off ${goDuration(cr.backoffMs)} restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    containerEvent(ctx, pod, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
    cr.backoffMs = Math.min(cr.backoffMs * 2, TIMINGS.crashBackoffMax);
  }
}

function terminate(pod: Pod, rt: PodRuntime, state: KubeletState, ctx: ControllerContext): void {
  const now = ctx.now;
  if (rt.killDeadline === undefined) {
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    rt.killDeadline = now + grace;
    pod.spec.containers.forEach((c, i) => {
      const cr = rt.containers[i];
      if (cr.phase === 'running') {
        containerEvent(ctx, pod, c, 'Normal', 'Killing', `Stopping container ${c.name}`);
        const stopAt = cr.ignoresSigterm ? rt.killDeadline! : Math.min(rt.killDeadline!, now + draw(TIMINGS.stopOnSigterm, () => ctx.rng.next()));
        if (cr.until === undefined || cr.until > stopAt) {
          cr.until = stopAt;
          cr.exitCode = cr.ignoresSigterm ? 137 : 0;
        }
      } else if (cr.phase !== 'exited') {
        cr.phase = 'exited';
        cr.until = undefined;
      }
      cr.backoffUntil = undefined;
    });
  }
  pod.spec.containers.forEach((c, i) => {
    const cr = rt.containers[i];
    if (cr.phase === 'running' && cr.until !== undefined && now >= cr.until) {
      cr.phase = 'exited';
      cr.finishedAt = cr.until;
      cutProcessAfter(state, pod.metadata.uid!, c.name, cr.until);
      cr.until = undefined;
      cr.terminatedReason = cr.exitCode === 0 ? 'Completed' : 'Error';
    }
  });
}

function condition(prev: Condition[] | undefined, type: string, status: 'True' | 'False', now: number, reason?: string, message?: string): Condition {
  const old = prev?.find((c) => c.type === type);
  const c: Condition = { lastProbeTime: null, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : isoSeconds(now), status, type };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

function computeStatus(pod: Pod, rt: PodRuntime, ctx: ControllerContext): PodStatus {
  const now = ctx.now;
  const prev = pod.status ?? {};
  const minor = ctx.config.minor;
  const sandboxReady = rt.sandboxReadyAt !== undefined && now >= rt.sandboxReadyAt;
  const statuses: ContainerStatus[] = pod.spec.containers.map((c, i) => containerStatus(pod, c, rt.containers[i], prev.containerStatuses?.find((s) => s.name === c.name), minor));
  const restarting = (cr: ContainerRuntime) => cr.phase !== 'exited' || shouldRestart(pod, cr.exitCode ?? 0);
  const allDone = rt.containers.every((cr) => cr.phase === 'exited' && !restarting(cr));
  let phase: PodStatus['phase'] = 'Pending';
  if (allDone && !rt.killDeadline) phase = rt.containers.every((cr) => cr.exitCode === 0) ? 'Succeeded' : 'Failed';
  else if (rt.containers.some((cr) => cr.phase === 'running' || cr.restartCount > 0 || (cr.phase === 'exited' && cr.startedAt !== undefined))) phase = 'Running';
  if (rt.killDeadline && prev.phase) phase = allDone && prev.phase === 'Running' && pod.spec.restartPolicy !== 'Always' ? (rt.containers.every((cr) => cr.exitCode === 0) ? 'Succeeded' : 'Failed') : prev.phase;
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const unready = pod.spec.containers.filter((_, i) => !statuses[i].ready).map((c) => c.name);
  const allReady = unready.length === 0;
  const readyReason = terminal ? 'PodCompleted' : allReady ? undefined : 'ContainersNotReady';
  const readyMessage = terminal || allReady ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  const conditions: Condition[] = [];
  if (minor >= 29) conditions.push(condition(prev.conditions, 'PodReadyToStartContainers', sandboxReady && !terminal ? 'True' : 'False', now));
  conditions.push(condition(prev.conditions, 'Initialized', 'True', now));
  conditions.push(condition(prev.conditions, 'Ready', allReady && !terminal ? 'True' : 'False', now, readyReason, readyMessage));
  conditions.push(condition(prev.conditions, 'ContainersReady', allReady && !terminal ? 'True' : 'False', now, readyReason, readyMessage));
  const scheduled = prev.conditions?.find((c) => c.type === 'PodScheduled') ?? condition(undefined, 'PodScheduled', 'True', now);
  conditions.push(scheduled);
  const hostIp = nodeIp(ctx, rt.node);
  const status: PodStatus = {
    conditions,
    containerStatuses: statuses,
    hostIP: hostIp,
    hostIPs: [{ ip: hostIp }],
    phase,
  };
  if (rt.ip && !(terminal && !pod.spec.hostNetwork && false)) {
    status.podIP = rt.ip;
    status.podIPs = [{ ip: rt.ip }];
  }
  status.qosClass = prev.qosClass;
  status.startTime = prev.startTime ?? isoSeconds(now);
  return status;
}

function containerStatus(pod: Pod, c: Container, cr: ContainerRuntime, prev: ContainerStatus | undefined, minor: number): ContainerStatus {
  const img = parseImage(c.image ?? '');
  const image = img.info ? img.fullName : c.image ?? '';
  const s: ContainerStatus = {
    name: c.name,
    state: {},
    lastState: prev?.lastState ?? {},
    ready: false,
    restartCount: cr.restartCount,
    image,
    imageID: '',
    started: false,
  };
  const terminated = () => ({
    containerID: cr.containerID || undefined,
    exitCode: cr.exitCode ?? 0,
    finishedAt: cr.finishedAt !== undefined ? isoSeconds(cr.finishedAt) : undefined,
    reason: cr.terminatedReason ?? ((cr.exitCode ?? 0) === 0 ? 'Completed' : 'Error'),
    message: cr.terminatedMessage,
    startedAt: cr.startedAt !== undefined ? isoSeconds(cr.startedAt) : cr.finishedAt !== undefined ? isoSeconds(cr.finishedAt) : undefined,
  });
  const clean = <T extends object>(o: T): T => {
    for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
    return o;
  };
  if (cr.containerID) {
    s.containerID = cr.containerID;
    s.imageID = `${img.repository}@${imageDigest(img.fullName)}`;
  }
  // The previous run's end becomes lastState once the container has been restarted.
  const last = cr.previousRun;
  if (cr.restartCount > 0 && cr.phase !== 'exited' && last) {
    s.lastState = {
      terminated: clean({
        containerID: last.containerID || undefined,
        exitCode: last.exitCode,
        finishedAt: last.finishedAt !== undefined ? isoSeconds(last.finishedAt) : undefined,
        reason: last.reason,
        message: last.message,
        startedAt: last.startedAt !== undefined ? isoSeconds(last.startedAt) : last.finishedAt !== undefined ? isoSeconds(last.finishedAt) : undefined,
      }),
    };
  } else if (cr.restartCount > 0 && cr.phase !== 'exited' && prev?.state.terminated) s.lastState = { terminated: prev.state.terminated };
  switch (cr.phase) {
    case 'running':
      s.state = { running: { startedAt: isoSeconds(cr.startedAt!) } };
      s.ready = containerReady(c, cr);
      s.started = containerStarted(c, cr);
      break;
    case 'exited':
      if (cr.backoffUntil !== undefined && cr.waitingReason === 'CrashLoopBackOff') {
        s.state = { waiting: clean({ reason: 'CrashLoopBackOff', message: cr.waitingMessage }) };
        s.lastState = { terminated: clean(terminated()) };
      } else {
        s.state = { terminated: clean(terminated()) };
      }
      break;
    default: {
      const reason = cr.waitingReason ?? (cr.restartCount > 0 ? 'CrashLoopBackOff' : 'ContainerCreating');
      s.state = { waiting: clean({ reason, message: cr.waitingMessage }) };
      if (reason === 'ContainerCreating') {
        // A new container has no ID yet; a restarting one keeps its last.
        if (cr.restartCount === 0) {
          delete s.containerID;
          s.imageID = '';
        }
      }
      if (cr.restartCount === 0 && !cr.containerID) s.image = c.image ?? '';
    }
  }
  if (minor >= 31 && cr.containerID) {
    s.volumeMounts = (c.volumeMounts ?? []).map((m) => clean({ mountPath: m.mountPath, name: m.name, readOnly: m.readOnly || undefined, recursiveReadOnly: m.readOnly ? 'Disabled' : undefined }));
  }
  void pod;
  return s;
}

/** The node's status lists its images, largest first, as the kubelet reports them (the scheduler's ImageLocality reads it). */
function reportImages(ctx: ControllerContext, nodeName: string, images: Record<string, number>): void {
  const node = ctx.api.tryGet<Node>('Node', undefined, nodeName);
  if (!node) return;
  const list = Object.entries(images)
    .filter(([, size]) => size > 0)
    .map(([fullName, sizeBytes]) => {
      const ref = parseImage(fullName);
      return { names: [`${ref.repository}@${imageDigest(ref.fullName)}`, fullName], sizeBytes };
    })
    .sort((a, b) => b.sizeBytes - a.sizeBytes);
  ctx.api.updateStatus<Node>({ ...node, status: { ...node.status, images: list } });
}
