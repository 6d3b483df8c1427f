// The Events section: which events describe finds for an object (searchEvents) and how it prints them.
import type { Event } from '../../api/event';
import type { KubeObject } from '../../api/meta';
import type { DescribeContext } from './context';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';
import { since } from './time-format';
import { byCodeUnit } from './meta-blocks';

type SeriesEvent = Event & { series?: { count?: number; lastObservedTime?: string } };

export interface EventQuery {
  name: string;
  /** Empty for cluster-scoped objects: events of every namespace are searched. */
  namespace: string;
  /** Omitted for pods (describe drops the kind from a pod's reference). */
  kind?: string;
  uid?: string;
}

/** Events whose involvedObject matches, as the field selector describe sends would select them. */
export function searchEvents(ctx: DescribeContext, q: EventQuery): Event[] {
  const events = ctx.api.list<Event>('Event', q.namespace || undefined);
  return events.filter((e) => {
    const io = e.involvedObject;
    if (io.name !== q.name) return false;
    if ((io.namespace ?? '') !== q.namespace) return false;
    if (q.kind !== undefined && io.kind !== q.kind) return false;
    if (q.uid && (io.uid ?? '') !== q.uid) return false;
    return true;
  });
}

/** The query for an object's own events (kind, name, namespace, uid). */
export function eventsFor(ctx: DescribeContext, obj: KubeObject): Event[] | undefined {
  if (!ctx.showEvents) return undefined;
  return searchEvents(ctx, { name: obj.metadata.name ?? '', namespace: obj.metadata.namespace ?? '', kind: obj.kind, uid: obj.metadata.uid });
}

function eventTime(e: SeriesEvent): number {
  const t = e.series?.lastObservedTime || e.lastTimestamp || e.eventTime;
  return t ? Date.parse(t) : -Infinity;
}

/** `Events:  <none>`, or the Type/Reason/Age/From/Message table (aligned on its own), oldest first. */
export function describeEvents(events: Event[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...(events as SeriesEvent[])]
    .sort((a, b) => byCodeUnit(a.metadata.name ?? '', b.metadata.name ?? ''))
    .sort((a, b) => eventTime(a) - eventTime(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if (e.count > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    // kubectl 1.32 prints the message alone (the container's fieldPath prefix only came in kubectl 1.35).
    const message = e.message.trim();
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${message}\n`);
  }
}
