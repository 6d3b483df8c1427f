// Which server-side table each kind gets.
import type { KubeObject } from '../../api/meta';
import type { Table } from './table';
import type { PrintContext } from './cells';
import { podTable } from './pod-columns';
import { namespaceTable, nodeTable } from './node-columns';
import { eventTable } from './event-columns';
import { endpointSliceTable, endpointsTable, serviceTable } from './service-columns';
import { cronJobTable, jobTable } from './job-columns';
import { daemonSetTable, deploymentTable, replicaSetTable, statefulSetTable } from './workload-columns';
import { configMapTable, genericTable, secretTable, serviceAccountTable } from './config-columns';

type TableBuilder = (objects: KubeObject[], ctx: PrintContext) => Table;

const BUILDERS: Record<string, TableBuilder> = {
  Pod: podTable,
  Node: nodeTable,
  Namespace: namespaceTable,
  Event: eventTable,
  Service: serviceTable,
  Endpoints: endpointsTable,
  EndpointSlice: endpointSliceTable,
  Job: jobTable,
  CronJob: cronJobTable,
  Deployment: deploymentTable,
  ReplicaSet: replicaSetTable,
  DaemonSet: daemonSetTable,
  StatefulSet: statefulSetTable,
  ConfigMap: configMapTable,
  Secret: secretTable,
  ServiceAccount: serviceAccountTable,
};

/** The Table the API server returns for a list of one kind (`kubectl get` asks for `as=Table`). */
export function buildTable(kind: string, objects: KubeObject[], ctx: PrintContext): Table {
  return (BUILDERS[kind] ?? genericTable)(objects, ctx);
}
