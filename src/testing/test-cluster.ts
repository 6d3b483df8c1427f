// A fluent harness for tests: drive a simulated cluster as a user would, then assert on what it shows.
//   await new TestCluster().kubectl('run web --image=nginx').advance('30s').pod('web').phase
import type { KubeObject } from '../api/meta';
import type { Pod } from '../api/pod';
import { runKubectl } from '../kubectl/kubectl';
import type { KubectlResult } from '../kubectl/context';
import { createSimulation, restoreSimulation, type CreateOptions } from '../sim/create';
import { parseDuration } from '../sim/duration';
import type { Simulation } from '../sim/simulation';
import { splitWords } from '../host/shell-words';

export const TEST_START = Date.parse('2026-01-05T09:00:00Z');

export class TestCluster {
  readonly sim: Simulation;
  readonly files = new Map<string, string>();
  last: KubectlResult = { stdout: '', stderr: '', exitCode: 0 };

  constructor(options: Partial<CreateOptions> = {}) {
    this.sim = createSimulation({ start: TEST_START, seed: 1, workers: 2, freezeObjects: true, ...options });
  }

  static fromSimulation(sim: Simulation): TestCluster {
    const t = Object.create(TestCluster.prototype) as TestCluster;
    Object.assign(t, { sim, files: new Map(), last: { stdout: '', stderr: '', exitCode: 0 } });
    return t;
  }

  /** Writes a file that `kubectl apply -f NAME` can read. */
  file(name: string, text: string): this {
    this.files.set(name, text);
    return this;
  }

  /** Runs a kubectl command line (without the leading `kubectl`); the result is in `.last`. */
  kubectl(line: string, stdin = ''): this {
    const args = splitWords(line.replace(/^kubectl\s+/, ''));
    this.last = runKubectl(args, { sim: this.sim, files: { read: (p) => this.files.get(p.replace(/^\.\//, '')) }, stdin, defaultNamespace: 'default' });
    return this;
  }

  /** `kubectl apply -f -` with this YAML. */
  apply(yaml: string): this {
    return this.kubectl('apply -f -', yaml);
  }

  /** Runs simulated time forward: `advance('30s')`, `advance('5m')`, or milliseconds. */
  advance(duration: string | number): this {
    const ms = typeof duration === 'number' ? duration : parseDuration(duration);
    if (ms === undefined) throw new Error(`bad duration ${duration}`);
    this.sim.advance(ms);
    return this;
  }

  get<T extends KubeObject = KubeObject>(kind: string, name: string, namespace = 'default'): T | undefined {
    return this.sim.api.tryGet<T>(kind, namespace, name);
  }

  pod(name: string, namespace = 'default'): Pod | undefined {
    return this.get<Pod>('Pod', name, namespace);
  }

  pods(namespace = 'default'): Pod[] {
    return this.sim.api.list<Pod>('Pod', namespace);
  }

  /** Reasons of the Events about an object, in order. */
  eventReasons(name: string, namespace = 'default'): string[] {
    return this.sim.api
      .list<KubeObject & { involvedObject: { name: string }; reason: string }>('Event', namespace)
      .filter((e) => e.involvedObject.name === name)
      .map((e) => e.reason);
  }

  /** A copy of this cluster through a snapshot (saved and restored). */
  roundTrip(): TestCluster {
    const state = JSON.parse(JSON.stringify(this.sim.save()));
    return TestCluster.fromSimulation(restoreSimulation(state, { freezeObjects: true }));
  }
}
