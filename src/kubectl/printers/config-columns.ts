// `kubectl get configmaps`, `secrets`, `serviceaccounts`, and the NAME AGE table of kinds without a printer.
import type { KubeObject } from '../../api/meta';
import type { Table, TableColumn } from './table';
import { int, since, type PrintContext } from './cells';

function countKeys(value: unknown): number {
  return value && typeof value === 'object' ? Object.keys(value).length : 0;
}

export function configMapTable(objects: KubeObject[], ctx: PrintContext): Table {
  const columns: TableColumn[] = [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Data', priority: 0 },
    { name: 'Age', priority: 0 },
  ];
  return {
    columns,
    rows: objects.map((o) => ({ object: o, cells: [o.metadata.name ?? '', int(countKeys(o.data) + countKeys(o.binaryData)), since(o.metadata.creationTimestamp, ctx.now)] })),
  };
}

export function secretTable(objects: KubeObject[], ctx: PrintContext): Table {
  const columns: TableColumn[] = [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Type', priority: 0 },
    { name: 'Data', priority: 0 },
    { name: 'Age', priority: 0 },
  ];
  return {
    columns,
    rows: objects.map((o) => ({ object: o, cells: [o.metadata.name ?? '', String(o.type ?? ''), int(countKeys(o.data)), since(o.metadata.creationTimestamp, ctx.now)] })),
  };
}

export function serviceAccountTable(objects: KubeObject[], ctx: PrintContext): Table {
  const columns: TableColumn[] = [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Secrets', priority: 0 },
    { name: 'Age', priority: 0 },
  ];
  return {
    columns,
    rows: objects.map((o) => ({ object: o, cells: [o.metadata.name ?? '', int(Array.isArray(o.secrets) ? o.secrets.length : 0), since(o.metadata.creationTimestamp, ctx.now)] })),
  };
}

/** The default table the API server builds for kinds without a printer: NAME, AGE. */
export function genericTable(objects: KubeObject[], ctx: PrintContext): Table {
  const columns: TableColumn[] = [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Age', priority: 0 },
  ];
  return { columns, rows: objects.map((o) => ({ object: o, cells: [o.metadata.name ?? '', since(o.metadata.creationTimestamp, ctx.now)] })) };
}
