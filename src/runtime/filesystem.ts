// A container's filesystem as plain JSON: volumes (path → entry maps) and a view that stacks the image's root
// volume with mounts (hostPath, emptyDir…) at path prefixes. Errors carry the errno text busybox prints.

export type FsEntryType = 'file' | 'dir' | 'symlink';

export interface FsEntry {
  type: FsEntryType;
  /** Permission bits, e.g. 0o755. */
  mode: number;
  /** Simulated ms since the epoch. */
  mtimeMs: number;
  /** Bytes; for a file with `content` it is the content's UTF-8 length. Big files may be size-only. */
  size: number;
  content?: string;
  /** Symlink target. */
  target?: string;
  /** Busybox applet this file runs (`/bin/ls` in a busybox image), or a program registered by the kubelet. */
  program?: string;
  uid?: number;
  gid?: number;
  /** A node's special files (hostPath type checks): the containerd socket, /dev/null. */
  special?: 'socket' | 'char' | 'block';
}

/** A tree of entries keyed by path relative to the volume root ('' is the root directory, 'a/b' below it). */
export interface FsVolume {
  /** Stable id so a snapshot can re-link a volume shared by several containers (a node's hostPath dir). */
  id: string;
  /** What `df` shows in its Filesystem column. */
  device: string;
  /** What `df` shows as size, in 1K blocks. */
  capacityKb: number;
  /** Space already used outside the simulated entries (the rest of the node's disk), in 1K blocks. */
  baseUsedKb: number;
  entries: Record<string, FsEntry>;
}

export interface FsMount {
  /** Absolute path in the container, e.g. `/dump`. */
  path: string;
  volume: FsVolume;
  /** Directory inside the volume that is mounted ('' for its root). */
  subPath?: string;
  readOnly?: boolean;
}

/** What a process sees: the root volume and mounts; later mounts hide earlier ones at the same path. */
export interface VirtualFs {
  root: FsVolume;
  mounts: FsMount[];
}

export type FsErrorCode = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EROFS' | 'EEXIST' | 'ENOTEMPTY' | 'EACCES' | 'EINVAL';

const MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EROFS: 'Read-only file system',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
};

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(MESSAGES[code]);
  }
}

export function createVolume(id: string, opts: { device?: string; capacityKb?: number; baseUsedKb?: number; mtimeMs?: number } = {}): FsVolume {
  return {
    id,
    device: opts.device ?? 'overlay',
    capacityKb: opts.capacityKb ?? 61_255_492,
    baseUsedKb: opts.baseUsedKb ?? 0,
    entries: { '': { type: 'dir', mode: 0o755, mtimeMs: opts.mtimeMs ?? 0, size: 4096 } },
  };
}

/** Normalises an absolute or cwd-relative path: no `.`, `..`, double or trailing slashes. */
export function normalizePath(path: string, cwd = '/'): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const p of full.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

export function dirnameOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

interface Located {
  volume: FsVolume;
  key: string;
  readOnly: boolean;
  /** The path is a mount point (its parent lists it even if the root volume has no entry). */
  mountPoint: boolean;
}

function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix === '/' ? '/' : `${prefix}/`);
}

/** Which volume (and key inside it) holds a path: how the kubelet replays a process's writes on the real volumes. */
export function locatePath(fs: VirtualFs, path: string): { volume: FsVolume; key: string; readOnly: boolean } {
  const loc = locate(fs, normalizePath(path));
  return { volume: loc.volume, key: loc.key, readOnly: loc.readOnly };
}

function locate(fs: VirtualFs, abs: string): Located {
  let best: FsMount | undefined;
  for (const m of fs.mounts) if (within(abs, m.path) && (!best || m.path.length >= best.path.length)) best = m;
  if (!best) return { volume: fs.root, key: abs.slice(1), readOnly: false, mountPoint: false };
  const rest = abs.slice(best.path.length).replace(/^\//, '');
  const base = best.subPath ?? '';
  const key = base && rest ? `${base}/${rest}` : base || rest;
  return { volume: best.volume, key, readOnly: !!best.readOnly, mountPoint: abs === best.path };
}

/** The entry at a path, following a final symlink when `follow` (as stat does; lstat does not). */
export function stat(fs: VirtualFs, path: string, follow = true): FsEntry | undefined {
  let abs = normalizePath(path);
  for (let hops = 0; hops < 8; hops++) {
    const loc = locate(fs, abs);
    const e = loc.volume.entries[loc.key];
    if (!e) return undefined;
    if (!follow || e.type !== 'symlink' || e.target === undefined) return e;
    abs = normalizePath(e.target, dirnameOf(abs));
  }
  return undefined;
}

export function lstat(fs: VirtualFs, path: string): FsEntry | undefined {
  return stat(fs, path, false);
}

export function exists(fs: VirtualFs, path: string): boolean {
  return stat(fs, path) !== undefined;
}

/** Resolves symlinks in the final component, so writes land on the target file. */
function realPath(fs: VirtualFs, path: string): string {
  let abs = normalizePath(path);
  for (let hops = 0; hops < 8; hops++) {
    const e = lstat(fs, abs);
    if (!e || e.type !== 'symlink' || e.target === undefined) return abs;
    abs = normalizePath(e.target, dirnameOf(abs));
  }
  return abs;
}

function requireParentDir(fs: VirtualFs, abs: string): void {
  const parent = stat(fs, dirnameOf(abs));
  if (!parent) throw new FsError('ENOENT', abs);
  if (parent.type !== 'dir') throw new FsError('ENOTDIR', abs);
}

function writable(fs: VirtualFs, abs: string): Located {
  const loc = locate(fs, abs);
  if (loc.readOnly) throw new FsError('EROFS', abs);
  return loc;
}

/** Names in a directory, sorted bytewise, without `.` and `..`; includes mount points. */
export function readdir(fs: VirtualFs, path: string): string[] {
  const abs = realPath(fs, path);
  const e = stat(fs, abs);
  if (!e) throw new FsError('ENOENT', abs);
  if (e.type !== 'dir') throw new FsError('ENOTDIR', abs);
  const loc = locate(fs, abs);
  const prefix = loc.key === '' ? '' : `${loc.key}/`;
  const names = new Set<string>();
  for (const key of Object.keys(loc.volume.entries)) {
    if (key === '' || !key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    if (rest && !rest.includes('/')) names.add(rest);
  }
  for (const m of fs.mounts) if (m.path !== abs && dirnameOf(m.path) === abs) names.add(basenameOf(m.path));
  return [...names].sort(compareBytes);
}

export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function mkdir(fs: VirtualFs, path: string, atMs: number, mode = 0o755): void {
  const abs = normalizePath(path);
  if (lstat(fs, abs)) throw new FsError('EEXIST', abs);
  requireParentDir(fs, abs);
  const loc = writable(fs, abs);
  loc.volume.entries[loc.key] = { type: 'dir', mode, mtimeMs: atMs, size: 4096 };
  touchParent(fs, abs, atMs);
}

/** `mkdir -p`: creates missing parents; fails if a component is a file. */
export function mkdirp(fs: VirtualFs, path: string, atMs: number, mode = 0o755): void {
  const abs = normalizePath(path);
  let cur = '';
  for (const part of abs.split('/').filter(Boolean)) {
    cur += `/${part}`;
    const e = stat(fs, cur);
    if (e) {
      if (e.type !== 'dir') throw new FsError('ENOTDIR', cur);
      continue;
    }
    mkdir(fs, cur, atMs, mode);
  }
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function touchParent(fs: VirtualFs, abs: string, atMs: number): void {
  if (abs === '/') return;
  const parent = locate(fs, dirnameOf(abs));
  const e = parent.volume.entries[parent.key];
  if (e && !parent.readOnly) parent.volume.entries[parent.key] = { ...e, mtimeMs: atMs };
}

export interface WriteOptions {
  append?: boolean;
  mode?: number;
  /** A size-only file (a database dump): no content kept. */
  size?: number;
}

/** Creates or replaces (or appends to) a file. */
export function writeFile(fs: VirtualFs, path: string, content: string, atMs: number, opts: WriteOptions = {}): void {
  const abs = realPath(fs, path);
  const old = stat(fs, abs);
  if (old?.type === 'dir') throw new FsError('EISDIR', abs);
  requireParentDir(fs, abs);
  const loc = writable(fs, abs);
  const text = opts.append && old ? (old.content ?? '') + content : content;
  const size = opts.size ?? (opts.append && old && old.content === undefined ? old.size + utf8Length(content) : utf8Length(text));
  const entry: FsEntry = { ...(old ?? {}), type: 'file', mode: old?.mode ?? opts.mode ?? 0o644, mtimeMs: atMs, size };
  if (opts.size === undefined) entry.content = text;
  else delete entry.content;
  loc.volume.entries[loc.key] = entry;
  if (!old) touchParent(fs, abs, atMs);
}

export function readFile(fs: VirtualFs, path: string): string {
  const abs = normalizePath(path);
  const e = stat(fs, abs);
  if (!e) throw new FsError('ENOENT', abs);
  if (e.type === 'dir') throw new FsError('EISDIR', abs);
  return e.content ?? '';
}

export function symlink(fs: VirtualFs, target: string, path: string, atMs: number): void {
  const abs = normalizePath(path);
  if (lstat(fs, abs)) throw new FsError('EEXIST', abs);
  requireParentDir(fs, abs);
  const loc = writable(fs, abs);
  loc.volume.entries[loc.key] = { type: 'symlink', mode: 0o777, mtimeMs: atMs, size: target.length, target };
}

/** Sets the mtime (creating an empty file when missing), as `touch` does. */
export function touch(fs: VirtualFs, path: string, atMs: number): void {
  const abs = realPath(fs, path);
  const e = stat(fs, abs);
  if (!e) return writeFile(fs, abs, '', atMs);
  const loc = writable(fs, abs);
  loc.volume.entries[loc.key] = { ...e, mtimeMs: atMs };
}

/** Sets the permission bits of the entry at a path (not following a final symlink), as a new entry: entries are shared. */
export function setMode(fs: VirtualFs, path: string, mode: number): void {
  const loc = locate(fs, normalizePath(path));
  const e = loc.volume.entries[loc.key];
  if (e) loc.volume.entries[loc.key] = { ...e, mode };
}

/** Removes a file, or a directory when `recursive` (or when empty). Mount points cannot be removed (EBUSY-like). */
export function remove(fs: VirtualFs, path: string, atMs: number, opts: { recursive?: boolean } = {}): void {
  const abs = normalizePath(path);
  const e = lstat(fs, abs);
  if (!e) throw new FsError('ENOENT', abs);
  const loc = writable(fs, abs);
  if (e.type === 'dir') {
    const children = readdir(fs, abs);
    if (children.length && !opts.recursive) throw new FsError('ENOTEMPTY', abs);
    for (const c of children) remove(fs, `${abs === '/' ? '' : abs}/${c}`, atMs, opts);
    if (loc.mountPoint || abs === '/') throw new FsError('EINVAL', abs);
  }
  delete loc.volume.entries[loc.key];
  touchParent(fs, abs, atMs);
}

/** Moves a file or directory tree (across mounts too: copy then delete). */
export function rename(fs: VirtualFs, from: string, to: string, atMs: number): void {
  const src = normalizePath(from);
  const dst = normalizePath(to);
  if (!lstat(fs, src)) throw new FsError('ENOENT', src);
  if (src === dst) return;
  if (within(dst, src)) throw new FsError('EINVAL', dst);
  copy(fs, src, dst, atMs, true);
  remove(fs, src, atMs, { recursive: true });
}

/** Copies a file or (recursively) a directory; keeps mtimes when `preserve`. */
export function copy(fs: VirtualFs, from: string, to: string, atMs: number, preserve = false): void {
  const src = normalizePath(from);
  const dst = normalizePath(to);
  const e = lstat(fs, src);
  if (!e) throw new FsError('ENOENT', src);
  requireParentDir(fs, dst);
  const old = stat(fs, dst);
  if (old?.type === 'dir' && e.type !== 'dir') throw new FsError('EISDIR', dst);
  const loc = writable(fs, dst);
  if (e.type === 'dir') {
    if (!old) loc.volume.entries[loc.key] = { ...e, mtimeMs: preserve ? e.mtimeMs : atMs };
    else if (old.type !== 'dir') throw new FsError('ENOTDIR', dst);
    for (const c of readdir(fs, src)) copy(fs, `${src}/${c}`, `${dst}/${c}`, atMs, preserve);
  } else {
    loc.volume.entries[loc.key] = { ...e, mtimeMs: preserve ? e.mtimeMs : atMs };
  }
  if (!old) touchParent(fs, dst, atMs);
}

/** Blocks of 1K a file or directory occupies, as du counts them (4K allocation units, a directory is one). */
export function blocksKb(entry: FsEntry): number {
  if (entry.type === 'symlink') return 0;
  if (entry.type === 'dir') return 4;
  return Math.ceil(entry.size / 4096) * 4;
}

/** Disk usage of a tree in 1K blocks (the tree itself included), without crossing into other volumes' data twice. */
export function du(fs: VirtualFs, path: string): number {
  const abs = normalizePath(path);
  const e = lstat(fs, abs);
  if (!e) throw new FsError('ENOENT', abs);
  let total = blocksKb(e);
  if (e.type === 'dir') for (const c of readdir(fs, abs)) total += du(fs, `${abs === '/' ? '' : abs}/${c}`);
  return total;
}

/** Used 1K blocks of a whole volume, for df. */
export function volumeUsedKb(volume: FsVolume): number {
  let total = volume.baseUsedKb;
  for (const e of Object.values(volume.entries)) total += blocksKb(e);
  return total;
}

/** The mounts df lists for a view, root first: [mount path, volume]. */
export function mountTable(fs: VirtualFs): { path: string; volume: FsVolume; readOnly: boolean }[] {
  return [{ path: '/', volume: fs.root, readOnly: false }, ...fs.mounts.map((m) => ({ path: m.path, volume: m.volume, readOnly: !!m.readOnly }))];
}

/** The mount that holds a path (for `df PATH`). */
export function mountOf(fs: VirtualFs, path: string): { path: string; volume: FsVolume; readOnly: boolean } {
  const abs = normalizePath(path);
  let best = { path: '/', volume: fs.root, readOnly: false };
  for (const m of fs.mounts) if (within(abs, m.path) && m.path.length >= best.path.length) best = { path: m.path, volume: m.volume, readOnly: !!m.readOnly };
  return best;
}
