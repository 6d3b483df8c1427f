// `npm run bench`: figures, printed, never asserted. Each section says what it measures.
import { createSimulation } from '../src/sim/create';
import type { Pod } from '../src/api/pod';

const START = Date.parse('2026-01-05T09:00:00Z');

function heapMb(): number {
  return Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

function podManifest(name: string, image: string, command?: string[]): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'bench' } }, spec: { containers: [{ name: 'main', image, ...(command ? { command } : {}) }] } };
}

function benchDayOf100Pods(): void {
  const sim = createSimulation({ start: START, workers: 2, seed: 7 });
  let changes = 0;
  sim.onStoreChange(() => changes++);
  const [, createMs] = time(() => {
    for (let i = 0; i < 100; i++) {
      // A mix: long-running servers, and short jobs that finish and are replaced.
      const image = i % 3 === 0 ? 'busybox' : 'nginx';
      sim.api.create(podManifest(`pod-${i}`, image, i % 3 === 0 ? ['sleep', '3600'] : undefined));
    }
  });
  const [, dayMs] = time(() => sim.advance(24 * 3600 * 1000));
  const saved = JSON.stringify(sim.save());
  console.log('A simulated day, 100 pods on 3 nodes (1 control plane + 2 workers)');
  console.log(`  create 100 pods:           ${createMs.toFixed(1)} ms`);
  console.log(`  advance 24 h:              ${dayMs.toFixed(1)} ms`);
  console.log(`  store changes:             ${changes}  (${Math.round(changes / ((createMs + dayMs) / 1000))} changes/s)`);
  console.log(`  saved state:               ${(saved.length / 1024).toFixed(0)} KiB; heap ${heapMb()} MB`);
}

function benchEventsPerSecond(): void {
  const sim = createSimulation({ start: START, workers: 2, seed: 3 });
  let changes = 0;
  sim.onStoreChange(() => changes++);
  // Crash-looping pods generate a steady stream of kubelet work and Events.
  for (let i = 0; i < 50; i++) sim.api.create(podManifest(`crash-${i}`, 'busybox'));
  const [, ms] = time(() => sim.advance(6 * 3600 * 1000));
  console.log('Throughput: 50 crash-looping pods for 6 simulated hours');
  console.log(`  wall time:                 ${ms.toFixed(1)} ms`);
  console.log(`  store changes:             ${changes}  (${Math.round(changes / (ms / 1000))} changes/s)`);
  console.log(`  events kept (1 h TTL):     ${sim.store.count('Event')}`);
}

console.log(`Kubeville bench — node ${process.version}, ${new Date().toISOString()}\n`);
benchDayOf100Pods();
console.log();
benchEventsPerSecond();
