// The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go, 1.32): creates a Job per schedule
// time, applies concurrencyPolicy, startingDeadlineSeconds and suspend, trims history, and records why it did or
// did not start a run. It wakes at the exact schedule time (the real one adds 100 ms against clock skew).
import type { CronJob, CronJobStatus } from '../api/cronjob';
import type { Job } from '../api/job';
import type { KubeObject, OwnerReference } from '../api/meta';
import type { Controller, ControllerContext } from '../sim/controller';
import { keyOf, splitKey } from '../sim/controller';
import { isoSeconds } from '../sim/duration';
import { ApiError } from '../apiserver/api-error';
import { parseStandard, type Schedule } from '../cron/schedule';
import { nextScheduleTime, nextWakeTime, scheduledTimeHash, type ScheduleHistory } from '../cron/schedule-times';
import { isKnownTimeZone, offsetAt } from '../cron/time-zone';
import { finishedCondition, isJobFinished } from './job-controller';

export const CRONJOB_CONTROLLER = 'cronjob-controller';
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** The zone of the simulated kube-controller-manager (kind nodes run in UTC): what a schedule without timeZone uses. */
export const CONTROLLER_MANAGER_ZONE = 'UTC';
const SOURCE = { component: 'cronjob-controller' };
const MAX_DECISIONS = 20;

/** One decision of the controller about a CronJob, kept for the views ("skipped: Forbid"…). */
export interface CronJobDecision {
  at: string;
  /** The schedule time concerned, if any. */
  scheduledTime?: string;
  decision: 'created' | 'skipped: Forbid' | 'replaced' | 'missed deadline' | 'suspended' | 'invalid schedule' | 'unknown time zone' | 'already processed' | 'deleted old job';
  detail?: string;
}

export interface CronJobMemory {
  decisions: CronJobDecision[];
  /** When the next wake-up is already queued, ms. */
  wakeAt?: number;
  nextRun?: string;
}

interface CronJobControllerState {
  cronjobs: Record<string, CronJobMemory>;
}

function stateOf(ctx: ControllerContext): CronJobControllerState {
  const s = ctx.state as Partial<CronJobControllerState>;
  s.cronjobs ??= {};
  return s as CronJobControllerState;
}

/** What the controller decided lately about a CronJob and when it runs next (for views and tests). */
export function cronJobMemory(state: Record<string, unknown>, uid: string): CronJobMemory | undefined {
  return (state as Partial<CronJobControllerState>).cronjobs?.[uid];
}

function remember(mem: CronJobMemory, ctx: ControllerContext, d: Omit<CronJobDecision, 'at'>): void {
  mem.decisions.push({ at: isoSeconds(ctx.now), ...d });
  if (mem.decisions.length > MAX_DECISIONS) mem.decisions.splice(0, mem.decisions.length - MAX_DECISIONS);
}

/** RFC 3339 in a zone, as Go's time.Format(time.RFC3339) writes it (`Z` for UTC). */
export function rfc3339In(ms: number, zone: string): string {
  const off = offsetAt(zone, ms);
  const local = new Date(ms + off).toISOString().replace(/\.\d{3}Z$/, '');
  if (off === 0) return `${local}Z`;
  const sign = off < 0 ? '-' : '+';
  const m = Math.abs(off) / 60_000;
  return `${local}${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Go's RFC1123Z in UTC: `Mon, 05 Jan 2026 09:01:00 +0000`. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** The Job name for a schedule time: `<cronjob>-<minutes since the epoch>`. */
export function jobNameFor(cronJob: CronJob, scheduledTime: number): string {
  return `${cronJob.metadata.name}-${scheduledTimeHash(scheduledTime)}`;
}

/** getJobFromTemplate2: the Job the controller creates for one schedule time. */
export function jobFromTemplate(cronJob: CronJob, scheduledTime: number, minor: number): Job {
  const tmpl = cronJob.spec.jobTemplate;
  const labels = { ...(tmpl.metadata?.labels ?? {}) };
  const annotations = { ...(tmpl.metadata?.annotations ?? {}) };
  if (minor >= 28) annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = rfc3339In(scheduledTime, cronJob.spec.timeZone ?? 'UTC');
  const owner: OwnerReference = { apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name!, uid: cronJob.metadata.uid!, controller: true, blockOwnerDeletion: true };
  const metadata: Job['metadata'] = { name: jobNameFor(cronJob, scheduledTime), namespace: cronJob.metadata.namespace, ownerReferences: [owner] };
  if (Object.keys(labels).length) metadata.labels = labels;
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: JSON.parse(JSON.stringify(tmpl.spec)) };
}

/** The CronJob's schedule parsed in its zone, as the controller reads it (for views: next runs). */
export function parsedScheduleOf(cronJob: CronJob): { schedule?: Schedule; error?: string } {
  return scheduleOf(cronJob, undefined);
}

/** formatSchedule + ParseStandard: the schedule in the CronJob's zone (TZ= in the schedule wins, with a warning). */
function scheduleOf(cronJob: CronJob, ctx: ControllerContext | undefined): { schedule?: Schedule; error?: string } {
  let spec = cronJob.spec.schedule;
  if (spec.includes('TZ')) {
    ctx?.events.record(cronJob, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(spec)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`, SOURCE);
  } else if (cronJob.spec.timeZone !== undefined && isKnownTimeZone(cronJob.spec.timeZone)) {
    spec = `TZ=${cronJob.spec.timeZone} ${spec}`;
  }
  let parsed = PARSED.get(spec);
  if (!parsed) {
    const r = parseStandard(spec);
    parsed = 'error' in r ? { error: r.error } : { schedule: r.schedule };
    if (PARSED.size >= 1000) PARSED.clear();
    PARSED.set(spec, parsed);
  }
  return parsed;
}

/** Parsed schedules by their text (parsing is pure; a CronJob syncs several times per run). */
const PARSED = new Map<string, { schedule?: Schedule; error?: string }>();

function historyOf(cronJob: CronJob): ScheduleHistory {
  return {
    created: Date.parse(cronJob.metadata.creationTimestamp!),
    lastScheduleTime: cronJob.status?.lastScheduleTime ? Date.parse(cronJob.status.lastScheduleTime) : undefined,
    startingDeadlineSeconds: cronJob.spec.startingDeadlineSeconds ?? undefined,
  };
}

function jobRef(job: Job): NonNullable<CronJobStatus['active']>[number] {
  return { kind: 'Job', namespace: job.metadata.namespace!, name: job.metadata.name!, uid: job.metadata.uid!, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion! };
}

/** Jobs sorted as byJobStartTime: by status.startTime (none last), then name. */
function byStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (sa === sb || (sa && sb && Date.parse(sa) === Date.parse(sb))) return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
  if (!sb) return -1;
  if (!sa) return 1;
  return Date.parse(sa) - Date.parse(sb);
}

class Sync {
  status: CronJobStatus;
  updateStatus = false;

  constructor(
    readonly cronJob: CronJob,
    readonly ctx: ControllerContext,
    readonly mem: CronJobMemory,
  ) {
    this.status = JSON.parse(JSON.stringify(cronJob.status ?? {}));
  }

  get active() {
    return this.status.active ?? [];
  }

  removeActive(uid: string): void {
    const left = this.active.filter((r) => r.uid !== uid);
    this.status.active = left.length ? left : undefined;
  }

  /** deleteJob: the Job (background), its active entry, and a SuccessfulDelete event. */
  deleteJob(job: Job): boolean {
    try {
      this.ctx.api.delete('Job', job.metadata.namespace, job.metadata.name!, { propagationPolicy: 'Background' });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.ctx.events.record(this.cronJob, 'Warning', 'FailedDelete', `Deleted job: ${e.message}`, SOURCE);
      return false;
    }
    this.removeActive(job.metadata.uid!);
    this.ctx.events.record(this.cronJob, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, SOURCE);
    return true;
  }

  cleanupFinishedJobs(jobs: Job[]): void {
    const spec = this.cronJob.spec;
    const done = (type: string) => jobs.filter((j) => finishedCondition(j)?.type === type);
    for (const [list, limit] of [[done('Complete'), spec.successfulJobsHistoryLimit], [done('Failed'), spec.failedJobsHistoryLimit]] as const) {
      if (limit === undefined || limit === null) continue;
      const extra = list.length - limit;
      if (extra <= 0) continue;
      for (const job of [...list].sort(byStartTime).slice(0, extra)) {
        if (this.deleteJob(job)) {
          this.updateStatus = true;
          remember(this.mem, this.ctx, { decision: 'deleted old job', detail: job.metadata.name });
        }
      }
    }
  }

  /** syncCronJob: returns when to look again (ms since the epoch), if ever. */
  syncCronJob(jobs: Job[]): number | undefined {
    const { cronJob, ctx, mem } = this;
    const now = ctx.now;
    const children = new Set<string>();
    for (const j of jobs) {
      children.add(j.metadata.uid!);
      const found = this.active.some((r) => r.uid === j.metadata.uid);
      if (!found && !isJobFinished(j)) {
        ctx.events.record(cronJob, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`, SOURCE);
      } else if (found && isJobFinished(j)) {
        this.removeActive(j.metadata.uid!);
        ctx.events.record(cronJob, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${finishedCondition(j)!.type}`, SOURCE);
        this.updateStatus = true;
      } else if (finishedCondition(j)?.type === 'Complete') {
        const t = j.status?.completionTime;
        if (t && (!this.status.lastSuccessfulTime || Date.parse(t) > Date.parse(this.status.lastSuccessfulTime))) {
          this.status.lastSuccessfulTime = t;
          this.updateStatus = true;
        }
      }
    }
    for (const r of [...this.active]) {
      if (children.has(r.uid)) continue;
      if (!ctx.api.tryGet<Job>('Job', r.namespace, r.name)) {
        ctx.events.record(cronJob, 'Normal', 'MissingJob', `Active job went missing: ${r.name}`, SOURCE);
        this.removeActive(r.uid);
        this.updateStatus = true;
      }
    }
    if (cronJob.metadata.deletionTimestamp) return undefined;
    const zone = cronJob.spec.timeZone;
    if (zone !== undefined && !isKnownTimeZone(zone)) {
      ctx.events.record(cronJob, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(zone)}: unknown time zone ${zone}`, SOURCE);
      remember(mem, ctx, { decision: 'unknown time zone', detail: zone });
      return undefined;
    }
    if (cronJob.spec.suspend) {
      remember(mem, ctx, { decision: 'suspended' });
      return undefined;
    }
    const { schedule, error } = scheduleOf(cronJob, ctx);
    if (!schedule) {
      ctx.events.record(cronJob, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cronJob.spec.schedule)} : ${error}`, SOURCE);
      remember(mem, ctx, { decision: 'invalid schedule', detail: error });
      return undefined;
    }
    const local = CONTROLLER_MANAGER_ZONE;
    const history = (): ScheduleHistory => ({ ...historyOf(cronJob), lastScheduleTime: this.status.lastScheduleTime ? Date.parse(this.status.lastScheduleTime) : undefined });
    const next = nextScheduleTime(history(), now, schedule, local);
    if (next.missed === 'many' && next.mostRecent !== undefined) {
      ctx.events.record(cronJob, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew', SOURCE);
    }
    if (next.error) {
      ctx.events.record(cronJob, 'Warning', 'InvalidSchedule', `invalid schedule: ${cronJob.spec.schedule} : ${next.error}`, SOURCE);
      remember(mem, ctx, { decision: 'invalid schedule', detail: next.error });
      return undefined;
    }
    const wake = () => nextWakeTime(history(), now, schedule, local);
    const scheduled = next.mostRecent;
    if (scheduled === undefined) return wake();
    const at = isoSeconds(scheduled);
    const sds = cronJob.spec.startingDeadlineSeconds;
    if (sds !== undefined && sds !== null && scheduled + sds * 1000 < now) {
      ctx.events.record(cronJob, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`, SOURCE);
      remember(mem, ctx, { decision: 'missed deadline', scheduledTime: at });
      return wake();
    }
    const name = jobNameFor(cronJob, scheduled);
    if (this.active.some((r) => r.name === name) || this.status.lastScheduleTime === at) {
      return wake();
    }
    const policy = cronJob.spec.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && this.active.length > 0) {
      ctx.events.record(cronJob, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', SOURCE);
      remember(mem, ctx, { decision: 'skipped: Forbid', scheduledTime: at, detail: this.active.map((r) => r.name).join(', ') });
      return wake();
    }
    if (policy === 'Replace') {
      for (const r of [...this.active]) {
        const job = ctx.api.tryGet<Job>('Job', r.namespace, r.name);
        if (!job) {
          ctx.events.record(cronJob, 'Warning', 'FailedGet', `Get job: jobs.batch "${r.name}" not found`, SOURCE);
          return undefined;
        }
        if (!this.deleteJob(job)) return undefined;
        remember(mem, ctx, { decision: 'replaced', scheduledTime: at, detail: r.name });
        this.updateStatus = true;
      }
    }
    const request = jobFromTemplate(cronJob, scheduled, ctx.config.minor);
    let created: Job;
    try {
      created = ctx.api.create<Job>(request);
      ctx.events.record(cronJob, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`, SOURCE);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'AlreadyExists') {
        const existing = ctx.api.tryGet<Job>('Job', request.metadata.namespace, request.metadata.name!);
        if (!existing || !existing.metadata.ownerReferences?.some((o) => o.controller && o.uid === cronJob.metadata.uid)) return undefined;
        if (this.active.some((r) => r.uid === existing.metadata.uid)) return undefined;
        created = existing;
      } else if (e.reason === 'Forbidden') {
        return undefined;
      } else {
        ctx.events.record(cronJob, 'Warning', 'FailedCreate', `Error creating job: ${e.message}`, SOURCE);
        return undefined;
      }
    }
    remember(mem, ctx, { decision: 'created', scheduledTime: at, detail: created.metadata.name });
    this.status.active = [...this.active, jobRef(created)];
    this.status.lastScheduleTime = at;
    this.updateStatus = true;
    return wake();
  }
}

function sync(cronJob: CronJob, key: string, ctx: ControllerContext): void {
  const state = stateOf(ctx);
  const mem = (state.cronjobs[cronJob.metadata.uid!] ??= { decisions: [] });
  const jobs = ctx.api.list<Job>('Job', cronJob.metadata.namespace).filter((j) => j.metadata.ownerReferences?.some((o) => o.controller && o.uid === cronJob.metadata.uid));
  const s = new Sync(cronJob, ctx, mem);
  s.cleanupFinishedJobs(jobs);
  const stillThere = jobs.filter((j) => ctx.api.tryGet('Job', j.metadata.namespace, j.metadata.name!));
  const wakeAt = s.syncCronJob(stillThere);
  if (s.updateStatus) {
    const current = ctx.api.tryGet<CronJob>('CronJob', cronJob.metadata.namespace, cronJob.metadata.name!);
    if (current && current.metadata.uid === cronJob.metadata.uid) {
      const status = { ...s.status };
      if (!status.active?.length) delete status.active;
      ctx.api.updateStatus<CronJob>({ ...current, status });
    }
  }
  scheduleWake(key, wakeAt, mem, ctx);
}

function scheduleWake(key: string, wakeAt: number | undefined, mem: CronJobMemory, ctx: ControllerContext): void {
  mem.nextRun = wakeAt === undefined ? undefined : isoSeconds(wakeAt);
  if (mem.nextRun === undefined) delete mem.nextRun;
  if (wakeAt === undefined) return;
  if (mem.wakeAt !== undefined && mem.wakeAt > ctx.now && mem.wakeAt <= wakeAt) return;
  mem.wakeAt = Math.max(wakeAt, ctx.now);
  ctx.requeueAfter(key, mem.wakeAt - ctx.now);
}

function cronJobOwner(o: KubeObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'CronJob');
}

export const cronJobController: Controller = {
  name: CRONJOB_CONTROLLER,
  watches: ['CronJob', 'Job'],

  keysFor(change) {
    const o = change.object;
    if (o.kind === 'CronJob') {
      if (change.type === 'DELETED') return [`gone\u0000${o.metadata.uid}`];
      const prev = change.previous as CronJob | undefined;
      const cj = o as CronJob;
      // A new schedule or zone: look again at the next time of the new schedule, not now (updateCronJob).
      if (prev && (prev.spec.schedule !== cj.spec.schedule || prev.spec.timeZone !== cj.spec.timeZone)) return [`reschedule\u0000${keyOf(o.metadata.namespace, o.metadata.name!)}`];
      return [keyOf(o.metadata.namespace, o.metadata.name!)];
    }
    if (o.kind === 'Job') {
      const owner = cronJobOwner(o) ?? (change.previous ? cronJobOwner(change.previous) : undefined);
      return owner ? [keyOf(o.metadata.namespace, owner.name)] : [];
    }
    return [];
  },

  reconcile(key, ctx) {
    const state = stateOf(ctx);
    if (key.startsWith('gone\u0000')) {
      delete state.cronjobs[key.slice('gone\u0000'.length)];
      return;
    }
    const reschedule = key.startsWith('reschedule\u0000');
    const cjKey = reschedule ? key.slice('reschedule\u0000'.length) : key;
    const [ns, name] = splitKey(cjKey);
    const cronJob = ctx.api.tryGet<CronJob>('CronJob', ns, name);
    if (!cronJob) return;
    const mem = (state.cronjobs[cronJob.metadata.uid!] ??= { decisions: [] });
    if (mem.wakeAt !== undefined && mem.wakeAt <= ctx.now) delete mem.wakeAt;
    if (reschedule) {
      const { schedule } = scheduleOf(cronJob, undefined);
      const wake = schedule ? nextWakeTime(historyOf(cronJob), ctx.now, schedule, CONTROLLER_MANAGER_ZONE) : undefined;
      delete mem.wakeAt;
      scheduleWake(cjKey, wake, mem, ctx);
      return;
    }
    sync(cronJob, cjKey, ctx);
  },
};
