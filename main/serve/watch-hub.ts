// Watches: the store's change events, kept in a window of recent resourceVersions, fanned out to every open watch
// as the API server's watch events (ADDED / MODIFIED / DELETED / BOOKMARK / ERROR), filtered per watch.
import type { KubeObject } from '../../src/api/meta';
import { groupVersion } from '../../src/api/resources';
import { matchesFields, matchesRequirements } from '../../src/api/selectors';
import type { Session } from '../../src/host/session';
import type { StoreChange } from '../../src/store/object-store';
import type { WatchPlan } from './api-handler';
import { tableOf } from './table-response';

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: unknown;
}

interface Recorded {
  rv: number;
  change: StoreChange;
  now: number;
}

export interface WatchSink {
  send(event: WatchEvent): void;
  end(): void;
}

/** How many recent changes a watch can resume from (older resourceVersions get 410 Expired). */
const WINDOW = 20_000;

export class WatchHub {
  private recent: Recorded[] = [];
  private watchers = new Set<Watcher>();
  private unsubscribe: () => void;

  constructor(private readonly session: Session) {
    this.unsubscribe = session.sim.onStoreChange((change, now) => this.record(change, now));
  }

  get openWatches(): number {
    return this.watchers.size;
  }

  close(): void {
    this.unsubscribe();
    for (const w of [...this.watchers]) w.sink.end();
    this.watchers.clear();
  }

  private record(change: StoreChange, now: number): void {
    const rec = { rv: Number(change.object.metadata.resourceVersion), change, now };
    this.recent.push(rec);
    if (this.recent.length > WINDOW * 1.5) this.recent = this.recent.slice(-WINDOW);
    for (const w of this.watchers) w.deliver(rec);
  }

  /** Starts a watch; returns the function that stops it. */
  open(plan: WatchPlan, sink: WatchSink): () => void {
    const sim = this.session.sim;
    const watcher = new Watcher(plan, sink, () => this.session.sim.now(), sim.config.minor);
    const current = sim.store.resourceVersion;
    if (plan.sendInitialEvents) {
      for (const obj of sim.api.list(plan.type.kind, plan.namespace, { labelSelector: plan.labelSelector, fieldSelector: plan.fieldSelector })) {
        watcher.emit('ADDED', obj);
      }
      if (plan.bookmarks) watcher.bookmark(String(current), true);
    } else {
      const from = Number(plan.resourceVersion);
      if (!Number.isFinite(from)) {
        sink.send(expired(`invalid resource version "${plan.resourceVersion}"`, 400, 'BadRequest'));
        sink.end();
        return () => {};
      }
      const oldest = this.recent.length ? this.recent[0].rv : current + 1;
      if (from < oldest - 1 && from < current) {
        sink.send(expired(`too old resource version: ${from} (${oldest - 1})`));
        sink.end();
        return () => {};
      }
      for (const rec of this.recent) if (rec.rv > from) watcher.deliver(rec);
    }
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Sends a BOOKMARK with the current resourceVersion to every watch that asked for them. */
  bookmarkAll(): void {
    const rv = String(this.session.sim.store.resourceVersion);
    for (const w of this.watchers) if (w.plan.bookmarks) w.bookmark(rv, false);
  }
}

function expired(message: string, code = 410, reason = 'Expired'): WatchEvent {
  return { type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code } };
}

class Watcher {
  private sentColumns = false;

  constructor(
    readonly plan: WatchPlan,
    readonly sink: WatchSink,
    private readonly now: () => number,
    private readonly minor: number,
  ) {}

  private matches(obj: KubeObject | undefined): boolean {
    if (!obj || obj.kind !== this.plan.type.kind) return false;
    if (this.plan.namespace !== undefined && obj.metadata.namespace !== this.plan.namespace) return false;
    if (this.plan.labelSelector.length && !matchesRequirements(obj.metadata.labels, this.plan.labelSelector)) return false;
    if (this.plan.fieldSelector.length && !matchesFields(obj, this.plan.fieldSelector)) return false;
    return true;
  }

  deliver(rec: Recorded): void {
    const { type, object, previous } = rec.change;
    if (type === 'ADDED') {
      if (this.matches(object)) this.emit('ADDED', object);
    } else if (type === 'DELETED') {
      if (this.matches(previous ?? object)) this.emit('DELETED', object);
    } else {
      const was = this.matches(previous);
      const is = this.matches(object);
      // An object that stops (starts) matching the selector leaves (enters) the watch.
      if (was && is) this.emit('MODIFIED', object);
      else if (is) this.emit('ADDED', object);
      else if (was) this.emit('DELETED', object);
    }
  }

  emit(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject): void {
    const gv = groupVersion(this.plan.type);
    const shown = obj.apiVersion === gv ? obj : { ...obj, apiVersion: gv };
    if (!this.plan.asTable) {
      this.sink.send({ type, object: shown });
      return;
    }
    // As the API server does, only the first event of a watch carries the column definitions.
    const table = tableOf(this.plan.type.kind, [shown], {
      now: this.now(),
      minor: this.minor,
      resourceVersion: obj.metadata.resourceVersion ?? '',
      include: this.plan.include,
      noColumns: this.sentColumns,
    });
    this.sentColumns = true;
    this.sink.send({ type, object: table });
  }

  bookmark(rv: string, initialEventsEnd: boolean): void {
    const metadata: Record<string, unknown> = { resourceVersion: rv };
    if (initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
    this.sink.send({ type: 'BOOKMARK', object: { kind: this.plan.type.kind, apiVersion: groupVersion(this.plan.type), metadata } });
  }
}
