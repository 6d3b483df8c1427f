// The renderer's view of traffic: the latest generators and counters, and the requests still in flight as
// particles (started when their frame arrives, spread by their simulated start, one hop every HOP_MS).
import type { RequestRecord } from '../../../../src/traffic/traffic-state';
import type { TrafficFrame, KubevilleApi } from '../../../../src/host/api';

export const HOP_MS = 380;
/** The counters and the panel follow the traffic at most this often (the particles, every frame): hundreds of
 * counters re-laid out 4 times a second cost the view more frames than any other change. */
const FRAME_EVERY_MS = 1000;
const MAX_PARTICLES = 1500;

export interface Particle {
  record: RequestRecord;
  /** performance.now() when it leaves its client. */
  born: number;
  clientPod?: string;
}

export class TrafficState {
  frame = $state.raw<TrafficFrame | undefined>(undefined);
  /** Not reactive: the canvas reads it every animation frame. */
  particles: Particle[] = [];
  private unsubscribe: (() => void) | undefined;
  private frameAt = -Infinity;
  private later: ReturnType<typeof setTimeout> | undefined;

  constructor(private api: KubevilleApi) {}

  attach(): () => void {
    this.unsubscribe = this.api.onDiff((diff) => {
      if (diff.replaced) this.particles = [];
      if (diff.traffic) this.take(diff.traffic, Date.parse(diff.time));
    });
    return () => {
      this.unsubscribe?.();
      clearTimeout(this.later);
    };
  }

  take(frame: TrafficFrame, simNow: number, wallNow = performance.now()): void {
    // A frame without requests tells a change (a generator started or stopped): always shown. Others at most every
    // FRAME_EVERY_MS; the last one held back is shown when that time is up (stepping sends a few frames, then none).
    clearTimeout(this.later);
    if (!frame.records.length || wallNow - this.frameAt >= FRAME_EVERY_MS) this.show(frame, wallNow);
    else this.later = setTimeout(() => this.show(frame, performance.now()), this.frameAt + FRAME_EVERY_MS - wallNow);
    if (!frame.records.length) return;
    const first = frame.records[0].start;
    const span = Math.max(1, simNow - first);
    for (const r of frame.records) {
      // Spread the batch over up to one second of wall time, in the order the requests started.
      const born = wallNow + Math.min(1000, ((r.start - first) / span) * 1000);
      const client = r.hops[0]?.label.startsWith('Internet') ? undefined : findClient(r);
      this.particles.push({ record: r, born, clientPod: client });
    }
    if (this.particles.length > MAX_PARTICLES) this.particles.splice(0, this.particles.length - MAX_PARTICLES);
  }

  private show(frame: TrafficFrame, wallNow: number): void {
    this.frame = frame;
    this.frameAt = wallNow;
  }

  /** Drops particles whose journey (and fading failure mark) is over. */
  prune(now: number): void {
    this.particles = this.particles.filter((p) => now - p.born < (p.record.hops.length + 2) * HOP_MS);
  }

  act = (action: Parameters<KubevilleApi['act']>[0]) => this.api.act(action);
}

function findClient(r: RequestRecord): string | undefined {
  // `client (10.244.1.3)`: the generator's pod; namespace from the destination when known.
  const name = r.hops[0]?.label.split(' ')[0];
  return name ? `${r.pod?.namespace ?? r.service?.namespace ?? 'default'}/${name}` : undefined;
}
