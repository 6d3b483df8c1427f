import { describe, expect, it } from 'vitest';
import { parseStandard, type Schedule } from './schedule';
import { mostRecentScheduleTime, nextScheduleTime, nextWakeTime, scheduledTimeHash, type ScheduleHistory } from './schedule-times';

function parsed(spec: string): Schedule {
  const r = parseStandard(spec);
  if ('error' in r) throw new Error(r.error);
  return r.schedule;
}
const at = (s: string) => Date.parse(s);
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString().replace('.000Z', 'Z'));

describe('mostRecentScheduleTime (cronjob utils.go)', () => {
  const created = at('2026-01-05T09:00:00Z');
  it.each<[string, string, Partial<ScheduleHistory>, string, string | undefined, string]>([
    ['no run due yet', '*/1 * * * *', {}, '2026-01-05T09:00:59Z', undefined, 'none'],
    ['the run at second 0', '*/1 * * * *', {}, '2026-01-05T09:01:00Z', '2026-01-05T09:01:00Z', 'none'],
    ['one run due, a bit late', '*/1 * * * *', {}, '2026-01-05T09:01:30Z', '2026-01-05T09:01:00Z', 'none'],
    ['last run already done', '*/1 * * * *', { lastScheduleTime: at('2026-01-05T09:01:00Z') }, '2026-01-05T09:01:30Z', undefined, 'none'],
    ['several missed: the latest one', '*/1 * * * *', {}, '2026-01-05T09:10:30Z', '2026-01-05T09:10:00Z', 'few'],
    ['exactly 100 missed', '*/1 * * * *', {}, '2026-01-05T10:40:00Z', '2026-01-05T10:40:00Z', 'few'],
    ['more than 100 missed', '*/1 * * * *', {}, '2026-01-05T10:41:00Z', '2026-01-05T10:41:00Z', 'many'],
    ['an irregular schedule', '30 6-16/4 * * 1-5', {}, '2026-01-12T12:00:00Z', '2026-01-12T10:30:00Z', 'few'],
  ])('%s', (_, spec, h, now, expected, missed) => {
    const r = mostRecentScheduleTime({ created, ...h }, at(now), parsed(spec), true);
    expect(iso(r.mostRecent)).toBe(expected);
    expect(r.missed).toBe(missed);
  });

  it('reports an impossible date as the controller does', () => {
    const r = mostRecentScheduleTime({ created }, at('2026-03-01T00:00:00Z'), parsed('0 0 31 2 *'), true);
    expect(r.error).toBe('time difference between two schedules is less than 1 second');
  });

  it('counts from now − startingDeadlineSeconds when that is later', () => {
    // 200 minutes late, but only the last 5 minutes count: few missed, not many.
    const r = nextScheduleTime({ created, startingDeadlineSeconds: 300 }, at('2026-01-05T12:20:10Z'), parsed('*/1 * * * *'));
    expect(iso(r.mostRecent)).toBe('2026-01-05T12:20:00Z');
    expect(r.missed).toBe('few');
  });

  it('finds no run when the deadline window holds none', () => {
    const r = nextScheduleTime({ created, startingDeadlineSeconds: 10 }, at('2026-01-05T10:00:30Z'), parsed('0 * * * *'));
    expect(r.mostRecent).toBeUndefined();
  });
});

describe('nextWakeTime (nextScheduleTimeDuration without the 100 ms)', () => {
  it.each<[string, string, Partial<ScheduleHistory>, string, string]>([
    ['just created', '*/1 * * * *', {}, '2026-01-05T09:00:00Z', '2026-01-05T09:01:00Z'],
    ['after a run', '*/1 * * * *', { lastScheduleTime: at('2026-01-05T09:01:00Z') }, '2026-01-05T09:01:00Z', '2026-01-05T09:02:00Z'],
    ['after missed runs: from now', '*/5 * * * *', {}, '2026-01-05T09:17:00Z', '2026-01-05T09:20:00Z'],
    ['Paris, 9:00 local', '0 9 * * *', {}, '2026-01-05T09:00:00Z', '2026-01-06T08:00:00Z'],
  ])('%s', (_, spec, h, now, expected) => {
    const zone = spec === '0 9 * * *' ? 'Europe/Paris' : 'UTC';
    expect(iso(nextWakeTime({ created: at('2026-01-05T09:00:00Z'), ...h }, at(now), parsed(spec), zone))).toBe(expected);
  });
});

describe('scheduledTimeHash', () => {
  it('is minutes since the epoch', () => {
    expect(scheduledTimeHash(at('2026-01-05T09:01:00Z'))).toBe(29460061);
  });
});
