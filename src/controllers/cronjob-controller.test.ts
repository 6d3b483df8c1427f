import { describe, expect, it } from 'vitest';
import type { CronJob, CronJobSpec } from '../api/cronjob';
import type { Job } from '../api/job';
import type { Pod } from '../api/pod';
import { ApiError } from '../apiserver/api-error';
import { eventLines, newCluster, START } from '../testing/builders';
import { restoreSimulation } from '../sim/create';
import type { Simulation } from '../sim/simulation';
import { CRONJOB_CONTROLLER, cronJobMemory, jobFromTemplate, rfc1123z, rfc3339In, SCHEDULED_TIMESTAMP_ANNOTATION } from './cronjob-controller';

function cronJobManifest(name: string, spec: Partial<CronJobSpec> = {}, command = ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster']): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ name, image: 'busybox', command }], restartPolicy: 'OnFailure' } } } },
      ...spec,
    },
  };
}

const jobs = (sim: Simulation) => sim.api.list<Job>('Job', 'default').map((j) => j.metadata.name).sort();
const minute = (n: number) => Math.floor(START / 60_000) + n;
const cj = (sim: Simulation, name: string) => sim.api.get<CronJob>('CronJob', 'default', name);

function update(sim: Simulation, name: string, spec: Partial<CronJobSpec>): void {
  const c = cj(sim, name);
  sim.api.update<CronJob>({ ...c, metadata: { ...c.metadata, resourceVersion: undefined }, spec: { ...c.spec, ...spec } });
  sim.settle();
}

describe('cronjob controller, end to end at the API level', () => {
  it('creates 5 jobs in 5 minutes at second 0, keeps 3 successful ones, each pod completes', () => {
    const sim = newCluster();
    sim.api.create(cronJobManifest('dump'));
    sim.settle();
    sim.advanceTo(START + 59_999);
    expect(jobs(sim)).toEqual([]);
    sim.advanceTo(START + 60_000);
    const first = sim.api.get<Job>('Job', 'default', `dump-${minute(1)}`);
    expect(first.metadata.creationTimestamp).toBe('2026-01-05T09:01:00Z');
    expect(first.metadata.annotations).toEqual({ [SCHEDULED_TIMESTAMP_ANNOTATION]: '2026-01-05T09:01:00Z' });
    expect(first.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'dump', uid: cj(sim, 'dump').metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(cj(sim, 'dump').status).toMatchObject({ lastScheduleTime: '2026-01-05T09:01:00Z', active: [{ kind: 'Job', name: `dump-${minute(1)}`, apiVersion: 'batch/v1' }] });
    sim.advanceTo(START + 5 * 60_000 + 30_000);
    const created = eventLines(sim, 'dump').filter((l) => l.startsWith('SuccessfulCreate'));
    expect(created).toEqual([1, 2, 3, 4, 5].map((n) => `SuccessfulCreate: Created job dump-${minute(n)}`));
    expect(jobs(sim)).toEqual([3, 4, 5].map((n) => `dump-${minute(n)}`));
    for (const j of sim.api.list<Job>('Job', 'default')) expect(j.status?.succeeded).toBe(1);
    expect(eventLines(sim, 'dump')).toEqual(expect.arrayContaining([`SawCompletedJob: Saw completed job: dump-${minute(1)}, condition: Complete`, `SuccessfulDelete: Deleted job dump-${minute(1)}`, `SuccessfulDelete: Deleted job dump-${minute(2)}`]));
    const pods = sim.api.list<Pod>('Pod', 'default');
    expect(pods.every((p) => p.status?.phase === 'Succeeded')).toBe(true);
    expect(pods).toHaveLength(3);
    const status = cj(sim, 'dump').status!;
    expect(status.active).toBeUndefined();
    expect(status.lastScheduleTime).toBe('2026-01-05T09:05:00Z');
    expect(status.lastSuccessfulTime).toMatch(/^2026-01-05T09:05:\d\dZ$/);
  });
});

describe('cronjob controller rules', () => {
  it('Forbid skips a run while the previous job runs, then starts it late when it ends', () => {
    const sim = newCluster();
    sim.api.create(cronJobManifest('forbid', { concurrencyPolicy: 'Forbid' }, ['sleep', '90']));
    sim.advanceTo(START + 2 * 60_000);
    expect(jobs(sim)).toEqual([`forbid-${minute(1)}`]);
    expect(eventLines(sim, 'forbid')).toContain('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');
    expect(cronJobMemory(sim.stateOf(CRONJOB_CONTROLLER), cj(sim, 'forbid').metadata.uid!)!.decisions.some((d) => d.decision === 'skipped: Forbid')).toBe(true);
    sim.advanceTo(START + 2 * 60_000 + 50_000);
    expect(jobs(sim)).toEqual([`forbid-${minute(1)}`, `forbid-${minute(2)}`]);
  });

  it('Replace deletes the running job and starts the new one', () => {
    const sim = newCluster();
    sim.api.create(cronJobManifest('rep', { concurrencyPolicy: 'Replace' }, ['sleep', '600']));
    sim.advanceTo(START + 2 * 60_000);
    expect(eventLines(sim, 'rep')).toContain(`SuccessfulDelete: Deleted job rep-${minute(1)}`);
    expect(jobs(sim)).toEqual([`rep-${minute(2)}`]);
    expect(cj(sim, 'rep').status!.active!.map((r) => r.name)).toEqual([`rep-${minute(2)}`]);
  });

  it('Allow runs jobs side by side', () => {
    const sim = newCluster();
    sim.api.create(cronJobManifest('all', {}, ['sleep', '600']));
    sim.advanceTo(START + 3 * 60_000);
    expect(cj(sim, 'all').status!.active).toHaveLength(3);
  });

  it('suspend stops runs; resuming starts one job for the most recent missed time only', () => {
    const sim = newCluster();
    sim.api.create(cronJobManifest('sus', { suspend: true }));
    sim.advanceTo(START + 10 * 60_000 + 20_000);
    expect(jobs(sim)).toEqual([]);
    update(sim, 'sus', { suspend: false });
    expect(jobs(sim)).toEqual([`sus-${minute(10)}`]);
    expect(sim.api.get<Job>('Job', 'default', `sus-${minute(10)}`).metadata.creationTimestamp).toBe('2026-01-05T09:10:20Z');
  });

  it('startingDeadlineSeconds: a resumed run that is too late is missed', () => {
    const sim = newCluster();
    sim.api.create(cronJobManifest('late', { suspend: true, startingDeadlineSeconds: 10 }));
    sim.advanceTo(START + 5 * 60_000 + 30_000);
    update(sim, 'late', { suspend: false });
    expect(jobs(sim)).toEqual([]);
    sim.advanceTo(START + 6 * 60_000);
    expect(jobs(sim)).toEqual([`late-${minute(6)}`]);
  });

  it('warns after more than 100 missed start times, and still runs the latest', () => {
    const sim = newCluster();
    sim.api.create(cronJobManifest('many', { suspend: true }));
    sim.advanceTo(START + 102 * 60_000 + 5000);
    update(sim, 'many', { suspend: false });
    expect(eventLines(sim, 'many')).toContain('TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    expect(jobs(sim)).toEqual([`many-${minute(102)}`]);
  });

  it('keeps failedJobsHistoryLimit failed jobs', () => {
    const sim = newCluster();
    sim.api.create(cronJobManifest('bad', { jobTemplate: { spec: { backoffLimit: 0, template: { spec: { containers: [{ name: 'bad', image: 'busybox', command: ['/bin/sh', '-c', 'exit 1'] }], restartPolicy: 'Never' } } } } }));
    sim.advanceTo(START + 3 * 60_000 + 40_000);
    expect(jobs(sim)).toEqual([`bad-${minute(3)}`]);
  });

  it('runs in spec.timeZone', () => {
    const sim = newCluster();
    sim.api.create(cronJobManifest('paris', { schedule: '5 10 * * *', timeZone: 'Europe/Paris' }));
    sim.advanceTo(START + 4 * 60_000);
    expect(jobs(sim)).toEqual([]);
    sim.advanceTo(Date.parse('2026-01-05T09:05:00Z'));
    expect(jobs(sim)).toEqual([`paris-${minute(5)}`]);
    expect(sim.api.get<Job>('Job', 'default', `paris-${minute(5)}`).metadata.annotations![SCHEDULED_TIMESTAMP_ANNOTATION]).toBe('2026-01-05T10:05:00+01:00');
  });

  it('rejects bad schedules and zones at the API server', () => {
    const sim = newCluster();
    const err = (spec: Partial<CronJobSpec>) => {
      try {
        sim.api.create(cronJobManifest('x', spec));
      } catch (e) {
        return (e as ApiError).message;
      }
      return 'created';
    };
    expect(err({ schedule: '* * * *' })).toBe('CronJob.batch "x" is invalid: spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]');
    expect(err({ timeZone: 'Mars/Base' })).toBe('CronJob.batch "x" is invalid: spec.timeZone: Invalid value: "Mars/Base": unknown time zone Mars/Base');
  });
});

describe('helpers', () => {
  it('formats times as Go does', () => {
    expect(rfc1123z(Date.parse('2026-01-05T09:01:00Z'))).toBe('Mon, 05 Jan 2026 09:01:00 +0000');
    expect(rfc3339In(Date.parse('2026-07-05T09:01:00Z'), 'Europe/Paris')).toBe('2026-07-05T11:01:00+02:00');
  });

  it('copies template labels and annotations to the job', () => {
    const c = { ...cronJobManifest('t'), metadata: { name: 't', namespace: 'default', uid: 'u1' } };
    c.spec.jobTemplate.metadata = { labels: { app: 'dump' }, annotations: { a: 'b' } };
    const j = jobFromTemplate(c, START, 27);
    expect(j.metadata).toEqual({ name: `t-${minute(0)}`, namespace: 'default', labels: { app: 'dump' }, annotations: { a: 'b' }, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 't', uid: 'u1', controller: true, blockOwnerDeletion: true }] });
  });
});

describe('determinism', () => {
  function run(splitAt?: number): string {
    let sim = newCluster();
    sim.api.create(cronJobManifest('d', { concurrencyPolicy: 'Forbid' }, ['sleep', '70']));
    if (splitAt !== undefined) {
      sim.advanceTo(START + splitAt);
      const state = JSON.parse(JSON.stringify(sim.save()));
      sim = restoreSimulation(state, { freezeObjects: true });
    }
    sim.advanceTo(START + 6 * 60_000);
    return JSON.stringify(sim.api.list('Event', 'default').map((e) => [e.metadata.name, (e as { reason?: string }).reason, (e as { message?: string }).message]));
  }

  it('gives the same event log with the same seed, through a snapshot too', () => {
    const a = run();
    expect(run()).toBe(a);
    expect(run(150_500)).toBe(a);
  });
});
