// YAML as kubectl prints it: sigs.k8s.io/yaml over go-yaml v2. Keys sorted, sequences not indented under their
// key, strings quoted only when they would read back as something else, literal blocks for multi-line text, and
// long scalars folded past column 80.

const BEST_WIDTH = 80;
const INDENT = 2;

/** Serialises a JSON-like value (an API object) exactly as `kubectl … -o yaml` does. */
export function toYaml(value: unknown): string {
  const e = new Emitter();
  e.node(value, -1, 'root');
  return e.finish();
}

type Context = 'root' | 'mapping' | 'sequence';

class Emitter {
  private out = '';
  private column = 0;
  /** Whether the last thing written was whitespace (go-yaml's emitter.whitespace). */
  private whitespace = true;
  /** Whether only indentation has been written on this line (emitter.indention). */
  private indention = true;

  finish(): string {
    if (this.column > 0) this.newline();
    return this.out;
  }

  /** Emits a node; `indent` is the enclosing collection's indentation (-1 at the root). */
  node(value: unknown, indent: number, context: Context): void {
    if (Array.isArray(value)) {
      if (value.length === 0) return this.flowEmpty('[]');
      // A sequence under a mapping key is indentless; elsewhere it is indented by two.
      const seqIndent = indent < 0 ? 0 : context === 'mapping' ? indent : indent + INDENT;
      for (const item of value) {
        this.writeIndent(seqIndent);
        this.indicator('-', true, false, true);
        this.node(item, seqIndent, 'sequence');
      }
      return;
    }
    if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort(goOrder);
      if (keys.length === 0) return this.flowEmpty('{}');
      const mapIndent = indent < 0 ? 0 : indent + INDENT;
      for (const key of keys) {
        this.writeIndent(mapIndent);
        this.scalar(key, mapIndent, true);
        this.indicator(':', false, false, false);
        this.node((value as Record<string, unknown>)[key], mapIndent, 'mapping');
      }
      return;
    }
    this.scalar(value, indent < 0 ? 0 : indent, false);
  }

  private flowEmpty(text: string): void {
    this.indicator(text, true, false, false);
  }

  private scalar(value: unknown, parentIndent: number, simpleKey: boolean): void {
    const indent = parentIndent + INDENT;
    if (value === null || value === undefined) return this.plain('null', indent, !simpleKey);
    if (typeof value === 'boolean') return this.plain(value ? 'true' : 'false', indent, !simpleKey);
    if (typeof value === 'number') return this.plain(formatNumber(value), indent, !simpleKey);
    const s = String(value);
    const style = chooseStyle(s, simpleKey);
    if (style === 'plain') this.plain(s, indent, !simpleKey);
    else if (style === 'single') this.singleQuoted(s, indent, !simpleKey);
    else if (style === 'double') this.doubleQuoted(s, indent, !simpleKey);
    else this.literal(s, indent);
  }

  private put(text: string): void {
    this.out += text;
    this.column += [...text].length;
  }

  private newline(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeIndent(indent: number): void {
    const target = Math.max(indent, 0);
    if (!this.indention || this.column > target || (this.column === target && !this.whitespace)) this.newline();
    while (this.column < target) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private plain(s: string, indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const cps = [...s];
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== ' ') {
          this.writeIndent(indent);
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(s: string, indent: number, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    const cps = [...s];
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1 && cps[i + 1] !== ' ') {
          this.writeIndent(indent);
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c === "'" ? "''" : c);
        this.indention = false;
        spaces = false;
      }
    }
    this.indicator("'", false, false, false);
  }

  private doubleQuoted(s: string, indent: number, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    const cps = [...s];
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      const code = c.codePointAt(0)!;
      if (!isPrintable(code) || code === 0xfeff || isBreak(code) || c === '"' || c === '\\') {
        this.put(escapeChar(code));
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1) {
          this.writeIndent(indent);
          if (cps[i + 1] === ' ') this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
  }

  private literal(s: string, indent: number): void {
    this.indicator('|', true, false, false);
    const cps = [...s];
    if (cps.length > 0 && (cps[0] === ' ' || isBreak(cps[0].codePointAt(0)!))) this.indicator(String(INDENT), false, false, false);
    let chomp = '';
    const last = cps.length - 1;
    if (cps.length === 0 || !isBreak(cps[last].codePointAt(0)!)) chomp = '-';
    else if (last === 0 || isBreak(cps[last - 1].codePointAt(0)!)) chomp = '+';
    if (chomp) this.indicator(chomp, false, false, false);
    this.newline();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c.codePointAt(0)!)) {
        this.newline();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
    this.whitespace = false;
  }
}

/** Go orders map keys bytewise; for the BMP that is the same as comparing UTF-16 code units outside surrogates. */
function goOrder(a: string, b: string): number {
  const ba = utf8(a);
  const bb = utf8(b);
  const n = Math.min(ba.length, bb.length);
  for (let i = 0; i < n; i++) if (ba[i] !== bb[i]) return ba[i] - bb[i];
  return ba.length - bb.length;
}

/** Code points compare in the same order as their UTF-8 bytes. */
function utf8(s: string): number[] {
  return [...s].map((c) => c.codePointAt(0)!);
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function chooseStyle(s: string, simpleKey: boolean): Style {
  let style: Style;
  if (s.includes('\n')) style = 'literal';
  else if (resolvesAsString(s) && !isBase60Float(s)) style = 'plain';
  else style = 'double';
  const a = analyze(s);
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (s.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  return style;
}

interface Analysis {
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** yaml_emitter_analyze_scalar, for block context. */
function analyze(s: string): Analysis {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  if (cps.length === 0) return { blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  if (s.startsWith('---') || s.startsWith('...')) blockIndicators = true;
  let precededByWhitespace = true;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let lineBreaks = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const next = cps[i + 1];
    const followedByWhitespace = next === undefined || next === 0x20 || next === 0x09;
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true;
      else if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === 0x20 || c === 0x09 || isBreak(c);
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

const ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function escapeChar(c: number): string {
  const short = ESCAPES[c];
  if (short !== undefined) return '\\' + short;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (c <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}

const RESOLVE_MAP = new Set([
  '', '~', 'null', 'Null', 'NULL',
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE',
  'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** go-yaml v2's resolve(): true when the plain text would read back as a string. */
function resolvesAsString(s: string): boolean {
  const first = s[0] ?? '';
  const hinted = '+-0123456789yYnNtTfFoO~.'.includes(first) && first !== '';
  if (s === '') return false;
  if (!hinted) return true;
  if (RESOLVE_MAP.has(s)) return false;
  if (first === '.') return !YAML_STYLE_FLOAT.test(s);
  if ('yYnNtTfFoO~'.includes(first)) return true;
  if (isTimestamp(s)) return false;
  const plain = s.replace(/_/g, '');
  if (isGoInt(plain)) return false;
  if (YAML_STYLE_FLOAT.test(plain)) return false;
  if (/^-?0b[01]+$/.test(plain)) return false;
  return true;
}

/** strconv.ParseInt/ParseUint(s, 0, 64) after underscores are removed. */
function isGoInt(s: string): boolean {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  let body = m[2];
  let radix = 10;
  if (/^0[xX]/.test(body)) { radix = 16; body = body.slice(2); }
  else if (/^0[oO]/.test(body)) { radix = 8; body = body.slice(2); }
  else if (/^0[bB]/.test(body)) { radix = 2; body = body.slice(2); }
  else if (body.length > 1 && body[0] === '0') { radix = 8; body = body.slice(1); }
  const v = BigInt(radix === 10 ? body : `0${radix === 16 ? 'x' : radix === 8 ? 'o' : 'b'}${body}`);
  if (m[1] === '-') return v <= 2n ** 63n;
  return v <= 2n ** 64n - 1n;
}

function isTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(Number(m[1]), month)) return false;
  const h = m[4] ?? m[7];
  if (h !== undefined) {
    const mi = m[5] ?? m[8];
    const se = m[6] ?? m[9];
    if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return false;
  }
  return true;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isBase60Float(s: string): boolean {
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

/** Integers as Go prints int64; other numbers as strconv.FormatFloat(f, 'g', -1, 64). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[-+]/, '').padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  return String(n);
}
