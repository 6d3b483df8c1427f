// `kubectl get nodes` and `kubectl get namespaces`: printNode (STATUS from the Ready condition, ROLES from
// node-role labels, wide addresses and node info) and printNamespace.
import type { KubeObject } from '../../api/meta';
import type { Node } from '../../api/node';
import type { Namespace } from '../../api/namespace';
import type { Table, TableColumn } from './table';
import { byteOrder } from './table';
import { since, type PrintContext } from './cells';

const NODE_COLUMNS: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Status', priority: 0 },
  { name: 'Roles', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'Version', priority: 0 },
  { name: 'Internal-IP', priority: 1 },
  { name: 'External-IP', priority: 1 },
  { name: 'OS-Image', priority: 1 },
  { name: 'Kernel-Version', priority: 1 },
  { name: 'Container-Runtime', priority: 1 },
];

export function nodeTable(objects: KubeObject[], ctx: PrintContext): Table {
  return { columns: NODE_COLUMNS, rows: objects.map((o) => ({ object: o, cells: nodeCells(o as Node, ctx) })) };
}

function nodeCells(node: Node, ctx: PrintContext): string[] {
  const conditions = node.status?.conditions ?? [];
  // The last condition of each type wins, as a map keyed by type would keep it.
  const readyCondition = [...conditions].reverse().find((c) => c.type === 'Ready');
  const status: string[] = [];
  if (readyCondition) status.push(readyCondition.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  const roles = nodeRoles(node).join(',') || '<none>';
  const info = node.status?.nodeInfo;
  const cells = [node.metadata.name ?? '', status.join(','), roles, since(node.metadata.creationTimestamp, ctx.now), info?.kubeletVersion ?? ''];
  if (ctx.wide) {
    const address = (type: string) => node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
    cells.push(address('InternalIP'), address('ExternalIP'), info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>');
  }
  return cells;
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and the `kubernetes.io/role` label, sorted, unique. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort(byteOrder);
}

const NAMESPACE_COLUMNS: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Status', priority: 0 },
  { name: 'Age', priority: 0 },
];

export function namespaceTable(objects: KubeObject[], ctx: PrintContext): Table {
  return {
    columns: NAMESPACE_COLUMNS,
    rows: objects.map((o) => ({
      object: o,
      cells: [o.metadata.name ?? '', (o as Namespace).status?.phase ?? '', since(o.metadata.creationTimestamp, ctx.now)],
    })),
  };
}
