// `kubectl get deployments`, `replicasets`, `daemonsets`, `statefulsets`: their printers' READY / DESIRED /
// CURRENT counts and the wide CONTAINERS / IMAGES / SELECTOR columns.
import type { KubeObject, LabelSelector } from '../../api/meta';
import type { DaemonSet, Deployment, ReplicaSet } from '../../api/workloads';
import type { PodTemplateSpec } from '../../api/pod';
import type { Table, TableColumn } from './table';
import { formatLabels } from './table';
import { containerCells, formatLabelSelector, int, selectorString, since, type PrintContext } from './cells';

const WIDE: TableColumn[] = [
  { name: 'Containers', priority: 1 },
  { name: 'Images', priority: 1 },
  { name: 'Selector', priority: 1 },
];

export function deploymentTable(objects: KubeObject[], ctx: PrintContext): Table {
  const columns: TableColumn[] = [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Ready', priority: 0 },
    { name: 'Up-to-date', priority: 0 },
    { name: 'Available', priority: 0 },
    { name: 'Age', priority: 0 },
    ...WIDE,
  ];
  return {
    columns,
    rows: objects.map((o) => {
      const d = o as Deployment;
      const cells = [d.metadata.name ?? '', `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`, int(d.status?.updatedReplicas), int(d.status?.availableReplicas), since(d.metadata.creationTimestamp, ctx.now)];
      if (ctx.wide) cells.push(...containerCells(d.spec?.template?.spec?.containers), selectorString(d.spec?.selector));
      return { object: o, cells };
    }),
  };
}

export function replicaSetTable(objects: KubeObject[], ctx: PrintContext): Table {
  const columns: TableColumn[] = [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Desired', priority: 0 },
    { name: 'Current', priority: 0 },
    { name: 'Ready', priority: 0 },
    { name: 'Age', priority: 0 },
    ...WIDE,
  ];
  return {
    columns,
    rows: objects.map((o) => {
      const rs = o as ReplicaSet;
      const cells = [rs.metadata.name ?? '', int(rs.spec?.replicas), int(rs.status?.replicas), int(rs.status?.readyReplicas), since(rs.metadata.creationTimestamp, ctx.now)];
      if (ctx.wide) cells.push(...wideCells(rs.spec?.template, rs.spec?.selector));
      return { object: o, cells };
    }),
  };
}

export function daemonSetTable(objects: KubeObject[], ctx: PrintContext): Table {
  const columns: TableColumn[] = [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Desired', priority: 0 },
    { name: 'Current', priority: 0 },
    { name: 'Ready', priority: 0 },
    { name: 'Up-to-date', priority: 0 },
    { name: 'Available', priority: 0 },
    { name: 'Node Selector', priority: 0 },
    { name: 'Age', priority: 0 },
    ...WIDE,
  ];
  return {
    columns,
    rows: objects.map((o) => {
      const ds = o as DaemonSet;
      const s = ds.status;
      const cells = [
        ds.metadata.name ?? '',
        int(s?.desiredNumberScheduled),
        int(s?.currentNumberScheduled),
        int(s?.numberReady),
        int(s?.updatedNumberScheduled),
        int(s?.numberAvailable),
        formatLabels(ds.spec?.template?.spec?.nodeSelector),
        since(ds.metadata.creationTimestamp, ctx.now),
      ];
      if (ctx.wide) cells.push(...wideCells(ds.spec?.template, ds.spec?.selector));
      return { object: o, cells };
    }),
  };
}

interface StatefulSetShape extends KubeObject {
  spec?: { replicas?: number; template?: PodTemplateSpec };
  status?: { readyReplicas?: number };
}

export function statefulSetTable(objects: KubeObject[], ctx: PrintContext): Table {
  const columns: TableColumn[] = [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Ready', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
  ];
  return {
    columns,
    rows: objects.map((o) => {
      const sts = o as StatefulSetShape;
      const cells = [sts.metadata.name ?? '', `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 0}`, since(sts.metadata.creationTimestamp, ctx.now)];
      if (ctx.wide) cells.push(...containerCells(sts.spec?.template?.spec?.containers));
      return { object: o, cells };
    }),
  };
}

function wideCells(template: PodTemplateSpec | undefined, selector: LabelSelector | undefined): string[] {
  return [...containerCells(template?.spec?.containers), formatLabelSelector(selector)];
}
