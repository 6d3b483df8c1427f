// `kubectl get events`: printEvent — LAST SEEN (lastTimestamp, else the first time; a series' last observation),
// TYPE, REASON, OBJECT `kind/name`, MESSAGE; wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME.
import type { KubeObject } from '../../api/meta';
import type { Event } from '../../api/event';
import type { Table, TableColumn } from './table';
import { since, type PrintContext } from './cells';

const COLUMNS: TableColumn[] = [
  { name: 'Last Seen', priority: 0 },
  { name: 'Type', priority: 0 },
  { name: 'Reason', priority: 0 },
  { name: 'Object', priority: 0 },
  { name: 'Subobject', priority: 1 },
  { name: 'Source', priority: 1 },
  { name: 'Message', priority: 0 },
  { name: 'First Seen', priority: 1 },
  { name: 'Count', priority: 1 },
  { name: 'Name', priority: 1, format: 'name' },
];

type EventWithSeries = Event & {
  series?: { count?: number; lastObservedTime?: string };
  reportingController?: string;
};

/** The cells of every column; the table printer drops the wide ones (priority 1) unless -o wide. */
export function eventTable(objects: KubeObject[], ctx: PrintContext): Table {
  return { columns: COLUMNS, rows: objects.map((o) => ({ object: o, cells: eventCells(o as EventWithSeries, ctx) })) };
}

function eventCells(e: EventWithSeries, ctx: PrintContext): string[] {
  const first = e.firstTimestamp ? since(e.firstTimestamp, ctx.now) : since(e.eventTime, ctx.now);
  let last = e.lastTimestamp ? since(e.lastTimestamp, ctx.now) : first;
  let count = e.count ?? 0;
  if (e.series) {
    last = since(e.series.lastObservedTime, ctx.now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    count = 1;
  }
  const involved = e.involvedObject ?? { kind: '', name: '' };
  const target = involved.name ? `${involved.kind.toLowerCase()}/${involved.name}` : involved.kind.toLowerCase();
  const message = (e.message ?? '').trim();
  const component = e.source?.component || e.reportingController || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  const source = instance ? `${component}, ${instance}` : component;
  return [last, e.type ?? '', e.reason ?? '', target, involved.fieldPath ?? '', source, message, first, String(count), e.metadata.name ?? ''];
}
