// What a describer reads: the API server, the simulated "now", the cluster version and describe's settings.
import type { ApiServer } from '../../apiserver/api-server';

export interface DescribeContext {
  api: ApiServer;
  /** ms since the epoch (the simulation clock). */
  now: number;
  /** Kubernetes minor version (24–33) of the cluster and of the kubectl being emulated. */
  minor: number;
  showEvents: boolean;
}
