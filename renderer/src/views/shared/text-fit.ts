// Fitting words into drawn boxes: SVG has no wrapping, so lines are cut at word boundaries by a character budget.
// Pure.

/** Splits `text` into at most `maxLines` lines of at most `perLine` characters; the last line ends with … if cut. */
export function wrapWords(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= perLine || !current) {
      current = next;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines.map((l) => clip(l, perLine));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = clip(`${kept[maxLines - 1]}…`, perLine);
  return kept.map((l) => clip(l, perLine));
}

/** Cuts `text` to `max` characters, ending with … when cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

/** Cuts the middle of `text` to `max` characters: generated names (web-7d4b9c-x2k) keep the suffix that tells
 * them apart. */
export function clipMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.max(1, Math.ceil((max - 1) / 2) - 1);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}
