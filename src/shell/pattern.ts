// Shell patterns (`*`, `?`, `[...]`) as regular expressions, for globbing, `case` and `${var#pattern}`.

/** A pattern piece: quoted text matches literally, unquoted text may hold wildcards. */
export interface PatternPiece {
  text: string;
  quoted: boolean;
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Regex source for a pattern; `hasWildcard` tells whether globbing is worth trying. */
export function patternSource(pieces: PatternPiece[]): { source: string; hasWildcard: boolean } {
  let source = '';
  let hasWildcard = false;
  for (const p of pieces) {
    if (p.quoted) {
      source += [...p.text].map(escapeRegex).join('');
      continue;
    }
    const t = p.text;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (c === '\\' && i + 1 < t.length) {
        source += escapeRegex(t[++i]);
      } else if (c === '*') {
        source += '[\\s\\S]*';
        hasWildcard = true;
      } else if (c === '?') {
        source += '[\\s\\S]';
        hasWildcard = true;
      } else if (c === '[') {
        const end = t.indexOf(']', i + 2);
        if (end < 0) {
          source += '\\[';
          continue;
        }
        let body = t.slice(i + 1, end);
        let neg = false;
        if (body[0] === '!' || body[0] === '^') {
          neg = true;
          body = body.slice(1);
        }
        const cls = body.replace(/\[:(alpha|digit|alnum|upper|lower|space|punct|xdigit):\]/g, (_, n: string) => CLASSES[n]).replace(/[\\\]^]/g, (m) => (m === ']' ? '\\]' : `\\${m}`));
        source += `[${neg ? '^' : ''}${cls}]`;
        hasWildcard = true;
        i = end;
      } else source += escapeRegex(c);
    }
  }
  return { source, hasWildcard };
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

export function patternRegex(pieces: PatternPiece[], anchored = true): RegExp {
  const { source } = patternSource(pieces);
  return new RegExp(anchored ? `^${source}$` : source);
}

/** Splits a raw pattern word (as written in a `case` arm after expansion) into pieces. */
export function matchPattern(pieces: PatternPiece[], text: string): boolean {
  return patternRegex(pieces).test(text);
}
