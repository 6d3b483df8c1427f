// Go's text/tabwriter as describe configures it (minwidth 0, tabwidth 8, padding 2, padchar ' ', no flags):
// tab-terminated cells, aligned per column block of consecutive lines; the last cell of a line is never padded.
// https://pkg.go.dev/text/tabwriter

const PADDING = 2;

type Line = string[];

/** Aligns one flushed segment of text. */
export function alignTabs(text: string): string {
  const raw = text.split('\n');
  // The final piece is the unterminated line (empty after a trailing newline): no cells.
  const lines: Line[] = raw.map((l, i) => (i === raw.length - 1 && l === '' ? [] : l.split('\t')));
  const out: string[] = [];
  format(lines, 0, lines.length, [], out);
  return out.join('');
}

function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function format(lines: Line[], line0: number, line1: number, widths: number[], out: string[]): void {
  const column = widths.length;
  let start = line0;
  for (let i = line0; i < line1; i++) {
    if (column >= lines[i].length - 1) continue;
    writeLines(lines, start, i, widths, out);
    start = i;
    let w = 0;
    for (; i < line1; i++) {
      const line = lines[i];
      if (column >= line.length - 1) break;
      w = Math.max(w, width(line[column]) + PADDING);
    }
    format(lines, start, i, [...widths, w], out);
    start = i;
    i--; // the for loop's i++ lands on the line that ended the block
  }
  writeLines(lines, start, line1, widths, out);
}

function writeLines(lines: Line[], line0: number, line1: number, widths: number[], out: string[]): void {
  for (let i = line0; i < line1; i++) {
    const line = lines[i];
    let s = '';
    line.forEach((cell, j) => {
      s += cell;
      if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - width(cell)));
    });
    out.push(i + 1 === lines.length ? s : s + '\n');
  }
}
