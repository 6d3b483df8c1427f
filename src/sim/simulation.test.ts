import { describe, expect, it } from 'vitest';
import type { Simulation } from './simulation';
import { restoreSimulation } from './create';
import { eventLines, newCluster, pod, podManifest, serviceManifest } from '../testing/builders';

/** Every store change as one line: time, type, kind, key, resourceVersion and the object's JSON. */
function recordLog(sim: Simulation): string[] {
  const log: string[] = [];
  sim.onStoreChange((c, now) => {
    const m = c.object.metadata;
    log.push(`${now} ${c.type} ${c.object.kind} ${m.namespace ?? ''}/${m.name} rv=${m.resourceVersion} ${JSON.stringify(c.object)}`);
  });
  return log;
}

/** A busy few minutes: a server, a crash loop, a bad image, a finished job-like pod, a Service and a deletion. */
function scenario(sim: Simulation): void {
  sim.api.create(podManifest({ name: 'web', image: 'nginx', labels: { app: 'web' }, ports: [{ containerPort: 80 }] }));
  sim.api.create(podManifest({ name: 'web2', image: 'nginx', labels: { app: 'web' }, ports: [{ containerPort: 80 }] }));
  sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' } }));
  sim.api.create(podManifest({ name: 'crash', image: 'busybox' }));
  sim.settle();
  sim.advance(15_000);
  sim.api.create(podManifest({ name: 'typo', image: 'ngnix' }));
  sim.api.create(podManifest({ generateName: 'once-', image: 'busybox', command: ['sleep', '30'], restartPolicy: 'Never' }));
  sim.advance(45_000);
  sim.api.delete('Pod', 'default', 'web2');
  sim.advance(4 * 60_000);
}

function runScenario(seed: number): string[] {
  const sim = newCluster({ seed });
  const log = recordLog(sim);
  scenario(sim);
  return log;
}

describe('quiescence', () => {
  it('runs all work due now before settle() returns, and nothing that is due later', () => {
    const sim = newCluster();
    const start = sim.now();
    sim.api.create(podManifest({ name: 'web' }));
    sim.settle();
    expect(sim.now()).toBe(start);
    // The scheduler has bound it at this instant…
    expect(pod(sim, 'web')?.spec.nodeName).toMatch(/^kind-worker2?$/);
    expect(eventLines(sim, 'web')).toEqual([expect.stringMatching(/^Scheduled: Successfully assigned default\/web to kind-worker2?$/)]);
    // …while the kubelet's sandbox is still being made: its work waits for time to pass.
    expect(sim.nextEventTime()).toBeGreaterThan(start);
    const rv = sim.store.resourceVersion;
    sim.settle();
    expect(sim.store.resourceVersion).toBe(rv);
    sim.advance(1_000);
    expect(eventLines(sim, 'web')[1]).toBe('Pulling: Pulling image "nginx"');
  });

  it('does each piece of future work at its own instant, not at the end of the advance', () => {
    const sim = newCluster();
    const log = recordLog(sim);
    sim.api.create(podManifest({ name: 'web' }));
    sim.advance(60_000);
    const times = log.filter((l) => l.includes(' Pod default/web ')).map((l) => Number(l.split(' ')[0]) - sim.now() + 60_000);
    expect(times[0]).toBe(0);
    // The pod became Running between 5 and 10 s in, and nothing happened to it after.
    expect(times[times.length - 1]).toBeGreaterThan(5_000);
    expect(times[times.length - 1]).toBeLessThan(10_000);
    expect(sim.now() - Date.parse('2026-01-05T09:00:00Z')).toBe(60_000);
  });

  it('advanceUntil stops at the instant the condition first holds', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'web' }));
    const start = sim.now();
    expect(sim.advanceUntil(() => pod(sim, 'web')?.status?.phase === 'Running', 60_000)).toBe(true);
    const at = sim.now();
    expect(at - start).toBeLessThan(10_000);
    expect(Date.parse(pod(sim, 'web')!.status!.containerStatuses![0].state.running!.startedAt!)).toBe(Math.floor(at / 1000) * 1000);
  });

  it('advanceUntil gives up at the timeout with the clock there', () => {
    const sim = newCluster();
    const start = sim.now();
    expect(sim.advanceUntil(() => false, 30_000)).toBe(false);
    expect(sim.now()).toBe(start + 30_000);
  });
});

describe('snapshots', () => {
  it('restores a saved simulation that then goes on exactly as the original', () => {
    const a = newCluster();
    a.api.create(podManifest({ name: 'web', labels: { app: 'web' } }));
    a.api.create(serviceManifest({ name: 'web', selector: { app: 'web' } }));
    a.api.create(podManifest({ name: 'crash', image: 'busybox' }));
    a.advance(3_500);
    const b = restoreSimulation(JSON.parse(JSON.stringify(a.save())), { freezeObjects: true });
    expect(JSON.stringify(b.save())).toBe(JSON.stringify(a.save()));
    const logA = recordLog(a);
    const logB = recordLog(b);
    for (const sim of [a, b]) {
      sim.advance(30_000);
      sim.api.create(podManifest({ name: 'late', image: 'nginx:1.27', labels: { app: 'web' } }));
      sim.api.delete('Pod', 'default', 'web');
      sim.advance(10 * 60_000);
    }
    expect(logB.length).toBeGreaterThan(20);
    expect(logB).toEqual(logA);
    expect(JSON.stringify(b.save())).toBe(JSON.stringify(a.save()));
  });

  it('saves a state that stays as it was while the simulation goes on', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'crash', image: 'busybox' }));
    sim.advance(2_000);
    const saved = sim.save();
    const bytes = JSON.stringify(saved);
    sim.advance(60_000);
    expect(JSON.stringify(saved)).toBe(bytes);
  });
});

describe('determinism', () => {
  it('gives a byte-identical event log for the same seed and inputs', () => {
    const first = runScenario(1234).join('\n');
    const second = runScenario(1234).join('\n');
    expect(first.length).toBeGreaterThan(10_000);
    expect(second).toBe(first);
  });

  it('gives a different event log for a different seed', () => {
    expect(runScenario(1235).join('\n')).not.toBe(runScenario(1234).join('\n'));
  });
});
