// What the engine can do right now, detected from the engine itself (kubectl's command table, registered
// controllers, and small probes run on a scratch cluster), so a lesson needing more is skipped, never passed.
import type { Pod } from '../api/pod';
import { COMMANDS } from '../kubectl/kubectl';
import { runKubectl } from '../kubectl/kubectl';
import { createSimulation } from '../sim/create';
import type { Simulation } from '../sim/simulation';
import { KNOWN_CAPABILITIES } from './capability-names';
import { nodeFiles } from './checks';

const START = Date.parse('2026-01-05T09:00:00Z');

function scratch(): Simulation {
  return createSimulation({ start: START, workers: 1, seed: 1, cloudProvider: 'simulated' });
}

function apply(sim: Simulation, yaml: string): void {
  runKubectl(['apply', '-f', '-'], { sim, files: { read: () => undefined }, stdin: yaml, defaultNamespace: 'default' });
}

function commandRuns(name: string): boolean {
  return Boolean(COMMANDS.find((c) => c.name === name)?.run);
}

function podExitCode(sim: Simulation, name: string): number | undefined {
  const pod = sim.api.tryGet<Pod>('Pod', 'default', name);
  return pod?.status?.containerStatuses?.[0]?.state?.terminated?.exitCode;
}

const PROBES: Record<string, () => boolean> = {
  exec: () => commandRuns('exec'),
  logs: () => commandRuns('logs'),
  events: () => commandRuns('events'),
  wait: () => commandRuns('wait'),
  traffic: () => scratch().controllerNames().includes('traffic'),
  deployments: () => {
    const sim = scratch();
    apply(sim, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: probe}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: probe}}\n  template:\n    metadata: {labels: {app: probe}}\n    spec:\n      containers: [{name: web, image: nginx}]\n');
    sim.advance(10_000);
    return sim.api.list<Pod>('Pod', 'default').some((p) => p.metadata.labels?.app === 'probe');
  },
  loadbalancer: () => {
    const sim = scratch();
    apply(sim, 'apiVersion: v1\nkind: Service\nmetadata: {name: probe}\nspec:\n  type: LoadBalancer\n  selector: {app: probe}\n  ports: [{port: 80}]\n');
    sim.advance(30_000);
    const svc = sim.api.tryGet('Service', 'default', 'probe') as { status?: { loadBalancer?: { ingress?: unknown[] } } } | undefined;
    return Boolean(svc?.status?.loadBalancer?.ingress?.length);
  },
  mongodump: () => {
    const sim = scratch();
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: probe}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: mongo\n    image: mongo:4.0\n    command: [/bin/bash, -c, "mongodump --version"]\n');
    sim.advance(180_000);
    return podExitCode(sim, 'probe') === 0;
  },
  'hostpath-files': () => {
    const sim = scratch();
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata: {name: probe}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: probe\n    image: busybox\n    command: [/bin/sh, -c, "echo x > /probe/written"]\n    volumeMounts: [{name: p, mountPath: /probe}]\n  volumes: [{name: p, hostPath: {path: /probe}}]\n');
    sim.advance(60_000);
    return [...nodeFiles(sim).values()].some((files) => files.has('probe/written'));
  },
};

let cache: Map<string, boolean> | undefined;

/** True if the engine has `capability` (probes run once per process). */
export function hasCapability(capability: string): boolean {
  cache ??= new Map();
  if (!cache.has(capability)) {
    let ok = false;
    try {
      ok = PROBES[capability]?.() ?? false;
    } catch {
      ok = false;
    }
    cache.set(capability, ok);
  }
  return cache.get(capability)!;
}

/** The capabilities among `wanted` that the engine lacks. */
export function missingCapabilities(wanted: string[]): string[] {
  return wanted.filter((c) => !hasCapability(c));
}

/** Every known capability and whether the engine has it. */
export function capabilityReport(): Record<string, boolean> {
  return Object.fromEntries(KNOWN_CAPABILITIES.map((c) => [c, hasCapability(c)]));
}

/** Forgets what was detected (tests that register commands). */
export function resetCapabilityCache(): void {
  cache = undefined;
}
