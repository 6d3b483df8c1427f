import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/test-cluster';
import { eventInterval, sortEvents } from './events';
import type { Event } from '../../api/event';

const NOW = Date.parse('2026-01-05T09:10:00Z');
const ev = (name: string, extra: Partial<Event> & { series?: { count: number; lastObservedTime: string } }): Event =>
  ({ apiVersion: 'v1', kind: 'Event', metadata: { name }, involvedObject: { kind: 'Pod', name: 'p' }, ...extra }) as Event;

describe('kubectl events', () => {
  it.each([
    ['a single event', ev('a', { firstTimestamp: '2026-01-05T09:09:55Z', lastTimestamp: '2026-01-05T09:09:55Z', count: 1 }), '5s'],
    ['a repeated core/v1 event', ev('b', { firstTimestamp: '2026-01-05T09:00:00Z', lastTimestamp: '2026-01-05T09:09:30Z', count: 4 }), '30s (x4 over 10m)'],
    ['an events.k8s.io series', ev('c', { eventTime: '2026-01-05T09:08:00.000000Z', series: { count: 3, lastObservedTime: '2026-01-05T09:09:00.000000Z' } }), '60s (x3 over 2m)'],
  ])('shows %s as %s', (_what, e, text) => {
    expect(eventInterval(e, NOW)).toBe(text);
  });

  it('sorts by series time, else lastTimestamp, else eventTime, keeping ties in order', () => {
    const list = [
      ev('late', { lastTimestamp: '2026-01-05T09:05:00Z' }),
      ev('series', { eventTime: '2026-01-05T09:00:00.000000Z', series: { count: 2, lastObservedTime: '2026-01-05T09:06:00.000000Z' } }),
      ev('early', { eventTime: '2026-01-05T09:01:00.000000Z' }),
      ev('tie', { lastTimestamp: '2026-01-05T09:05:00Z' }),
    ];
    expect(sortEvents(list).map((e) => e.metadata.name)).toEqual(['early', 'late', 'tie', 'series']);
  });

  it('prints LAST SEEN TYPE REASON OBJECT MESSAGE sorted by time, with Kind/name objects', () => {
    const c = new TestCluster().kubectl('create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"').advance('45s');
    c.kubectl('events --for job/myjob1');
    expect(c.last.stdout).toMatch(/^LAST SEEN {3}TYPE {5}REASON {13}OBJECT {7}MESSAGE\n45s {9}Normal {3}SuccessfulCreate {3}Job\/myjob1 {3}Created pod: myjob1-[a-z0-9]{5}\n1\ds {9}Normal {3}Completed {10}Job\/myjob1 {3}Job completed\n$/);
    c.kubectl('events --types=Warning');
    expect(c.last).toEqual({ stdout: '', stderr: 'No events found in default namespace.\n', exitCode: 0 });
    c.kubectl('events --types=Info');
    expect(c.last.stderr).toBe('error: valid --types are Normal or Warning\n');
  });

  it('filters get events by involvedObject.name and fills the MESSAGE column', () => {
    const c = new TestCluster().kubectl('create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"').advance('45s');
    c.kubectl('get events --field-selector involvedObject.name=myjob1');
    expect(c.last.stdout).toMatch(/^LAST SEEN {3}TYPE {5}REASON {13}OBJECT {7}MESSAGE\n45s {9}Normal {3}SuccessfulCreate {3}job\/myjob1 {3}Created pod: myjob1-[a-z0-9]{5}\n1\ds {9}Normal {3}Completed {10}job\/myjob1 {3}Job completed\n$/);
  });
});
