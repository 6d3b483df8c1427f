// The command lines of the lesson "Services et CronJobs" (services-and-cronjobs.fr.md), run as the kubelet will.
import { describe, expect, it } from 'vitest';
import { createVolume, readdir, stat, type FsVolume } from '../runtime/filesystem';
import type { CommandContext } from './context';
import { fakeHost, IMAGES, MONDAY_9AM } from './fake-host';
import { createInteractiveShell } from './interactive';
import { runShell } from './run';

/** A stand-in for mongodump 4.0: resolves --host, takes a while, writes a size-only archive. */
function mongodump(ctx: CommandContext): number {
  const host = ctx.argv.find((a) => a.startsWith('--host'))?.split('=')[1] ?? ctx.argv[ctx.argv.indexOf('--host') + 1];
  const archive = ctx.argv.find((a) => a.startsWith('--archive='))?.slice('--archive='.length);
  if (!ctx.host.resolve(host)) {
    ctx.sleep(30_000);
    ctx.stderr(`${new Date(ctx.now()).toISOString().replace('Z', '+0000')}\tFailed: error connecting to db server: no reachable servers\n`);
    return 1;
  }
  ctx.sleep(1_500);
  if (archive) {
    const fs = ctx.host.fs;
    const path = archive.startsWith('/') ? archive : `${ctx.cwd}/${archive}`;
    const e = stat(fs, path.slice(0, path.lastIndexOf('/')) || '/');
    if (!e) return 1;
    fs.mounts.find((m) => path.startsWith(`${m.path}/`))!.volume.entries[path.slice(path.indexOf('/', 1) + 1)] = { type: 'file', mode: 0o644, mtimeMs: ctx.now(), size: 4_217 };
    ctx.changed(path);
  }
  ctx.stderr(`${new Date(ctx.now()).toISOString().replace('Z', '+0000')}\twriting admin.system.version to archive '${archive}'\n`);
  return 0;
}

function dumpVolume(): FsVolume {
  return createVolume('node/kind-worker:/dump', { device: '/dev/vda1', capacityKb: 61_255_492, baseUsedKb: 14_807_772 });
}

const text = (r: ReturnType<typeof runShell>, stream: 'stdout' | 'stderr') => r.output.filter((c) => c.stream === stream).map((c) => c.text).join('');

describe('Exercice 1: kubectl create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"', () => {
  it('prints nothing, exits 0 and lasts 30 simulated seconds', () => {
    const r = runShell(['/bin/sh', '-c', 'sleep 30'], fakeHost());
    expect(r).toEqual({ output: [], exitCode: 0, durationMs: 30_000, writes: [] });
  });
});

describe('the example CronJob: /bin/sh -c "date; echo Hello from the Kubernetes cluster"', () => {
  it('prints the simulated date then the greeting, at once', () => {
    const r = runShell(['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'], fakeHost({ startMs: MONDAY_9AM + 60_000 }));
    expect(r.output).toEqual([{ atMs: 0, stream: 'stdout', text: 'Mon Jan  5 09:01:00 UTC 2026\nHello from the Kubernetes cluster\n' }]);
    expect(r.exitCode).toBe(0);
  });
});

describe('Exercice 2: the dump Job and CronJob (mongo:4.0, /bin/bash -c)', () => {
  const mount = (volume: FsVolume) => [{ path: '/dump', volume }];

  it('fails when the db Service does not resolve, writing nothing', () => {
    const volume = dumpVolume();
    const host = fakeHost({ image: IMAGES.mongo, hostname: 'dump-x7k2p', mounts: mount(volume), commands: { mongodump } });
    const r = runShell(['/bin/bash', '-c', 'mongodump --gzip --host db --archive=/dump/db.gz'], host);
    expect(r.exitCode).toBe(1);
    expect(text(r, 'stderr')).toBe('2026-01-05T09:00:30.000+0000\tFailed: error connecting to db server: no reachable servers\n');
    expect(r.writes).toEqual([]);
    expect(readdir(host.fs, '/dump')).toEqual([]);
  });

  it('names the archive with $(date +"%Y%m%dT%H%M%S") and writes it on the hostPath volume', () => {
    const volume = dumpVolume();
    const host = fakeHost({ image: IMAGES.mongo, mounts: mount(volume), commands: { mongodump }, dns: { db: ['10.96.112.7'] }, startMs: MONDAY_9AM + 120_000 });
    const r = runShell(['/bin/bash', '-c', 'mongodump --gzip --host db --archive=/dump/$(date +"%Y%m%dT%H%M%S")-db.gz'], host);
    expect(r.exitCode).toBe(0);
    expect(r.durationMs).toBe(1_500);
    expect(r.writes.map(({ atMs, path }) => ({ atMs, path }))).toEqual([{ atMs: 1_500, path: '/dump/20260105T090200-db.gz' }]);
    expect(r.writes[0].entry).toMatchObject({ type: 'file' });
    expect(Object.keys(volume.entries)).toEqual(['', '20260105T090200-db.gz']);
  });

  it('reports a missing command the way bash does', () => {
    const r = runShell(['/bin/bash', '-c', 'mongodump --host db'], fakeHost({ image: IMAGES.mongo }));
    expect(text(r, 'stderr')).toBe('/bin/bash: line 1: mongodump: command not found\n');
    expect(r.exitCode).toBe(127);
  });

  it('cannot start /bin/bash in busybox, which has none', () => {
    const r = runShell(['/bin/bash', '-c', 'true'], fakeHost());
    expect(r.startError).toBe('exec: "/bin/bash": stat /bin/bash: no such file or directory');
  });
});

describe('Étape 6: kubectl exec -ti test -- sh, then ls /dump', () => {
  function dumps(n: number): FsVolume {
    const v = dumpVolume();
    for (let k = 0; k < n; k++) {
      const at = MONDAY_9AM + k * 60_000;
      const name = new Date(at).toISOString().replace(/[-:]/g, '').slice(0, 15);
      v.entries[`${name}-db.gz`] = { type: 'file', mode: 0o644, mtimeMs: at, size: 4_217 };
    }
    return v;
  }

  it('keeps the alpine pod running: sleep 10000 lasts 10000 s', () => {
    expect(runShell(['sleep', '10000'], fakeHost({ image: IMAGES.alpine })).durationMs).toBe(10_000_000);
  });

  it('shows the busybox prompt and lays the dumps out in columns on the terminal', () => {
    const host = fakeHost({ image: IMAGES.alpine, mounts: [{ path: '/dump', volume: dumps(7) }], startMs: MONDAY_9AM + 10 * 60_000 });
    const sh = createInteractiveShell(host);
    expect(sh.prompt()).toBe('/ # ');
    expect(sh.input('ls /dump').output).toBe(
      // busybox ls on an 80-column terminal, same names (script -qc 'stty cols 80; busybox ls /dump')
      '20260105T090000-db.gz  20260105T090300-db.gz  20260105T090600-db.gz\n' +
        '20260105T090100-db.gz  20260105T090400-db.gz\n' +
        '20260105T090200-db.gz  20260105T090500-db.gz\n',
    );
    expect(sh.input('ls -l /dump | head -2').output).toBe('total 56\n-rw-r--r--    1 root     root          4217 Jan  5 09:00 20260105T090000-db.gz\n');
    expect(sh.input('cd').output).toBe('');
    expect(sh.prompt()).toBe('~ # ');
    expect(sh.input('nosuch').output).toBe('sh: nosuch: not found\n');
    expect(sh.input('exit 3')).toEqual({ output: '', durationMs: 0, exited: 3 });
  });

  it('prints one name per line without a terminal (kubectl exec test -- ls /dump)', () => {
    const host = fakeHost({ image: IMAGES.alpine, mounts: [{ path: '/dump', volume: dumps(2) }] });
    expect(runShell(['ls', '/dump'], host).output).toEqual([{ atMs: 0, stream: 'stdout', text: '20260105T090000-db.gz\n20260105T090100-db.gz\n' }]);
  });

  it('asks for more lines while a compound command is open', () => {
    const sh = createInteractiveShell(fakeHost());
    expect(sh.input('for i in 1 2; do').output).toBe('');
    expect(sh.prompt()).toBe('> ');
    expect(sh.input('echo $i; done').output).toBe('1\n2\n');
    expect(sh.prompt()).toBe('/ # ');
  });
});
