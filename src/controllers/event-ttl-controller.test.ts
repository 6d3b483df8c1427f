import { describe, expect, it } from 'vitest';
import type { Event } from '../api/event';
import { configMapManifest, eventsAbout, newCluster, podManifest } from '../testing/builders';

const MIN = 60_000;

describe('event TTL', () => {
  it('removes events an hour after they were last seen', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'web' }));
    sim.advance(30_000);
    expect(eventsAbout(sim, 'web').map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    sim.advance(59 * MIN);
    expect(eventsAbout(sim, 'web')).toHaveLength(5);
    // Scheduled at 0 s goes first; Started (5–10 s in) last.
    sim.advance(MIN - 30_000 + 1_000);
    expect(eventsAbout(sim, 'web').map((e) => e.reason)).not.toContain('Scheduled');
    sim.advance(10_000);
    expect(eventsAbout(sim, 'web')).toEqual([]);
  });

  it('aggregates a repeated event into one with a higher count, which lives an hour from its last sighting', () => {
    const sim = newCluster();
    const cm = sim.api.create(configMapManifest('settings'));
    const source = { component: 'test-controller' };
    sim.events.record(cm, 'Warning', 'Invalid', 'key "x" is not allowed', source);
    sim.settle();
    sim.advance(30 * MIN);
    sim.events.record(cm, 'Warning', 'Invalid', 'key "x" is not allowed', source);
    sim.events.record(cm, 'Normal', 'Other', 'a different event', source);
    sim.settle();
    const events = eventsAbout(sim, 'settings');
    expect(events).toHaveLength(2);
    const invalid = events.find((e) => e.reason === 'Invalid') as Event;
    expect(invalid.count).toBe(2);
    expect(invalid.firstTimestamp).toBe('2026-01-05T09:00:00Z');
    expect(invalid.lastTimestamp).toBe('2026-01-05T09:30:00Z');
    sim.advance(31 * MIN);
    expect(eventsAbout(sim, 'settings').map((e) => e.reason)).toEqual(['Invalid', 'Other']);
    sim.advance(30 * MIN);
    expect(eventsAbout(sim, 'settings')).toEqual([]);
  });

  it('starts a new event once the old one has expired', () => {
    const sim = newCluster();
    const cm = sim.api.create(configMapManifest('settings'));
    const source = { component: 'test-controller' };
    sim.events.record(cm, 'Normal', 'Synced', 'ok', source);
    sim.advance(61 * MIN);
    sim.events.record(cm, 'Normal', 'Synced', 'ok', source);
    sim.settle();
    const [event] = eventsAbout(sim, 'settings');
    expect(event.count).toBe(1);
    expect(event.firstTimestamp).toBe('2026-01-05T10:01:00Z');
  });
});
