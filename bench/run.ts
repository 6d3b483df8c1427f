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
if (!process.argv[2]?.startsWith('cronjob')) {
  benchDayOf100Pods();
  console.log();
  benchEventsPerSecond();
}

/** An every-minute (`*\/1`) CronJob running `date` in busybox: the lesson's example, with the default history limits. */
function cronJobManifest(name: string): import('../src/api/cronjob').CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox', command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'] }], restartPolicy: 'OnFailure' } } } },
    },
  } as import('../src/api/cronjob').CronJob;
}

/**
 * Seven simulated days in one advance, as `kubeville advance 7d` does it. With time-lapse (the default) the hours
 * that repeat the one before them exactly are skipped; `full` simulates every hour, for comparison.
 */
function benchCronJobWeek(count: number, mode: 'lapse' | 'full'): void {
  const sim = createSimulation({ start: START, workers: 2, seed: 11 });
  sim.timeLapse = mode === 'lapse';
  let jobsCreated = 0;
  sim.onStoreChange((c) => {
    if (c.type === 'ADDED' && c.object.kind === 'Job') jobsCreated++;
  });
  for (let i = 0; i < count; i++) sim.api.create(cronJobManifest(count === 1 ? 'hello' : `hello-${i}`));
  sim.settle();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  sim.advance(7 * 24 * 3600 * 1000);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const heapAfter = process.memoryUsage().heapUsed;
  const saved = JSON.stringify(sim.save());
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  // Each skipped minute held the same runs as the minutes before it: one per CronJob.
  const runs = jobsCreated + (sim.lapsedMs / 60_000) * count;
  console.log(`7 simulated days of ${count} */1 CronJob${count > 1 ? 's' : ''}, ${mode === 'lapse' ? 'time-lapse on (default)' : 'every hour simulated (timeLapse = false)'}`);
  console.log(`  wall time:                 ${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms, all threads)`);
  console.log(`  scheduled runs:            ${runs} (${jobsCreated} Jobs simulated in full, ${(sim.lapsedMs / 3_600_000).toFixed(2)} repeating hours skipped); ${Math.round(runs / (ms / 1000))} runs/s, ${Math.round((cpuMs * 1000) / jobsCreated)} µs CPU per simulated Job`);
  console.log(`  kept at the end:           ${sim.store.count('Job')} jobs, ${sim.store.count('Pod')} pods, ${sim.store.count('Event')} events`);
  console.log(`  heap:                      ${mb(heapAfter)} MB after (${mb(heapBefore)} MB before)`);
  console.log(`  saved state:               ${(saved.length / 1024).toFixed(0)} KiB`);
}

const only = process.argv[2];
if (!only || only === 'cronjob' || only === 'cronjob1') {
  console.log();
  benchCronJobWeek(1, 'lapse');
}
if (!only || only === 'cronjob') {
  console.log();
  benchCronJobWeek(20, 'lapse');
}
if (only === 'cronjob-full') {
  console.log();
  benchCronJobWeek(1, 'full');
}

/** Services and traffic: 50 Deployments of 10 nginx pods, each behind a Service (ClusterIP, NodePort, LoadBalancer in turn). */
async function benchTraffic(): Promise<void> {
  const { connect } = await import('../src/network/connect');
  const { applyAction } = await import('../src/traffic/actions');
  const { trafficFrame } = await import('../src/traffic/traffic-frame');
  const sim = createSimulation({ start: START, seed: 7, workers: 5 });
  const [, setupMs] = time(() => {
    for (let i = 0; i < 50; i++) {
      const labels = { app: `app${i}` };
      sim.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `app${i}`, namespace: 'default' }, spec: { replicas: 10, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } } });
      const type = ['ClusterIP', 'NodePort', 'LoadBalancer'][i % 3];
      sim.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: `app${i}`, namespace: 'default' }, spec: { type, selector: labels, ports: [{ port: 80 }] } });
    }
    sim.api.create(podManifest('client', 'busybox', ['sleep', '86400']));
    sim.advance(120_000);
  });
  const ready = sim.store.list<Pod>('Pod', 'default').filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
  const client = { kind: 'pod' as const, namespace: 'default', name: 'client' };
  const n = 20_000;
  const [, podMs] = time(() => {
    for (let i = 0; i < n; i++) connect(sim, client, { host: `app${i % 50}`, port: 80 });
  });
  for (let i = 0; i < 50; i++) applyAction(sim, { type: 'start-traffic', from: { kind: 'internet' }, to: { service: { namespace: 'default', name: `app${i}` } }, rate: 100 });
  const [, genMs] = time(() => sim.advance(10_000));
  const frame = trafficFrame(sim);
  console.log('Services and traffic: 50 Services, 500 nginx pods on 6 nodes');
  console.log(`  set up (create + 2 min):   ${setupMs.toFixed(0)} ms; ${ready} pods ready`);
  console.log(`  connect() pod → Service:   ${Math.round(n / (podMs / 1000))} requests/s (DNS, kube-proxy, endpoint, reply)`);
  console.log(`  generators, Internet:      ${frame.total} requests in 10 simulated s took ${genMs.toFixed(0)} ms → ${Math.round(frame.total / (genMs / 1000))} simulated requests/s`);
  console.log(`  failures by reason:        ${JSON.stringify(frame.failures)} (ClusterIP Services are unreachable from outside)`);
}

if (!only || only === 'traffic') {
  console.log();
  await benchTraffic();
}
