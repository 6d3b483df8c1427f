import { describe, expect, it } from 'vitest';
import { fitAvoiding } from './fit-avoid';

const frame = { width: 1000, height: 500, margin: 20, maxScale: 3 };

describe('a fit that keeps clear of a docked overlay', () => {
  it('is the plain fit when nothing drawn is under the overlay', () => {
    const bounds = { x: 0, y: 0, w: 1000, h: 500 };
    const plain = fitAvoiding(bounds, frame, [bounds]);
    // The content is only a box in the lower left: a chip in the top-right corner covers nothing.
    expect(fitAvoiding(bounds, frame, [{ x: 0, y: 300, w: 400, h: 200 }], { x: 700, y: 10, w: 290, h: 80 })).toEqual(plain);
  });

  it('moves the content into the slack, or fits it beside or under the overlay, keeping the largest scale', () => {
    const bounds = { x: 0, y: 0, w: 1000, h: 300 };
    const chip = { x: 700, y: 10, w: 290, h: 80 };
    const f = fitAvoiding(bounds, frame, [bounds], chip);
    // The plain fit (k 0.96) is width-bound with vertical slack: moved down, it clears the chip at the same scale.
    expect(f.k).toBeCloseTo(0.96);
    expect(f.y).toBeGreaterThanOrEqual(chip.y + chip.h);
    const tall = fitAvoiding({ x: 0, y: 0, w: 1000, h: 500 }, frame, [{ x: 0, y: 0, w: 1000, h: 500 }], { ...chip, h: 40 });
    expect(tall.k).toBeLessThan(0.92);
    expect(tall.k).toBeGreaterThan(0.78);
    expect(tall.y).toBeGreaterThanOrEqual(50);
  });

  it('keeps the plain fit when keeping clear would shrink the view by more than the allowed loss', () => {
    const bounds = { x: 0, y: 0, w: 1000, h: 500 };
    const big = { x: 500, y: 0, w: 500, h: 200 };
    expect(fitAvoiding(bounds, frame, [bounds], big)).toEqual(fitAvoiding(bounds, frame, [bounds]));
  });
});
