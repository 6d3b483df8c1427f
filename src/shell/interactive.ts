// `kubectl exec -ti POD -- sh`: a shell fed one line at a time, with busybox's `\w \$ ` prompt (`/ # `, `~ # `)
// or bash's `root@HOST:/# `. Output is what the terminal shows (stdout and stderr merged); history is the caller's.
import type { ShellHost } from './context';
import { ExitSignal, FatalSignal, type Io } from './interpreter';
import { needsMoreInput } from './parser';
import { newRuntime, newShell } from './run';

export interface InteractiveResult {
  output: string;
  /** Simulated ms the line took (sleep). */
  durationMs: number;
  /** The shell exited (exit, Ctrl-D) with this code. */
  exited?: number;
}

export interface InteractiveShell {
  prompt(): string;
  input(line: string): InteractiveResult;
  /** Ctrl-D on an empty line. */
  eof(): InteractiveResult;
}

export function createInteractiveShell(host: ShellHost, opts: { bash?: boolean; cwd?: string; startMs?: number } = {}): InteractiveShell {
  const bash = !!opts.bash;
  const rt = newRuntime(host, bash, true);
  const sh = newShell(rt, opts.cwd);
  sh.mode = 'interactive';
  sh.arg0 = bash ? 'bash' : 'sh';
  let pending = '';
  let exited: number | undefined;
  const io: Io = sh.rootIo();
  rt.terminal = io.out.get(1);

  const collect = (run: () => number | undefined): InteractiveResult => {
    rt.output = [];
    const before = rt.elapsedMs;
    const code = run();
    const output = rt.output.map((c) => c.text).join('');
    if (code !== undefined) exited = code;
    return { output, durationMs: rt.elapsedMs - before, exited: code };
  };

  return {
    prompt() {
      if (pending) return '> ';
      const home = sh.getVar('HOME') ?? '/root';
      const w = sh.cwd === home ? '~' : sh.cwd.startsWith(`${home}/`) ? `~${sh.cwd.slice(home.length)}` : sh.cwd;
      if (bash) return `root@${host.hostname}:${w}# `;
      return `${w} # `;
    },
    input(line: string) {
      if (exited !== undefined) return { output: '', durationMs: 0, exited };
      const src = pending ? `${pending}\n${line}` : line;
      if (needsMoreInput(src)) {
        pending = src;
        return { output: '', durationMs: 0 };
      }
      pending = '';
      return collect(() => {
        try {
          io.stdin = { data: '', pos: 0 };
          sh.runSource(src, io);
          return undefined;
        } catch (e) {
          if (e instanceof ExitSignal) {
            if (bash) io.out.get(2)?.('exit\n');
            return e.code;
          }
          if (e instanceof FatalSignal) return undefined;
          throw e;
        }
      });
    },
    eof() {
      return collect(() => {
        if (bash) io.out.get(2)?.('exit\n');
        return sh.status;
      });
    },
  };
}
