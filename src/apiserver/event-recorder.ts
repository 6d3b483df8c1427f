// Records Events as the components' recorders do: one Event per distinct (object, reason, message, source), its
// count and lastTimestamp bumped when it happens again. Events expire an hour after they were last seen.
import type { KubeObject } from '../api/meta';
import type { Event } from '../api/event';
import { isoSeconds } from '../sim/duration';
import type { ApiServer } from './api-server';
import { ApiError } from './api-error';

export interface EventSource {
  component: string;
  host?: string;
}

export interface RecordOptions {
  /** e.g. `spec.containers{web}` for a kubelet's container events. */
  fieldPath?: string;
  /** The scheduler writes events.k8s.io/v1 events: no source/first/lastTimestamp, an eventTime and an action. */
  newApi?: { action: string; reportingInstance: string };
}

export const EVENT_TTL_MS = 60 * 60 * 1000;

function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export class EventRecorder {
  /** Aggregation key → event name (rebuilt from the store when needed). */
  private index = new Map<string, string>();
  /** `namespace/name` → aggregation key, to forget an event when it expires or is deleted. */
  private byName = new Map<string, string>();
  private counter = 0;

  constructor(private readonly api: ApiServer) {}

  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, options: RecordOptions = {}): void {
    const now = this.api.now();
    const namespace = obj.metadata.namespace ?? 'default';
    const involvedObject = {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name!,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.kind === 'Pod' || obj.kind === 'Node' ? undefined : obj.metadata.resourceVersion,
      fieldPath: options.fieldPath,
    };
    if (!involvedObject.namespace) delete involvedObject.namespace;
    if (!involvedObject.resourceVersion) delete involvedObject.resourceVersion;
    if (!involvedObject.fieldPath) delete involvedObject.fieldPath;
    const key = [namespace, obj.kind, obj.metadata.name, obj.metadata.uid, options.fieldPath ?? '', type, reason, message, source.component, source.host ?? ''].join('\u0000');
    const existingName = this.index.get(key);
    const existing = existingName ? this.api.tryGet<Event>('Event', namespace, existingName) : undefined;
    if (existing && !options.newApi) {
      this.api.update<Event>({ ...existing, count: existing.count + 1, lastTimestamp: isoSeconds(now) });
      return;
    }
    if (existing && options.newApi) {
      const series = (existing as Event & { series?: { count: number; lastObservedTime: string } }).series;
      this.api.update<Event>({ ...existing, series: { count: (series?.count ?? 1) + 1, lastObservedTime: microTime(now) } } as Event);
      return;
    }
    // Names are the object's name and the time in nanoseconds, in hex, as client-go's recorder makes them.
    const nanos = BigInt(now) * 1_000_000n + BigInt(this.counter++ % 1_000_000);
    const name = `${obj.metadata.name}.${nanos.toString(16)}`;
    const event: Event = options.newApi
      ? {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          involvedObject,
          reason,
          message,
          source: {},
          firstTimestamp: null,
          lastTimestamp: null,
          count: 0,
          type,
          eventTime: microTime(now),
          action: options.newApi.action,
          reportingComponent: source.component,
          reportingInstance: options.newApi.reportingInstance,
        }
      : {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          involvedObject,
          reason,
          message,
          source: source.host ? { component: source.component, host: source.host } : { component: source.component },
          firstTimestamp: isoSeconds(now),
          lastTimestamp: isoSeconds(now),
          count: 1,
          type,
          eventTime: null,
          reportingComponent: source.component === 'kubelet' ? 'kubelet' : source.component,
          reportingInstance: source.host ?? '',
        };
    try {
      this.api.create(event, { owned: true });
    } catch (e) {
      // A recorder that cannot write (e.g. the namespace is being terminated) drops the event, as client-go's does.
      if (e instanceof ApiError) return;
      throw e;
    }
    this.index.set(key, name);
    this.byName.set(`${namespace}/${name}`, key);
  }

  /** Called when an Event leaves the store. */
  forget(namespace: string, name: string): void {
    const key = this.byName.get(`${namespace}/${name}`);
    if (key === undefined) return;
    this.byName.delete(`${namespace}/${name}`);
    if (this.index.get(key) === name) this.index.delete(key);
  }

  /** Forget the aggregation index (after a restore; events are found again by name when they repeat). */
  reset(): void {
    this.index.clear();
    this.byName.clear();
  }

  save(): { counter: number; index: [string, string][] } {
    return { counter: this.counter, index: [...this.index.entries()] };
  }

  load(state: { counter: number; index: [string, string][] }): void {
    this.counter = state.counter;
    this.index = new Map(state.index);
    this.byName = new Map(state.index.map(([key, name]) => [`${key.split('\u0000')[0]}/${name}`, key]));
  }
}

/** When an event was last seen: lastTimestamp, or the series / eventTime of events.k8s.io events. */
export function eventLastSeen(e: Event): number {
  const series = (e as Event & { series?: { lastObservedTime?: string } }).series;
  const t = e.lastTimestamp ?? series?.lastObservedTime ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp;
  return t ? Date.parse(t) : 0;
}
