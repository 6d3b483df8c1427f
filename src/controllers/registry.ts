// The controllers of a simulated cluster, in the order they get to react to a change.
import type { Simulation } from '../sim/simulation';

export function registerControllers(sim: Simulation): void {
  void sim;
}
