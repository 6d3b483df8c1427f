// File applets (ls, touch, mkdir, rm, rmdir, cp, mv, ln, chmod, du, df, pwd, basename, dirname), worded as busybox's.
import {
  basenameOf,
  copy,
  FsError,
  lstat,
  mkdir as fsMkdir,
  mkdirp,
  mountOf,
  mountTable,
  normalizePath,
  readdir,
  remove,
  rename,
  setMode,
  stat,
  symlink,
  touch as fsTouch,
  volumeUsedKb,
  blocksKb,
  type FsEntry,
} from '../../runtime/filesystem';
import type { CommandContext } from '../context';
import { formatDate } from './date';

function parseFlags(argv: string[], known: string): { flags: Set<string>; args: string[] } {
  const flags = new Set<string>();
  const args: string[] = [];
  let done = false;
  for (const a of argv) {
    if (!done && a === '--') done = true;
    else if (!done && a.length > 1 && a[0] === '-' && [...a.slice(1)].every((c) => known.includes(c))) for (const c of a.slice(1)) flags.add(c);
    else args.push(a);
  }
  return { flags, args };
}

/** busybox's make_human_readable_str: `6`, `4.0K`, `754.8K`, `4.8M`. */
export function human(bytes: number, decimals = 1): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let u = -1;
  do {
    v /= 1024;
    u++;
  } while (v >= 1024 && u < units.length - 1);
  // busybox rounds to the nearest tenth
  const r = Math.round(v * 10) / 10;
  if (r >= 1024 && u < units.length - 1) return `${(r / 1024).toFixed(decimals)}${units[u + 1]}`;
  return `${r.toFixed(decimals)}${units[u]}`;
}

function modeString(e: FsEntry): string {
  const t = e.type === 'dir' ? 'd' : e.type === 'symlink' ? 'l' : '-';
  let s = '';
  for (let shift = 6; shift >= 0; shift -= 3) {
    const bits = (e.mode >> shift) & 7;
    s += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (bits & 1 ? 'x' : '-');
  }
  return t + s;
}

const SIX_MONTHS_MS = 182.5 * 24 * 3600 * 1000;

function lsDate(mtimeMs: number, nowMs: number): string {
  const old = nowMs - mtimeMs > SIX_MONTHS_MS || mtimeMs > nowMs + 3600_000;
  return formatDate(old ? '%b %e  %Y' : '%b %e %H:%M', mtimeMs, true);
}

function owner(id: number | undefined): string {
  return id === undefined || id === 0 ? 'root' : String(id);
}

export function ls(ctx: CommandContext): number {
  const { flags, args } = parseFlags(ctx.argv.slice(1), 'lah1AdrtFSRpe');
  const fs = ctx.host.fs;
  const long = flags.has('l');
  const targets = args.length ? args : ['.'];
  let status = 0;
  const files: { name: string; path: string; e: FsEntry }[] = [];
  const dirs: { name: string; path: string }[] = [];
  for (const t of targets) {
    const abs = normalizePath(t, ctx.cwd);
    const e = long || flags.has('d') ? (lstat(fs, abs) ?? stat(fs, abs)) : stat(fs, abs);
    if (!e) {
      ctx.stderr(`ls: ${t}: No such file or directory\n`);
      status = 1;
    } else if (e.type === 'dir' && !flags.has('d') && !(long && e.type !== 'dir')) dirs.push({ name: t, path: abs });
    else files.push({ name: t, path: abs, e: e.type === 'symlink' && !long ? (stat(fs, abs) ?? e) : e });
  }
  const order = <T extends { name: string; e?: FsEntry }>(xs: T[]): T[] => {
    const sorted = [...xs].sort((a, b) => {
      if (flags.has('t') && a.e && b.e && a.e.mtimeMs !== b.e.mtimeMs) return b.e.mtimeMs - a.e.mtimeMs;
      if (flags.has('S') && a.e && b.e && a.e.size !== b.e.size) return b.e.size - a.e.size;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
    return flags.has('r') ? sorted.reverse() : sorted;
  };
  const now = ctx.now();
  const suffix = (e: FsEntry): string => (!flags.has('F') && !flags.has('p') ? '' : e.type === 'dir' ? '/' : flags.has('F') && e.type === 'symlink' ? '@' : flags.has('F') && e.mode & 0o111 ? '*' : '');
  const longLine = (name: string, path: string, e: FsEntry): string => {
    const size = flags.has('h') ? human(e.size).padStart(7) : String(e.size).padStart(9);
    const link = e.type === 'symlink' ? ` -> ${e.target}` : '';
    const nlink = e.type === 'dir' ? 2 + readdirSafe(ctx, path).filter((n) => stat(fs, `${path}/${n}`)?.type === 'dir').length : 1;
    return `${modeString(e)} ${String(nlink).padStart(4)} ${owner(e.uid).padEnd(8)} ${owner(e.gid).padEnd(8)} ${size} ${lsDate(e.mtimeMs, now)} ${name}${link}${suffix(e)}\n`;
  };
  const emit = (entries: { name: string; path: string; e: FsEntry }[]) => {
    if (long) for (const x of entries) ctx.stdout(longLine(x.name, x.path, x.e));
    else ctx.stdout(columns(entries.map((x) => x.name + suffix(x.e)), ctx.tty && !flags.has('1'), Number(ctx.env.COLUMNS) || 80));
  };
  emit(order(files));
  const sections = order(dirs);
  sections.forEach((d, k) => {
    if (targets.length > 1 || files.length || status) ctx.stdout(`${files.length || k > 0 ? '\n' : ''}${d.name}:\n`);
    let names = readdirSafe(ctx, d.path);
    if (flags.has('a')) names = ['.', '..', ...names];
    else if (!flags.has('A')) names = names.filter((n) => !n.startsWith('.'));
    const entries = names.map((n) => {
      const path = n === '.' ? d.path : n === '..' ? normalizePath('..', d.path) : `${d.path === '/' ? '' : d.path}/${n}`;
      return { name: n, path, e: (long ? lstat(fs, path) : stat(fs, path)) ?? lstat(fs, path)! };
    });
    if (long) {
      const total = entries.reduce((s, x) => s + (x.name === '.' || x.name === '..' ? blocksKb(x.e) : blocksKb(x.e)), 0);
      ctx.stdout(flags.has('h') ? `total ${human(total * 1024, 0).replace(/\.0(?=[KMG])/, '').padEnd(7)}\n` : `total ${total}\n`);
    }
    emit(order(entries));
  });
  return status;
}

function readdirSafe(ctx: CommandContext, path: string): string[] {
  try {
    return readdir(ctx.host.fs, path);
  } catch {
    return [];
  }
}

/** One name per line, or busybox's column layout (down then across) on a terminal. */
export function columns(names: string[], tty: boolean, width: number): string {
  if (!names.length) return '';
  if (!tty) return names.map((n) => `${n}\n`).join('');
  const colWidth = Math.max(...names.map((n) => [...n].length)) + 2;
  let ncols = Math.floor(width / colWidth);
  let nrows: number;
  if (ncols > 1) nrows = Math.ceil(names.length / ncols);
  else {
    nrows = names.length;
    ncols = 1;
  }
  let out = '';
  for (let r = 0; r < nrows; r++) {
    let line = '';
    let column = 0;
    let nexttab = 0;
    for (let c = 0; c < ncols; c++) {
      const i = c * nrows + r;
      if (i >= names.length) continue;
      if (column > 0) {
        line += ' '.repeat(nexttab - column);
        column = nexttab;
      }
      nexttab = column + colWidth;
      line += names[i];
      column += [...names[i]].length;
    }
    out += `${line}\n`;
  }
  return out;
}

function fsCall(ctx: CommandContext, f: () => void): FsError | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof FsError) return e;
    throw e;
  }
}

export function touch(ctx: CommandContext): number {
  const { args } = parseFlags(ctx.argv.slice(1), 'cam');
  let status = 0;
  for (const a of args) {
    const abs = normalizePath(a, ctx.cwd);
    const err = fsCall(ctx, () => fsTouch(ctx.host.fs, abs, ctx.now()));
    if (err) {
      ctx.stderr(`touch: ${a}: ${err.message}\n`);
      status = 1;
    } else ctx.changed(abs);
  }
  return status;
}

export function mkdir(ctx: CommandContext): number {
  const { flags, args } = parseFlags(ctx.argv.slice(1), 'pv');
  let status = 0;
  for (const a of args) {
    const abs = normalizePath(a, ctx.cwd);
    const err = fsCall(ctx, () => (flags.has('p') ? mkdirp(ctx.host.fs, abs, ctx.now()) : fsMkdir(ctx.host.fs, abs, ctx.now())));
    if (err) {
      ctx.stderr(`mkdir: can't create directory '${a}': ${err.message}\n`);
      status = 1;
    } else ctx.changed(abs);
  }
  return status;
}

export function rm(ctx: CommandContext): number {
  const { flags, args } = parseFlags(ctx.argv.slice(1), 'rfRiv');
  const recursive = flags.has('r') || flags.has('R');
  let status = 0;
  for (const a of args) {
    const abs = normalizePath(a, ctx.cwd);
    const e = lstat(ctx.host.fs, abs);
    if (!e) {
      if (!flags.has('f')) {
        ctx.stderr(`rm: can't remove '${a}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (e.type === 'dir' && !recursive) {
      ctx.stderr(`rm: '${a}' is a directory\n`);
      status = 1;
      continue;
    }
    const err = fsCall(ctx, () => remove(ctx.host.fs, abs, ctx.now(), { recursive }));
    ctx.changed(abs);
    if (err) {
      ctx.stderr(`rm: can't remove '${a}': ${err.code === 'EINVAL' ? 'Resource busy' : err.message}\n`);
      status = 1;
    }
  }
  return status;
}

export function rmdir(ctx: CommandContext): number {
  const { args } = parseFlags(ctx.argv.slice(1), 'p');
  let status = 0;
  for (const a of args) {
    const abs = normalizePath(a, ctx.cwd);
    const e = stat(ctx.host.fs, abs);
    const err = !e ? new FsError('ENOENT', abs) : e.type !== 'dir' ? new FsError('ENOTDIR', abs) : fsCall(ctx, () => remove(ctx.host.fs, abs, ctx.now()));
    if (err) {
      ctx.stderr(`rmdir: '${a}': ${err.message}\n`);
      status = 1;
    } else ctx.changed(abs);
  }
  return status;
}

function copyOrMove(ctx: CommandContext, name: 'cp' | 'mv'): number {
  const { flags, args } = parseFlags(ctx.argv.slice(1), name === 'cp' ? 'rRapfiv' : 'fivn');
  if (args.length < 2) {
    ctx.stderr(`BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ${name} [OPTIONS] SOURCE... DEST\n`);
    return 1;
  }
  const fs = ctx.host.fs;
  const dest = args.pop()!;
  const destAbs = normalizePath(dest, ctx.cwd);
  const destIsDir = stat(fs, destAbs)?.type === 'dir';
  if (args.length > 1 && !destIsDir) {
    ctx.stderr(`${name}: '${dest}' is not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const src of args) {
    const abs = normalizePath(src, ctx.cwd);
    const e = lstat(fs, abs);
    if (!e) {
      ctx.stderr(name === 'cp' ? `cp: can't stat '${src}': No such file or directory\n` : `mv: can't rename '${src}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (name === 'cp' && e.type === 'dir' && !flags.has('r') && !flags.has('R') && !flags.has('a')) {
      ctx.stderr(`cp: omitting directory '${src}'\n`);
      status = 1;
      continue;
    }
    const target = destIsDir ? `${destAbs === '/' ? '' : destAbs}/${basenameOf(abs)}` : destAbs;
    const err = fsCall(ctx, () => (name === 'cp' ? copy(fs, abs, target, ctx.now(), flags.has('a') || flags.has('p')) : rename(fs, abs, target, ctx.now())));
    if (err) {
      ctx.stderr(name === 'cp' ? `cp: can't create '${target}': ${err.message}\n` : `mv: can't rename '${src}': ${err.message}\n`);
      status = 1;
      continue;
    }
    ctx.changed(target);
    if (name === 'mv') ctx.changed(abs);
  }
  return status;
}

export const cp = (ctx: CommandContext): number => copyOrMove(ctx, 'cp');
export const mv = (ctx: CommandContext): number => copyOrMove(ctx, 'mv');

export function ln(ctx: CommandContext): number {
  const { flags, args } = parseFlags(ctx.argv.slice(1), 'sfnv');
  if (args.length < 2 || !flags.has('s')) {
    ctx.stderr('ln: only symbolic links (-s) are simulated\n');
    return 1;
  }
  const [target, link] = args;
  const abs = normalizePath(link, ctx.cwd);
  if (flags.has('f') && lstat(ctx.host.fs, abs)) fsCall(ctx, () => remove(ctx.host.fs, abs, ctx.now()));
  const err = fsCall(ctx, () => symlink(ctx.host.fs, target, abs, ctx.now()));
  if (err) {
    ctx.stderr(`ln: ${link}: ${err.message}\n`);
    return 1;
  }
  ctx.changed(abs);
  return 0;
}

export function chmod(ctx: CommandContext): number {
  const [mode, ...files] = ctx.argv.slice(1).filter((a) => a !== '-R');
  let status = 0;
  for (const f of files) {
    const abs = normalizePath(f, ctx.cwd);
    const e = stat(ctx.host.fs, abs);
    if (!e) {
      ctx.stderr(`chmod: ${f}: No such file or directory\n`);
      status = 1;
      continue;
    }
    let m = e.mode;
    if (/^[0-7]+$/.test(mode)) m = parseInt(mode, 8);
    else
      for (const clause of mode.split(',')) {
        const cm = /^([ugoa]*)([-+=])([rwx]*)$/.exec(clause);
        if (!cm) continue;
        const who = cm[1] || 'a';
        let bits = 0;
        for (const p of cm[3]) bits |= p === 'r' ? 4 : p === 'w' ? 2 : 1;
        let mask = 0;
        if (who.includes('u') || who.includes('a')) mask |= bits << 6;
        if (who.includes('g') || who.includes('a')) mask |= bits << 3;
        if (who.includes('o') || who.includes('a')) mask |= bits;
        m = cm[2] === '+' ? m | mask : cm[2] === '-' ? m & ~mask : mask;
      }
    setMode(ctx.host.fs, abs, m);
    ctx.changed(abs);
  }
  return status;
}

export function du(ctx: CommandContext): number {
  const { flags, args } = parseFlags(ctx.argv.slice(1), 'hskamcd');
  const fs = ctx.host.fs;
  const fmt = (kb: number) => (flags.has('h') ? human(kb * 1024) : String(kb));
  let status = 0;
  let grand = 0;
  const walk = (path: string, shown: string, depth: number): number => {
    const e = lstat(fs, path)!;
    let total = blocksKb(e);
    if (e.type === 'dir') {
      for (const n of readdirSafe(ctx, path)) total += walk(`${path === '/' ? '' : path}/${n}`, `${shown === '/' ? '' : shown}/${n}`, depth + 1);
      if (!flags.has('s') || depth === 0) ctx.stdout(`${fmt(total)}\t${shown}\n`);
    } else if (depth === 0 || flags.has('a')) ctx.stdout(`${fmt(total)}\t${shown}\n`);
    return total;
  };
  for (const a of args.length ? args : ['.']) {
    const abs = normalizePath(a, ctx.cwd);
    if (!lstat(fs, abs)) {
      ctx.stderr(`du: ${a}: No such file or directory\n`);
      status = 1;
      continue;
    }
    grand += walk(abs, a, 0);
  }
  if (flags.has('c')) ctx.stdout(`${fmt(grand)}\ttotal\n`);
  return status;
}

export function df(ctx: CommandContext): number {
  const { flags, args } = parseFlags(ctx.argv.slice(1), 'hkPTa');
  const fs = ctx.host.fs;
  const rows = args.length ? args.map((a) => mountOf(fs, normalizePath(a, ctx.cwd))) : mountTable(fs);
  const h = flags.has('h');
  let out = h ? 'Filesystem                Size      Used Available Use% Mounted on\n' : 'Filesystem           1K-blocks      Used Available Use% Mounted on\n';
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.path)) continue;
    seen.add(r.path);
    const size = r.volume.capacityKb;
    const used = Math.min(size, volumeUsedKb(r.volume));
    const avail = size - used;
    const pct = used + avail ? Math.ceil((used * 100) / (used + avail)) : 0;
    const n = (kb: number) => (h ? (kb === 0 ? '0' : human(kb * 1024)) : String(kb)).padStart(9);
    const dev = r.volume.device.length > 20 ? `${r.volume.device}\n${' '.repeat(20)}` : r.volume.device.padEnd(20);
    out += `${dev} ${n(size)} ${n(used)} ${n(avail)} ${String(pct).padStart(3)}% ${r.path}\n`;
  }
  ctx.stdout(out);
  return 0;
}

export function pwd(ctx: CommandContext): number {
  ctx.stdout(`${ctx.cwd}\n`);
  return 0;
}

export function basename(ctx: CommandContext): number {
  const [path, suffix] = ctx.argv.slice(1);
  if (path === undefined) {
    ctx.stderr('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: basename FILE [SUFFIX]\n');
    return 1;
  }
  let b = path.replace(/\/+$/, '');
  b = b === '' ? (path ? '/' : '') : b.slice(b.lastIndexOf('/') + 1);
  if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
  ctx.stdout(`${b}\n`);
  return 0;
}

export function dirname(ctx: CommandContext): number {
  const path = ctx.argv[1];
  if (path === undefined) {
    ctx.stderr('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: dirname FILENAME\n');
    return 1;
  }
  const p = path.replace(/\/+$/, '');
  const i = p.lastIndexOf('/');
  const d = path.startsWith('/') && p === '' ? '/' : i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i).replace(/\/+$/, '') || '/';
  ctx.stdout(`${d}\n`);
  return 0;
}
