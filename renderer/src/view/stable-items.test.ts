import { describe, expect, it } from 'vitest';
import { StableItems, sameBox } from './stable-items';

type Item = { key: string; x: number; y: number; w: number; h: number; v: number };
const item = (key: string, x: number, v = 0): Item => ({ key, x, y: 0, w: 10, h: 10, v });

describe('stable items', () => {
  it('keeps the previous object of an item whose drawing did not change, and takes the new one otherwise', () => {
    const stable = new StableItems<Item>((i) => i.key, (a, b) => a.v === b.v && sameBox(a, b));
    const [a1, b1] = stable.take([item('a', 0), item('b', 20)]);
    const [a2, b2, c2] = stable.take([item('a', 0), item('b', 30), item('c', 40)]);
    expect(a2).toBe(a1);
    expect(b2).not.toBe(b1);
    expect(b2!.x).toBe(30);
    expect(c2!.key).toBe('c');
  });

  it('forgets an item that left: coming back, it is new', () => {
    const stable = new StableItems<Item>((i) => i.key, (a, b) => a.v === b.v && sameBox(a, b));
    const [a1] = stable.take([item('a', 0)]);
    stable.take([]);
    expect(stable.take([item('a', 0)])[0]).not.toBe(a1);
  });
});
