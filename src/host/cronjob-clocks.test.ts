import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/test-cluster';
import { cronJobClocks } from './cronjob-clocks';

const cronJob = (name: string, schedule: string, extra = '') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "${schedule}"${extra}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: c
            image: busybox
            command: ["sleep", "90"]
`;

describe('CronJob clocks', () => {
  it('gives the schedule in words, the zone and the next three runs at second 0', () => {
    const c = new TestCluster().apply(cronJob('every', '*/1 * * * *')).advance('20s');
    const [clock] = cronJobClocks(c.sim);
    expect(clock).toMatchObject({ name: 'every', timeZone: 'UTC', zoneFromSpec: false, suspended: false, text: { en: 'Every minute', fr: 'Toutes les minutes' } });
    expect(clock.nextRuns).toEqual(['2026-01-05T09:01:00Z', '2026-01-05T09:02:00Z', '2026-01-05T09:03:00Z']);
  });

  it('says both days suffice when day of month and day of week are both restricted', () => {
    const c = new TestCluster().apply(cronJob('both', '0 9 13 * 5'));
    expect(cronJobClocks(c.sim)[0].text.en).toContain('(either the day of the month or the day of the week is enough)');
  });

  it('records created runs and skipped ones under Forbid', () => {
    const c = new TestCluster().apply(cronJob('forbid', '*/1 * * * *', '\n  concurrencyPolicy: Forbid')).advance('2m30s');
    const decisions = cronJobClocks(c.sim)[0].decisions.map((d) => d.decision);
    expect(decisions).toContain('created');
    expect(decisions).toContain('skipped: Forbid');
  });

  it('shows a suspended CronJob with no next run', () => {
    const c = new TestCluster().apply(cronJob('paused', '*/1 * * * *', '\n  suspend: true')).advance('70s');
    const [clock] = cronJobClocks(c.sim);
    expect(clock.suspended).toBe(true);
    expect(clock.nextRuns).toEqual([]);
  });
});
