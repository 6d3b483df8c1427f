// What a pod's status looks like: kubectl's STATUS word (never translated) and a category for icon and colour.
import type { Pod } from '../../../src/api/pod';

/** Each category has its own icon and colour: never colour alone. */
export type StatusCategory = 'Running' | 'Pending' | 'Creating' | 'Succeeded' | 'Failed' | 'Terminating' | 'Waiting' | 'Unknown';

export interface PodStatusView {
  category: StatusCategory;
  /** The word `kubectl get pods` shows in STATUS. */
  text: string;
  /** READY column, e.g. `1/1`. */
  ready: string;
  restarts: number;
}

const WAITING_ERRORS = new Set(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'CreateContainerConfigError', 'InvalidImageName', 'CreateContainerError', 'RunContainerError']);

/** Follows kubectl's printPod: the most telling reason wins over the phase. */
export function podStatus(pod: Pod): PodStatusView {
  const statuses = pod.status?.containerStatuses ?? [];
  const total = pod.spec?.containers?.length ?? statuses.length;
  const readyCount = statuses.filter((s) => s.ready).length;
  const restarts = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
  const ready = `${readyCount}/${total}`;
  const phase = pod.status?.phase ?? 'Pending';
  let text: string = pod.status?.reason ?? phase;
  let category: StatusCategory;

  const initWaiting = (pod.status?.initContainerStatuses ?? []).find((s) => s.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing');
  const waiting = statuses.find((s) => s.state?.waiting?.reason)?.state.waiting?.reason;
  const terminated = statuses.find((s) => s.state?.terminated)?.state.terminated;

  if (pod.metadata.deletionTimestamp) {
    return { category: 'Terminating', text: 'Terminating', ready, restarts };
  }
  if (phase === 'Succeeded') {
    category = 'Succeeded';
    text = terminated?.reason ?? 'Completed';
  } else if (phase === 'Failed') {
    category = 'Failed';
    text = pod.status?.reason ?? terminated?.reason ?? 'Error';
  } else if (initWaiting) {
    category = WAITING_ERRORS.has(initWaiting.state.waiting!.reason!) ? 'Waiting' : 'Creating';
    text = `Init:${initWaiting.state.waiting!.reason}`;
  } else if (waiting) {
    category = WAITING_ERRORS.has(waiting) ? 'Waiting' : 'Creating';
    text = waiting;
  } else if (terminated && phase === 'Running') {
    category = 'Failed';
    text = terminated.reason ?? 'Error';
  } else if (phase === 'Running') {
    category = readyCount === total || total === 0 ? 'Running' : 'Creating';
    text = 'Running';
  } else if (phase === 'Pending') {
    category = pod.spec?.nodeName ? 'Creating' : 'Pending';
    text = 'Pending';
  } else {
    category = 'Unknown';
  }
  return { category, text, ready, restarts };
}

/** The scheduler's explanation for a pod it could not place (PodScheduled=False), if any. */
export function schedulingReason(pod: Pod): string | undefined {
  const condition = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
  return condition?.message || condition?.reason || undefined;
}

/** True for a pod the scheduler has not placed yet. */
export function isUnscheduled(pod: Pod): boolean {
  return !pod.spec?.nodeName && (pod.status?.phase ?? 'Pending') === 'Pending' && !pod.metadata.deletionTimestamp;
}
