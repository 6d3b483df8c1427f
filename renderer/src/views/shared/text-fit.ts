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

/** Cuts the middle of `text` to `max` characters, keeping what tells generated names apart: the owner's name at the
 * start (the Deployment's `web-`, the CronJob's `tick-`) and the generated suffix at the end, so
 * `web-6dc5cd68db-nd8bx` reads `web-6dc…nd8bx` rather than `we…nd8b`, and `tick-29928945` reads `tick-…945`.
 * Names without a dash (or too short a budget for the owner's name) are cut evenly in the middle. */
export function clipMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1;
  const parts = text.split('-');
  if (parts.length >= 2 && parts.every(Boolean)) {
    // The owner: all but the last two segments (a pod of web-6dc5cd68db), or the first one (a Job tick-29928945).
    const prefix = `${parts.slice(0, Math.max(1, parts.length - 2)).join('-')}-`;
    const tail = parts[parts.length - 1]!;
    const middle = text.slice(prefix.length, text.length - tail.length);
    if (prefix.length + tail.length <= room) return `${prefix}${middle.slice(0, room - prefix.length - tail.length)}…${tail}`;
    if (prefix.length + 2 <= room) return `${prefix}…${text.slice(text.length - (room - prefix.length))}`;
  }
  const head = Math.max(1, Math.ceil(room / 2));
  return `${text.slice(0, head)}…${text.slice(text.length - (room - head))}`;
}
