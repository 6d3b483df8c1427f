// Word expansion as POSIX orders it: tilde, parameters, command substitution, arithmetic, field splitting,
// pathname expansion (against the virtual fs), quote removal.
import { readdir, stat, normalizePath } from '../runtime/filesystem';
import type { VirtualFs } from '../runtime/filesystem';
import { evalArith, ArithError } from './arith';
import { patternRegex, patternSource, type PatternPiece } from './pattern';

/** A fatal expansion error (`bad substitution`, `${x:?msg}`): the shell prints it and stops the script. */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
  }
}

export interface ExpansionEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  /** `$0`, `$1`…, `$#`, `$?`, `$$`, `$!`, `$-`. */
  special(name: string): string | undefined;
  positional(): string[];
  /** Runs a command substitution and returns its stdout. */
  substitute(script: string): string;
  fs: VirtualFs;
  cwd: string;
}

type Field = PatternPiece[];

interface Walk {
  fields: Field[];
  cur: Field | undefined;
}

const IFS_WS = ' \t\n';

function add(w: Walk, text: string, quoted: boolean): void {
  if (!w.cur) w.cur = [];
  w.cur.push({ text, quoted });
}

function endField(w: Walk): void {
  if (w.cur) w.fields.push(w.cur);
  w.cur = undefined;
}

/** Unquoted expansion results are split on IFS. */
function addSplit(w: Walk, text: string, env: ExpansionEnv): void {
  const ifs = env.get('IFS') ?? IFS_WS;
  if (ifs === '') return add(w, text, false);
  let buf = '';
  for (const c of text) {
    if (ifs.includes(c)) {
      if (buf) add(w, buf, false);
      buf = '';
      if (IFS_WS.includes(c)) endField(w);
      else {
        if (!w.cur) w.cur = [];
        endField(w);
      }
    } else buf += c;
  }
  if (buf) add(w, buf, false);
}

/** Expands a word into fields (argv words): splitting and globbing on. */
export function expandFields(raw: string, env: ExpansionEnv): string[] {
  const w: Walk = { fields: [], cur: undefined };
  walk(raw, env, w, true);
  endField(w);
  const out: string[] = [];
  for (const f of w.fields) {
    const { hasWildcard } = patternSource(f);
    const text = f.map((p) => p.text).join('');
    if (hasWildcard) {
      const matches = glob(f, env.fs, env.cwd);
      if (matches.length) {
        out.push(...matches);
        continue;
      }
    }
    out.push(text);
  }
  return out;
}

/** Expands a word to one string (assignments, redirect targets, `case` words): no splitting, no globbing. */
export function expandString(raw: string, env: ExpansionEnv): string {
  return expandPieces(raw, env)
    .map((p) => p.text)
    .join('');
}

/** Expands a word keeping which parts were quoted (patterns in `case` and `${x#pat}`). */
export function expandPieces(raw: string, env: ExpansionEnv): PatternPiece[] {
  const w: Walk = { fields: [], cur: undefined };
  walk(raw, env, w, false);
  endField(w);
  return w.fields.flat();
}

/** Here-document body: parameters, substitutions and `\$ \` \\` only. */
export function expandHeredoc(body: string, env: ExpansionEnv): string {
  const w: Walk = { fields: [], cur: undefined };
  walkDouble(body, 0, env, w, undefined);
  endField(w);
  return w.fields
    .flat()
    .map((p) => p.text)
    .join('');
}

function walk(raw: string, env: ExpansionEnv, w: Walk, split: boolean): void {
  let i = 0;
  if (raw[0] === '~') {
    const m = /^~([A-Za-z0-9_.-]*)(?=\/|$)/.exec(raw);
    if (m) {
      const home = m[1] === '' ? (env.get('HOME') ?? '/root') : m[1] === 'root' ? '/root' : undefined;
      if (home !== undefined) {
        add(w, home, true);
        i = m[0].length;
      }
    }
  }
  while (i < raw.length) {
    const c = raw[i];
    if (c === "'") {
      const end = raw.indexOf("'", i + 1);
      add(w, raw.slice(i + 1, end), true);
      i = end + 1;
    } else if (c === '"') {
      i = walkDouble(raw, i + 1, env, w, '"');
    } else if (c === '\\') {
      if (i + 1 < raw.length) add(w, raw[i + 1], true);
      i += 2;
    } else if (c === '$' || c === '`') {
      const r = dollar(raw, i, env, false);
      i = r.end;
      if (r.atFields) {
        // unquoted $@ / $*: each parameter split in turn
        r.atFields.forEach((p, k) => {
          if (k > 0) endField(w);
          if (split) addSplit(w, p, env);
          else add(w, p, false);
        });
      } else if (r.value !== undefined) {
        if (split) addSplit(w, r.value, env);
        else add(w, r.value, false);
      }
    } else {
      let j = i;
      while (j < raw.length && !`'"\\$\``.includes(raw[j])) j++;
      add(w, raw.slice(i, j), false);
      i = j;
    }
  }
}

/** Inside double quotes (or a here-document when `close` is undefined). Returns the index after the closing quote. */
function walkDouble(raw: string, i: number, env: ExpansionEnv, w: Walk, close: '"' | undefined): number {
  if (!w.cur) w.cur = [];
  let buf = '';
  const flush = () => {
    if (buf) add(w, buf, true);
    buf = '';
  };
  while (i < raw.length) {
    const c = raw[i];
    if (c === close) {
      flush();
      return i + 1;
    }
    if (c === '\\' && i + 1 < raw.length) {
      const n = raw[i + 1];
      if (n === '$' || n === '`' || n === '\\' || (close && n === '"')) {
        buf += n;
        i += 2;
        continue;
      }
      if (n === '\n') {
        i += 2;
        continue;
      }
      buf += c;
      i++;
    } else if (c === '$' || c === '`') {
      const r = dollar(raw, i, env, true);
      i = r.end;
      if (r.atFields) {
        flush();
        r.atFields.forEach((p, k) => {
          if (k > 0) endField(w);
          add(w, p, true);
        });
        if (r.atFields.length === 0 && w.cur && w.cur.length === 0) w.cur = undefined;
      } else if (r.value !== undefined) buf += r.value;
    } else {
      buf += c;
      i++;
    }
  }
  flush();
  return i;
}

interface DollarResult {
  end: number;
  value?: string;
  /** `$@` (and unquoted `$*`): one field per positional parameter. */
  atFields?: string[];
}

function matchingParen(raw: string, start: number): number {
  let depth = 0;
  let q: string | undefined;
  for (let i = start; i < raw.length; i++) {
    const c = raw[i];
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = undefined;
      continue;
    }
    if (c === '\\') i++;
    else if (c === "'" || c === '"') q = c;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return raw.length;
}

function matchingBrace(raw: string, start: number): number {
  let depth = 0;
  let q: string | undefined;
  for (let i = start; i < raw.length; i++) {
    const c = raw[i];
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = undefined;
      continue;
    }
    if (c === '\\') i++;
    else if (c === "'" || c === '"') q = c;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return raw.length;
}

function dollar(raw: string, i: number, env: ExpansionEnv, quoted: boolean): DollarResult {
  if (raw[i] === '`') {
    let j = i + 1;
    let script = '';
    while (j < raw.length && raw[j] !== '`') {
      if (raw[j] === '\\' && '$`\\'.includes(raw[j + 1] ?? '')) {
        script += raw[j + 1];
        j += 2;
      } else script += raw[j++];
    }
    return { end: j + 1, value: stripNewlines(env.substitute(script)) };
  }
  const n = raw[i + 1];
  if (n === '(' && raw[i + 2] === '(') {
    const end = matchingParen(raw, i + 1);
    const expr = raw.slice(i + 3, end - 1);
    const inner = expandString(expr.replace(/"/g, ''), env);
    try {
      return { end: end + 1, value: String(evalArith(inner, (k) => env.get(k), (k, v) => env.set(k, v))) };
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(e.message);
      throw e;
    }
  }
  if (n === '(') {
    const end = matchingParen(raw, i + 1);
    return { end: end + 1, value: stripNewlines(env.substitute(raw.slice(i + 2, end))) };
  }
  if (n === '{') {
    const end = matchingBrace(raw, i + 1);
    return { end: end + 1, ...braced(raw.slice(i + 2, end), env, quoted) };
  }
  if (n !== undefined && /[A-Za-z_]/.test(n)) {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1))!;
    return { end: i + 1 + m[0].length, value: env.get(m[0]) ?? '' };
  }
  if (n !== undefined && /[0-9?#$!\-*@]/.test(n)) {
    if (n === '@' || (n === '*' && !quoted)) return { end: i + 2, atFields: env.positional() };
    if (n === '*') return { end: i + 2, value: env.positional().join(starSeparator(env)) };
    return { end: i + 2, value: env.special(n) ?? '' };
  }
  return { end: i + 1, value: '$' };
}

function starSeparator(env: ExpansionEnv): string {
  const ifs = env.get('IFS');
  return ifs === undefined ? ' ' : ifs.slice(0, 1);
}

function stripNewlines(s: string): string {
  return s.replace(/\n+$/, '');
}

function lookup(name: string, env: ExpansionEnv): string | undefined {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return env.get(name);
  if (/^[0-9]+$/.test(name)) return name === '0' ? env.special('0') : env.positional()[Number(name) - 1];
  if (name === '@' || name === '*') return env.positional().join(' ');
  if (/^[?#$!-]$/.test(name)) return env.special(name);
  return undefined;
}

function braced(body: string, env: ExpansionEnv, quoted: boolean): Omit<DollarResult, 'end'> {
  if (body.startsWith('#') && body.length > 1) {
    const name = body.slice(1);
    if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*?#$!-])$/.test(name)) throw new ExpansionError('syntax error: bad substitution');
    if (name === '@' || name === '*') return { value: String(env.positional().length) };
    return { value: String([...(lookup(name, env) ?? '')].length) };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*?#$!-])(.*)$/s.exec(body);
  if (!m) throw new ExpansionError('syntax error: bad substitution');
  const [, name, rest] = m;
  const value = lookup(name, env);
  if (rest === '') {
    if ((name === '@' || (name === '*' && !quoted))) return { atFields: env.positional() };
    return { value: value ?? '' };
  }
  const op = /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%)/.exec(rest)?.[1];
  if (!op) throw new ExpansionError('syntax error: bad substitution');
  const word = rest.slice(op.length);
  const colon = op.startsWith(':');
  const unset = value === undefined || (colon && value === '');
  switch (op.replace(':', '')) {
    case '-':
      return { value: unset ? expandString(word, env) : value };
    case '=': {
      if (!unset) return { value };
      const v = expandString(word, env);
      env.set(name, v);
      return { value: v };
    }
    case '+':
      return { value: unset ? '' : expandString(word, env) };
    case '?':
      if (!unset) return { value };
      throw new ExpansionError(`${name}: ${word ? expandString(word, env) : 'parameter not set'}`, 2);
    default: {
      const v = value ?? '';
      const pieces = expandPieces(word, env);
      const re = patternRegex(pieces, false);
      const src = re.source;
      const prefix = op[0] === '#';
      const longest = op.length === 2;
      // Try every cut, shortest or longest first, keeping the first that matches.
      const cuts = [...Array(v.length + 1).keys()];
      const order = prefix ? (longest ? cuts.reverse() : cuts) : longest ? cuts : cuts.reverse();
      const full = new RegExp(`^(?:${src})$`);
      for (const k of order) {
        const part = prefix ? v.slice(0, k) : v.slice(k);
        if (full.test(part)) return { value: prefix ? v.slice(k) : v.slice(0, k) };
      }
      return { value: v };
    }
  }
}

/** Pathname expansion of a field against the fs, sorted bytewise; [] when nothing matches. */
export function glob(field: PatternPiece[], fs: VirtualFs, cwd: string): string[] {
  // Re-encode as a pattern string where quoted characters are escaped, then match one path component at a time.
  const pattern = field.map((p) => (p.quoted ? p.text.replace(/[*?[\\]/g, '\\$&') : p.text)).join('');
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, k) => p !== '' || k === 0);
  let results: string[] = [absolute ? '/' : ''];
  for (const part of absolute ? parts.slice(1) : parts) {
    const pieces: PatternPiece[] = [{ text: part, quoted: false }];
    const { hasWildcard } = patternSource(pieces);
    const next: string[] = [];
    for (const base of results) {
      const dir = base === '' ? cwd : normalizePath(base, cwd);
      if (!hasWildcard) {
        const lit = part.replace(/\\(.)/g, '$1');
        const path = base === '' ? lit : base.endsWith('/') ? base + lit : `${base}/${lit}`;
        if (stat(fs, normalizePath(path, cwd))) next.push(path);
        continue;
      }
      let names: string[];
      try {
        names = readdir(fs, dir);
      } catch {
        continue;
      }
      const re = patternRegex(pieces);
      for (const name of names) {
        if (name.startsWith('.') && !part.startsWith('.')) continue;
        if (re.test(name)) next.push(base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
      }
    }
    results = next;
  }
  return results.filter((r) => r !== '' && r !== '/').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
