// The console is a shell: a line goes through the sh interpreter with `kubectl` as a command and the workspace files
// as the folder it runs in (/workspace), so pipes, variables and here-documents work; `sleep` lets simulated time run.
// `kubectl exec -ti POD -- sh` asks the session to open an interactive shell in the container instead.
import type { Simulation } from '../sim/simulation';
import type { FileSource } from '../kubectl/context';
import { runKubectl } from '../kubectl/kubectl';
import { execRequest, parseExecArgv, type ExecRequest } from '../kubectl/commands/exec';
import { Output } from '../kubectl/context';
import { reportError } from '../kubectl/commands/command';
import { createVolume, mkdirp, normalizePath, readFile, stat, writeFile, type FsVolume, type VirtualFs } from '../runtime/filesystem';
import { createContainerFs } from '../shell/image-layer';
import type { CommandContext, ShellHost } from '../shell/context';
import { runShell } from '../shell/run';
import { resolveFromPod } from '../network/dns';

export const WORKSPACE = '/workspace';

/** The longest a console line may let simulated time run (a `sleep 100000` stops there). */
export const CONSOLE_TIME_CAP_MS = 3_600_000;

export interface ConsoleRun {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** `kubectl exec -ti …` asked for an interactive shell (already checked: the container runs). */
  interactive?: ExecRequest;
}

function workspaceVolume(files: Map<string, string>, now: number): FsVolume {
  const v = createVolume('workspace', { device: 'workspace', mtimeMs: now });
  const fs: VirtualFs = { root: v, mounts: [] };
  for (const [name, text] of files) {
    const path = normalizePath(name, '/');
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    if (dir !== '/') mkdirp(fs, dir, now);
    writeFile(fs, path, text, now);
  }
  return v;
}

/** The workspace files after a run: every file with content, by path relative to the workspace. */
function filesOf(v: FsVolume): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, e] of Object.entries(v.entries).sort(([a], [b]) => (a < b ? -1 : 1))) if (key && e.type === 'file') out.set(key, e.content ?? '');
  return out;
}

/** `-f NAME` relative to the shell's working directory, read from the shell's filesystem. */
function shellFiles(ctx: CommandContext, fallback?: FileSource): FileSource {
  return {
    read(path) {
      try {
        return readFile(ctx.host.fs, normalizePath(path, ctx.cwd));
      } catch {
        return fallback?.read(path);
      }
    },
    list(dir) {
      const abs = normalizePath(dir, ctx.cwd);
      const e = stat(ctx.host.fs, abs);
      if (!e || e.type !== 'dir') return undefined;
      const loc = abs === WORKSPACE ? '' : abs.startsWith(`${WORKSPACE}/`) ? `${abs.slice(WORKSPACE.length + 1)}/` : undefined;
      if (loc === undefined) return [];
      return Object.keys(filesOfDir(ctx.host.fs, abs)).map((n) => `${dir.replace(/\/$/, '')}/${n}`);
    },
  };
}

function filesOfDir(fs: VirtualFs, abs: string): Record<string, true> {
  const out: Record<string, true> = {};
  const v = fs.mounts.find((m) => m.path === WORKSPACE)?.volume;
  if (!v) return out;
  const prefix = abs === WORKSPACE ? '' : `${abs.slice(WORKSPACE.length + 1)}/`;
  for (const [k, e] of Object.entries(v.entries)) if (k.startsWith(prefix) && k !== '' && !k.slice(prefix.length).includes('/') && e.type === 'file') out[k.slice(prefix.length)] = true;
  return out;
}

/** Runs one console line; returns its output and the workspace files as they are afterwards. */
export function runConsoleLine(sim: Simulation, files: Map<string, string>, line: string, stdin: string, defaultNamespace = 'default', fallback?: FileSource): ConsoleRun & { files: Map<string, string> } {
  const start = sim.now();
  const ws = workspaceVolume(files, start);
  const fs = createContainerFs({ image: { name: 'kubeville', hasBash: false, flavour: 'busybox' }, hostname: 'kubeville', namespace: defaultNamespace, mounts: [{ path: WORKSPACE, volume: ws }] }, start);
  let interactive: ExecRequest | undefined;
  const kubectl = (ctx: CommandContext): number => {
    // The shell's clock may be ahead of the cluster's (after `sleep`): let the cluster catch up first.
    if (ctx.now() > sim.now()) sim.advanceTo(Math.min(ctx.now(), start + CONSOLE_TIME_CAP_MS));
    const before = sim.now();
    const args = ctx.argv.slice(1);
    const at = args.indexOf('exec');
    let code: number;
    const flagsBefore = args.slice(0, Math.max(0, at));
    if (at >= 0 && flagsBefore.every((a) => a.startsWith('-') || flagsBefore[flagsBefore.indexOf(a) - 1]?.startsWith('-'))) {
      const inv = parseExecArgv([...flagsBefore, ...args.slice(at + 1)], defaultNamespace);
      if (typeof inv !== 'string' && inv.flags.bool('stdin') && inv.flags.bool('tty')) {
        const out = new Output();
        try {
          interactive = execRequest(inv, { sim, files: shellFiles(ctx, fallback), stdin: ctx.stdin, defaultNamespace }, out);
        } catch (e) {
          reportError(out, e);
        }
        if (out.stdout) ctx.stdout(out.stdout);
        if (out.stderr) ctx.stderr(out.stderr);
        return out.exitCode;
      }
    }
    const r = runKubectl(args, { sim, files: shellFiles(ctx, fallback), stdin: ctx.stdin, defaultNamespace });
    if (r.stdout) ctx.stdout(r.stdout);
    if (r.stderr) ctx.stderr(r.stderr);
    code = r.exitCode;
    ctx.sleep(sim.now() - before);
    return code;
  };
  const host: ShellHost = {
    fs,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', HOSTNAME: 'kubeville', USER: 'learner' },
    hostname: 'kubeville',
    startMs: start,
    resolve(name) {
      const a = resolveFromPod(sim.api, defaultNamespace, name);
      return a.type === 'A' ? { addresses: a.addresses } : undefined;
    },
    rng: () => sim.rng.next(),
    image: { name: 'kubeville', hasBash: false, flavour: 'busybox' },
    commands: { kubectl, k: kubectl },
  };
  const r = runShell(['sh', '-c', line], host, stdin, { cwd: WORKSPACE });
  const end = Number.isFinite(r.durationMs) ? start + Math.min(r.durationMs, CONSOLE_TIME_CAP_MS) : start;
  if (end > sim.now()) sim.advanceTo(end);
  let stdout = '';
  let stderr = '';
  for (const c of r.output) {
    if (c.stream === 'stdout') stdout += c.text;
    else stderr += c.text;
  }
  return { stdout, stderr, exitCode: r.exitCode, interactive, files: filesOf(ws) };
}
