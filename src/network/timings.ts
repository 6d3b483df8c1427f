// How long the control plane and the network take, as data (ms). Ranges are drawn from the seeded rng.
import type { Range } from '../runtime/timings';

export const NETWORK_TIMINGS = {
  /** kube-controller-manager --node-monitor-grace-period: 50 s since 1.32, 40 s before. */
  nodeMonitorGracePeriod: (minor: number) => (minor >= 32 ? 50_000 : 40_000),
  /** --node-monitor-period: how often the node lifecycle controller looks. */
  nodeMonitorPeriod: 5_000,
  /** The DefaultTolerationSeconds admission plugin's 300 s for not-ready / unreachable. */
  defaultTolerationSeconds: 300,
  /** A simulated cloud provider hands a LoadBalancer its external IP within 10–30 s. */
  loadBalancerProvisioning: [10_000, 30_000] as Range,
  /** One network hop inside the cluster (pod → node → pod), the Internet → a node or the balancer, a DNS lookup. */
  hopInCluster: [0.2, 0.6] as Range,
  hopInternet: [15, 40] as Range,
  hopOutside: [8, 25] as Range,
  dnsLookup: [0.3, 1.2] as Range,
  /** What the server takes to answer (nginx, hello-app, agnhost, mongo). */
  serverTime: [0.5, 3] as Range,
  /** ClientIP session affinity lasts this long by default (sessionAffinityConfig.clientIP.timeoutSeconds). */
  affinityTimeoutSeconds: 10_800,
};
