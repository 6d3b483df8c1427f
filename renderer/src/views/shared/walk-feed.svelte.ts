// The people walking in a metaphor view: requests taken from the diffs as they arrive, each shown for LIFE_MS of
// wall-clock time (a request lasts milliseconds of simulated time: too short to see), at most MAX at once.
// The renderer's animation edge: a requestAnimationFrame loop that runs only while someone is walking.
import type { KubevilleApi, WorldDiff } from '../../../../src/host/api';
import { walkOf, type Walk } from './walks';

export const LIFE_MS = 1400;
export const MAX_WALKERS = 300;

export class WalkFeed {
  walks = $state.raw<Walk[]>([]);
  private live: { walk: Walk; born: number }[] = [];
  private frame = 0;
  private unsubscribe: () => void;

  constructor(
    api: KubevilleApi,
    private moving: () => boolean,
  ) {
    this.unsubscribe = api.onDiff((diff: WorldDiff) => this.take(diff));
  }

  private take(diff: WorldDiff): void {
    const records = diff.traffic?.records ?? [];
    if (records.length === 0) return;
    const now = performance.now();
    // Too many at once: keep an even sample, so every service still shows its people.
    const step = Math.max(1, Math.ceil(records.length / MAX_WALKERS));
    for (let i = 0; i < records.length; i += step) {
      const walk = walkOf(records[i]!);
      if (walk) this.live.push({ walk, born: now });
    }
    if (this.live.length > MAX_WALKERS) this.live.splice(0, this.live.length - MAX_WALKERS);
    if (!this.frame) this.frame = requestAnimationFrame(this.tick);
  }

  private tick = (): void => {
    const now = performance.now();
    this.live = this.live.filter((l) => now - l.born < LIFE_MS);
    const moving = this.moving();
    this.walks = this.live.map((l) => ({ ...l.walk, progress: moving ? Math.min(1, (now - l.born) / (LIFE_MS * 0.8)) : 1 }));
    this.frame = this.live.length ? requestAnimationFrame(this.tick) : 0;
  };

  destroy(): void {
    this.unsubscribe();
    if (this.frame) cancelAnimationFrame(this.frame);
  }
}
