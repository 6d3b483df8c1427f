// The kubelets' own memory (what runs where, images pulled, pod IPs handed out), kept in the kubelet
// controller's saved state so snapshots capture it.
import type { Simulation } from '../sim/simulation';
import type { FsEntry, FsVolume } from '../runtime/filesystem';
import type { ProbeType } from '../runtime/probes';

export const KUBELET = 'kubelet';

export interface ContainerRuntime {
  name: string;
  containerID: string;
  /** waiting → (pulling) → created → running → exited; backoff between exits and restarts. */
  phase: 'waiting' | 'pulling' | 'pull-failed' | 'creating' | 'running' | 'exited';
  /** When the current phase ends (pull done, created, process exit), ms since the epoch. */
  until?: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  restartCount: number;
  /** Restart back-off: no restart before this time. */
  backoffUntil?: number;
  backoffMs?: number;
  pullBackoffMs?: number;
  pullStartedAt?: number;
  /** The process ignores SIGTERM (a shell or sleep as PID 1). */
  ignoresSigterm?: boolean;
  /** A kill the kubelet decided (a failed liveness or startup probe): the process stops at this instant. */
  killedAt?: number;
  /** Why it waits, as containerStatuses report it (ErrImagePull, CrashLoopBackOff…). */
  waitingReason?: string;
  waitingMessage?: string;
  terminatedReason?: string;
  terminatedMessage?: string;
  /** The container's filesystem: its own root volume and its mounts, by volume id (KubeletState.volumes). */
  fs?: ContainerFsRef;
  /** Ports the process listens on, and since when (mongod on 27017, nginx on 80). */
  listening?: { port: number; at: number }[];
  /** The image the process runs (for what a connection to it answers). */
  image?: string;
  /** Connections the process has accepted (mongod numbers them #1, #2…). */
  served?: number;
  /** How the previous run ended (containerStatuses[].lastState once the container has been restarted). */
  previousRun?: { containerID: string; exitCode: number; reason: string; message?: string; startedAt?: number; finishedAt?: number };
  /** The prober's workers for this container's probes (kubelet-prober.ts). */
  probes?: Partial<Record<ProbeType, ProbeWorker>>;
}

/** One probe worker (pkg/kubelet/prober/worker.go): the result the kubelet acts on and the run that leads to it. */
export interface ProbeWorker {
  /** The container run it follows: a new containerID starts again from the initial result. */
  containerID: string;
  /** The cached result: readiness starts as failure, liveness as success, startup as unknown. */
  result: 'success' | 'failure' | 'unknown';
  /** The last probe's result and how many times in a row it came. */
  last?: 'success' | 'failure';
  run: number;
  /** Liveness and startup after they failed: no more probes until a new container. */
  onHold?: boolean;
  /** The last periodic tick handled (ticks fall on PodRuntime.probeEpoch + k × period). */
  lastTick?: number;
  /** A run asked for outside the ticks (readiness after the container starts, UpdatePodStatus' manual trigger). */
  triggerAt?: number;
}

export interface ContainerFsRef {
  root: string;
  mounts: { path: string; volume: string; subPath?: string; readOnly?: boolean }[];
  cwd?: string;
}

/** A write the main process makes later on the simulated clock: applied when its time comes (unless killed first). */
export interface PendingWrite {
  at: number;
  /** `uid/container`: dropped if that process is killed before `at`. */
  owner: string;
  volume: string;
  key: string;
  /** The entry after the write; null: removed. */
  entry: FsEntry | null;
}

export interface PodRuntime {
  uid: string;
  node: string;
  namespace: string;
  name: string;
  ip?: string;
  sandboxReadyAt?: number;
  containers: ContainerRuntime[];
  /** When a graceful deletion must end with SIGKILL. */
  killDeadline?: number;
  /** Volumes are set up (hostPath checked, emptyDir created). */
  volumesReady?: boolean;
  /** The last failed mount, and when to try again (exponential back-off as the volume manager's). */
  mountRetryAt?: number;
  mountBackoffMs?: number;
  mountFirstFailedAt?: number;
  mountTimeoutReported?: boolean;
  /** When the kubelet started the pod's probe workers: their tickers fire every period from then. */
  probeEpoch?: number;
}

export interface NodeRuntime {
  /** Images present on the node: repository:tag → size in bytes. */
  images: Record<string, number>;
  /** The last pod IP handed out (host-local IPAM hands them out in order, then wraps). */
  lastIp: number;
  usedIps: string[];
  /** hostPath folders pods used on this node (what hostPathFiles lists). */
  hostPaths?: string[];
  /** The kubelet is stopped (node failure): it neither syncs pods nor reports status. */
  down?: boolean;
}

export interface KubeletState {
  pods: Record<string, PodRuntime>;
  nodes: Record<string, NodeRuntime>;
  /** `uid/container` → the current run's lines; `uid/container/previous` → the run before the last restart. */
  logs: Record<string, LogLine[]>;
  /** Every filesystem by id: `node/NAME` (what hostPath sees), `pod/UID/VOLUME` (emptyDir), `ctr/UID/NAME` (root). */
  volumes: Record<string, FsVolume>;
  pending: PendingWrite[];
}

/** One line a container wrote: [time ms, stream, text]. */
export type LogLine = [number, 'stdout' | 'stderr', string];

export function kubeletState(sim: Simulation | { stateOf(n: string): Record<string, unknown> }): KubeletState {
  return normalize(sim.stateOf(KUBELET));
}

export function normalize(raw: Record<string, unknown>): KubeletState {
  raw.pods ??= {};
  raw.nodes ??= {};
  raw.logs ??= {};
  raw.volumes ??= {};
  raw.pending ??= [];
  return raw as unknown as KubeletState;
}

export function nodeRuntime(state: KubeletState, node: string): NodeRuntime {
  return (state.nodes[node] ??= { images: {}, lastIp: 1, usedIps: [] });
}

/** Bootstrap: containers already running when the simulation starts. */
export function recordRunningContainers(sim: Simulation, uid: string, node: string, containers: { name: string; containerID: string; startedAt: number }[]): void {
  const state = kubeletState(sim);
  const pod = sim.store.list('Pod').find((p) => p.metadata.uid === uid)!;
  state.pods[uid] = {
    uid,
    node,
    namespace: pod.metadata.namespace!,
    name: pod.metadata.name!,
    ip: (pod.status as { podIP?: string }).podIP,
    sandboxReadyAt: sim.now(),
    containers: containers.map((c) => ({ name: c.name, containerID: c.containerID, phase: 'running', startedAt: c.startedAt, restartCount: 0 })),
  };
  const images = nodeRuntime(state, node).images;
  for (const c of (pod.spec as { containers: { image?: string }[] }).containers) if (c.image) images[c.image] = 0;
}

export function recordPodIp(sim: Simulation, node: string, ip: string): void {
  const n = nodeRuntime(kubeletState(sim), node);
  const last = Number(ip.split('.')[3]);
  n.lastIp = Math.max(n.lastIp, last);
  if (!n.usedIps.includes(ip)) n.usedIps.push(ip);
}
