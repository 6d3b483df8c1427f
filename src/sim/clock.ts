// The simulated clock: milliseconds since the Unix epoch, moved only by the simulation.

export class SimClock {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  /** Moves time forward; time never goes back. */
  set(t: number): void {
    if (t < this.current) throw new Error(`clock cannot go back from ${this.current} to ${t}`);
    this.current = t;
  }

  /** Puts the clock at a saved time (restoring a snapshot). */
  restore(t: number): void {
    this.current = t;
  }
}
