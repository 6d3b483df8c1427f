import { describe, expect, it } from 'vitest';
import { cardHeight, fitLine, fontUnits, labelZoom, LABEL_MIN_PX, stackLines } from './label-fit';

describe('labels sized in screen space', () => {
  it('never reads smaller than 18 px on screen, whatever the zoom', () => {
    for (const k of [0.05, 0.13, 0.37, 0.51, 0.69, 1, 1.7, 3]) {
      const zoom = labelZoom(k);
      expect(zoom).toBeLessThanOrEqual(k);
      expect(fontUnits(20, zoom) * k).toBeGreaterThanOrEqual(LABEL_MIN_PX);
    }
  });

  it('keeps the designed size when zoomed in enough', () => {
    expect(fontUnits(30, 1)).toBe(30);
    expect(fontUnits(16, 1)).toBe(18);
  });

  it('steps the zoom so small zoom changes keep the same label sizes', () => {
    expect(labelZoom(0.51)).toBe(labelZoom(0.52));
    expect(labelZoom(1)).toBe(1);
  });

  it('cuts a generated name in the middle, and leaves out what cannot be cut readably', () => {
    expect(fitLine({ text: 'web-7957885594-dnd8x', design: 20, face: 'bold', cut: 'middle' }, 230, 0.5)).toEqual({ text: 'web-…nd8x', size: 36 });
    expect(fitLine({ text: 'Running', design: 16, face: 'mono', cut: 'none' }, 100, 0.5)).toBeUndefined();
    expect(fitLine({ text: 'web-7957885594-dnd8x', design: 20, cut: 'middle' }, 60, 0.5)).toBeUndefined();
  });

  it('stacks the primary line and drops secondary lines that do not fit, lowest priority first', () => {
    const specs = [
      { text: 'kind-worker', design: 30, face: 'bold' as const },
      { text: 'worker · 172.18.0.3', design: 19, priority: 1 },
      { text: '2 pods', design: 18, priority: 2 },
    ];
    expect(stackLines(specs, { top: 0, bottom: 150, width: 460 }, 1).map((l) => l.text)).toEqual(['kind-worker', 'worker · 172.18.0.3', '2 pods']);
    expect(stackLines(specs, { top: 0, bottom: 90, width: 460 }, 0.5).map((l) => l.text)).toEqual(['kind-worker', 'worker · 172.18.0.3']);
    expect(stackLines(specs, { top: 0, bottom: 50, width: 460 }, 0.5).map((l) => l.text)).toEqual(['kind-worker']);
  });
});

describe('a line taller than its box', () => {
  it('is not drawn, even a primary one, and cardHeight makes room for it', () => {
    const name = [{ text: 'web-1', design: 20 }];
    expect(stackLines(name, { top: 4, bottom: 56, width: 2000 }, 0.25)).toEqual([]);
    const h = cardHeight(58, 20, 0.25, 6);
    expect(h).toBeGreaterThan(58);
    expect(stackLines(name, { top: 4, bottom: h - 2, width: 2000 }, 0.25).map((l) => l.text)).toEqual(['web-1']);
    expect(cardHeight(58, 20, 1, 6)).toBe(58);
  });
});
