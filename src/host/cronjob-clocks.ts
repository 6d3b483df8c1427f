// What the CronJob clock views show for each CronJob: its schedule in words, zone, next runs and the controller's
// recent decisions (created, skipped: Forbid, replaced, missed deadline, suspended). Plain data for the renderer.
import type { CronJob } from '../api/cronjob';
import type { Simulation } from '../sim/simulation';
import { CONTROLLER_MANAGER_ZONE, CRONJOB_CONTROLLER, cronJobMemory, parsedScheduleOf, type CronJobDecision } from '../controllers/cronjob-controller';
import { nextAfter } from '../cron/schedule';
import { describeSchedule } from '../cron/describe-schedule';
import { isKnownTimeZone } from '../cron/time-zone';
import { isoSeconds } from '../sim/duration';

export type { CronJobDecision };

export interface CronJobClock {
  uid: string;
  namespace: string;
  name: string;
  schedule: string;
  /** The zone the schedule is read in: spec.timeZone, else the controller manager's (UTC on kind). */
  timeZone: string;
  /** Whether timeZone came from spec.timeZone. */
  zoneFromSpec: boolean;
  /** The schedule in words (cronstrue, Kubernetes' day-of-month/day-of-week rule added). */
  text: { en: string; fr: string };
  suspended: boolean;
  concurrencyPolicy: string;
  /** The next schedule times (ISO, UTC), soonest first; empty when suspended or the schedule is invalid. */
  nextRuns: string[];
  /** The controller's latest decisions, oldest first. */
  decisions: CronJobDecision[];
  /** Why no run can happen (invalid schedule, unknown zone). */
  problem?: string;
}

const TEXTS = new Map<string, { en: string; fr: string }>();

function textOf(schedule: string, zone: string | undefined): { en: string; fr: string } {
  const key = `${schedule}\u0000${zone ?? ''}`;
  let t = TEXTS.get(key);
  if (!t) {
    t = { en: describeSchedule(schedule, 'en', zone), fr: describeSchedule(schedule, 'fr', zone) };
    if (TEXTS.size > 500) TEXTS.clear();
    TEXTS.set(key, t);
  }
  return t;
}

/** The next `count` schedule times after `now`. */
function nextRuns(cronJob: CronJob, now: number, count: number): { runs: string[]; problem?: string } {
  const zone = cronJob.spec.timeZone;
  if (zone !== undefined && !isKnownTimeZone(zone)) return { runs: [], problem: `unknown time zone ${zone}` };
  const { schedule, error } = parsedScheduleOf(cronJob);
  if (!schedule) return { runs: [], problem: error };
  const runs: string[] = [];
  let t: number | undefined = now;
  for (let i = 0; i < count && t !== undefined; i++) {
    t = nextAfter(schedule, t, CONTROLLER_MANAGER_ZONE);
    if (t !== undefined) runs.push(isoSeconds(t));
  }
  return { runs };
}

/** One clock per CronJob, sorted by namespace then name. */
export function cronJobClocks(sim: Simulation): CronJobClock[] {
  const cronJobs = sim.store.list<CronJob>('CronJob');
  if (!cronJobs.length) return [];
  const state = sim.stateOf(CRONJOB_CONTROLLER);
  const now = sim.now();
  return cronJobs.map((cj) => {
    const mem = cronJobMemory(state, cj.metadata.uid!);
    const suspended = cj.spec.suspend === true;
    const { runs, problem } = suspended ? { runs: [], problem: undefined } : nextRuns(cj, now, 3);
    const clock: CronJobClock = {
      uid: cj.metadata.uid!,
      namespace: cj.metadata.namespace ?? 'default',
      name: cj.metadata.name!,
      schedule: cj.spec.schedule,
      timeZone: cj.spec.timeZone ?? CONTROLLER_MANAGER_ZONE,
      zoneFromSpec: cj.spec.timeZone !== undefined,
      text: textOf(cj.spec.schedule, cj.spec.timeZone),
      suspended,
      concurrencyPolicy: cj.spec.concurrencyPolicy ?? 'Allow',
      nextRuns: runs,
      decisions: (mem?.decisions ?? []).map((d) => ({ ...d })),
    };
    if (problem) clock.problem = problem;
    return clock;
  });
}
