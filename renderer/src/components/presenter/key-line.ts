// The one line of a command's output worth showing under it in the folded console: the error if there is one,
// else a one-line answer as is, else the last row of a table. Pure.

export function keyLine(stdout: string, stderr: string): string {
  const err = stderr.split('\n').find((l) => l.trim() !== '');
  if (err) return err;
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return '';
  if (lines.length === 1) return lines[0]!;
  // A table: the header says which column is which; the newest row is usually the one being talked about.
  return /^[A-Z][A-Z-]*(\s{2,}|$)/.test(lines[0]!) ? `${lines[0]!.trimEnd()}\n${lines[lines.length - 1]!.trimEnd()}` : lines[lines.length - 1]!;
}
