// Future work, ordered by (due time, insertion order) so equal deadlines never depend on sort luck.

export interface Timer {
  due: number;
  seq: number;
  /** The controller that asked, and the key it will reconcile then. */
  controller: string;
  key: string;
}

export interface TimerQueueState {
  nextSeq: number;
  timers: Timer[];
}

function before(a: Timer, b: Timer): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

/** A binary min-heap of timers. */
export class TimerQueue {
  private heap: Timer[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  add(due: number, controller: string, key: string): Timer {
    const timer: Timer = { due, seq: this.nextSeq++, controller, key };
    this.heap.push(timer);
    this.up(this.heap.length - 1);
    return timer;
  }

  peek(): Timer | undefined {
    return this.heap[0];
  }

  pop(): Timer | undefined {
    const top = this.heap[0];
    if (!top) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  save(): TimerQueueState {
    const timers = [...this.heap].sort((a, b) => (before(a, b) ? -1 : 1));
    return { nextSeq: this.nextSeq, timers };
  }

  static load(state: TimerQueueState): TimerQueue {
    const q = new TimerQueue();
    q.nextSeq = state.nextSeq;
    q.heap = state.timers.map((t) => ({ ...t }));
    return q;
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l], h[m])) m = l;
      if (r < h.length && before(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
