// Cell formatting shared by the server-side printers (pkg/printers/internalversion): ages, container lists,
// label selectors, booleans.
import type { LabelSelector } from '../../api/meta';
import type { Container } from '../../api/pod';
import { humanDuration } from '../../sim/duration';
import { byteOrder } from './table';

/** What a row generator needs to know besides the object. */
export interface PrintContext {
  /** Simulated now, ms since the epoch. */
  now: number;
  /** Kubernetes minor version of the server that prints (columns differ between releases). */
  minor: number;
  wide: boolean;
}

/** translateTimestampSince: `5m`, or `<unknown>` when there is no timestamp. */
export function since(timestamp: string | null | undefined, now: number): string {
  const t = parseTime(timestamp);
  if (t === undefined) return '<unknown>';
  return humanDuration(now - t);
}

/** Milliseconds since the epoch of an RFC 3339 timestamp; undefined when absent or zero. */
export function parseTime(timestamp: string | null | undefined): number | undefined {
  if (!timestamp) return undefined;
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? undefined : t;
}

/** layoutContainerCells: container names and images, comma-joined. */
export function containerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** labelSelector.String() of metav1.LabelSelectorAsSelector: requirements sorted by key; `` for none. */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = [...new Set(e.values ?? [])].sort(byteOrder).join(',');
    if (e.operator === 'In') reqs.push({ key: e.key, text: `${e.key} in (${values})` });
    else if (e.operator === 'NotIn') reqs.push({ key: e.key, text: `${e.key} notin (${values})` });
    else if (e.operator === 'Exists') reqs.push({ key: e.key, text: e.key });
    else if (e.operator === 'DoesNotExist') reqs.push({ key: e.key, text: `!${e.key}` });
  }
  return reqs
    .sort((a, b) => byteOrder(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when it selects everything or nothing. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  return selectorString(selector) || '<none>';
}

/** printBoolPtr: `True`, `False`, or `<unset>`. */
export function boolPtr(value: boolean | undefined | null): string {
  if (value === undefined || value === null) return '<unset>';
  return value ? 'True' : 'False';
}

/** An integer cell, as Go prints int64. */
export function int(value: number | undefined | null): string {
  return String(value ?? 0);
}
