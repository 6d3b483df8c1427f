// A server-side Table (meta.k8s.io/v1) and how kubectl prints one: column headers upper-cased, wide-only columns
// (priority > 0) dropped unless -o wide, NAMESPACE / -L / LABELS columns added, kind-prefixed names.
import type { KubeObject } from '../../api/meta';

export interface TableColumn {
  name: string;
  /** 0 = always shown; 1 = only with -o wide. */
  priority: number;
  /** `name` marks the column kubectl prefixes with the kind when several types print. */
  format?: 'name';
}

export interface TableRow {
  cells: string[];
  object: KubeObject;
}

export interface Table {
  columns: TableColumn[];
  rows: TableRow[];
}

export interface TablePrintOptions {
  wide: boolean;
  noHeaders: boolean;
  withNamespace: boolean;
  /** `pod`, `deployment.apps`: prefixes the name column when set. */
  kindPrefix?: string;
  showLabels: boolean;
  labelColumns: string[];
}

/** The tab-separated lines kubectl writes for a table (before the tabwriter lays them out). Empty tables print nothing. */
export function tableLines(table: Table, options: TablePrintOptions): string {
  if (table.rows.length === 0) return '';
  const visible = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => options.wide || c.priority === 0);
  const nameIndex = options.kindPrefix ? table.columns.findIndex((c) => c.format === 'name') : -1;
  let text = '';
  if (!options.noHeaders) {
    const headers: string[] = [];
    if (options.withNamespace) headers.push('NAMESPACE');
    for (const { c } of visible) headers.push(c.name ? c.name.toUpperCase() : ' ');
    for (const l of options.labelColumns) headers.push(labelColumnHeader(l));
    if (options.showLabels) headers.push('LABELS');
    text += headers.join('\t') + '\n';
  }
  for (const row of table.rows) {
    const cells: string[] = [];
    if (options.withNamespace) cells.push(row.object.metadata.namespace ?? '');
    for (const { i } of visible) {
      const cell = row.cells[i] ?? '';
      cells.push(i === nameIndex ? `${options.kindPrefix}/${cell}` : cell);
    }
    const labels = row.object.metadata.labels ?? {};
    for (const l of options.labelColumns) cells.push(labels[l] ?? '');
    if (options.showLabels) cells.push(formatLabels(labels));
    text += cells.join('\t') + '\n';
  }
  return text;
}

/** `-L app.kubernetes.io/name` → `NAME`: the part after the last slash, upper-cased. */
export function labelColumnHeader(label: string): string {
  return label.slice(label.lastIndexOf('/') + 1).toUpperCase();
}

/** labels.FormatLabels: `a=1,b=2` in key order, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(byteOrder);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** Go's string ordering (bytewise; the same as UTF-16 order for the ASCII keys Kubernetes uses). */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
