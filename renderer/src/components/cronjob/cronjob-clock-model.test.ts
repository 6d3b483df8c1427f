import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/api/meta';
import type { CronJobClock } from '../../../../src/host/api';
import { clockView, formatCountdown, soonestTick } from './cronjob-clock-model';
import { explainOutput } from './error-explanations';

const clock = (over: Partial<CronJobClock> = {}): CronJobClock => ({
  uid: 'cj-1',
  namespace: 'default',
  name: 'dump',
  schedule: '*/1 * * * *',
  timeZone: 'UTC',
  zoneFromSpec: false,
  text: { en: 'Every minute', fr: 'Toutes les minutes' },
  suspended: false,
  concurrencyPolicy: 'Allow',
  nextRuns: ['2026-01-05T09:02:00Z', '2026-01-05T09:03:00Z', '2026-01-05T09:04:00Z'],
  decisions: [{ at: '2026-01-05T09:01:00Z', scheduledTime: '2026-01-05T09:01:00Z', decision: 'created', detail: 'dump-29460061' }],
  ...over,
});

const job: KubeObject = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'dump-29460061', namespace: 'default', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'dump', uid: 'cj-1', controller: true }] },
  spec: {},
  status: {},
};
const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'dump-29460061-abcde', namespace: 'default', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'dump-29460061', uid: 'j-1', controller: true }] },
  spec: { containers: [{ name: 'c', image: 'busybox' }] },
  status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, image: 'busybox', imageID: '', state: { running: { startedAt: '2026-01-05T09:01:05Z' } } }] },
};

describe('CronJob clock view', () => {
  it('fires for a few seconds after a Job is created, with the Job and its pod', () => {
    const v = clockView(clock(), [job, pod], '2026-01-05T09:01:02Z', 'fr');
    expect(v.firing).toBe(true);
    expect(v.text).toBe('Toutes les minutes');
    expect(v.runs[0]).toMatchObject({ kind: 'created', job: 'dump-29460061', jobState: 'Running', pods: [{ name: 'dump-29460061-abcde', category: 'Running' }] });
    expect(v.kept).toEqual({ complete: 0, failed: 0, running: 1 });
  });

  it('counts down to the next run and sweeps the hand through the period', () => {
    const v = clockView(clock(), [], '2026-01-05T09:01:45Z', 'en');
    expect(v.firing).toBe(false);
    expect(v.countdownMs).toBe(15_000);
    expect(v.progress).toBeCloseTo(0.75);
    expect(v.runs[0].jobState).toBe('gone');
  });

  it.each([
    ['skipped: Forbid', 'skipped'],
    ['replaced', 'replaced'],
    ['missed deadline', 'missed'],
    ['suspended', 'suspended'],
  ] as const)('shows a %s decision as a %s run', (decision, kind) => {
    const v = clockView(clock({ decisions: [{ at: '2026-01-05T09:02:00Z', decision }] }), [], '2026-01-05T09:02:10Z', 'en');
    expect(v.runs.map((r) => r.kind)).toEqual([kind]);
  });

  it('merges repeated suspended decisions into one', () => {
    const d = { at: '2026-01-05T09:02:00Z', decision: 'suspended' as const };
    expect(clockView(clock({ decisions: [d, d, d] }), [], '2026-01-05T09:02:10Z', 'en').runs).toHaveLength(1);
  });

  it('finds the soonest tick among CronJobs', () => {
    expect(soonestTick([clock(), clock({ nextRuns: ['2026-01-05T09:01:30Z'] }), clock({ nextRuns: [] })])).toBe('2026-01-05T09:01:30Z');
    expect(soonestTick([])).toBeUndefined();
  });

  it.each([
    [15_000, '0:15'],
    [60_000, '1:00'],
    [3_723_000, '1:02:03'],
  ])('formats a %i ms countdown as %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('console explanations', () => {
  it('explains kubectl’s batch/v1beta1 error on a 1.32 cluster', () => {
    const err = 'error: resource mapping not found for name: "dump" namespace: "" from "mongo-dump-cronjob.yaml": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\n';
    const [e] = explainOutput('', err, 32);
    expect(e).toMatchObject({ id: 'removed-api-version', fix: { key: 'cronjob.explain.removedApi.fix', params: { replacement: 'batch/v1' } } });
  });

  it('explains the deprecation warning of 1.24', () => {
    const [e] = explainOutput('cronjob.batch/dump created\n', 'Warning: batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob\n', 24);
    expect(e).toMatchObject({ id: 'deprecated-api-version', why: { params: { removed: 25, replacement: 'batch/v1' } } });
  });

  it('says nothing about other errors', () => {
    expect(explainOutput('', 'Error from server (NotFound): pods "x" not found\n', 32)).toEqual([]);
  });
});
