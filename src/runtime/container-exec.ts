// Running a command in a live container (`kubectl exec`, the console's interactive shell): the container's own
// filesystem and volumes, with writes applied at once; and reading what a container logged up to now.
import type { Pod } from '../api/pod';
import type { Simulation } from '../sim/simulation';
import { kubeletState, type ContainerRuntime, type KubeletState, type LogLine } from '../controllers/kubelet-state';
import type { ShellHost } from '../shell/context';
import { runShell, type RunResult } from '../shell/run';
import { createInteractiveShell, type InteractiveShell } from '../shell/interactive';
import { containerHost } from './container-host';
import { applyDueWrites, containerView, hostPathFilesIn, type HostPathFile } from './volumes';

export interface LiveContainer {
  state: KubeletState;
  runtime: ContainerRuntime;
}

/** The kubelet's record of a running container, if it runs now. */
export function liveContainer(sim: Simulation, pod: Pod, name: string): LiveContainer | undefined {
  const state = kubeletState(sim);
  const rt = state.pods[pod.metadata.uid!];
  const cr = rt?.containers.find((c) => c.name === name);
  if (!cr || cr.phase !== 'running' || !cr.fs || !state.volumes[cr.fs.root]) return undefined;
  return { state, runtime: cr };
}

/** A ShellHost on the container's real filesystem at the current instant. */
export function liveHost(sim: Simulation, pod: Pod, name: string): ShellHost | undefined {
  const live = liveContainer(sim, pod, name);
  const c = pod.spec.containers.find((x) => x.name === name);
  if (!live || !c) return undefined;
  applyDueWrites(live.state, sim.now());
  const ip = live.state.pods[pod.metadata.uid!]?.ip;
  return containerHost({
    api: sim.api,
    state: live.state,
    pod,
    container: c,
    runtime: live.runtime,
    fs: containerView(live.state.volumes, live.runtime.fs!),
    startMs: sim.now(),
    rng: () => sim.rng.next(),
    podIP: ip,
    hostIP: pod.status?.hostIP,
  });
}

/** `kubectl exec POD -- ARGV`: runs now; fs writes land at once. */
export function execInContainer(sim: Simulation, pod: Pod, name: string, argv: string[], stdin = '', tty = false): RunResult | undefined {
  const host = liveHost(sim, pod, name);
  if (!host) return undefined;
  const live = liveContainer(sim, pod, name)!;
  return runShell(argv, host, stdin, { tty, cwd: live.runtime.fs?.cwd });
}

/** `kubectl exec -ti POD -- sh`: an interactive shell in the container. */
export function interactiveShellIn(sim: Simulation, pod: Pod, name: string, argv: string[]): InteractiveShell | undefined {
  const host = liveHost(sim, pod, name);
  if (!host) return undefined;
  const bash = /(^|\/)bash$/.test(argv[0] ?? '');
  return createInteractiveShell(host, { bash, cwd: liveContainer(sim, pod, name)?.runtime.fs?.cwd });
}

/** The lines a container logged up to now (the current run, or the one before the last restart). */
export function containerLogLines(sim: Simulation, pod: Pod, name: string, previous = false): LogLine[] {
  const state = kubeletState(sim);
  const key = `${pod.metadata.uid}/${name}${previous ? '/previous' : ''}`;
  const now = sim.now();
  return (state.logs[key] ?? []).filter((l) => l[0] <= now);
}

/** Files with path, size and mtime in each hostPath folder pods used on a node (for the UI's node view). */
export function hostPathFiles(sim: Simulation, nodeName: string): HostPathFile[] {
  return hostPathFilesIn(kubeletState(sim), nodeName, sim.now());
}
