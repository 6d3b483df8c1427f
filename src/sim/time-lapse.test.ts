import { describe, expect, it } from 'vitest';
import type { CronJob } from '../api/cronjob';
import type { Event } from '../api/event';
import type { Job } from '../api/job';
import { TestCluster, TEST_START } from '../testing/test-cluster';
import { fingerprint, LAPSE_PERIOD_MS, schedulePeriod, shiftState } from './time-lapse';

const HOUR = LAPSE_PERIOD_MS;

function cronJobYaml(name: string, schedule: string, command: string, extra = ''): string {
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "${schedule}"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: ${name}
            image: busybox
            args: ["/bin/sh", "-c", "${command}"]${extra}
          restartPolicy: OnFailure
`;
}

const HELLO = cronJobYaml('hello', '*/1 * * * *', 'date; echo Hello from the Kubernetes cluster');

/** What a learner sees of the CronJob's work: Job names and states, pods' states, and the events by reason. */
function visible(t: TestCluster) {
  const jobs = t.sim.api.list<Job>('Job', 'default').map((j) => `${j.metadata.name} ${j.status?.succeeded ?? 0}/${j.status?.active ?? 0}`);
  const pods = t.sim.api.list('Pod', 'default').map((p) => `${p.metadata.name!.replace(/-[a-z0-9]{5}$/, '')} ${(p as { status?: { phase?: string } }).status?.phase}`);
  const reasons = new Map<string, number>();
  for (const e of t.sim.api.list<Event>('Event', 'default')) reasons.set(`${e.involvedObject.kind} ${e.reason}`, (reasons.get(`${e.involvedObject.kind} ${e.reason}`) ?? 0) + 1);
  const cronJobs = t.kubectl('get cronjobs').last.stdout;
  return { jobs, pods: pods.sort(), reasons: [...reasons].sort(), cronJobs, now: t.sim.now() };
}

// Each test simulates hours of an every-minute CronJob: seconds, not milliseconds, on a loaded machine.
describe('time-lapse', { timeout: 30_000 }, () => {
  it('skips the repeating hours of an every-minute CronJob and ends where the full simulation ends', () => {
    const lapsed = new TestCluster().apply(HELLO);
    const full = new TestCluster().apply(HELLO);
    full.sim.timeLapse = false;
    lapsed.advance(3.5 * HOUR);
    full.advance(3.5 * HOUR);
    expect(lapsed.sim.lapsedMs).toBeGreaterThanOrEqual(20 * 60_000);
    expect(full.sim.lapsedMs).toBe(0);
    expect(visible(lapsed)).toEqual(visible(full));
    // Everything left is the controllers' own work after the jump: Job names follow their scheduled minute.
    for (const job of lapsed.sim.api.list<Job>('Job', 'default')) {
      const minute = Number(job.metadata.name!.split('-')[1]);
      expect(Date.parse(job.metadata.creationTimestamp!)).toBe(minute * 60_000);
    }
  }, 30_000);

  it.each([0, 2_000, 29_000, 58_500])('lapses whatever second of the minute the advance starts at (+%i ms)', (offset) => {
    const t = new TestCluster({ freezeObjects: false }).apply(HELLO).advance(offset).advance(3.5 * HOUR);
    expect(t.sim.lapsedMs).toBeGreaterThan(0);
  });

  it('goes on at every-minute pace after the jump, firing at second 0', () => {
    const t = new TestCluster().apply(HELLO).advance(7 * 24 * HOUR);
    expect(t.sim.lapsedMs).toBeGreaterThan(160 * HOUR);
    const before = t.sim.api.list<Job>('Job', 'default').map((j) => j.metadata.name);
    t.advance('60s');
    const after = t.sim.api.list<Job>('Job', 'default').map((j) => j.metadata.name);
    expect(after).not.toEqual(before);
    expect(Date.parse(t.sim.api.get<Job>('Job', 'default', after[after.length - 1]!).metadata.creationTimestamp!) % 60_000).toBe(0);
  }, 30_000);

  it('is deterministic: the same inputs give the same saved state', () => {
    const a = new TestCluster().apply(HELLO).advance(3.5 * HOUR);
    const b = new TestCluster().apply(HELLO).advance(3.5 * HOUR);
    expect(a.sim.lapsedMs).toBeGreaterThan(0);
    expect(JSON.stringify(a.sim.save())).toBe(JSON.stringify(b.sim.save()));
  }, 30_000);

  it('tells watchers about every object the jump moved', () => {
    const t = new TestCluster().apply(HELLO);
    const seen = new Map<string, string>();
    t.sim.onStoreChange((c) => {
      const key = `${c.object.kind}/${c.object.metadata.namespace}/${c.object.metadata.name}`;
      if (c.type === 'DELETED') seen.delete(key);
      else seen.set(key, c.object.metadata.resourceVersion!);
    });
    t.advance(3.5 * HOUR);
    expect(t.sim.lapsedMs).toBeGreaterThan(0);
    for (const o of t.sim.store.save().objects) {
      if (seen.has(`${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)) expect(seen.get(`${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toBe(o.metadata.resourceVersion);
    }
  });

  it('simulates every hour when each run leaves something behind (a file per run on a hostPath)', () => {
    const volume = `
            volumeMounts:
            - name: out
              mountPath: /out
          volumes:
          - name: out
            hostPath:
              path: /out`;
    const t = new TestCluster().apply(cronJobYaml('stamp', '*/1 * * * *', 'date > /out/$(date +%s)', volume)).advance(3.5 * HOUR);
    expect(t.sim.lapsedMs).toBe(0);
    expect(t.sim.api.list<Job>('Job', 'default').length).toBeGreaterThan(0);
  });

  it('simulates every hour when a schedule depends on the hour or the day', () => {
    const t = new TestCluster().apply(cronJobYaml('office', '*/1 9-17 * * *', 'date')).advance(3.5 * HOUR);
    expect(t.sim.lapsedMs).toBe(0);
  });

  it('can be turned off', () => {
    const t = new TestCluster().apply(HELLO);
    t.sim.timeLapse = false;
    t.advance(3.5 * HOUR);
    expect(t.sim.lapsedMs).toBe(0);
  });
});

describe('fingerprint', { timeout: 30_000 }, () => {
  it('is the same at two boundaries an hour apart once a CronJob is steady, and differs from an unsteady hour', () => {
    const t = new TestCluster().apply(HELLO);
    t.sim.timeLapse = false;
    t.advance(5 * 60_000);
    const prints: string[] = [];
    for (let h = 0; h < 3; h++) {
      t.advance(HOUR);
      prints.push(fingerprint(t.sim.save(), t.sim.now()));
    }
    expect(prints[1]).toBe(prints[2]);
    t.kubectl('run web --image=nginx').advance(HOUR);
    expect(fingerprint(t.sim.save(), t.sim.now())).not.toBe(prints[2]);
  });
});

describe('shiftState', () => {
  it('moves times near the boundary, keeping their precision and zone, and leaves older ones', () => {
    const t = new TestCluster();
    const state = t.sim.save();
    const boundary = TEST_START + 2 * HOUR;
    const withTimes = {
      ...state,
      store: {
        ...state.store,
        objects: [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'times', namespace: 'default', creationTimestamp: '2026-01-05T09:00:00Z' },
            data: { micro: '2026-01-05T10:30:00.123456Z', zoned: '2026-01-05T11:30:00+01:00', old: '2026-01-05T08:00:00Z', word: 'x' },
          },
        ],
      },
    };
    const moved = shiftState(withTimes, boundary, 24 * HOUR);
    const data = (moved.store.objects[0] as unknown as { data: Record<string, string>; metadata: { creationTimestamp: string } }).data;
    expect(data).toEqual({ micro: '2026-01-06T10:30:00.123456Z', zoned: '2026-01-06T11:30:00+01:00', old: '2026-01-05T08:00:00Z', word: 'x' });
    expect(moved.now).toBe(state.now + 24 * HOUR);
  });
});

describe('schedulePeriod', () => {
  const cj = (schedule: string, timeZone?: string, suspend = false): CronJob => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'x' },
    spec: { schedule, timeZone, suspend, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'x', image: 'busybox' }] } } } } },
  });
  const MIN = 60_000;
  it.each([
    ['*/1 * * * *', undefined, MIN],
    ['*/15 * * * *', undefined, 15 * MIN],
    ['15,45 * * * *', undefined, 30 * MIN],
    ['7 * * * *', undefined, HOUR],
    ['@hourly', undefined, HOUR],
    ['*/5 * * * *', 'Europe/Paris', 5 * MIN],
    ['*/5 * * * *', 'Asia/Kolkata', 5 * MIN],
    ['0 * * * 1-5', undefined, undefined],
    ['*/1 9-17 * * *', undefined, undefined],
    ['0 0 * * *', undefined, undefined],
    ['@every 7m', undefined, undefined],
    ['@every 5m', undefined, 5 * MIN],
  ])('%s in %s: %s', (schedule, zone, expected) => {
    expect(schedulePeriod([cj(schedule, zone)], TEST_START, TEST_START + 7 * 24 * HOUR)).toBe(expected);
  });

  it('is undefined without a CronJob that fires (nothing to gain from skipping)', () => {
    expect(schedulePeriod([], TEST_START, TEST_START + HOUR)).toBeUndefined();
    expect(schedulePeriod([cj('*/1 * * * *', undefined, true)], TEST_START, TEST_START + HOUR)).toBeUndefined();
  });

  it('is the least common multiple of the CronJobs’ periods', () => {
    expect(schedulePeriod([cj('*/4 * * * *'), cj('*/6 * * * *')], TEST_START, TEST_START + HOUR)).toBe(12 * MIN);
  });
});
