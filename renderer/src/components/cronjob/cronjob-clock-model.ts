// The CronJob clock's view model, pure: countdown to the next run, whether a tick just fired, and the recent runs
// with the Job each created (its status and pods) or why none was (skipped: Forbid, replaced, missed, suspended).
import type { KubeObject } from '../../../../src/api/meta';
import type { Job } from '../../../../src/api/job';
import type { Pod } from '../../../../src/api/pod';
import type { CronJobClock } from '../../../../src/host/api';
import { podStatus, type StatusCategory } from '../../view/pod-status';

/** How long (simulated ms) a tick stays shown as "firing". */
export const FIRING_MS = 4_000;

export type RunKind = 'created' | 'skipped' | 'replaced' | 'missed' | 'suspended' | 'deleted' | 'problem';

export interface RunPod {
  name: string;
  category: StatusCategory;
  text: string;
}

export interface RunView {
  kind: RunKind;
  /** When the controller decided (ISO). */
  at: string;
  /** The schedule time concerned, if any (ISO). */
  scheduledTime?: string;
  /** The Job created (or replaced / deleted, or the active one that made it skip). */
  job?: string;
  /** The Job's state now: Running, Complete, Failed, or gone (deleted by the history limits). */
  jobState?: 'Running' | 'Complete' | 'Failed' | 'Suspended' | 'gone';
  pods: RunPod[];
}

export interface ClockView {
  key: string;
  namespace: string;
  name: string;
  schedule: string;
  text: string;
  timeZone: string;
  zoneFromSpec: boolean;
  suspended: boolean;
  concurrencyPolicy: string;
  problem?: string;
  /** Next runs (ISO) and the countdown to the first, ms. */
  nextRuns: string[];
  countdownMs?: number;
  /** 0..1: how far we are between the previous and the next run (the clock hand). */
  progress: number;
  /** A Job was created within FIRING_MS. */
  firing: boolean;
  runs: RunView[];
  /** Jobs of this CronJob that still exist, by state. */
  kept: { complete: number; failed: number; running: number };
}

function kindOf(decision: string): RunKind | undefined {
  if (decision === 'created') return 'created';
  if (decision === 'skipped: Forbid') return 'skipped';
  if (decision === 'replaced') return 'replaced';
  if (decision === 'missed deadline') return 'missed';
  if (decision === 'suspended') return 'suspended';
  if (decision === 'deleted old job') return 'deleted';
  if (decision === 'invalid schedule' || decision === 'unknown time zone') return 'problem';
  return undefined;
}

function jobState(job: Job | undefined): RunView['jobState'] {
  if (!job) return 'gone';
  const c = job.status?.conditions ?? [];
  if (c.some((x) => x.type === 'Complete' && x.status === 'True')) return 'Complete';
  if (c.some((x) => x.type === 'Failed' && x.status === 'True')) return 'Failed';
  if (job.spec.suspend) return 'Suspended';
  return 'Running';
}

/** Builds one clock's view from the engine's clock data and the objects of the world. */
export function clockView(clock: CronJobClock, objects: readonly KubeObject[], now: string, lang: 'en' | 'fr', maxRuns = 6): ClockView {
  const nowMs = Date.parse(now);
  const jobs = new Map<string, Job>();
  const podsByJob = new Map<string, Pod[]>();
  for (const o of objects) {
    if (o.metadata.namespace !== clock.namespace) continue;
    if (o.kind === 'Job' && o.metadata.ownerReferences?.some((r) => r.uid === clock.uid)) jobs.set(o.metadata.name!, o as Job);
  }
  for (const o of objects) {
    if (o.kind !== 'Pod' || o.metadata.namespace !== clock.namespace) continue;
    const owner = o.metadata.ownerReferences?.find((r) => r.kind === 'Job' && jobs.has(r.name));
    if (!owner) continue;
    const list = podsByJob.get(owner.name) ?? [];
    list.push(o as Pod);
    podsByJob.set(owner.name, list);
  }
  const runs: RunView[] = [];
  let lastCreated: number | undefined;
  for (const d of clock.decisions) {
    const kind = kindOf(d.decision);
    if (!kind || kind === 'deleted') continue;
    // Repeated "suspended" decisions (one per sync) read as one.
    const prev = runs.at(-1);
    if (kind === 'suspended' && prev?.kind === 'suspended') continue;
    const job = kind === 'created' || kind === 'replaced' ? d.detail : kind === 'skipped' ? d.detail : undefined;
    const run: RunView = { kind, at: d.at, scheduledTime: d.scheduledTime, job, pods: [] };
    if (kind === 'created' && job) {
      run.jobState = jobState(jobs.get(job));
      run.pods = (podsByJob.get(job) ?? [])
        .slice()
        .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
        .map((p) => {
          const s = podStatus(p);
          return { name: p.metadata.name!, category: s.category, text: s.text };
        });
      lastCreated = Date.parse(d.at);
    }
    runs.push(run);
  }
  const next = clock.nextRuns[0] ? Date.parse(clock.nextRuns[0]) : undefined;
  const countdownMs = next !== undefined ? Math.max(0, next - nowMs) : undefined;
  let progress = 0;
  if (next !== undefined && clock.nextRuns[1]) {
    const period = Date.parse(clock.nextRuns[1]) - next;
    if (period > 0) progress = Math.min(1, Math.max(0, 1 - (next - nowMs) / period));
  }
  const kept = { complete: 0, failed: 0, running: 0 };
  for (const j of jobs.values()) {
    const s = jobState(j);
    if (s === 'Complete') kept.complete++;
    else if (s === 'Failed') kept.failed++;
    else kept.running++;
  }
  const view: ClockView = {
    key: `${clock.namespace}/${clock.name}`,
    namespace: clock.namespace,
    name: clock.name,
    schedule: clock.schedule,
    text: clock.text[lang],
    timeZone: clock.timeZone,
    zoneFromSpec: clock.zoneFromSpec,
    suspended: clock.suspended,
    concurrencyPolicy: clock.concurrencyPolicy,
    nextRuns: clock.nextRuns,
    countdownMs,
    progress,
    firing: lastCreated !== undefined && nowMs - lastCreated >= 0 && nowMs - lastCreated < FIRING_MS,
    runs: runs.slice(-maxRuns).reverse(),
    kept,
  };
  if (clock.problem) view.problem = clock.problem;
  return view;
}

/** The soonest next run among all CronJobs (ISO), for "jump to the next CronJob tick". */
export function soonestTick(clocks: readonly CronJobClock[] | undefined): string | undefined {
  let best: string | undefined;
  for (const c of clocks ?? []) {
    const n = c.nextRuns[0];
    if (n && (!best || n < best)) best = n;
  }
  return best;
}

/** `0:42`, `12:05`, `1:02:03`. */
export function formatCountdown(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
