// describe's PrefixWriter: text at indentation levels (two spaces each), aligned by a tabwriter that is flushed
// where describe flushes it (before an Events table).

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

import { DESCRIBE_TABWRITER, formatTabs } from '../printers/tabwriter';

/** Go's text/tabwriter as describe configures it (padding 2). */
const alignTabs = (text: string): string => formatTabs(text, DESCRIBE_TABWRITER);

export class PrefixWriter {
  private segments: string[] = [];
  private current = '';

  /** Writes text (already formatted) indented by `level` × 2 spaces. */
  write(level: number, text: string): void {
    this.current += '  '.repeat(level) + text;
  }

  /** fmt.Sprintln of the values: joined by spaces, newline-terminated. */
  writeLine(...values: string[]): void {
    this.current += values.join(' ') + '\n';
  }

  /** Aligns what was written so far on its own, as tabwriter.Flush does. */
  flush(): void {
    this.segments.push(alignTabs(this.current));
    this.current = '';
  }

  toString(): string {
    return this.segments.join('') + alignTabs(this.current);
  }
}

/** Runs a describer body against a fresh writer and returns the aligned text. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return w.toString();
}
