// `kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-A]` (kubectl/pkg/cmd/events, 1.32): events sorted
// by when they last happened, `LAST SEEN TYPE REASON OBJECT MESSAGE`, repeats as `3s (x4 over 1m)`.
import type { Event } from '../../api/event';
import { resolveResource } from '../../api/resources';
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, intFlag, sliceFlag, stringFlag } from '../flags';
import { since } from '../printers/cells';
import { formatTabs } from '../printers/tabwriter';
import { printObjects } from './object-output';
import type { CommandDef, Invocation } from './command';
import { withOutput } from './command';

type SeriesEvent = Event & { series?: { count?: number; lastObservedTime?: string } };

/** eventTime(): series.lastObservedTime, else lastTimestamp, else eventTime (ms; 0 when none). */
export function eventSortTime(e: SeriesEvent): number {
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime;
  return t ? Date.parse(t) : 0;
}

/** SortableEvents: oldest first. (kubectl's sort.Sort is not stable; this keeps ties in list order.) */
export function sortEvents<T extends SeriesEvent>(events: T[]): T[] {
  return events
    .map((e, i) => ({ e, i, t: eventSortTime(e) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}

/** getInterval(): `5s`, or `5s (x3 over 2m)` for a repeated event. */
export function eventInterval(e: SeriesEvent, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** The table kubectl events prints (no trailing text when there are no events). */
export function formatEvents(events: SeriesEvent[], now: number, opts: { allNamespaces: boolean; noHeaders: boolean }): string {
  let text = '';
  if (!opts.noHeaders) text += `${opts.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`;
  for (const e of events) {
    const involved = e.involvedObject ?? { kind: '', name: '' };
    text += `${opts.allNamespaces ? `${e.metadata.namespace}\t` : ''}${eventInterval(e, now)}\t${e.type ?? ''}\t${e.reason ?? ''}\t${involved.kind}/${involved.name}\t${(e.message ?? '').trim()}\n`;
  }
  return formatTabs(text);
}

function runEvents(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const f = inv.flags;
    const minor = ctx.sim.config.minor;
    const allNamespaces = f.bool('all-namespaces');
    if (inv.args.length) throw new KubectlError(`unknown command "${inv.args[0]}" for "kubectl events"`);
    const types = f.list('types');
    for (const t of types) if (!['normal', 'warning'].includes(t.toLowerCase())) throw new KubectlError('valid --types are Normal or Warning');
    let forKind: string | undefined;
    let forName: string | undefined;
    const forText = f.string('for');
    if (forText) {
      const slash = forText.indexOf('/');
      if (slash < 0 || slash === forText.length - 1) throw new KubectlError(`--for must be in resource/name form`);
      const t = resolveResource(forText.slice(0, slash), minor);
      if (!t) throw new KubectlError(`the server doesn't have a resource type "${forText.slice(0, slash)}"`);
      forKind = t.kind;
      forName = forText.slice(slash + 1);
    }
    let events = ctx.sim.api.list<SeriesEvent>('Event', allNamespaces ? undefined : inv.namespace);
    if (forKind) events = events.filter((e) => e.involvedObject?.kind === forKind && e.involvedObject?.name === forName);
    if (types.length) events = events.filter((e) => types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase()));
    events = sortEvents(events);
    const output = f.string('output');
    if (output) {
      out.stdout += printObjects(events, output, minor);
      return;
    }
    if (!events.length) {
      out.err(allNamespaces ? 'No events found.' : `No events found in ${inv.namespace} namespace.`);
      return;
    }
    out.stdout += formatEvents(events, ctx.sim.now(), { allNamespaces, noHeaders: f.bool('no-headers') });
  });
}

export const eventsCommand: CommandDef = {
  name: 'events',
  short: 'List events',
  group: 'Troubleshooting and Debugging Commands',
  flags: [
    boolFlag('all-namespaces', 'A'),
    boolFlag('allow-missing-template-keys'),
    intFlag('chunk-size'),
    stringFlag('for'),
    boolFlag('no-headers'),
    stringFlag('output', 'o'),
    boolFlag('show-managed-fields'),
    stringFlag('template'),
    sliceFlag('types'),
    boolFlag('watch', 'w'),
  ],
  run: runEvents,
};
