// A pod's volumes as the kubelet sets them up: hostPath on the node's own filesystem (it outlives pods; `type`
// checked as pkg/volume/hostpath checks it), emptyDir with the pod, configMap and the service-account token as files.
// Also the replay of a process's writes at their simulated time, and what the UI lists of each node's hostPath files.
import type { Container, Pod, Volume } from '../api/pod';
import type { KubeObject } from '../api/meta';

/** The part of a ConfigMap a volume shows. */
export interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}
import type { ContainerFsRef, KubeletState, PendingWrite } from '../controllers/kubelet-state';
import { createVolume, locatePath, mkdirp, normalizePath, writeFile, type FsEntry, type FsVolume, type VirtualFs } from './filesystem';

/** The kind node's disk, as `df` shows it from a pod (bind mounts of the node's overlay root). */
const NODE_DISK = { device: '/dev/vda1', capacityKb: 61_255_492, baseUsedKb: 14_807_772 };

export function nodeVolumeId(node: string): string {
  return `node/${node}`;
}

/** The node's filesystem (what hostPath mounts see), created with the paths a kind node has. */
export function nodeVolume(volumes: Record<string, FsVolume>, node: string, now: number): FsVolume {
  const id = nodeVolumeId(node);
  let v = volumes[id];
  if (!v) {
    v = createVolume(id, { ...NODE_DISK, mtimeMs: now });
    volumes[id] = v;
    const fs: VirtualFs = { root: v, mounts: [] };
    for (const d of ['/etc', '/tmp', '/var/log/pods', '/var/lib/kubelet', '/run/containerd', '/dev']) mkdirp(fs, d, now);
    v.entries['tmp'].mode = 0o1777;
    v.entries['run/containerd/containerd.sock'] = { type: 'file', mode: 0o660, mtimeMs: now, size: 0, special: 'socket' };
    v.entries['dev/null'] = { type: 'file', mode: 0o666, mtimeMs: now, size: 0, special: 'char' };
    writeFile(fs, '/etc/hostname', `${node}\n`, now);
  }
  return v;
}

export type MountResult = { ok: true } | { ok: false; volume: string; message: string };

/** The hostPath type check (pkg/volume/hostpath checkTypeInternal), creating what *OrCreate asks for. */
export function checkHostPath(volume: FsVolume, path: string, type: string | undefined, now: number): string | undefined {
  const abs = normalizePath(path);
  const key = abs.slice(1);
  const fs: VirtualFs = { root: volume, mounts: [] };
  const e: FsEntry | undefined = volume.entries[key];
  const notA = (what: string) => `hostPath type check failed: ${abs} is not a ${what}`;
  switch (type ?? '') {
    case '':
      // No check; containerd creates a missing source as a directory.
      if (!e) mkdirp(fs, abs, now);
      return undefined;
    case 'DirectoryOrCreate':
      if (!e) {
        mkdirp(fs, abs, now);
        return undefined;
      }
      return e.type === 'dir' ? undefined : notA('directory');
    case 'Directory':
      return e?.type === 'dir' ? undefined : notA('directory');
    case 'FileOrCreate':
      if (!e) {
        const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
        if (!volume.entries[parent.slice(1)]) return `open ${abs}: no such file or directory`;
        writeFile(fs, abs, '', now);
        return undefined;
      }
      return e.type === 'file' && !e.special ? undefined : notA('file');
    case 'File':
      return e?.type === 'file' && !e.special ? undefined : notA('file');
    case 'Socket':
      return e?.special === 'socket' ? undefined : notA('socket file');
    case 'CharDevice':
      return e?.special === 'char' ? undefined : notA('character device');
    case 'BlockDevice':
      return e?.special === 'block' ? undefined : notA('block device');
    default:
      return `${type} is an invalid volume type`;
  }
}

function volumeIdFor(pod: Pod, v: Volume): string {
  return v.hostPath ? nodeVolumeId(pod.spec.nodeName!) : `pod/${pod.metadata.uid}/${v.name}`;
}

/** Sets up every volume of a pod (MountVolume.SetUp); the first failure stops it, as WaitForAttachAndMount does. */
export function setUpVolumes(pod: Pod, state: KubeletState, now: number, configMaps: (name: string) => ConfigMap | undefined): MountResult {
  const node = pod.spec.nodeName!;
  for (const v of pod.spec.volumes ?? []) {
    if (v.hostPath) {
      const vol = nodeVolume(state.volumes, node, now);
      const why = checkHostPath(vol, v.hostPath.path, v.hostPath.type, now);
      if (why) return { ok: false, volume: v.name, message: `MountVolume.SetUp failed for volume "${v.name}" : ${why}` };
      const n = (state.nodes[node] ??= { images: {}, lastIp: 1, usedIps: [] });
      const path = normalizePath(v.hostPath.path);
      n.hostPaths ??= [];
      if (!n.hostPaths.includes(path)) n.hostPaths.push(path);
      continue;
    }
    const id = volumeIdFor(pod, v);
    if (state.volumes[id]) continue;
    if (v.configMap) {
      const cm = configMaps(v.configMap.name);
      if (!cm) return { ok: false, volume: v.name, message: `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found` };
      const vol = createVolume(id, { device: 'tmpfs', capacityKb: 8_039_412, mtimeMs: now });
      const fs: VirtualFs = { root: vol, mounts: [] };
      for (const [k, text] of Object.entries(cm.data ?? {})) writeFile(fs, `/${k}`, text, now);
      state.volumes[id] = vol;
    } else if ((v as { projected?: unknown }).projected) {
      const vol = createVolume(id, { device: 'tmpfs', capacityKb: 8_039_412, mtimeMs: now });
      const fs: VirtualFs = { root: vol, mounts: [] };
      writeFile(fs, '/ca.crt', '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubevilleCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\n-----END CERTIFICATE-----\n', now);
      writeFile(fs, '/namespace', pod.metadata.namespace ?? 'default', now);
      writeFile(fs, '/token', 'eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmV2aWxsZSJ9.simulated.token', now);
      state.volumes[id] = vol;
    } else {
      const memory = v.emptyDir?.medium === 'Memory';
      state.volumes[id] = createVolume(id, memory ? { device: 'tmpfs', capacityKb: 8_039_412, mtimeMs: now } : { ...NODE_DISK, mtimeMs: now });
    }
  }
  return { ok: true };
}

/** The mounts of one container (volumeMounts resolved to volume ids; hostPath as a sub-path of the node's disk). */
export function containerMounts(pod: Pod, c: Container): ContainerFsRef['mounts'] {
  const mounts: ContainerFsRef['mounts'] = [];
  for (const m of c.volumeMounts ?? []) {
    const v = pod.spec.volumes?.find((x) => x.name === m.name);
    if (!v) continue;
    const base = v.hostPath ? normalizePath(v.hostPath.path).slice(1) : '';
    const sub = (m as { subPath?: string }).subPath;
    const subPath = [base, sub].filter(Boolean).join('/');
    mounts.push({ path: normalizePath(m.mountPath), volume: volumeIdFor(pod, v), ...(subPath ? { subPath } : {}), ...(m.readOnly ? { readOnly: true } : {}) });
  }
  return mounts;
}

/** A container's view of its volumes (objects shared with the kubelet state: writes land there). */
export function containerView(volumes: Record<string, FsVolume>, ref: ContainerFsRef): VirtualFs {
  return {
    root: volumes[ref.root],
    mounts: ref.mounts.filter((m) => volumes[m.volume]).map((m) => ({ path: m.path, volume: volumes[m.volume], subPath: m.subPath, readOnly: m.readOnly })),
  };
}

/**
 * A copy of the volumes a container sees: its process runs ahead on the copy, the real ones change on time.
 * Only the path → entry maps are copied: filesystem writes replace entries and never edit one in place.
 */
export function scratchView(volumes: Record<string, FsVolume>, ref: ContainerFsRef): VirtualFs {
  const copies: Record<string, FsVolume> = {};
  for (const id of [ref.root, ...ref.mounts.map((m) => m.volume)]) if (volumes[id] && !copies[id]) copies[id] = { ...volumes[id], entries: { ...volumes[id].entries } };
  return containerView(copies, ref);
}

/** The writes a finished run made on a scratch view, as entries to apply on the real volumes at their times. */
export function pendingWrites(scratch: VirtualFs, writes: { atMs: number; path: string; entry?: FsEntry | null }[], start: number, owner: string): PendingWrite[] {
  const out: PendingWrite[] = [];
  for (const w of writes) {
    const loc = locatePath(scratch, w.path);
    if (loc.readOnly) continue;
    // The entry as the write left it (recorded by the shell); the end-of-run state only for older records.
    const entry = w.entry !== undefined ? w.entry : loc.volume.entries[loc.key];
    out.push({ at: start + w.atMs, owner, volume: loc.volume.id, key: loc.key, entry: entry ? { ...entry } : null });
    // A new directory's contents come with it (mkdir -p a/b then files below are separate writes anyway).
  }
  return out;
}

/** Applies the writes whose time has come, in time order (then in the order they were made). */
export function applyDueWrites(state: KubeletState, now: number): void {
  if (!state.pending.length) return;
  const due = state.pending.filter((p) => p.at <= now);
  if (!due.length) return;
  state.pending = state.pending.filter((p) => p.at > now);
  due.sort((a, b) => a.at - b.at);
  for (const p of due) {
    const v = state.volumes[p.volume];
    if (!v) continue;
    if (p.entry) {
      // Parents a process created on its copy come into being too.
      const parts = p.key.split('/');
      for (let i = 1; i < parts.length; i++) {
        const k = parts.slice(0, i).join('/');
        if (!v.entries[k]) v.entries[k] = { type: 'dir', mode: 0o755, mtimeMs: p.at, size: 4096 };
      }
      v.entries[p.key] = p.entry;
    } else {
      delete v.entries[p.key];
      for (const k of Object.keys(v.entries)) if (k.startsWith(`${p.key}/`)) delete v.entries[k];
    }
  }
}

/** Drops what a killed process would have written after it died. */
export function dropWritesAfter(state: KubeletState, owner: string, at: number): void {
  state.pending = state.pending.filter((p) => p.owner !== owner || p.at <= at);
}

export interface HostPathFile {
  /** Absolute path on the node, e.g. `/dump/db.gz`. */
  path: string;
  type: 'file' | 'dir' | 'symlink';
  size: number;
  mtime: string;
}

/** The files in the hostPath folders pods used on a node, path order (for the UI's node view). */
export function hostPathFilesIn(state: KubeletState, node: string, now: number): HostPathFile[] {
  applyDueWrites(state, now);
  const v = state.volumes[nodeVolumeId(node)];
  const roots = state.nodes[node]?.hostPaths ?? [];
  if (!v) return [];
  const out: HostPathFile[] = [];
  for (const [key, e] of Object.entries(v.entries)) {
    const path = `/${key}`;
    if (!roots.some((r) => path.startsWith(`${r}/`) || (path === r && e.type !== 'dir'))) continue;
    out.push({ path, type: e.type, size: e.size, mtime: new Date(e.mtimeMs).toISOString() });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
