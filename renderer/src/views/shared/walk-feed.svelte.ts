// The people walking in a metaphor view: requests taken from the diffs as they arrive, each shown for LIFE_MS of
// wall-clock time (a request lasts milliseconds of simulated time: too short to see), at most MAX at once.
// Not reactive: Walkers.canvas.svelte reads `live` every animation frame; only `count` is state.
import type { KubevilleApi, WorldDiff } from '../../../../src/host/api';
import { walkOf, type Walk } from './walks';

export const LIFE_MS = 1400;
export const MAX_WALKERS = 300;

export interface LiveWalk {
  walk: Walk;
  /** performance.now() when it set off. */
  born: number;
  /** Its route, worked out once per layout (see Walkers.canvas.svelte). */
  route?: [number, number][];
  routeOf?: object;
}

export class WalkFeed {
  live: LiveWalk[] = [];
  private unsubscribe: () => void;

  constructor(api: KubevilleApi) {
    this.unsubscribe = api.onDiff((diff: WorldDiff) => this.take(diff));
  }

  take(diff: Pick<WorldDiff, 'traffic' | 'replaced'>, now = performance.now()): void {
    if (diff.replaced) this.live = [];
    const records = diff.traffic?.records ?? [];
    if (records.length === 0) return;
    // Too many at once: keep an even sample, so every service still shows its people.
    const step = Math.max(1, Math.ceil(records.length / MAX_WALKERS));
    for (let i = 0; i < records.length; i += step) {
      const walk = walkOf(records[i]!);
      if (walk) this.live.push({ walk, born: now });
    }
    if (this.live.length > MAX_WALKERS) this.live.splice(0, this.live.length - MAX_WALKERS);
  }

  /** Drops the walks whose time is over; in place, no allocation when none is. */
  prune(now: number): void {
    let kept = 0;
    for (const l of this.live) if (now - l.born < LIFE_MS) this.live[kept++] = l;
    this.live.length = kept;
  }

  /** 0 → 1 along the route (1 with reduced motion: drawn where they are going). */
  static progress(l: LiveWalk, now: number, moving: boolean): number {
    return moving ? Math.min(1, (now - l.born) / (LIFE_MS * 0.8)) : 1;
  }

  destroy(): void {
    this.unsubscribe();
  }
}
