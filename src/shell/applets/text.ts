// Text applets (echo, printf, cat, wc, head, tail, grep, tr, sort, uniq, cut, seq, tee), worded as busybox's.
import { normalizePath, readFile, stat, writeFile, FsError } from '../../runtime/filesystem';
import type { CommandContext } from '../context';

/** Reads the named files (or stdin for none or `-`), reporting missing ones as `NAME: can't open 'X': …`. */
export function readInputs(ctx: CommandContext, files: string[], name: string, each: (text: string, file: string) => void): number {
  let status = 0;
  if (!files.length) files = ['-'];
  for (const f of files) {
    if (f === '-') {
      each(ctx.stdin, '-');
      continue;
    }
    const text = readText(ctx, f);
    if (typeof text !== 'string') {
      if (name === 'grep' || name === 'wc' || name === 'sort') ctx.stderr(`${name}: ${f}: ${text.message}\n`);
      else ctx.stderr(text.code === 'EISDIR' ? `${name}: read error: Is a directory\n` : `${name}: can't open '${f}': ${text.message}\n`);
      status = 1;
      continue;
    }
    each(text, f);
  }
  return status;
}

export function readText(ctx: CommandContext, path: string): string | FsError {
  const abs = normalizePath(path, ctx.cwd);
  if (abs === '/dev/null') return '';
  try {
    return readFile(ctx.host.fs, abs);
  } catch (e) {
    if (e instanceof FsError) return e;
    throw e;
  }
}

/** Splits into lines, keeping whether the last one ended with a newline. */
function lines(text: string): string[] {
  if (!text) return [];
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}

export function unescapeEcho(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\' };
    if (n in simple) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += m.length;
    } else if (/[1-7]/.test(n)) {
      const m = /^[0-7]{0,2}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(n + m, 8));
      i += m.length;
    } else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m, 16));
      i += m.length;
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

export function echo(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    const f = args.shift()!;
    for (const c of f.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const r = unescapeEcho(text);
    text = r.text;
    if (r.stop) newline = false;
    if (r.stop) return ctx.stdout(text), 0;
  }
  ctx.stdout(newline ? `${text}\n` : text);
  return 0;
}

export function printf(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  if (!args.length) {
    ctx.stderr('printf: usage: printf FORMAT [ARGUMENT...]\n');
    return 1;
  }
  const fmt = args.shift()!;
  let status = 0;
  let out = '';
  const num = (s: string | undefined, float = false): number => {
    if (s === undefined || s === '') return 0;
    if (/^['"]/.test(s)) return s.charCodeAt(1) || 0;
    const n = float ? Number(s) : /^[-+]?0[xX][0-9a-fA-F]+$/.test(s) ? parseInt(s, 16) : /^[-+]?0[0-7]+$/.test(s) ? parseInt(s, 8) : Number(s);
    if (!Number.isFinite(n) || (!float && !/^\s*[-+]?(0[xX][0-9a-fA-F]+|\d+)\s*$/.test(s))) {
      ctx.stderr(`sh: invalid number '${s}'\n`);
      status = 1;
      return Number.isFinite(parseFloat(s)) ? Math.trunc(parseFloat(s)) : 0;
    }
    return n;
  };
  do {
    let consumed = 0;
    let stop = false;
    for (let i = 0; i < fmt.length && !stop; i++) {
      const c = fmt[i];
      if (c === '\\') {
        const m = /^\\(0[0-7]{0,3}|[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(fmt.slice(i))!;
        const r = unescapeEcho(m[0].startsWith('\\0') || /^\\[1-7]/.test(m[0]) ? `\\0${m[0].slice(1).replace(/^0/, '')}` : m[0]);
        out += r.text;
        i += m[0].length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXfeEgGcsb%])/.exec(fmt.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const [, flags, w, p, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = w === '*' ? num(args[consumed++]) : w ? Number(w) : 0;
      const prec = p === '*' ? num(args[consumed++]) : p !== undefined ? Number(p) : undefined;
      const arg = args[consumed++];
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          break;
        case 'b': {
          const r = unescapeEcho(arg ?? '');
          s = r.text;
          if (r.stop) stop = true;
          break;
        }
        case 'c':
          s = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i': {
          const n = Math.trunc(num(arg));
          s = String(Math.abs(n));
          if (prec !== undefined) s = s.padStart(prec, '0');
          s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          break;
        }
        case 'u':
          s = String(Math.trunc(num(arg)));
          break;
        case 'o':
          s = Math.trunc(num(arg)).toString(8);
          break;
        case 'x':
          s = Math.trunc(num(arg)).toString(16);
          break;
        case 'X':
          s = Math.trunc(num(arg)).toString(16).toUpperCase();
          break;
        case 'f':
          s = num(arg, true).toFixed(prec ?? 6);
          break;
        case 'e':
        case 'E': {
          const [mant, exp] = num(arg, true).toExponential(prec ?? 6).split('e');
          const e = Number(exp);
          s = `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
          if (conv === 'E') s = s.toUpperCase();
          break;
        }
        default:
          s = String(num(arg, true));
      }
      if (s.length < width) {
        if (flags.includes('-')) s = s.padEnd(width);
        else if (flags.includes('0') && /[diouxXfeE]/.test(conv)) s = s[0] === '-' ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0');
        else s = s.padStart(width);
      }
      out += s;
    }
    args.splice(0, consumed);
    if (stop || consumed === 0) break;
  } while (args.length);
  ctx.stdout(out);
  return status;
}

export function cat(ctx: CommandContext): number {
  const files = ctx.argv.slice(1).filter((a) => a === '-' || !a.startsWith('-'));
  return readInputs(ctx, files, 'cat', (t) => ctx.stdout(t));
}

export function tee(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const append = args.includes('-a');
  const files = args.filter((a) => !a.startsWith('-'));
  let status = 0;
  for (const f of files) {
    try {
      writeFile(ctx.host.fs, normalizePath(f, ctx.cwd), ctx.stdin, ctx.now(), { append });
      ctx.changed(normalizePath(f, ctx.cwd));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      ctx.stderr(`tee: ${f}: ${e.message}\n`);
      status = 1;
    }
  }
  ctx.stdout(ctx.stdin);
  return status;
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export function wc(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const flags = args.filter((a) => /^-[lwcm]+$/.test(a)).join('');
  const files = args.filter((a) => !/^-[lwcm]+$/.test(a));
  const show = { l: flags.includes('l'), w: flags.includes('w'), c: flags.includes('c') || flags.includes('m') };
  if (!show.l && !show.w && !show.c) show.l = show.w = show.c = true;
  const cols = [show.l, show.w, show.c].filter(Boolean).length;
  const rows: [number[], string][] = [];
  const total = [0, 0, 0];
  const status = readInputs(ctx, files, 'wc', (t, f) => {
    const counts = [(t.match(/\n/g) ?? []).length, t.split(/[ \t\n\r\f\v]+/).filter(Boolean).length, flags.includes('m') ? [...t].length : utf8Bytes(t)];
    counts.forEach((n, k) => (total[k] += n));
    rows.push([counts, f === '-' ? '' : f]);
  });
  if (rows.length > 1) rows.push([total, 'total']);
  const pad = cols > 1 || rows.length > 1;
  for (const [counts, name] of rows) {
    const shown = counts.filter((_, k) => [show.l, show.w, show.c][k]);
    const line = shown.map((n, k) => (pad ? String(n).padStart(k === 0 ? 9 : 9) : String(n))).join(' ');
    ctx.stdout(`${line}${name ? ` ${name}` : ''}\n`);
  }
  return status;
}

function countArg(args: string[], def: number): { n: number; bytes: boolean; fromStart: boolean; files: string[] } {
  let n = def;
  let bytes = false;
  let fromStart = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '-c') {
      bytes = a === '-c';
      const v = args[++i] ?? '';
      fromStart = v.startsWith('+');
      n = Math.abs(parseInt(v, 10));
    } else if (/^-[nc][+-]?\d+$/.test(a)) {
      bytes = a[1] === 'c';
      fromStart = a[2] === '+';
      n = Math.abs(parseInt(a.slice(2), 10));
    } else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a === '-q' || a === '-v') continue;
    else files.push(a);
  }
  return { n, bytes, fromStart, files };
}

export function head(ctx: CommandContext): number {
  const { n, bytes, files } = countArg(ctx.argv.slice(1), 10);
  const many = files.length > 1;
  let first = true;
  return readInputs(ctx, files, 'head', (t, f) => {
    if (many) ctx.stdout(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
    first = false;
    if (bytes) ctx.stdout(t.slice(0, n));
    else ctx.stdout(t.split(/(?<=\n)/).slice(0, n).join(''));
  });
}

export function tail(ctx: CommandContext): number {
  const { n, bytes, fromStart, files } = countArg(ctx.argv.slice(1).filter((a) => a !== '-f' && a !== '-F'), 10);
  const many = files.length > 1;
  let first = true;
  return readInputs(ctx, files, 'tail', (t, f) => {
    if (many) ctx.stdout(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
    first = false;
    if (bytes) ctx.stdout(fromStart ? t.slice(Math.max(0, n - 1)) : t.slice(Math.max(0, t.length - n)));
    else {
      const ls = t.split(/(?<=\n)/).filter((l) => l !== '');
      ctx.stdout((fromStart ? ls.slice(Math.max(0, n - 1)) : ls.slice(Math.max(0, ls.length - n))).join(''));
    }
  });
}

export function grep(ctx: CommandContext): number {
  const opts = new Set<string>();
  const rest: string[] = [];
  let pattern: string | undefined;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-e') pattern = args[++i];
    else if (a === '--') rest.push(...args.slice(i + 1)), (i = args.length);
    else if (/^-[A-Za-z]+$/.test(a)) for (const c of a.slice(1)) opts.add(c);
    else rest.push(a);
  }
  if (pattern === undefined) pattern = rest.shift();
  if (pattern === undefined) {
    ctx.stderr('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n');
    return 2;
  }
  const flags = opts.has('i') ? 'i' : '';
  let re: RegExp;
  if (opts.has('F')) re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
  else {
    const src = opts.has('E') ? pattern : basicToExtended(pattern);
    try {
      re = new RegExp(opts.has('w') ? `\\b(?:${src})\\b` : opts.has('x') ? `^(?:${src})$` : src, flags);
    } catch {
      ctx.stderr(`grep: bad regex '${pattern}'\n`);
      return 2;
    }
  }
  const many = rest.length > 1 || opts.has('r');
  let matched = false;
  const status = readInputs(ctx, rest, 'grep', (t, f) => {
    let count = 0;
    lines(t).forEach((line, k) => {
      if (re.test(line) === opts.has('v')) return;
      count++;
      matched = true;
      if (opts.has('q') || opts.has('c') || opts.has('l')) return;
      const prefix = (many && !opts.has('h') ? `${f === '-' ? '(standard input)' : f}:` : '') + (opts.has('n') ? `${k + 1}:` : '');
      ctx.stdout(opts.has('o') ? `${prefix}${line.match(re)?.[0] ?? ''}\n` : `${prefix}${line}\n`);
    });
    if (opts.has('q')) return;
    if (opts.has('c')) ctx.stdout(`${many ? `${f}:` : ''}${count}\n`);
    if (opts.has('l') && count) ctx.stdout(`${f === '-' ? '(standard input)' : f}\n`);
  });
  if (status && !opts.has('s') && !matched) return 2;
  if (status) return opts.has('q') && matched ? 0 : 2;
  return matched ? 0 : 1;
}

/** POSIX basic regular expressions to JS: `\(`, `\)`, `\{`, `\}`, `\|` are the operators, bare ones literal. */
function basicToExtended(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\' && i + 1 < p.length) {
      const n = p[++i];
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
    } else if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

function expandSet(s: string): string {
  let out = '';
  const classes: Record<string, string> = { alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \t\n\r\f\v', punct: '!-/:-@[-`{-~' };
  s = s.replace(/\[:([a-z]+):\]/g, (_, n: string) => classes[n] ?? '');
  s = unescapeEcho(s).text;
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += s[i];
  }
  return out;
}

export function tr(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const opts = args.filter((a) => /^-[dsc]+$/.test(a)).join('');
  const sets = args.filter((a) => !/^-[dsc]+$/.test(a)).map(expandSet);
  let t = ctx.stdin;
  if (opts.includes('d')) {
    const del = sets[0] ?? '';
    t = [...t].filter((c) => !del.includes(c)).join('');
    if (opts.includes('s') && sets[1]) t = squeeze(t, sets[1]);
  } else {
    const [from = '', to = ''] = sets;
    if (to) {
      const last = to[to.length - 1];
      t = [...t].map((c) => {
        const k = from.lastIndexOf(c);
        return k < 0 ? c : (to[k] ?? last);
      }).join('');
    }
    if (opts.includes('s')) t = squeeze(t, to || from);
  }
  ctx.stdout(t);
  return 0;
}

function squeeze(t: string, set: string): string {
  let out = '';
  for (const c of t) if (!(set.includes(c) && out[out.length - 1] === c)) out += c;
  return out;
}

export function sort(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const opts = new Set<string>();
  let key: number | undefined;
  let sep: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-k') key = parseInt(args[++i], 10);
    else if (a === '-t') sep = args[++i];
    else if (/^-k\d/.test(a)) key = parseInt(a.slice(2), 10);
    else if (/^-t./.test(a)) sep = a.slice(2);
    else if (/^-[a-zA-Z]+$/.test(a)) for (const c of a.slice(1)) opts.add(c);
    else files.push(a);
  }
  const all: string[] = [];
  const status = readInputs(ctx, files, 'sort', (t) => all.push(...lines(t)));
  const field = (l: string) => (key === undefined ? l : (sep !== undefined ? l.split(sep) : l.trim().split(/\s+/)).slice(key - 1).join(sep ?? ' '));
  const cmp = (a: string, b: string): number => {
    let x = field(a);
    let y = field(b);
    if (opts.has('f')) (x = x.toUpperCase()), (y = y.toUpperCase());
    if (opts.has('n')) {
      const d = (parseFloat(x) || 0) - (parseFloat(y) || 0);
      if (d) return d;
      return a < b ? -1 : a > b ? 1 : 0;
    }
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
  let out = all.sort(cmp);
  if (opts.has('r')) out.reverse();
  if (opts.has('u')) out = out.filter((l, k) => k === 0 || cmp(out[k - 1], l) !== 0);
  ctx.stdout(out.map((l) => `${l}\n`).join(''));
  return status;
}

export function uniq(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const opts = args.filter((a) => /^-[cdu]+$/.test(a)).join('');
  const files = args.filter((a) => !/^-[cdu]+$/.test(a));
  return readInputs(ctx, files.slice(0, 1), 'uniq', (t) => {
    const ls = lines(t);
    for (let i = 0; i < ls.length; ) {
      let j = i;
      while (j < ls.length && ls[j] === ls[i]) j++;
      const n = j - i;
      if (!(opts.includes('d') && n < 2) && !(opts.includes('u') && n > 1)) ctx.stdout(opts.includes('c') ? `${String(n).padStart(7)} ${ls[i]}\n` : `${ls[i]}\n`);
      i = j;
    }
  });
}

function ranges(spec: string): (k: number) => boolean {
  const parts = spec.split(',').map((p) => {
    const [a, b] = p.split('-');
    const lo = a === '' ? 1 : Number(a);
    const hi = p.includes('-') ? (b === '' ? Infinity : Number(b)) : lo;
    return [lo, hi] as const;
  });
  return (k) => parts.some(([lo, hi]) => k >= lo && k <= hi);
}

export function cut(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let delim = '\t';
  let fields: string | undefined;
  let chars: string | undefined;
  let onlyDelimited = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-d') delim = args[++i];
    else if (a.startsWith('-d')) delim = a.slice(2);
    else if (a === '-f') fields = args[++i];
    else if (a.startsWith('-f')) fields = a.slice(2);
    else if (a === '-c' || a === '-b') chars = args[++i];
    else if (a.startsWith('-c') || a.startsWith('-b')) chars = a.slice(2);
    else if (a === '-s') onlyDelimited = true;
    else files.push(a);
  }
  return readInputs(ctx, files, 'cut', (t) => {
    for (const line of lines(t)) {
      if (chars) {
        const sel = ranges(chars);
        ctx.stdout(`${[...line].filter((_, k) => sel(k + 1)).join('')}\n`);
      } else if (fields) {
        if (!line.includes(delim)) {
          if (!onlyDelimited) ctx.stdout(`${line}\n`);
          continue;
        }
        const sel = ranges(fields);
        ctx.stdout(`${line.split(delim).filter((_, k) => sel(k + 1)).join(delim)}\n`);
      }
    }
  });
}

export function seq(ctx: CommandContext): number {
  const args = ctx.argv.slice(1).filter((a) => !/^-[sw]/.test(a));
  const nums = args.map(Number);
  if (!nums.length || nums.some((n) => !Number.isFinite(n))) {
    const bad = args.find((a) => !Number.isFinite(Number(a)));
    ctx.stderr(bad !== undefined ? `seq: invalid number '${bad}'\n` : 'Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n');
    return 1;
  }
  const [first, inc, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  const decimals = Math.max(...args.map((a) => (a.includes('.') ? a.split('.')[1].length : 0)));
  let out = '';
  for (let k = 0, v = first; inc > 0 ? v <= last : inc < 0 ? v >= last : false; v = first + ++k * inc) {
    out += `${v.toFixed(decimals)}\n`;
    if (k > 1_000_000) break;
  }
  ctx.stdout(out);
  return 0;
}

export function isFile(ctx: CommandContext, path: string): boolean {
  return stat(ctx.host.fs, normalizePath(path, ctx.cwd))?.type === 'file';
}
