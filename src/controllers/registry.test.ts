import { describe, expect, it } from 'vitest';
import type { Controller } from '../sim/controller';
import type { Simulation } from '../sim/simulation';
import type { StoreChange } from '../store/object-store';
import type { CronJob } from '../api/cronjob';
import type { Deployment } from '../api/workloads';
import { registerControllers } from './registry';
import { configMapManifest, newCluster, podManifest, serviceManifest } from '../testing/builders';

function registered(): Controller[] {
  const list: Controller[] = [];
  registerControllers({ addController: (c: Controller) => list.push(c), api: {} } as unknown as Simulation);
  return list;
}

/** Every store change of a busy half hour: a CronJob, a Deployment behind a Service, pods, a deleted namespace. */
function busyChanges(): StoreChange[] {
  const sim = newCluster({ seed: 5 });
  const changes: StoreChange[] = [];
  sim.onStoreChange((c) => changes.push(c));
  const cronJob: CronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'date'] }], restartPolicy: 'OnFailure' } } } } },
  };
  sim.api.create(cronJob);
  const deployment: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  };
  sim.api.create(deployment);
  sim.api.create(serviceManifest({ name: 'web', selector: { app: 'web' } }));
  sim.api.create(podManifest({ name: 'crash', image: 'busybox' }));
  sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'scratch' } });
  sim.advance(60_000);
  sim.api.create(configMapManifest('settings', { namespace: 'scratch' }));
  sim.advance(60_000);
  sim.api.delete('Namespace', undefined, 'scratch');
  sim.api.delete('Service', 'default', 'web');
  sim.advance(30 * 60_000);
  return changes;
}

describe('controller registry', () => {
  it('shows a change only to controllers that watch its kind, and the others would have asked nothing of it', () => {
    const controllers = registered().filter((c) => Array.isArray(c.watches));
    const changes = busyChanges();
    expect(new Set(changes.map((c) => c.object.kind)).size).toBeGreaterThan(8);
    for (const change of changes) {
      for (const c of controllers) {
        if ((c.watches as readonly string[]).includes(change.object.kind)) continue;
        expect({ controller: c.name, kind: change.object.kind, keys: c.keysFor(change) }).toEqual({ controller: c.name, kind: change.object.kind, keys: [] });
      }
    }
  });
});
