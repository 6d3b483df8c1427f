// When a CronJob runs: the most recent unmet schedule time and the next one, as pkg/controller/cronjob/utils.go
// computes them (mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration) — code, not docs.
import { nextAfter, type Schedule } from './schedule';

/** Whether runs were missed since the last one: none, a few, or more than 100 (TooManyMissedTimes). */
export type MissedSchedules = 'none' | 'few' | 'many';

export interface ScheduleHistory {
  /** metadata.creationTimestamp, ms. */
  created: number;
  /** status.lastScheduleTime, ms. */
  lastScheduleTime?: number;
  startingDeadlineSeconds?: number;
}

export interface MostRecent {
  /** The time the search started from: lastScheduleTime, creation, or now − startingDeadlineSeconds. */
  earliest: number;
  /** The latest schedule time ≤ now after `earliest`, if any. */
  mostRecent?: number;
  missed: MissedSchedules;
  error?: string;
}

/** mostRecentScheduleTime: the latest unmet time and how many were missed (approximated as the controller does). */
export function mostRecentScheduleTime(h: ScheduleHistory, now: number, schedule: Schedule, includeStartingDeadline: boolean, localZone = 'UTC'): MostRecent {
  let earliest = h.lastScheduleTime ?? h.created;
  if (includeStartingDeadline && h.startingDeadlineSeconds !== undefined) {
    const deadline = now - h.startingDeadlineSeconds * 1000;
    if (deadline > earliest) earliest = deadline;
  }
  const next = (t: number) => nextAfter(schedule, t, localZone);
  const t1 = next(earliest);
  if (t1 !== undefined && now < t1) return { earliest, missed: 'none' };
  const t2 = t1 === undefined ? undefined : next(t1);
  if (t1 !== undefined && t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  // robfig returns the zero time when nothing matches within five years (e.g. `0 0 31 2 *`): the interval
  // between two runs is then not positive.
  if (t1 === undefined || t2 === undefined) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.trunc((now - t1) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  // Go back one interval more than the estimate and let the schedule find the real times.
  const potentialEarliest = t1 + (missedCount - 2) * between * 1000;
  let mostRecent: number | undefined;
  for (let t = next(potentialEarliest); t !== undefined && t <= now; t = next(t)) mostRecent = t;
  const missed: MissedSchedules = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** nextScheduleTime: the time to start a Job for now (with startingDeadlineSeconds), if any. */
export function nextScheduleTime(h: ScheduleHistory, now: number, schedule: Schedule, localZone = 'UTC'): MostRecent {
  const r = mostRecentScheduleTime(h, now, schedule, true, localZone);
  if (r.mostRecent === undefined || r.mostRecent > now) return { ...r, mostRecent: undefined };
  return r;
}

/**
 * nextScheduleTimeDuration: how long until the controller should look again. The real one adds 100 ms against
 * clock skew; the simulation wakes at the exact schedule time (see docs/design: CronJob timing).
 */
export function nextWakeTime(h: ScheduleHistory, now: number, schedule: Schedule, localZone = 'UTC'): number | undefined {
  const r = mostRecentScheduleTime(h, now, schedule, false, localZone);
  let from: number;
  if (r.error) from = now;
  else if (r.mostRecent === undefined) from = r.missed === 'none' ? r.earliest : now;
  else from = r.mostRecent;
  return nextAfter(schedule, from, localZone);
}

/** The Job name suffix: minutes since the epoch of the scheduled time (getTimeHashInMinutes). */
export function scheduledTimeHash(t: number): number {
  return Math.floor(t / 60_000);
}
