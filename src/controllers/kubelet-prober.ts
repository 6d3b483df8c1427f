// The kubelet's prober manager (pkg/kubelet/prober): one worker per probe of each container, ticking every
// periodSeconds from when the kubelet took the pod on, skipped before initialDelaySeconds and (liveness, readiness)
// until the startup probe has passed; results count towards success/failureThreshold before they change what the
// kubelet acts on. Readiness feeds containerStatuses[].ready; a failed liveness or startup probe has the container killed.
// State lives in ContainerRuntime.probes (JSON, saved in snapshots); a probe that keeps passing changes nothing.
import type { Container, Pod } from '../api/pod';
import { probeOf, probeTimings, runProbe, unhealthyMessage, type ProbeTarget, type ProbeType } from '../runtime/probes';
import type { ContainerRuntime, PodRuntime, ProbeWorker } from './kubelet-state';

/** AddPod's order: startup, readiness, liveness. */
const ORDER: ProbeType[] = ['startup', 'readiness', 'liveness'];

const INITIAL: Record<ProbeType, ProbeWorker['result']> = { liveness: 'success', readiness: 'failure', startup: 'unknown' };

export interface ProberHooks {
  now: number;
  event(c: Container, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** The container as a probe sees it (its pod's sockets, a command run in it). */
  target(c: Container, cr: ContainerRuntime): ProbeTarget;
  /** Kill the container: its liveness or startup probe failed failureThreshold times. */
  kill(c: Container, cr: ContainerRuntime, type: 'liveness' | 'startup'): void;
}

/** The worker of `type` for the container's current run (a fresh one when the container was replaced). */
function worker(cr: ContainerRuntime, type: ProbeType): ProbeWorker {
  const probes = (cr.probes ??= {});
  let w = probes[type];
  if (!w || w.containerID !== cr.containerID) {
    // A new container: the results manager starts from the initial value; probing resumes.
    w = probes[type] = { containerID: cr.containerID, result: INITIAL[type], last: w?.last, run: w?.run ?? 0, lastTick: w?.lastTick };
  }
  return w;
}

/** The result the kubelet holds for the container's current run. */
function resultOf(cr: ContainerRuntime, type: ProbeType): ProbeWorker['result'] {
  const w = cr.probes?.[type];
  return w && w.containerID === cr.containerID ? w.result : INITIAL[type];
}

/** containerStatuses[].started: running, and its startup probe (if any) has passed. */
export function containerStarted(c: Container, cr: ContainerRuntime): boolean {
  if (cr.phase !== 'running') return false;
  return !probeOf(c, 'startup') || resultOf(cr, 'startup') === 'success';
}

/** containerStatuses[].ready: started, and its readiness probe (if any) has passed. */
export function containerReady(c: Container, cr: ContainerRuntime): boolean {
  if (!containerStarted(c, cr)) return false;
  return !c.readinessProbe || resultOf(cr, 'readiness') === 'success';
}

/** The container has just started: the kubelet notices it at its next relist and runs the readiness probe then. */
export function containerStartedAt(c: Container, cr: ContainerRuntime, noticedAt: number): void {
  if (!c.readinessProbe || probeOf(c, 'startup')) return;
  worker(cr, 'readiness').triggerAt = noticedAt;
}

/** The tick of a `periodMs` ticker started at `epoch` that comes last at or before `t`. */
function tickAtOrBefore(epoch: number, periodMs: number, t: number): number {
  return epoch + Math.floor((t - epoch) / periodMs) * periodMs;
}

function wanted(c: Container, cr: ContainerRuntime, type: ProbeType): boolean {
  const started = containerStarted(c, cr);
  return type === 'startup' ? !started : started;
}

/** Runs the probes that are due now on the pod's running containers. */
export function runDueProbes(pod: Pod, rt: PodRuntime, hooks: ProberHooks): void {
  const now = hooks.now;
  const epoch = rt.probeEpoch ?? rt.sandboxReadyAt ?? now;
  pod.spec.containers.forEach((c, i) => {
    const cr = rt.containers[i];
    if (!cr) return;
    for (const type of ORDER) {
      const probe = probeOf(c, type);
      if (!probe || cr.phase !== 'running') continue;
      const w = worker(cr, type);
      const t = probeTimings(probe);
      const tick = tickAtOrBefore(epoch, t.periodMs, now);
      const ticked = tick > (w.lastTick ?? -Infinity) && tick >= (cr.startedAt ?? now);
      const triggered = w.triggerAt !== undefined && now >= w.triggerAt;
      if (!ticked && !triggered) continue;
      if (ticked) w.lastTick = tick;
      if (triggered) w.triggerAt = undefined;
      if (w.onHold) continue;
      // Probe disabled for InitialDelaySeconds (whole seconds since the container started).
      if (Math.floor((now - (cr.startedAt ?? now)) / 1000) < (probe.initialDelaySeconds ?? 0)) continue;
      if (!wanted(c, cr, type)) continue;
      const outcome = runProbe(probe, c, hooks.target(c, cr));
      const message = unhealthyMessage(type, outcome);
      if (message !== undefined) hooks.event(c, 'Warning', 'Unhealthy', message);
      // A prober error is thrown away: it neither counts nor changes the result.
      if (outcome.result === 'error') continue;
      const result = outcome.result;
      if (w.last === result) w.run++;
      else {
        w.last = result;
        w.run = 1;
      }
      if ((result === 'failure' && w.run < t.failureThreshold) || (result === 'success' && w.run < t.successThreshold)) continue;
      w.result = result;
      if (type === 'startup' && result === 'success' && c.readinessProbe) worker(cr, 'readiness').triggerAt = now;
      if ((type === 'liveness' || type === 'startup') && result === 'failure') {
        // Stop probing until there is a new container; the kubelet kills this one.
        w.onHold = true;
        w.run = 0;
        hooks.kill(c, cr, type);
      }
    }
  });
}

/** When the pod's probes next need the kubelet: the next useful tick or manual trigger of each running container's workers. */
export function nextProbeTimes(pod: Pod, rt: PodRuntime, now: number): number[] {
  const times: number[] = [];
  const epoch = rt.probeEpoch ?? rt.sandboxReadyAt ?? now;
  pod.spec.containers.forEach((c, i) => {
    const cr = rt.containers[i];
    if (!cr || cr.phase !== 'running') return;
    for (const type of ORDER) {
      const probe = probeOf(c, type);
      if (!probe) continue;
      const w = cr.probes?.[type];
      const current = w && w.containerID === cr.containerID ? w : undefined;
      if (current?.triggerAt !== undefined && current.triggerAt > now) times.push(current.triggerAt);
      if (current?.onHold || !wanted(c, cr, type)) continue;
      const t = probeTimings(probe);
      // The first tick after now at which the initial delay has passed.
      const from = Math.max(now + 1, (cr.startedAt ?? now) + t.initialDelayMs);
      const tick = tickAtOrBefore(epoch, t.periodMs, from - 1) + t.periodMs;
      times.push(tick);
    }
  });
  return times;
}
