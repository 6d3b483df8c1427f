import { describe, expect, it } from 'vitest';
import { createVolume, du, mkdirp, readdir, readFile, remove, rename, stat, writeFile, FsError, type VirtualFs } from './filesystem';

function view(): { fs: VirtualFs; hostPath: ReturnType<typeof createVolume>; config: ReturnType<typeof createVolume> } {
  const hostPath = createVolume('node/kind-worker:/dump');
  const config = createVolume('configmap/web');
  writeFile({ root: config, mounts: [] }, '/index.html', '<h1>hi</h1>\n', 0);
  const fs: VirtualFs = { root: createVolume('rootfs'), mounts: [{ path: '/dump', volume: hostPath }, { path: '/etc/web', volume: config, readOnly: true }] };
  mkdirp(fs, '/etc', 0);
  return { fs, hostPath, config };
}

describe('VirtualFs', () => {
  it('writes through a mount into the mounted volume, which outlives the view', () => {
    const { fs, hostPath } = view();
    writeFile(fs, '/dump/db.gz', 'x', 5);
    expect(Object.keys(hostPath.entries)).toEqual(['', 'db.gz']);
    const next: VirtualFs = { root: createVolume('rootfs2'), mounts: [{ path: '/dump', volume: hostPath }] };
    expect(readFile(next, '/dump/db.gz')).toBe('x');
  });

  it('lists mount points in their parent directory', () => {
    const { fs } = view();
    expect(readdir(fs, '/')).toEqual(['dump', 'etc']);
    expect(readdir(fs, '/etc')).toEqual(['web']);
  });

  it('refuses writes on a read-only mount with EROFS', () => {
    const { fs } = view();
    expect(() => writeFile(fs, '/etc/web/x', '', 0)).toThrow(new FsError('EROFS', '/etc/web/x'));
    expect(() => writeFile(fs, '/etc/web/x', '', 0)).toThrow('Read-only file system');
  });

  it('reports missing parents, directories and non-empty removals as errno texts', () => {
    const { fs } = view();
    expect(() => writeFile(fs, '/nope/x', '', 0)).toThrow('No such file or directory');
    expect(() => writeFile(fs, '/etc', '', 0)).toThrow('Is a directory');
    mkdirp(fs, '/a/b', 0);
    expect(() => remove(fs, '/a', 0)).toThrow('Directory not empty');
    remove(fs, '/a', 0, { recursive: true });
    expect(stat(fs, '/a')).toBeUndefined();
  });

  it('moves trees across mounts and counts du in 4K blocks', () => {
    const { fs } = view();
    mkdirp(fs, '/tmp/t', 0);
    writeFile(fs, '/tmp/t/big', '', 0, { size: 5_000_000 });
    rename(fs, '/tmp/t', '/dump/t', 1);
    expect(readdir(fs, '/dump/t')).toEqual(['big']);
    expect(du(fs, '/dump/t')).toBe(4 + 4884);
  });

  it('survives a JSON round trip', () => {
    const { fs } = view();
    writeFile(fs, '/dump/a', 'a', 1);
    const copy = JSON.parse(JSON.stringify(fs)) as VirtualFs;
    expect(readFile(copy, '/dump/a')).toBe('a');
    expect(copy).toEqual(fs);
  });
});
