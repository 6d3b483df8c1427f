// Keeps each drawn item's previous object while nothing drawn about it changed, so Svelte's keyed blocks (which
// compare items by identity) skip it: a diff that changes one pod of 200 updates one element, not 200.
import type { Box } from './cluster-layout';

export class StableItems<T> {
  private last = new Map<string, T>();

  constructor(
    private keyOf: (item: T) => string,
    private same: (a: T, b: T) => boolean,
  ) {}

  /** `items`, with each one replaced by the previous item of the same key when `same` says nothing changed. */
  take(items: readonly T[]): T[] {
    const next = new Map<string, T>();
    const out = items.map((item) => {
      const key = this.keyOf(item);
      const prev = this.last.get(key);
      const kept = prev !== undefined && this.same(prev, item) ? prev : item;
      next.set(key, kept);
      return kept;
    });
    this.last = next;
    return out;
  }
}

export function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}
