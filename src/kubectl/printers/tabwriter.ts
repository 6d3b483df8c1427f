// Go's text/tabwriter as kubectl configures it: cells end at '\t', a column is as wide as its widest cell plus
// padding (at least minWidth), and the last cell of a line is never padded.

export interface TabWriterOptions {
  minWidth: number;
  padding: number;
  padChar: string;
}

/** `kubectl get` tables: printers.GetNewTabWriter (minwidth 6, tabwidth 4, padding 3, ' '). */
export const GET_TABWRITER: TabWriterOptions = { minWidth: 6, padding: 3, padChar: ' ' };
/** `kubectl describe`: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0). */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minWidth: 0, padding: 2, padChar: ' ' };

/** Lays out text whose cells are tab-terminated, column block by column block as Go's tabwriter does. */
export function formatTabs(text: string, options: TabWriterOptions = GET_TABWRITER): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let line = '';
      for (let j = 0; j < cells.length; j++) {
        line += cells[j];
        if (j < widths.length && j < cells.length - 1) line += options.padChar.repeat(Math.max(0, widths[j] - cellWidth(cells[j])));
      }
      out.push(line);
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      writeLines(line0, i);
      line0 = i;
      let width = options.minWidth;
      for (; i < line1; i++) {
        if (column >= lines[i].length - 1) break;
        width = Math.max(width, cellWidth(lines[i][column]) + options.padding);
      }
      widths.push(width);
      format(line0, i);
      widths.pop();
      line0 = i;
      i--;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** Width in runes, as tabwriter counts (UTF-8 code points). */
function cellWidth(cell: string): number {
  let n = 0;
  for (const _ of cell) n++;
  return n;
}
