// The root filesystem an image ships: /bin applets as busybox or alpine lay them out, /etc files the kubelet
// writes (hostname, hosts, resolv.conf), and the usual empty directories. Mounts are added by the caller.
import { basenameOf, createVolume, mkdirp, writeFile, type FsMount, type FsVolume, type VirtualFs } from '../runtime/filesystem';
import { APPLETS } from './applets/index';
import type { ShellImage } from './context';

export interface ContainerFsOptions {
  image: ShellImage;
  hostname: string;
  podIP?: string;
  /** Namespace for the resolv.conf search list. */
  namespace?: string;
  /** When the image was built (mtime of its files). */
  builtMs?: number;
  /** Programs besides the applets, installed in /usr/local/bin (mongodump…). */
  programs?: string[];
  /** Files the image ships (path → content; a path ending in `/` is a folder). */
  files?: Record<string, string>;
  mounts?: FsMount[];
}

/** Applets busybox has besides the simulated ones, so `ls /bin` looks real (they answer "not simulated"). */
const OTHER_APPLETS = ['ash', 'awk', 'chown', 'find', 'free', 'gzip', 'gunzip', 'kill', 'less', 'mount', 'netstat', 'ping', 'sed', 'stat', 'tar', 'top', 'uptime', 'vi', 'xargs'];

export function resolvConfText(namespace = 'default'): string {
  return `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`;
}

function layer(opts: ContainerFsOptions): FsVolume {
  const at = opts.builtMs ?? Date.UTC(2024, 8, 26, 21, 31, 42);
  const v = createVolume('rootfs', { device: 'overlay', capacityKb: 61_255_492, baseUsedKb: 14_807_772, mtimeMs: at });
  const fs: VirtualFs = { root: v, mounts: [] };
  for (const d of ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/var', '/sbin', '/lib']) mkdirp(fs, d, at);
  v.entries.tmp.mode = 0o777;
  v.entries.root.mode = 0o700;
  const applets = ['sh', ...Object.keys(APPLETS), ...OTHER_APPLETS].sort();
  const flavour = opts.image.flavour;
  if (flavour === 'busybox') {
    // busybox: one binary hard-linked under every applet name in /bin
    for (const a of applets) v.entries[`bin/${a}`] = { type: 'file', mode: 0o755, mtimeMs: at, size: 1_131_168, program: a === 'sh' || a === 'ash' ? 'sh' : a };
  } else if (flavour === 'alpine') {
    v.entries['bin/busybox'] = { type: 'file', mode: 0o755, mtimeMs: at, size: 808_712, program: 'busybox' };
    for (const a of applets) {
      const dir = ['env', 'id', 'wc', 'head', 'tail', 'cut', 'sort', 'uniq', 'tr', 'seq', 'du', 'basename', 'dirname', 'whoami', 'wget', 'nslookup', 'printf', 'test', '[', 'tee', 'awk', 'find', 'less', 'xargs', 'free', 'uptime', 'printenv'].includes(a) ? 'usr/bin' : 'bin';
      v.entries[`${dir}/${a}`] = { type: 'symlink', mode: 0o777, mtimeMs: at, size: 12, target: '/bin/busybox', program: a === 'ash' ? 'sh' : a };
    }
    writeFile(fs, '/etc/alpine-release', `${opts.image.release ?? '3.15.11'}\n`, at);
  } else {
    for (const a of applets.filter((x) => !['nslookup', 'wget', 'ash', 'vi'].includes(x))) v.entries[`bin/${a}`] = { type: 'file', mode: 0o755, mtimeMs: at, size: 141_824, program: a };
    if (opts.image.hasBash) v.entries['bin/bash'] = { type: 'file', mode: 0o755, mtimeMs: at, size: 1_446_024, program: 'bash' };
  }
  if (opts.image.hasBash && flavour !== 'debian') v.entries['bin/bash'] = { type: 'file', mode: 0o755, mtimeMs: at, size: 1_446_024, program: 'bash' };
  for (const p of opts.programs ?? []) {
    // A bare name goes to /usr/local/bin; an absolute path (nginx's /docker-entrypoint.sh) stays where it is.
    const key = p.startsWith('/') ? p.slice(1) : `usr/local/bin/${p}`;
    v.entries[key] = { type: 'file', mode: 0o755, mtimeMs: at, size: p.endsWith('.sh') ? 1_620 : 30_000_000, program: basenameOf(p) };
  }
  const osRelease =
    flavour === 'alpine'
      ? `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${opts.image.release ?? '3.15.11'}\nPRETTY_NAME="Alpine Linux v${(opts.image.release ?? '3.15.11').split('.').slice(0, 2).join('.')}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`
      : flavour === 'debian'
        ? 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n'
        : undefined;
  if (osRelease) writeFile(fs, '/etc/os-release', osRelease, at);
  writeFile(fs, '/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n', at);
  writeFile(fs, '/etc/group', 'root:x:0:\nwheel:x:10:root\nnobody:x:65534:\n', at);
  for (const [path, text] of Object.entries(opts.files ?? {})) {
    if (path.endsWith('/')) mkdirp(fs, path.slice(0, -1), at);
    else {
      mkdirp(fs, path.slice(0, path.lastIndexOf('/')) || '/', at);
      writeFile(fs, path, text, at);
    }
  }
  v.entries['dev/null'] = { type: 'file', mode: 0o666, mtimeMs: at, size: 0 };
  return v;
}

/** Built layers by what they are built from. Their entries are frozen and shared: writes replace entries, never edit them. */
const LAYERS = new Map<string, FsVolume>();

/** A fresh volume holding the image layer's entries (the same entry objects every time: building one is costly). */
function sharedLayer(opts: ContainerFsOptions): FsVolume {
  const key = JSON.stringify([opts.image, opts.builtMs, opts.programs, opts.files]);
  let built = LAYERS.get(key);
  if (!built) {
    built = layer(opts);
    for (const e of Object.values(built.entries)) Object.freeze(e);
    if (LAYERS.size >= 100) LAYERS.clear();
    LAYERS.set(key, built);
  }
  return { ...built, entries: { ...built.entries } };
}

/** A container's view: the image layer with the kubelet's /etc files, plus mounts (hostPath, emptyDir…). */
export function createContainerFs(opts: ContainerFsOptions, startedMs = opts.builtMs ?? 0): VirtualFs {
  const fs: VirtualFs = { root: sharedLayer(opts), mounts: [] };
  const ip = opts.podIP ?? '10.244.1.2';
  writeFile(fs, '/etc/hostname', `${opts.hostname}\n`, startedMs);
  writeFile(fs, '/etc/hosts', `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${opts.hostname}\n`, startedMs);
  writeFile(fs, '/etc/resolv.conf', resolvConfText(opts.namespace), startedMs);
  for (const m of opts.mounts ?? []) {
    fs.mounts.push(m);
    if (!fs.root.entries[m.path.slice(1)]) mkdirp({ root: fs.root, mounts: [] }, m.path, startedMs);
  }
  return fs;
}
