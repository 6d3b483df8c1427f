import { describe, expect, it } from 'vitest';
import type { Job } from '../../api/job';
import type { CronJob } from '../../api/cronjob';
import { cronJobTable, jobTable } from './job-columns';

const NOW = Date.parse('2026-01-05T10:00:00Z');
const job: Job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi', creationTimestamp: '2026-01-05T09:58:00Z' },
  spec: { completions: 1, template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } }, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } } },
  status: { succeeded: 1, startTime: '2026-01-05T09:58:00Z', completionTime: '2026-01-05T09:58:12Z', conditions: [{ type: 'Complete', status: 'True' }] },
};
const cron: CronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'hello', creationTimestamp: '2026-01-05T09:00:00Z' },
  spec: { schedule: '*/1 * * * *', suspend: false, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } } } },
  status: { lastScheduleTime: '2026-01-05T09:59:00Z' },
};

describe('job tables', () => {
  it('has a STATUS column from 1.30 on', () => {
    const t = jobTable([job], { now: NOW, minor: 32, wide: false });
    expect(t.columns.map((c) => c.name).slice(0, 5)).toEqual(['Name', 'Status', 'Completions', 'Duration', 'Age']);
    expect(t.rows[0].cells).toEqual(['pi', 'Complete', '1/1', '12s', '2m']);
  });

  it('has no STATUS column before 1.30', () => {
    expect(jobTable([job], { now: NOW, minor: 29, wide: false }).rows[0].cells).toEqual(['pi', '1/1', '12s', '2m']);
  });

  it('prints cron jobs with TIMEZONE <none> from 1.30 on', () => {
    expect(cronJobTable([cron], { now: NOW, minor: 32, wide: false }).rows[0].cells).toEqual(['hello', '*/1 * * * *', '<none>', 'False', '0', '60s', '60m']);
    expect(cronJobTable([cron], { now: NOW, minor: 28, wide: false }).rows[0].cells).toEqual(['hello', '*/1 * * * *', 'False', '0', '60s', '60m']);
  });
});
