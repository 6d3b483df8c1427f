// The Job controller (pkg/controller/job/job_controller.go, batch/v1 as of 1.32): creates a Job's pods at once,
// counts them through the job-tracking finalizer, retries failures with back-off up to backoffLimit, enforces
// activeDeadlineSeconds and suspend, and writes the status and conditions a real cluster shows.
import type { Job, JobStatus, PodFailurePolicy } from '../api/job';
import type { Condition, KubeObject, OwnerReference } from '../api/meta';
import type { Container, Pod } from '../api/pod';
import type { Controller, ControllerContext } from '../sim/controller';
import { keyOf, splitKey } from '../sim/controller';
import { isoSeconds } from '../sim/duration';

export const JOB_CONTROLLER = 'job-controller';
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
/** Pod changes reach the controller batched by a second (syncJobBatchPeriod). */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;


export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
/** job_controller.go's MaxJobPodFailureBackOff (10 min; the docs say six). */
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** When the last failed pod finished, ms. */
  lastFailureTime?: number;
}

/** The wait before a replacement pod after `failures` failures in a row (0 failures: none). */
export function backoffDelay(failures: number): number {
  if (failures <= 0) return 0;
  let d = DEFAULT_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= MAX_POD_FAILURE_BACKOFF_MS) return MAX_POD_FAILURE_BACKOFF_MS;
  }
  return d;
}

/** getRemainingTime: how long the controller still waits before creating pods. */
export function remainingBackoff(record: BackoffRecord, now: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === undefined) return 0;
  const d = backoffDelay(record.failuresAfterLastSuccess);
  const elapsed = now - record.lastFailureTime;
  return d < elapsed ? 0 : d - elapsed;
}

/** newBackoffRecord: fold in the pods that finished since the last sync (finish times, ms, oldest first). */
export function nextBackoffRecord(record: BackoffRecord, succeeded: number[], failed: number[]): BackoffRecord {
  if (succeeded.length === 0) {
    if (failed.length === 0) return record;
    return { failuresAfterLastSuccess: record.failuresAfterLastSuccess + failed.length, lastFailureTime: Math.max(...failed) };
  }
  const lastSuccess = Math.max(...succeeded);
  const after = failed.filter((t) => t > lastSuccess);
  return after.length ? { failuresAfterLastSuccess: after.length, lastFailureTime: Math.max(...after) } : { failuresAfterLastSuccess: 0 };
}

const SOURCE = { component: 'job-controller' };

/** Memory kept per Job uid: the back-off record and when a batched sync is already queued. */
interface JobMemory {
  backoff: BackoffRecord;
  /** Why the controller is waiting, for the views (back-off before the next pod). */
  waiting?: { until: number; reason: string };
}

interface JobControllerState {
  jobs: Record<string, JobMemory>;
  batched: Record<string, number>;
}

function stateOf(ctx: ControllerContext): JobControllerState {
  const s = ctx.state as Partial<JobControllerState>;
  s.jobs ??= {};
  s.batched ??= {};
  return s as JobControllerState;
}

/** What the controller remembers about a Job (views show why it waits). */
export function jobMemory(state: Record<string, unknown>, uid: string): JobMemory | undefined {
  return (state as Partial<JobControllerState>).jobs?.[uid];
}

/**
 * The labels and selector the API server gives a Job without a manual selector (pkg/registry/batch/job
 * generateSelector): `batch.kubernetes.io/` names from 1.27, the legacy ones always.
 */
export function generatedJobLabels(name: string, uid: string, minor: number): Record<string, string> {
  return minor >= 27
    ? { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name }
    : { 'controller-uid': uid, 'job-name': name };
}

/** PrepareForCreate of a Job: selector and template labels (for the API server to call when it creates a Job). */
export function prepareJobForCreate(job: Job, minor: number): Job {
  if (job.spec.manualSelector) return job;
  const name = job.metadata.name!;
  const uid = job.metadata.uid!;
  const generated = generatedJobLabels(name, uid, minor);
  const templateLabels = { ...(job.spec.template.metadata?.labels ?? {}) };
  for (const [k, v] of Object.entries(generated)) if (!(k in templateLabels)) templateLabels[k] = v;
  const selectorKey = minor >= 27 ? 'batch.kubernetes.io/controller-uid' : 'controller-uid';
  const matchLabels = { ...(job.spec.selector?.matchLabels ?? {}) };
  if (!(selectorKey in matchLabels)) matchLabels[selectorKey] = uid;
  const labels = job.metadata.labels && Object.keys(job.metadata.labels).length ? job.metadata.labels : templateLabels;
  return {
    ...job,
    metadata: { ...job.metadata, labels },
    spec: { ...job.spec, selector: { ...job.spec.selector, matchLabels }, template: { ...job.spec.template, metadata: { ...job.spec.template.metadata, labels: templateLabels } } },
  };
}

function podLabels(job: Job, minor: number): Record<string, string> {
  const labels = { ...(job.spec.template.metadata?.labels ?? {}) };
  if (!job.spec.manualSelector) {
    for (const [k, v] of Object.entries(generatedJobLabels(job.metadata.name!, job.metadata.uid!, minor))) if (!(k in labels)) labels[k] = v;
  }
  return labels;
}

function condition(job: Job, type: string): Condition | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

function isTrue(job: Job, type: string): boolean {
  return condition(job, type)?.status === 'True';
}

export function isJobFinished(job: Job): boolean {
  return isTrue(job, 'Complete') || isTrue(job, 'Failed');
}

/** The Complete or Failed condition that is True, if any (jobutil.FinishedCondition). */
export function finishedCondition(job: Job): Condition | undefined {
  return job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

function isPodTerminal(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

function isPodActive(p: Pod): boolean {
  return !isPodTerminal(p) && !p.metadata.deletionTimestamp;
}

function isPodReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** isPodFailed with podReplacementPolicy TerminatingOrFailed: a deleted pod that did not succeed counts as failed. */
function isPodFailed(p: Pod, job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (job.spec.podReplacementPolicy === 'Failed') return false;
  return !!p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded';
}

/**
 * matchPodFailurePolicy: the first rule a failed pod matches decides — FailJob (with the job's failure message),
 * Ignore (not counted), Count; no match counts. Exit code 0 never matches; a container still running is skipped.
 */
export function matchPodFailurePolicy(policy: PodFailurePolicy, pod: Pod): { count: boolean; failJob?: string; action?: string } {
  const ns = pod.metadata.namespace ?? 'default';
  for (const [index, rule] of policy.rules.entries()) {
    let matched: string | undefined;
    if (rule.onExitCodes) {
      const req = rule.onExitCodes;
      const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
      const hit = statuses.find((cs) => {
        const code = cs.state?.terminated?.exitCode;
        if (code === undefined || code === 0) return false;
        if (req.containerName !== undefined && req.containerName !== cs.name) return false;
        if (req.operator === 'In') return req.values.includes(code);
        if (req.operator === 'NotIn') return !req.values.includes(code);
        return false;
      });
      if (hit) matched = `Container ${hit.name} for pod ${ns}/${pod.metadata.name} failed with exit code ${hit.state!.terminated!.exitCode} matching ${rule.action} rule at index ${index}`;
    } else if (rule.onPodConditions) {
      const hit = (pod.status?.conditions ?? []).find((c) => rule.onPodConditions!.some((p) => p.type === c.type && (p.status ?? 'True') === c.status));
      if (hit) matched = `Pod ${ns}/${pod.metadata.name} has condition ${hit.type} matching ${rule.action} rule at index ${index}`;
    }
    if (matched === undefined) continue;
    if (rule.action === 'Ignore') return { count: false, action: 'Ignore' };
    if (rule.action === 'Count') return { count: true, action: 'Count' };
    if (rule.action === 'FailJob') return { count: true, failJob: matched, action: 'FailJob' };
    // FailIndex needs backoffLimitPerIndex (not simulated); unknown actions are skipped, as clients are told to.
  }
  return { count: true };
}

function hasFinalizer(p: Pod): boolean {
  return p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER) ?? false;
}

/** When a pod finished: its containers' last finishedAt, else now. */
function finishedTime(p: Pod, now: number): number {
  let t: number | undefined;
  for (const s of p.status?.containerStatuses ?? []) {
    const f = s.state.terminated?.finishedAt;
    if (f) t = Math.max(t ?? 0, Date.parse(f));
  }
  return t ?? now;
}

function podIndex(p: Pod): number | undefined {
  const v = p.metadata.annotations?.[JOB_COMPLETION_INDEX];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** `0-2,4,6-7` from a set of indexes. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return parts.join(',');
}

export function parseIndexes(text: string | undefined): number[] {
  const out: number[] = [];
  for (const part of (text ?? '').split(',').filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) out.push(i);
  }
  return out;
}

function ownerRef(job: Job): OwnerReference {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name!, uid: job.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** The pod the controller creates for a Job (and for one completion index of an Indexed Job). */
export function podFromTemplate(job: Job, minor: number, index?: number): Pod {
  const tmpl = job.spec.template;
  const labels = podLabels(job, minor);
  const annotations = { ...(tmpl.metadata?.annotations ?? {}) };
  const spec = JSON.parse(JSON.stringify(tmpl.spec)) as Pod['spec'];
  if (index !== undefined) {
    annotations[JOB_COMPLETION_INDEX] = String(index);
    if (minor >= 28) labels[JOB_COMPLETION_INDEX] = String(index);
    const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX}']` } } };
    const withEnv = (c: Container): Container => (c.env?.some((e) => e.name === 'JOB_COMPLETION_INDEX') ? c : { ...c, env: [...(c.env ?? []), env] });
    spec.containers = spec.containers.map(withEnv);
    if (spec.initContainers) spec.initContainers = spec.initContainers.map(withEnv);
    spec.hostname ??= `${job.metadata.name}-${index}`;
  }
  const metadata: Pod['metadata'] = {
    generateName: index !== undefined ? `${job.metadata.name}-${index}-` : `${job.metadata.name}-`,
    namespace: job.metadata.namespace,
    labels,
    ownerReferences: [ownerRef(job)],
    finalizers: [JOB_TRACKING_FINALIZER],
  };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** A JobCondition; empty reason and message are left out, as Go's omitempty leaves them. */
function jobCondition(type: string, status: 'True' | 'False', probe: string, transition: string, reason: string, message: string): Condition {
  const c: Condition = { type, status, lastProbeTime: probe, lastTransitionTime: transition };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

function setCondition(conditions: Condition[], type: string, status: 'True' | 'False', reason: string, message: string, now: number): { conditions: Condition[]; changed: boolean } {
  const i = conditions.findIndex((c) => c.type === type);
  const t = isoSeconds(now);
  if (i < 0) {
    // ensureJobConditionStatus adds no False condition that was never True.
    if (status === 'False') return { conditions, changed: false };
    return { conditions: [...conditions, jobCondition(type, status, t, t, reason, message)], changed: true };
  }
  const old = conditions[i];
  if (old.status === status && old.reason === reason && old.message === message) return { conditions, changed: false };
  const next = [...conditions];
  next[i] = jobCondition(type, status, t, old.status === status ? old.lastTransitionTime! : t, reason, message);
  return { conditions: next, changed: old.status !== status };
}

function removeTrackingFinalizer(ctx: ControllerContext, p: Pod): void {
  const fresh = ctx.api.tryGet<Pod>('Pod', p.metadata.namespace, p.metadata.name!);
  if (!fresh || fresh.metadata.uid !== p.metadata.uid || !hasFinalizer(fresh)) return;
  const finalizers = fresh.metadata.finalizers!.filter((f) => f !== JOB_TRACKING_FINALIZER);
  const metadata = { ...fresh.metadata, resourceVersion: undefined, finalizers: finalizers.length ? finalizers : undefined };
  if (!metadata.finalizers) delete metadata.finalizers;
  ctx.api.update<Pod>({ ...fresh, metadata });
}

function deletePod(ctx: ControllerContext, job: Job, p: Pod): void {
  if (p.metadata.deletionTimestamp) return;
  ctx.api.delete('Pod', p.metadata.namespace, p.metadata.name!);
  ctx.events.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure, container restarts count against backoffLimit. */
export function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += s.restartCount;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

const MSG_BACKOFF = 'Job has reached the specified backoff limit';
const MSG_DEADLINE = 'Job was active longer than specified deadline';
const MSG_COMPLETE = 'Reached expected number of succeeded pods';

interface Finish {
  type: 'Complete' | 'Failed';
  reason: string;
  message: string;
}

function syncJob(job: Job, key: string, ctx: ControllerContext): void {
  const now = ctx.now;
  const minor = ctx.config.minor;
  const uid = job.metadata.uid!;
  const state = stateOf(ctx);
  const memory = (state.jobs[uid] ??= { backoff: { failuresAfterLastSuccess: 0 } });
  const pods = ctx.api.list<Pod>('Pod', job.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === uid));

  if (isJobFinished(job)) {
    for (const p of pods) if (hasFinalizer(p) && (isPodTerminal(p) || p.metadata.deletionTimestamp)) removeTrackingFinalizer(ctx, p);
    delete memory.waiting;
    return;
  }

  const prev: JobStatus = job.status ?? {};
  const indexed = job.spec.completionMode === 'Indexed';
  const parallelism = job.spec.parallelism ?? 1;
  const completions = job.spec.completions ?? undefined;
  const backoffLimit = job.spec.backoffLimit ?? 6;
  const suspended = job.spec.suspend === true;
  const delayTerminal = minor >= 31;

  // Pods that finished and still carry the finalizer are counted now, then let go.
  const newSucceeded = pods.filter((p) => hasFinalizer(p) && p.status?.phase === 'Succeeded');
  const newFailed = pods.filter((p) => hasFinalizer(p) && p.status?.phase !== 'Succeeded' && isPodFailed(p, job));
  let succeeded = (prev.succeeded ?? 0) + newSucceeded.length;
  // A pod failure policy's Ignore rules keep a failure out of status.failed (and so out of the backoffLimit).
  const policy = job.spec.podFailurePolicy;
  const failed = (prev.failed ?? 0) + (policy ? newFailed.filter((p) => matchPodFailurePolicy(policy, p).count).length : newFailed.length);
  const completedIndexes = new Set(parseIndexes(prev.completedIndexes));
  if (indexed) {
    for (const p of newSucceeded) {
      const i = podIndex(p);
      if (i !== undefined && i < (completions ?? 1)) completedIndexes.add(i);
    }
    succeeded = completedIndexes.size;
  }
  memory.backoff = nextBackoffRecord(
    memory.backoff,
    newSucceeded.map((p) => finishedTime(p, now)),
    newFailed.map((p) => finishedTime(p, now)),
  );

  let active = pods.filter(isPodActive);
  let conditions = [...(prev.conditions ?? [])];
  let startTime = prev.startTime;
  if (!startTime && !suspended) startTime = isoSeconds(now);

  // The outcome: kept from an interim condition, or decided now.
  let finish: Finish | undefined;
  const target = conditions.find((c) => c.type === 'FailureTarget' && c.status === 'True');
  if (target) finish = { type: 'Failed', reason: target.reason ?? '', message: target.message ?? '' };
  else if (conditions.some((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True')) finish = { type: 'Complete', reason: 'CompletionsReached', message: MSG_COMPLETE };
  if (!finish && policy) {
    // The first failed pod matching a FailJob rule fails the Job, whatever the backoffLimit.
    for (const p of pods) {
      const message = isPodFailed(p, job) ? matchPodFailurePolicy(policy, p).failJob : undefined;
      if (message) {
        finish = { type: 'Failed', reason: 'PodFailurePolicy', message };
        break;
      }
    }
  }
  if (!finish) {
    const newFailure = failed > (prev.failed ?? 0);
    if ((newFailure && active.length !== parallelism && failed > backoffLimit) || pastBackoffLimitOnFailure(job, pods)) {
      finish = { type: 'Failed', reason: 'BackoffLimitExceeded', message: MSG_BACKOFF };
    } else if (job.spec.activeDeadlineSeconds !== undefined && !suspended && startTime) {
      const deadline = Date.parse(startTime) + job.spec.activeDeadlineSeconds * 1000;
      if (now >= deadline) finish = { type: 'Failed', reason: 'DeadlineExceeded', message: MSG_DEADLINE };
      else ctx.requeueAfter(key, deadline - now);
    }
  }

  if (finish?.type === 'Failed') {
    for (const p of active) deletePod(ctx, job, p);
    active = [];
  } else if (!finish) {
    active = manageJob(job, ctx, key, active, pods, succeeded, completedIndexes, memory, suspended);
    const complete = completions === undefined ? succeeded > 0 && active.length === 0 : succeeded >= completions && active.length === 0;
    if (complete) finish = { type: 'Complete', reason: 'CompletionsReached', message: MSG_COMPLETE };
    else if (suspended) {
      const r = setCondition(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
      conditions = r.conditions;
      if (r.changed) ctx.events.record(job, 'Normal', 'Suspended', 'Job suspended', SOURCE);
    } else {
      const r = setCondition(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
      conditions = r.conditions;
      if (r.changed) {
        ctx.events.record(job, 'Normal', 'Resumed', 'Job resumed', SOURCE);
        // activeDeadlineSeconds counts from the resume.
        startTime = isoSeconds(now);
        if (job.spec.activeDeadlineSeconds !== undefined) ctx.requeueAfter(key, job.spec.activeDeadlineSeconds * 1000);
      }
    }
  }

  for (const p of [...newSucceeded, ...newFailed]) removeTrackingFinalizer(ctx, p);
  const fresh = ctx.api.list<Pod>('Pod', job.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === uid));
  const terminating = fresh.filter((p) => p.metadata.deletionTimestamp && !isPodTerminal(p)).length;

  let completionTime = prev.completionTime;
  let finishedNow = false;
  if (finish) {
    if (delayTerminal) {
      const interim = finish.type === 'Failed' ? 'FailureTarget' : 'SuccessCriteriaMet';
      conditions = setCondition(conditions, interim, 'True', finish.reason, finish.message, now).conditions;
    }
    if (!delayTerminal || terminating === 0) {
      const reason = minor >= 31 || finish.type === 'Failed' ? finish.reason : '';
      const message = minor >= 31 || finish.type === 'Failed' ? finish.message : '';
      const r = setCondition(conditions, finish.type, 'True', reason, message, now);
      conditions = r.conditions;
      if (finish.type === 'Complete') completionTime = isoSeconds(now);
      finishedNow = true;
    }
  }

  const status: JobStatus = {};
  if (conditions.length) status.conditions = conditions;
  if (startTime) status.startTime = startTime;
  if (completionTime) status.completionTime = completionTime;
  const activeNow = fresh.filter(isPodActive);
  if (activeNow.length) status.active = activeNow.length;
  if (succeeded) status.succeeded = succeeded;
  if (failed) status.failed = failed;
  if (indexed && completedIndexes.size) status.completedIndexes = formatIndexes(completedIndexes);
  if (minor >= 24) status.ready = activeNow.filter(isPodReady).length;
  if (minor >= 29) status.terminating = terminating;
  status.uncountedTerminatedPods = {};
  if (JSON.stringify(status) !== JSON.stringify(job.status ?? {})) {
    const current = ctx.api.tryGet<Job>('Job', job.metadata.namespace, job.metadata.name!);
    if (current && current.metadata.uid === uid) ctx.api.updateStatus<Job>({ ...current, status });
  }
  if (finishedNow) {
    delete memory.waiting;
    if (finish!.type === 'Complete') ctx.events.record(job, 'Normal', 'Completed', 'Job completed', SOURCE);
    else ctx.events.record(job, 'Warning', finish!.reason, finish!.message, SOURCE);
  }
}

/** manageJob: delete pods beyond what is wanted, create the missing ones (after the failure back-off). */
function manageJob(job: Job, ctx: ControllerContext, key: string, active: Pod[], all: Pod[], succeeded: number, completedIndexes: Set<number>, memory: JobMemory, suspended: boolean): Pod[] {
  const minor = ctx.config.minor;
  if (suspended) {
    for (const p of active) deletePod(ctx, job, p);
    delete memory.waiting;
    return [];
  }
  const parallelism = job.spec.parallelism ?? 1;
  const completions = job.spec.completions ?? undefined;
  let wantActive: number;
  if (completions === undefined) wantActive = succeeded > 0 ? active.length : parallelism;
  else wantActive = Math.max(0, Math.min(parallelism, completions - succeeded));
  const indexed = job.spec.completionMode === 'Indexed';
  // Pods of an index already completed, or duplicates, go first; then the newest.
  let keep = active;
  if (indexed) {
    const seen = new Set<number>();
    const extra: Pod[] = [];
    keep = [];
    for (const p of active) {
      const i = podIndex(p);
      if (i === undefined || completedIndexes.has(i) || seen.has(i) || i >= (completions ?? 1)) extra.push(p);
      else {
        seen.add(i);
        keep.push(p);
      }
    }
    for (const p of extra) deletePod(ctx, job, p);
  }
  if (keep.length > wantActive) {
    const byReadiness = [...keep].sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? 1 : -1));
    const remove = byReadiness.slice(0, keep.length - wantActive);
    for (const p of remove) deletePod(ctx, job, p);
    keep = keep.filter((p) => !remove.includes(p));
  }
  if (keep.length < wantActive) {
    const wait = remainingBackoff(memory.backoff, ctx.now);
    if (wait > 0) {
      memory.waiting = { until: ctx.now + wait, reason: `back-off after ${memory.backoff.failuresAfterLastSuccess} failed pod(s)` };
      ctx.requeueAfter(key, wait);
      return keep;
    }
    delete memory.waiting;
    const diff = wantActive - keep.length;
    const toCreate: (number | undefined)[] = [];
    if (indexed) {
      const busy = new Set(keep.map(podIndex));
      for (let i = 0; i < (completions ?? 1) && toCreate.length < diff; i++) if (!completedIndexes.has(i) && !busy.has(i)) toCreate.push(i);
    } else {
      for (let i = 0; i < diff; i++) toCreate.push(undefined);
    }
    for (const index of toCreate) {
      const created = ctx.api.create<Pod>(podFromTemplate(job, minor, index));
      ctx.events.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, SOURCE);
      keep = [...keep, created];
    }
  }
  void all;
  return keep;
}

function jobOwner(o: KubeObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Job');
}

export const jobController: Controller = {
  name: JOB_CONTROLLER,
  watches: ['Job', 'Pod'],

  keysFor(change) {
    const o = change.object;
    if (o.kind === 'Job') {
      if (change.type === 'DELETED') return [`gone\u0000${o.metadata.namespace}\u0000${o.metadata.uid}`];
      return [keyOf(o.metadata.namespace, o.metadata.name!)];
    }
    if (o.kind === 'Pod') {
      const owner = jobOwner(o) ?? (change.previous ? jobOwner(change.previous) : undefined);
      if (!owner) return [];
      return [`batch\u0000${keyOf(o.metadata.namespace, owner.name)}`];
    }
    return [];
  },

  reconcile(key, ctx) {
    const state = stateOf(ctx);
    if (key.startsWith('batch\u0000')) {
      const jobKey = key.slice('batch\u0000'.length);
      const due = state.batched[jobKey];
      if (due !== undefined && due > ctx.now) return;
      state.batched[jobKey] = ctx.now + SYNC_JOB_BATCH_PERIOD_MS;
      ctx.requeueAfter(jobKey, SYNC_JOB_BATCH_PERIOD_MS);
      return;
    }
    if (key.startsWith('gone\u0000')) {
      // The Job is gone: its pods are no longer tracked (cleanupPodFinalizers).
      const [, ns, uid] = key.split('\u0000');
      for (const p of ctx.api.list<Pod>('Pod', ns)) if (hasFinalizer(p) && p.metadata.ownerReferences?.some((r) => r.uid === uid)) removeTrackingFinalizer(ctx, p);
      delete state.jobs[uid];
      return;
    }
    if ((state.batched[key] ?? Infinity) <= ctx.now) delete state.batched[key];
    const [ns, name] = splitKey(key);
    const job = ctx.api.tryGet<Job>('Job', ns, name);
    if (!job || job.metadata.deletionTimestamp) return;
    syncJob(job, key, ctx);
  },
};
