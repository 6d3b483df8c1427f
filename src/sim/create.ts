// Creating a simulation: a kind cluster with its controllers, at a start time, from a seed.
import { bootstrapKindCluster } from '../cluster/bootstrap';
import { DEFAULT_MINOR, type ClusterConfig } from './cluster-config';
import { Simulation, type SimulationState } from './simulation';
import { registerControllers } from '../controllers/registry';

export interface CreateOptions {
  /** Worker nodes besides the control plane (default 2). */
  workers?: number;
  /** Simulated start time, ms since the epoch. */
  start: number;
  seed?: number;
  minor?: number;
  cloudProvider?: 'simulated' | 'none';
  /** Freeze stored objects so an in-place edit throws (tests). */
  freezeObjects?: boolean;
}

export function createSimulation(options: CreateOptions): Simulation {
  const config: ClusterConfig = {
    minor: options.minor ?? DEFAULT_MINOR,
    workers: options.workers ?? 2,
    cloudProvider: options.cloudProvider ?? 'simulated',
    clusterName: 'kind',
  };
  const sim = new Simulation(config, options.start, options.seed ?? 1);
  sim.store.freeze = options.freezeObjects ?? false;
  registerControllers(sim);
  bootstrapKindCluster(sim);
  sim.settle();
  return sim;
}

/** Rebuilds a simulation from saved state, with the same controllers. */
export function restoreSimulation(state: SimulationState, options: { freezeObjects?: boolean } = {}): Simulation {
  const sim = new Simulation(state.config, state.now, state.rng);
  sim.store.freeze = options.freezeObjects ?? false;
  registerControllers(sim);
  sim.load(state);
  // Controllers rebuild their in-memory indexes, as informers relist after a restart; no work is queued, so a
  // restored simulation goes on exactly as the original would have.
  sim.rebuildIndexes();
  return sim;
}
