// Events expire an hour after they were last seen, as the API server's event TTL (an etcd lease) removes them.
import type { Event } from '../api/event';
import type { Controller } from '../sim/controller';
import { keyOf, splitKey } from '../sim/controller';
import { EVENT_TTL_MS, eventLastSeen } from '../apiserver/event-recorder';

export const EVENT_TTL = 'event-ttl';

export const eventTtlController: Controller = {
  name: EVENT_TTL,
  watches: ['Event'],
  keysFor(change) {
    if (change.object.kind !== 'Event' || change.type === 'DELETED') return [];
    return [keyOf(change.object.metadata.namespace, change.object.metadata.name!)];
  },
  reconcile(key, ctx) {
    const [ns, name] = splitKey(key);
    const event = ctx.api.tryGet<Event>('Event', ns, name);
    if (!event) return;
    const expires = eventLastSeen(event) + EVENT_TTL_MS;
    if (expires <= ctx.now) ctx.api.delete('Event', ns, name);
    else ctx.requeueAfter(key, expires - ctx.now);
  },
};
