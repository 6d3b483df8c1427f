// How long things take on a kind node, as data (ms). Ranges are drawn from the simulation's seeded rng.

export type Range = [min: number, max: number];

export const TIMINGS = {
  /** Creating the pod sandbox (pause container, network) before the first container. */
  sandbox: [400, 900] as Range,
  /** Re-checking an `Always` image that is already on the node (a registry round trip). */
  pullRecheck: [800, 1300] as Range,
  /** Resolving a name that does not exist before the registry says so. */
  pullFailure: [900, 1600] as Range,
  /** Creating a container, then starting it. */
  create: [80, 200] as Range,
  start: [60, 150] as Range,
  /** How long a container takes to stop after SIGTERM when its PID 1 handles it. */
  stopOnSigterm: [100, 600] as Range,
  /** Kubelet back-off for restarting crashed containers: 10 s doubling to 5 min. */
  crashBackoffInitial: 10_000,
  crashBackoffMax: 300_000,
  /** Back-off for image pulls: the same shape. */
  pullBackoffInitial: 10_000,
  pullBackoffMax: 300_000,
  /** From a container's start to the kubelet noticing it (PLEG relists every second) and running its readiness probe. */
  probeTrigger: [100, 1000] as Range,
  /** A container that ran this long without crashing resets its back-off. */
  backoffReset: 600_000,
};

export function draw(range: Range, next: () => number): number {
  return Math.round(range[0] + (range[1] - range[0]) * next());
}
