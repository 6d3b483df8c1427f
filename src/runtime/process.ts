// What a container's main process does on the simulated clock: the image's entrypoint and cmd (or the pod's command
// and args, after Kubernetes' `$(VAR)` expansion), run to completion by the sh interpreter ahead of time; the kubelet
// replays its output, writes and exit at their instants. PID 1's signal handling decides how a deletion ends.
import type { ImageInfo } from './images';
import { runShell, outputLines, type ShellHost, type WriteRecord } from '../shell/run';
import { basenameOf } from './filesystem';
import { expandKubernetesVars } from './env';

export { expandKubernetesVars } from './env';

export interface OutputLine {
  atMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ProcessRun {
  /** When PID 1 exits, ms after start; undefined: it runs until it is stopped. */
  exitAfterMs?: number;
  exitCode: number;
  /** PID 1 without a SIGTERM handler (a shell, `sleep`): the kernel ignores the signal, so a deletion waits the grace period. */
  ignoresSigterm: boolean;
  /** Log lines, ms after start. */
  output: OutputLine[];
  /** Paths written, ms after start (the caller ran the process on a copy of its volumes). */
  writes: WriteRecord[];
  /** The runtime could not start the process at all (exit code 128, reason StartError). */
  startError?: string;
}

/** How far ahead a main process is run: past this it is taken to run for ever (see design note 0007). */
export const PROCESS_HORIZON_MS = 7 * 24 * 3600 * 1000;

/** argv as the runtime execs it: command (else ENTRYPOINT) + args (else CMD, when command is not set), `$(VAR)` expanded. */
export function containerArgv(info: ImageInfo | undefined, command: string[] | undefined, args: string[] | undefined, env: Record<string, string>): string[] {
  const entry = command ?? info?.entrypoint ?? [];
  const rest = args ?? (command ? [] : (info?.cmd ?? []));
  return [...entry, ...rest].map((a) => expandKubernetesVars(a, env));
}

const NO_SIGTERM_HANDLER = new Set(['sh', 'ash', 'bash', 'sleep', 'tail', 'cat']);

export interface RunOptions {
  /** The container has a stdin (`stdin: true`, `kubectl run -i`): a shell waits on it instead of exiting. */
  stdin?: boolean;
  tty?: boolean;
  cwd?: string;
}

/** Runs PID 1 to completion (or to the horizon) against `host`, whose fs should be a scratch copy. */
export function runProcess(argv: string[], host: ShellHost, opts: RunOptions = {}): ProcessRun {
  if (argv.length === 0) return { exitCode: 128, ignoresSigterm: false, output: [], writes: [], startError: 'exec: no command specified' };
  const base = basenameOf(argv[0]);
  const ignoresSigterm = NO_SIGTERM_HANDLER.has(base);
  const isShell = base === 'sh' || base === 'ash' || base === 'bash';
  if (isShell && opts.stdin && argv.length === 1) {
    // An interactive shell waiting on its stdin.
    return { exitCode: 0, ignoresSigterm: true, output: [], writes: [] };
  }
  const r = runShell(argv, host, '', { tty: opts.tty, cwd: opts.cwd, horizonMs: PROCESS_HORIZON_MS });
  if (r.startError) return { exitCode: 128, ignoresSigterm: false, output: [], writes: [], startError: r.startError };
  const output = outputLines(r.output).map((l) => ({ atMs: l.atMs, stream: l.stream, text: l.text }));
  return {
    exitAfterMs: r.forever || !Number.isFinite(r.durationMs) ? undefined : r.durationMs,
    exitCode: r.exitCode,
    ignoresSigterm,
    output: output.filter((l) => Number.isFinite(l.atMs)),
    writes: r.writes.filter((w) => Number.isFinite(w.atMs)),
  };
}
