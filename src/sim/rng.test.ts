import { describe, expect, it } from 'vitest';
import { NAME_SUFFIX_ALPHABET, Rng } from './rng';

function sequence(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextUint32());
}

describe('Rng', () => {
  it('gives the same sequence for the same seed', () => {
    expect(sequence(new Rng(7), 50)).toEqual(sequence(new Rng(7), 50));
  });

  it('gives different sequences for different seeds', () => {
    expect(sequence(new Rng(7), 10)).not.toEqual(sequence(new Rng(8), 10));
  });

  it('goes on from a saved state exactly as the original does', () => {
    const a = new Rng(3);
    sequence(a, 17);
    const b = new Rng(JSON.parse(JSON.stringify(a.state)));
    expect(sequence(b, 20)).toEqual(sequence(a, 20));
  });

  it('draws floats in [0, 1) and integers within inclusive bounds', () => {
    const rng = new Rng(11);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const f = rng.next();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = rng.int(2, 5);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('makes 5-character name suffixes from Kubernetes\' alphabet (no vowels, no 0/1/3)', () => {
    expect(NAME_SUFFIX_ALPHABET).toBe('bcdfghjklmnpqrstvwxz2456789');
    const rng = new Rng(5);
    const used = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const s = rng.nameSuffix();
      expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      for (const ch of s) used.add(ch);
    }
    // Every letter of the alphabet turns up sooner or later.
    expect(used.size).toBe(NAME_SUFFIX_ALPHABET.length);
  });

  it('makes version 4 UUIDs', () => {
    const rng = new Rng(9);
    for (let i = 0; i < 50; i++) expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
