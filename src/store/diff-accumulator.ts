// Squashes store changes between two flushes into one diff: what the renderer receives once per frame.
import type { KubeObject } from '../api/meta';
import type { StoreChange } from './object-store';

export interface StoreDiff {
  added: KubeObject[];
  /** [before, after] for objects that existed before the window and still exist. */
  updated: [KubeObject, KubeObject][];
  removed: KubeObject[];
}

export function emptyDiff(): StoreDiff {
  return { added: [], updated: [], removed: [] };
}

function uidOf(o: KubeObject): string {
  return o.metadata.uid ?? `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

export class DiffAccumulator {
  /** uid → [state at the start of the window (undefined if it did not exist), latest state (undefined if gone)] */
  private pending = new Map<string, [KubeObject | undefined, KubeObject | undefined]>();

  record(change: StoreChange): void {
    const uid = uidOf(change.object);
    const entry = this.pending.get(uid);
    const before = entry ? entry[0] : change.type === 'ADDED' ? undefined : change.previous;
    const after = change.type === 'DELETED' ? undefined : change.object;
    this.pending.set(uid, [before, after]);
  }

  get isEmpty(): boolean {
    return this.pending.size === 0;
  }

  flush(): StoreDiff {
    const diff = emptyDiff();
    for (const [before, after] of this.pending.values()) {
      if (!before && after) diff.added.push(after);
      else if (before && after) diff.updated.push([before, after]);
      else if (before && !after) diff.removed.push(before);
    }
    this.pending.clear();
    return diff;
  }
}
