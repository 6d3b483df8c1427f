// What the canvas layers (request particles, walkers) share: the frame loop, and the count of what they drew that
// they expose as a data- attribute for tests and tools.

/**
 * The count of things drawn, as an attribute wants it: updated at most twice a second (an attribute changed at
 * every frame costs a style pass at every frame), at once when it falls to or leaves 0.
 */
export class DrawnCount {
  value = $state(0);
  private toldAt = -Infinity;

  tell(count: number, now: number): void {
    if (count === this.value || ((count === 0) === (this.value === 0) && now - this.toldAt < 500)) return;
    this.value = count;
    this.toldAt = now;
  }
}

/** Calls `draw` at every animation frame until the returned cleanup runs (an `$effect`'s imperative edge). */
export function everyFrame(draw: (now: number) => void): () => void {
  let frame = requestAnimationFrame(function loop(now) {
    draw(now);
    frame = requestAnimationFrame(loop);
  });
  return () => cancelAnimationFrame(frame);
}
