// Gives each item a slot in its group and keeps it there while it stays, so pods keep their place as others
// come and go. The one piece of memory between layouts; `assign` is deterministic given the previous state.

export class SlotMemory {
  private slots = new Map<string, { group: string; slot: number }>();

  /** Slot of each item: its previous one if it is still in the same group, else the lowest free one. */
  assign(groups: Map<string, string[]>): Map<string, number> {
    const next = new Map<string, { group: string; slot: number }>();
    const result = new Map<string, number>();
    for (const [group, items] of groups) {
      const taken = new Set<number>();
      const newcomers: string[] = [];
      for (const item of items) {
        const previous = this.slots.get(item);
        if (previous && previous.group === group && !taken.has(previous.slot)) {
          taken.add(previous.slot);
          next.set(item, previous);
          result.set(item, previous.slot);
        } else {
          newcomers.push(item);
        }
      }
      let free = 0;
      for (const item of newcomers) {
        while (taken.has(free)) free++;
        taken.add(free);
        next.set(item, { group, slot: free });
        result.set(item, free);
      }
    }
    this.slots = next;
    return result;
  }

  forget(): void {
    this.slots.clear();
  }
}
