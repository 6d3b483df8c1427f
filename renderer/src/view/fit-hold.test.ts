import { describe, expect, it } from 'vitest';
import { needsRefit } from './fit-hold';

const box = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

describe('needsRefit', () => {
  it('fits the first time', () => {
    expect(needsRefit(undefined, box(0, 0, 100, 100))).toBe(true);
  });
  it('fits again at once when the content grows out of the fitted box', () => {
    expect(needsRefit(box(0, 0, 100, 100), box(0, 0, 100, 108))).toBe(true);
    expect(needsRefit(box(0, 0, 100, 100), box(-5, 0, 100, 100))).toBe(true);
  });
  it('keeps the zoom when a waiting pod’s row comes and goes (a small shrink)', () => {
    expect(needsRefit(box(0, 0, 100, 108), box(0, 0, 100, 100))).toBe(false);
  });
  it('zooms in again when the content lost much of its size', () => {
    expect(needsRefit(box(0, 0, 100, 100), box(0, 0, 100, 60))).toBe(true);
  });
});
