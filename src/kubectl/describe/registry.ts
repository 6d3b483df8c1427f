// Which describer prints which kind; everything else gets the generic one.
import type { KubeObject } from '../../api/meta';
import type { DescribeContext } from './context';
import { describePod } from './pod';
import { describeNode } from './node';
import { describeNamespace } from './namespace';
import { describeService } from './service';
import { describeEndpoints } from './endpoints';
import { describeEndpointSlice } from './endpoint-slice';
import { describeJob } from './job';
import { describeCronJob } from './cronjob';
import { describeDeployment } from './deployment';
import { describeReplicaSet } from './replica-set';
import { describeDaemonSet } from './daemon-set';
import { describeConfigMap } from './config-map';
import { describeServiceAccount } from './service-account';
import { describeGeneric } from './generic';

type Describer = (obj: never, ctx: DescribeContext) => string;

const DESCRIBERS: Record<string, Describer> = {
  Pod: describePod,
  Node: describeNode,
  Namespace: describeNamespace,
  Service: describeService,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  Job: describeJob,
  CronJob: describeCronJob,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  DaemonSet: describeDaemonSet,
  ConfigMap: describeConfigMap,
  ServiceAccount: describeServiceAccount,
};

/** The describe text of one stored object. */
export function describeObject(obj: KubeObject, ctx: DescribeContext): string {
  const describer = (DESCRIBERS[obj.kind] ?? describeGeneric) as (o: KubeObject, c: DescribeContext) => string;
  return describer(obj, ctx);
}
