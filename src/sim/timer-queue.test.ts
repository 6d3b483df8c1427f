import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { TimerQueue } from './timer-queue';

function drain(q: TimerQueue): string[] {
  const out: string[] = [];
  for (let t = q.pop(); t; t = q.pop()) out.push(t.key);
  return out;
}

describe('TimerQueue', () => {
  it('pops timers earliest deadline first', () => {
    const q = new TimerQueue();
    q.add(300, 'c', 'third');
    q.add(100, 'c', 'first');
    q.add(200, 'c', 'second');
    expect(drain(q)).toEqual(['first', 'second', 'third']);
  });

  it('pops timers with equal deadlines in insertion order', () => {
    const q = new TimerQueue();
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    for (const k of keys) q.add(500, 'c', k);
    expect(drain(q)).toEqual(keys);
  });

  it('orders by (due, insertion) when deadlines interleave', () => {
    const q = new TimerQueue();
    q.add(20, 'c', '20-a');
    q.add(10, 'c', '10-a');
    q.add(20, 'c', '20-b');
    q.add(10, 'c', '10-b');
    q.add(30, 'c', '30-a');
    q.add(10, 'c', '10-c');
    expect(drain(q)).toEqual(['10-a', '10-b', '10-c', '20-a', '20-b', '30-a']);
  });

  it('matches a stable sort of many random timers', () => {
    const rng = new Rng(42);
    const q = new TimerQueue();
    const added: { due: number; key: string }[] = [];
    for (let i = 0; i < 500; i++) {
      const due = rng.int(0, 20);
      q.add(due, 'c', String(i));
      added.push({ due, key: String(i) });
      // Pop now and then, as the simulation does between adds.
      if (i % 7 === 0) {
        const t = q.pop()!;
        const expected = [...added].sort((a, b) => a.due - b.due)[0];
        expect(t.key).toBe(expected.key);
        added.splice(added.indexOf(expected), 1);
      }
    }
    expect(drain(q)).toEqual([...added].sort((a, b) => a.due - b.due).map((t) => t.key));
  });

  it('peeks without removing and reports its size', () => {
    const q = new TimerQueue();
    expect(q.peek()).toBeUndefined();
    expect(q.pop()).toBeUndefined();
    q.add(5, 'kubelet', 'default/web');
    q.add(1, 'scheduler', 'default/db');
    expect(q.peek()).toMatchObject({ due: 1, controller: 'scheduler', key: 'default/db' });
    expect(q.size).toBe(2);
  });

  it('keeps insertion order for equal deadlines across save and load', () => {
    const q = new TimerQueue();
    q.add(10, 'c', 'x');
    q.add(10, 'c', 'y');
    q.add(5, 'c', 'w');
    const restored = TimerQueue.load(JSON.parse(JSON.stringify(q.save())));
    restored.add(10, 'c', 'z');
    q.add(10, 'c', 'z');
    expect(drain(restored)).toEqual(['w', 'x', 'y', 'z']);
    expect(drain(q)).toEqual(['w', 'x', 'y', 'z']);
  });
});
