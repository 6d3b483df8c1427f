// Labels sized in screen space (issue 7: readable from the back of a classroom, at least 18 px at 1080p). A label's
// font size, in layout units, grows as the view zooms out so that it never reads smaller than LABEL_MIN_PX on screen;
// what no longer fits its place is cut (an ellipsis; the hover card keeps the full name) or not drawn (its state stays
// visible by icon and shape). Pure.
import { clip, clipMiddle, wrapWords } from '../views/shared/text-fit';

/** The smallest a drawn word may be on screen, in CSS px. */
export const LABEL_MIN_PX = 18;

/** Average advance of a character, in em, for the views' fonts (DejaVu Sans is the widest of the fallbacks). */
export const EM = { sans: 0.62, bold: 0.7, mono: 0.62 } as const;
export type Face = keyof typeof EM;

/** The zoom labels are sized for: the view's scale rounded down to a step of 2^(1/16), so a zoom gesture re-sizes
 * the labels every ~4 % of zoom rather than at every frame (and a label is never smaller than asked). */
export function labelZoom(k: number): number {
  if (!(k > 0)) return 1;
  return Math.pow(2, Math.floor(Math.log2(k) * 16 + 1e-9) / 16);
}

/** A label's font size in layout units: its designed size, or larger so that it reads at LABEL_MIN_PX at `zoom`. */
export function fontUnits(design: number, zoom: number): number {
  return Math.max(design, Math.ceil((LABEL_MIN_PX / zoom) * 10) / 10);
}

/** How many characters of `face` at `size` fit in `width` (layout units). */
export function charsIn(width: number, size: number, face: Face = 'sans'): number {
  return Math.max(0, Math.floor(width / (EM[face] * size)));
}

/** The width `text` takes (layout units), estimated. */
export function textWidth(text: string, size: number, face: Face = 'sans'): number {
  return text.length * EM[face] * size;
}

export interface LineSpec {
  text: string;
  /** Designed font size, in layout units (what it is drawn at when zoomed in enough). */
  design: number;
  face?: Face;
  /** 0 for a primary label (always drawn, cut if need be), higher for less important lines. */
  priority?: number;
  /** How a line too long is cut: at the end, in the middle (generated names keep their suffix), or not at all (the
   * line is left out). */
  cut?: 'end' | 'middle' | 'none';
  /** Fewer characters than this (after cutting) and the line is left out. */
  min?: number;
  /** Wrap over up to this many lines instead of cutting (words). */
  lines?: number;
}

export interface PlacedLine {
  text: string;
  size: number;
  /** Baseline, in the box's coordinates. */
  y: number;
  /** The spec's index. */
  index: number;
}

/** Fits one line into `width`: its text (cut if allowed) and size, or undefined when it cannot be drawn readable. */
export function fitLine(spec: LineSpec, width: number, zoom: number): { text: string; size: number } | undefined {
  if (!spec.text) return undefined;
  const size = fontUnits(spec.design, zoom);
  const face = spec.face ?? 'sans';
  const chars = charsIn(width, size, face);
  if (spec.text.length <= chars) return { text: spec.text, size };
  const cut = spec.cut ?? 'end';
  if (cut === 'none' || chars < (spec.min ?? 4)) return undefined;
  return { text: cut === 'middle' ? clipMiddle(spec.text, chars) : clip(spec.text, chars), size };
}

/** Line pitch for a size: the line's height with a little leading. */
export function pitch(size: number): number {
  return size * 1.18;
}

/** The height a card needs to hold one line designed at `design` at `zoom` (the line's pitch and `pad`), or `base`
 * when that is more: cards grow with their words when the view is zoomed far out. */
export function cardHeight(base: number, design: number, zoom: number, pad: number): number {
  return Math.max(base, Math.ceil(pitch(fontUnits(design, zoom)) + pad));
}

/** Stacks lines top-down in a box (`top`..`bottom`, `width` wide): primary lines first, then the others by priority
 * while they fit, each left out when too wide or taller than the box; the kept ones in their given order. Baselines are returned; when the
 * box has room to spare, the stack is centred vertically if `centre`. */
export function stackLines(specs: LineSpec[], box: { top: number; bottom: number; width: number }, zoom: number, centre = false): PlacedLine[] {
  const fitted = specs.map((s) => {
    if (!s.text) return undefined;
    if (s.lines && s.lines > 1) {
      const size = fontUnits(s.design, zoom);
      const per = charsIn(box.width, size, s.face ?? 'sans');
      if (per < (s.min ?? 4)) return undefined;
      const parts = wrapWords(s.text, per, s.lines);
      return { parts, size };
    }
    const f = fitLine(s, box.width, zoom);
    return f ? { parts: [f.text], size: f.size } : undefined;
  });
  const order = specs.map((s, i) => i).sort((a, b) => (specs[a]!.priority ?? 0) - (specs[b]!.priority ?? 0) || a - b);
  const room = box.bottom - box.top;
  const kept = new Set<number>();
  let used = 0;
  for (const i of order) {
    const f = fitted[i];
    if (!f) continue;
    const h = f.parts.length * pitch(f.size);
    // A line taller than its whole box is never drawn, primary or not: it would spill out (the hover card names it).
    if (h > room + 0.5) continue;
    if (used + h > room + 0.5 && (specs[i]!.priority ?? 0) > 0) continue;
    kept.add(i);
    used += h;
  }
  let y = box.top + (centre ? Math.max(0, (room - used) / 2) : 0);
  const out: PlacedLine[] = [];
  specs.forEach((s, i) => {
    const f = fitted[i];
    if (!f || !kept.has(i)) return;
    for (const part of f.parts) {
      const p = pitch(f.size);
      // The baseline sits at about 0.8 of the line's height (ascent), the rest is leading and descent.
      out.push({ text: part, size: f.size, y: y + p * 0.8, index: i });
      y += p;
    }
  });
  return out;
}
