// Runs a container's command (`/bin/sh -c …`, `sh`, `ls /dump`) to completion on simulated time and returns the
// precomputed run: stamped output, fs writes, exit code, duration. The caller decides when to replay it.
import { basenameOf } from '../runtime/filesystem';
import type { ShellHost } from './context';
import { ExitSignal, FatalSignal, HorizonSignal, runShellArgs, Shell, type OutputChunk, type Runtime, type WriteRecord } from './interpreter';

export type { ShellHost, ConnectResult, ExternalCommand, CommandContext } from './context';
export type { OutputChunk, WriteRecord } from './interpreter';

export interface RunResult {
  /** Output in time order; atMs is ms after the process started. */
  output: OutputChunk[];
  exitCode: number;
  durationMs: number;
  /** Paths created, changed or removed, with when (ms after start); already applied to host.fs. */
  writes: WriteRecord[];
  /** The runtime could not start argv[0] (not in the image): the message containerd gives. */
  startError?: string;
  /** The process was still running at the horizon (a server, `sleep infinity`, an endless loop): durationMs is Infinity. */
  forever?: boolean;
}

export interface RunOptions {
  /** stdout is a terminal (`kubectl exec -t`, `tty: true`). */
  tty?: boolean;
  /** Working directory (the image's WORKDIR or the container's workingDir). */
  cwd?: string;
  /** Run at most this long (simulated ms); a process still running then runs for ever (see Runtime.horizonMs). */
  horizonMs?: number;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function newRuntime(host: ShellHost, bash: boolean, tty: boolean): Runtime {
  return { host, elapsedMs: 0, output: [], writes: [], bash, tty };
}

/** A shell with the process environment: host.env exported, PATH and HOME defaulted. */
export function newShell(rt: Runtime, cwd = '/'): Shell {
  const sh = new Shell(rt);
  for (const [k, v] of Object.entries(rt.host.env)) sh.vars.set(k, { value: v, exported: true });
  if (!sh.vars.has('PATH')) sh.vars.set('PATH', { value: DEFAULT_PATH, exported: true });
  if (!sh.vars.has('HOME')) sh.vars.set('HOME', { value: '/root', exported: true });
  if (!sh.vars.has('HOSTNAME')) sh.vars.set('HOSTNAME', { value: rt.host.hostname, exported: true });
  sh.cwd = cwd;
  sh.vars.set('PWD', { value: cwd, exported: true });
  return sh;
}

function finish(rt: Runtime, exitCode: number, extra: Partial<RunResult> = {}): RunResult {
  const output = rt.output.map((c, k) => ({ c, k })).sort((a, b) => a.c.atMs - b.c.atMs || a.k - b.k).map((x) => x.c);
  return { output, exitCode, durationMs: rt.elapsedMs, writes: rt.writes, ...extra };
}

function isShell(name: string): 'sh' | 'bash' | undefined {
  const b = basenameOf(name);
  if (b === 'sh' || b === 'ash') return 'sh';
  if (b === 'bash') return 'bash';
  return undefined;
}

/** Runs argv as the container runtime would exec it. */
export function runShell(argv: string[], host: ShellHost, stdin?: string, opts: RunOptions = {}): RunResult {
  const kind = isShell(argv[0] ?? '');
  const bash = kind === 'bash';
  const rt = newRuntime(host, bash, !!opts.tty);
  rt.horizonMs = opts.horizonMs;
  const sh = newShell(rt, opts.cwd);
  const io = sh.rootIo();
  rt.terminal = io.out.get(1);
  io.stdin = { data: stdin ?? '', pos: 0 };
  const found = sh.findProgram(argv[0] ?? '');
  if (found.kind !== 'run' && found.kind !== 'script') {
    const name = argv[0] ?? '';
    const why = name.includes('/') ? `stat ${name}: no such file or directory` : `"${name}": executable file not found in $PATH`;
    return finish(rt, 128, { startError: name.includes('/') ? `exec: "${name}": ${why}` : `exec: ${why}` });
  }
  if (bash && !host.image.hasBash && found.kind === 'run' && !host.commands?.bash) {
    return finish(rt, 128, { startError: `exec: "${argv[0]}": stat ${argv[0]}: no such file or directory` });
  }
  try {
    if (!kind) {
      // Not a shell: exec the program directly.
      let code: number;
      try {
        code = sh.execute(argv, io);
      } catch (e) {
        if (e instanceof ExitSignal || e instanceof FatalSignal) code = e.code;
        else throw e;
      }
      return finish(rt, code);
    }
    return finish(rt, runShellArgs(sh, argv, io));
  } catch (e) {
    if (!(e instanceof HorizonSignal)) throw e;
    rt.elapsedMs = Infinity;
    return finish(rt, 0, { forever: true });
  }
}

/** Output as log lines (what `kubectl logs` shows), without their newlines. */
export function outputLines(output: OutputChunk[]): OutputChunk[] {
  const lines: OutputChunk[] = [];
  const partial: Record<string, OutputChunk | undefined> = {};
  for (const c of output) {
    const parts = c.text.split('\n');
    parts.forEach((p, k) => {
      const last = k === parts.length - 1;
      const open = partial[c.stream];
      if (last) {
        if (p) partial[c.stream] = open ? { ...open, text: open.text + p } : { atMs: c.atMs, stream: c.stream, text: p };
        return;
      }
      lines.push(open ? { ...open, text: open.text + p } : { atMs: c.atMs, stream: c.stream, text: p });
      partial[c.stream] = undefined;
    });
  }
  for (const s of ['stdout', 'stderr'] as const) if (partial[s]) lines.push(partial[s]!);
  return lines.sort((a, b) => a.atMs - b.atMs);
}
