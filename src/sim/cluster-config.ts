// What kind of cluster is simulated: chosen at reset, fixed for the life of a simulation.

export interface ClusterConfig {
  /** Kubernetes minor version, 24–33. */
  minor: number;
  /** Number of worker nodes (kind-worker, kind-worker2…). */
  workers: number;
  /** `simulated` gives LoadBalancer Services an external IP; `none` is bare metal (kind): they stay pending. */
  cloudProvider: 'simulated' | 'none';
  clusterName: string;
}

export const DEFAULT_MINOR = 32;
export const SUPPORTED_MINORS = { min: 24, max: 33 };

/** The patch release a kind node image of each minor ships. */
export const PATCH_RELEASES: Record<number, string> = {
  24: 'v1.24.17',
  25: 'v1.25.16',
  26: 'v1.26.15',
  27: 'v1.27.16',
  28: 'v1.28.15',
  29: 'v1.29.14',
  30: 'v1.30.10',
  31: 'v1.31.6',
  32: 'v1.32.2',
  33: 'v1.33.1',
};

export function serverVersion(minor: number): string {
  return PATCH_RELEASES[minor] ?? `v1.${minor}.0`;
}
