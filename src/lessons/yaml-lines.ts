// Finds the line of a path (`steps`, 2, `checks`, 0) in block-style YAML, so errors about a value can name its line.
// js-yaml gives positions only for syntax errors; lessons and manifests are block YAML, which this reads well.

interface Token {
  line: number;
  col: number;
  key?: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lines = text.split('\n');
  let blockIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const indent = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (blockIndent >= 0) {
      if (body === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (body === '' || body.startsWith('#') || body === '---') continue;
    let col = indent;
    let rest = body;
    while (rest.startsWith('- ') || rest === '-') {
      tokens.push({ line: i + 1, col });
      const after = rest.slice(1);
      const pad = after.length - after.trimStart().length;
      col += 1 + pad;
      rest = after.trimStart();
    }
    const m = /^("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:(\s|$)/.exec(rest);
    if (m) {
      tokens.push({ line: i + 1, col, key: m[1]!.replace(/^["']|["']$/g, '') });
      const value = rest.slice(m[0].length).trim();
      if (/^[|>][-+0-9]*\s*(#.*)?$/.test(value)) blockIndent = col;
    } else if (/^[|>][-+0-9]*$/.test(rest)) {
      blockIndent = col - 2;
    }
  }
  return tokens;
}

/** The 1-based line of the deepest part of `path` found (1 if nothing is). */
export function lineOfPath(text: string, path: (string | number)[]): number {
  const tokens = tokenize(text);
  let start = 0;
  let end = tokens.length;
  let parentCol = -1;
  let line = 1;
  for (const segment of path) {
    const first = tokens.slice(start, end).find((t) => t.col > parentCol);
    if (!first) break;
    const col = first.col;
    let found = -1;
    if (typeof segment === 'number') {
      let n = -1;
      for (let i = start; i < end; i++) {
        const t = tokens[i]!;
        if (t.col < col) break;
        if (t.col === col && t.key === undefined && ++n === segment) {
          found = i;
          break;
        }
      }
    } else {
      for (let i = start; i < end; i++) {
        const t = tokens[i]!;
        if (t.col < col) break;
        if (t.col === col && t.key === segment) {
          found = i;
          break;
        }
      }
    }
    if (found < 0) break;
    line = tokens[found]!.line;
    // A key's sequence may sit at the key's own column (`checks:` then `- …` under it).
    const compact = tokens[found]!.key !== undefined && tokens[found + 1]?.col === col && tokens[found + 1]?.key === undefined;
    let stop = found + 1;
    while (stop < end && (tokens[stop]!.col > col || (compact && tokens[stop]!.col === col && tokens[stop]!.key === undefined))) stop++;
    start = found + 1;
    end = stop;
    parentCol = compact ? col - 1 : col;
  }
  return line;
}

/** `spec.template.spec.containers[0].image` → [`spec`, `template`, `spec`, `containers`, 0, `image`]. */
export function splitFieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.replace(/^\./, '').split('.')) {
    const m = /^([^[]*)((\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}
