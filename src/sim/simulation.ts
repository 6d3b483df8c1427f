// One simulated cluster: store, API server, clock, timers, seeded randomness and the controllers that reconcile.
// After every input, all work due at the current instant runs to quiescence; later work waits for advance().
import type { KubeObject } from '../api/meta';
import { ApiServer } from '../apiserver/api-server';
import { EventRecorder } from '../apiserver/event-recorder';
import { ObjectStore, type StoreChange, type StoreState } from '../store/object-store';
import { SimClock } from './clock';
import type { ClusterConfig } from './cluster-config';
import type { Controller, ControllerContext } from './controller';
import { Rng, type RngState } from './rng';
import { fingerprint, LAPSE_MIN_ADVANCE_MS, LAPSE_OFFSET_MS, LAPSE_PERIOD_MS, schedulePeriod, shiftState } from './time-lapse';
import { TimerQueue, type TimerQueueState } from './timer-queue';

export interface SimulationState {
  now: number;
  config: ClusterConfig;
  rng: RngState;
  store: StoreState;
  timers: TimerQueueState;
  controllers: Record<string, Record<string, unknown>>;
  events: ReturnType<EventRecorder['save']>;
  /** Work queued but not yet reconciled (normally empty: snapshots are taken at quiescence). */
  queue: [string, string][];
}

/** A safety net: more reconciles than this at one instant means controllers are fighting. */
const MAX_RECONCILES_PER_INSTANT = 1_000_000;

export class Simulation {
  readonly store = new ObjectStore();
  readonly clock: SimClock;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly config: ClusterConfig;
  rng: Rng;
  timers = new TimerQueue();
  private controllers: Controller[] = [];
  private byName = new Map<string, Controller>();
  /** The controllers each kind's changes go to, in registration order (filled as kinds come up). */
  private watchers = new Map<string, Controller[]>();
  private controllerState = new Map<string, Record<string, unknown>>();
  /** Pending reconciles, in arrival order, without duplicates: `controller\0key` → [controller, key]. */
  private queue = new Map<string, [string, string]>();
  private running = false;
  /** Set while a time-lapse rewrites the store: watchers hear the new times, controllers have nothing to redo. */
  private lapsing = false;
  /**
   * Long advances skip periods that repeat (see time-lapse.ts). Off, everything is simulated: what tests of the
   * lapse itself compare against.
   */
  timeLapse = true;
  /** Simulated time skipped by time-lapses so far, ms (not saved: a figure for benches and the CLI). */
  lapsedMs = 0;
  private changeLog: ((change: StoreChange, now: number) => void)[] = [];

  constructor(config: ClusterConfig, start: number, seed: number | RngState) {
    this.config = config;
    this.clock = new SimClock(start);
    this.rng = new Rng(seed);
    this.api = new ApiServer({ store: this.store, rng: this.rngProxy(), config, now: () => this.clock.now() });
    this.events = new EventRecorder(this.api);
    this.store.subscribe((change) => this.onChange(change));
  }

  /** The API server and recorder see the current Rng even after a restore replaces it. */
  private rngProxy(): Rng {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const sim = this;
    return new Proxy({} as Rng, {
      get(_t, prop) {
        const value = (sim.rng as unknown as Record<string | symbol, unknown>)[prop];
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(sim.rng) : value;
      },
    });
  }

  addController(controller: Controller): void {
    this.controllers.push(controller);
    this.byName.set(controller.name, controller);
    this.watchers.clear();
    if (!this.controllerState.has(controller.name)) this.controllerState.set(controller.name, {});
  }

  controllerNames(): string[] {
    return this.controllers.map((c) => c.name);
  }

  /** State kept by a controller (read-only use outside the controller: views and tests). */
  stateOf(controller: string): Record<string, unknown> {
    return this.controllerState.get(controller) ?? {};
  }

  onStoreChange(listener: (change: StoreChange, now: number) => void): () => void {
    this.changeLog.push(listener);
    return () => {
      this.changeLog = this.changeLog.filter((l) => l !== listener);
    };
  }

  now(): number {
    return this.clock.now();
  }

  /**
   * Shows every stored object to every controller without queueing work, so controllers that keep in-memory
   * indexes (derived from the store, never saved) rebuild them after a restore.
   */
  rebuildIndexes(): void {
    for (const kind of this.store.kindsStored()) {
      const watching = this.watchersOf(kind);
      for (const object of this.store.list(kind)) for (const c of watching) c.keysFor({ type: 'ADDED', object });
    }
  }

  /** Runs everything due now until nothing more is. */
  settle(): void {
    if (this.running) return;
    this.running = true;
    try {
      let count = 0;
      for (;;) {
        const now = this.clock.now();
        while (this.timers.size > 0 && this.timers.peek()!.due <= now) {
          const t = this.timers.pop()!;
          this.enqueue(t.controller, t.key);
        }
        const next = this.queue.entries().next();
        if (next.done) break;
        this.queue.delete(next.value[0]);
        if (++count > MAX_RECONCILES_PER_INSTANT) throw new Error('controllers did not settle');
        const [name, key] = next.value[1];
        const controller = this.byName.get(name);
        if (controller) controller.reconcile(key, this.contextFor(controller));
      }
    } finally {
      this.running = false;
    }
  }

  /** When the next piece of future work is due (ms since the epoch), if any. */
  nextEventTime(): number | undefined {
    return this.timers.peek()?.due;
  }

  /** Runs time forward by `ms`, doing every piece of work in order at its own instant. */
  /** `lapse: false` simulates every instant even when `timeLapse` is on (steps that must replay alike in any split). */
  advance(ms: number, options: { lapse?: boolean } = {}): void {
    this.advanceTo(this.clock.now() + Math.max(0, ms), options);
  }

  advanceTo(target: number, { lapse = this.timeLapse }: { lapse?: boolean } = {}): void {
    this.settle();
    if (lapse && target - this.clock.now() >= LAPSE_MIN_ADVANCE_MS) this.lapseTowards(target);
    this.runTo(target);
  }

  private runTo(target: number): void {
    for (;;) {
      const next = this.timers.peek();
      if (!next || next.due > target) break;
      if (next.due > this.clock.now()) this.clock.set(next.due);
      this.settle();
    }
    if (target > this.clock.now()) this.clock.set(target);
    this.settle();
  }

  /**
   * Simulates until two boundaries one schedule period apart (or an hour apart) have the same fingerprint, then
   * moves the state forward by as many whole periods as leave at least an hour to simulate before `target` (so every
   * object visible at the end was made by the controllers after the jump).
   */
  private lapseTowards(target: number): void {
    // The hour just before the advance is rarely a steady one (the learner has just created things); boundaries
    // sit a few minutes after it, away from the first runs' history filling up.
    let earliest = this.clock.now() + LAPSE_PERIOD_MS + LAPSE_OFFSET_MS;
    // After an attempt that found no repeat, wait longer and longer before the next: fingerprints cost time.
    let wait = 0;
    for (;;) {
      const period = schedulePeriod(this.store.list('CronJob'), earliest - LAPSE_PERIOD_MS, target);
      if (period === undefined) return;
      // Boundaries sit halfway between two runs, when the last run's random second or two of pulling and starting
      // is over (runs start on whole minutes).
      const anchor = Math.ceil((earliest - period / 2) / period) * period + period / 2;
      // Not enough time left to skip one period and simulate the last hour in full.
      if (target - anchor < LAPSE_PERIOD_MS + 2 * period) return;
      this.runTo(anchor);
      const print = fingerprint(this.save(), anchor);
      // The schedules' own period first; if something else keeps another rhythm (a probe every 7 s), the hour.
      for (const p of period < LAPSE_PERIOD_MS ? [period, LAPSE_PERIOD_MS] : [period]) {
        if (target - anchor < LAPSE_PERIOD_MS + 2 * p) return;
        this.runTo(anchor + p);
        const state = this.save();
        if (fingerprint(state, anchor + p) === print) {
          const periods = this.periodsToSkip(state, anchor + p, target, p);
          if (periods > 0) this.jump(state, anchor + p, periods * p);
          return;
        }
      }
      earliest = this.clock.now() + wait;
      wait = wait === 0 ? LAPSE_PERIOD_MS : wait * 2;
    }
  }

  /** Whole periods that can be skipped: the last hour is left to simulate, and no one-off timer is jumped over. */
  private periodsToSkip(state: SimulationState, boundary: number, target: number, period: number): number {
    let limit = target - LAPSE_PERIOD_MS;
    for (const t of state.timers.timers) if (t.due > boundary + LAPSE_PERIOD_MS) limit = Math.min(limit, t.due - LAPSE_PERIOD_MS);
    return Math.max(0, Math.floor((limit - boundary) / period));
  }

  /** Puts the state `delta` later: the store's objects are rewritten (new resourceVersions), timers and controllers' state move. */
  private jump(state: SimulationState, boundary: number, delta: number): void {
    const moved = shiftState(state, boundary, delta);
    this.clock.set(moved.now);
    this.lapsing = true;
    try {
      // Only the objects with a time to move are rewritten (shiftState keeps the others as they were).
      state.store.objects.forEach((o, i) => {
        if (moved.store.objects[i] !== o) this.store.replace(moved.store.objects[i]);
      });
    } finally {
      this.lapsing = false;
    }
    this.timers = TimerQueue.load(moved.timers);
    this.controllerState = new Map(Object.entries(moved.controllers));
    this.rebuildIndexes();
    this.lapsedMs += delta;
  }

  /** Advances until `done()` holds or `timeoutMs` passes; true if it held. Used by commands that wait. */
  advanceUntil(done: () => boolean, timeoutMs: number): boolean {
    const deadline = this.clock.now() + timeoutMs;
    this.settle();
    while (!done()) {
      const next = this.timers.peek();
      if (!next || next.due > deadline) {
        this.advanceTo(deadline);
        return done();
      }
      this.clock.set(Math.max(this.clock.now(), next.due));
      this.settle();
    }
    return true;
  }

  save(): SimulationState {
    return {
      now: this.clock.now(),
      config: this.config,
      rng: this.rng.state,
      store: this.store.save(),
      timers: this.timers.save(),
      // A deep copy with sorted keys: the saved state must not follow the live one, and the same state must save to
      // the same bytes whatever order a controller happened to add its fields in.
      controllers: canonicalCopy(Object.fromEntries(this.controllerState.entries())) as SimulationState['controllers'],
      events: this.events.save(),
      // Split at the first separator only: controllers' own keys may contain it too (`svc\u0000ns/name`).
      queue: [...this.queue.values()].map(([c, k]) => [c, k] as [string, string]),
    };
  }

  /** Replaces this simulation's state with a saved one (controllers must already be registered). */
  load(state: SimulationState): void {
    this.clock.restore(state.now);
    this.rng = new Rng(state.rng);
    this.store.load(state.store);
    this.timers = TimerQueue.load(state.timers);
    this.controllerState = new Map(Object.entries(JSON.parse(JSON.stringify(state.controllers))));
    for (const c of this.controllers) if (!this.controllerState.has(c.name)) this.controllerState.set(c.name, {});
    this.events.load(state.events);
    this.queue = new Map();
    for (const [c, k] of state.queue) this.enqueue(c, k);
  }

  private onChange(change: StoreChange): void {
    if (change.type === 'DELETED' && change.object.kind === 'Event') {
      this.events.forget(change.object.metadata.namespace ?? 'default', change.object.metadata.name!);
    }
    if (!this.lapsing) this.enqueueFor(change);
    for (const l of this.changeLog) l(change, this.clock.now());
  }

  private enqueueFor(change: StoreChange): void {
    for (const c of this.watchersOf(change.object.kind)) {
      const keys = c.keysFor(change);
      for (let i = 0; i < keys.length; i++) this.enqueue(c.name, keys[i]);
    }
  }

  /** Queues a reconcile unless the same one is already waiting (a workqueue keeps no duplicates). */
  private enqueue(controller: string, key: string): void {
    const id = `${controller}\u0000${key}`;
    if (!this.queue.has(id)) this.queue.set(id, [controller, key]);
  }

  /** The controllers a change of this kind concerns, in registration order. */
  private watchersOf(kind: string): readonly Controller[] {
    let list = this.watchers.get(kind);
    if (!list) {
      list = this.controllers.filter((c) => c.watches === undefined || c.watches === '*' || c.watches.includes(kind));
      this.watchers.set(kind, list);
    }
    return list;
  }

  private contexts = new Map<string, ControllerContext>();

  private contextFor(controller: Controller): ControllerContext {
    const cached = this.contexts.get(controller.name);
    if (cached && cached.state === this.controllerState.get(controller.name)) return cached;
    const ctx = this.makeContext(controller);
    this.contexts.set(controller.name, ctx);
    return ctx;
  }

  private makeContext(controller: Controller): ControllerContext {
    const sim = this;
    return {
      get now() {
        return sim.clock.now();
      },
      api: this.api,
      events: this.events,
      get rng() {
        return sim.rng;
      },
      config: this.config,
      requeueAfter: (key: string, delayMs: number) => {
        this.timers.add(this.clock.now() + Math.max(0, Math.round(delayMs)), controller.name, key);
      },
      state: this.controllerState.get(controller.name)!,
    };
  }
}

export type { KubeObject };

/** A deep copy of JSON data with object keys sorted (undefined fields dropped, as JSON.stringify drops them). */
function canonicalCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalCopy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = canonicalCopy(v);
  }
  return out;
}
