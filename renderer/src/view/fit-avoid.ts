// Fitting a view's content to its frame while keeping clear of an overlay docked in the frame's top-right corner
// (the technical view's CronJob clocks). Pure.
import type { Box } from './cluster-layout';

export interface Fit {
  k: number;
  x: number;
  y: number;
}

export interface FitFrame {
  width: number;
  height: number;
  margin: number;
  maxScale: number;
}

function centred(bounds: Box, area: Box, f: FitFrame): Fit {
  const k = Math.min(f.maxScale, (area.w - 2 * f.margin) / bounds.w, (area.h - 2 * f.margin) / bounds.h);
  return { k, x: area.x + (area.w - bounds.w * k) / 2 - bounds.x * k, y: area.y + Math.max(f.margin, (area.h - bounds.h * k) / 2) - bounds.y * k };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The largest fit of `bounds` in the frame whose drawn `content` (boxes in layout units) stays clear of `obstacle`
 * (screen px, in the frame's top-right corner): the plain fit when nothing is under the obstacle; else the plain
 * scale moved down or left into the frame's slack, or the content fitted beside or under the obstacle, whichever
 * is drawn largest — unless keeping clear would shrink the view by more than `maxLoss` (a small window: the labels
 * would no longer fit their boxes), when the plain fit is kept and the overlay covers a corner. */
export function fitAvoiding(bounds: Box, frame: FitFrame, content: Box[], obstacle?: Box, maxLoss = 0.15): Fit {
  const full = { x: 0, y: 0, w: frame.width, h: frame.height };
  const plain = centred(bounds, full, frame);
  if (!obstacle || obstacle.w <= 0 || obstacle.h <= 0) return plain;
  const clear = (f: Fit) => !content.some((c) => overlaps({ x: f.x + c.x * f.k, y: f.y + c.y * f.k, w: c.w * f.k, h: c.h * f.k }, obstacle));
  const candidates: Fit[] = [];
  const areas = [full, { x: 0, y: 0, w: obstacle.x, h: frame.height }, { x: 0, y: obstacle.y + obstacle.h, w: frame.width, h: frame.height - obstacle.y - obstacle.h }];
  for (const area of areas) {
    if (area.w <= 2 * frame.margin || area.h <= 2 * frame.margin) continue;
    const c = centred(bounds, area, frame);
    candidates.push(c);
    // The frame's slack below and to the left of the centred content.
    const down = frame.height - frame.margin - (bounds.y + bounds.h) * c.k;
    if (down > c.y) candidates.push({ ...c, y: down });
    const left = frame.margin - bounds.x * c.k;
    if (left < c.x) candidates.push({ ...c, x: left }, ...(down > c.y ? [{ k: c.k, x: left, y: down }] : []));
  }
  let best: Fit | undefined;
  for (const c of candidates) if (c.k > 0 && clear(c) && (!best || c.k > best.k + 1e-9)) best = c;
  return best && best.k >= plain.k * (1 - maxLoss) ? best : plain;
}
