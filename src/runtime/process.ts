// What a container's main process does on the simulated clock: how long it runs, what it prints, how it exits,
// and whether it stops on SIGTERM. A first model (sleep, a few shell built-ins, long-running servers); the sh
// interpreter of the containers work replaces the shell part.
import type { ImageRef } from './images';

export interface ProcessSpec {
  image: ImageRef;
  command?: string[];
  args?: string[];
  env: Record<string, string>;
  tty?: boolean;
  stdin?: boolean;
  hostname: string;
}

export interface OutputLine {
  atMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ProcessPlan {
  /** When PID 1 exits, ms after start; undefined: it runs until it is stopped. */
  exitAfterMs?: number;
  exitCode: number;
  /** A shell or `sleep` as PID 1 has no SIGTERM handler: the kernel ignores the signal for PID 1. */
  ignoresSigterm: boolean;
  output: OutputLine[];
  /** The runtime could not start the process at all (exit code 128, reason StartError). */
  startError?: string;
}

/** Kubernetes' expansion of `$(VAR)` in command and args: defined variables only; `$$` escapes a `$`. */
export function expandKubernetesVars(text: string, env: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '$') {
      out += '$';
      i++;
    } else if (c === '$' && text[i + 1] === '(') {
      const end = text.indexOf(')', i + 2);
      const name = end > 0 ? text.slice(i + 2, end) : '';
      if (end > 0 && Object.prototype.hasOwnProperty.call(env, name)) {
        out += env[name];
        i = end;
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
  return out;
}

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', '/usr/bin/bash', 'ash', '/bin/ash']);

/** busybox's default `date` output: `Mon Jan  5 09:00:00 UTC 2026`. */
export function busyboxDate(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function parseSleep(arg: string | undefined): number | undefined {
  if (arg === undefined) return undefined;
  if (arg === 'infinity') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  return Number(m[1]) * unit;
}

/** Runs a tiny subset of sh: `;`/`&&`-separated sleep, echo, date, true, false, exit. */
function planShellScript(script: string, startMs: number, shell: string): ProcessPlan {
  const output: OutputLine[] = [];
  let t = 0;
  let code = 0;
  const statements = script.split(/\s*(;|&&|\|\||\n)\s*/);
  let skip = false;
  for (let i = 0; i < statements.length; i += 2) {
    const stmt = statements[i].trim();
    const sep = statements[i - 1];
    if (sep === '&&' && code !== 0) skip = true;
    else if (sep === '||' && code === 0) skip = true;
    else skip = false;
    if (!stmt || skip) continue;
    const words = stmt.match(/"[^"]*"|'[^']*'|\S+/g)?.map((w) => w.replace(/^["']|["']$/g, '')) ?? [];
    const [cmd, ...rest] = words;
    if (cmd === 'sleep') {
      const ms = parseSleep(rest[0]);
      if (ms === undefined) {
        output.push({ atMs: t, stream: 'stderr', text: `sleep: invalid number '${rest[0] ?? ''}'` });
        code = 1;
      } else {
        if (ms === Infinity) return { exitCode: 0, ignoresSigterm: true, output };
        t += ms;
        code = 0;
      }
    } else if (cmd === 'echo') {
      output.push({ atMs: t, stream: 'stdout', text: rest.join(' ') });
      code = 0;
    } else if (cmd === 'date') {
      output.push({ atMs: t, stream: 'stdout', text: busyboxDate(startMs + t) });
      code = 0;
    } else if (cmd === 'true' || cmd === ':') code = 0;
    else if (cmd === 'false') code = 1;
    else if (cmd === 'exit') return { exitAfterMs: t, exitCode: Number(rest[0] ?? code) & 255, ignoresSigterm: true, output };
    else {
      output.push({ atMs: t, stream: 'stderr', text: shell.endsWith('bash') ? `${shell}: line 1: ${cmd}: command not found` : `${shell}: ${cmd}: not found` });
      code = 127;
    }
  }
  return { exitAfterMs: t, exitCode: code, ignoresSigterm: true, output };
}

/** Decides what the container's main process does. `startMs` is when it starts (for `date`). */
export function planProcess(spec: ProcessSpec, startMs: number): ProcessPlan {
  const info = spec.image.info;
  const entry = spec.command ?? info?.entrypoint ?? [];
  const args = spec.args ?? (spec.command ? [] : info?.cmd ?? []);
  const argv = [...entry, ...args].map((a) => expandKubernetesVars(a, spec.env));
  if (argv.length === 0) return { exitAfterMs: 0, exitCode: 0, ignoresSigterm: false, output: [] };
  const [exe, ...rest] = argv;
  const base = exe.split('/').pop()!;
  if (!spec.command && info?.behaviour === 'server') return { exitCode: 0, ignoresSigterm: false, output: [] };
  if (base === 'sleep') {
    const ms = parseSleep(rest[0]);
    if (ms === undefined) return { exitAfterMs: 0, exitCode: 1, ignoresSigterm: true, output: [{ atMs: 0, stream: 'stderr', text: rest[0] === undefined ? 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...' : `sleep: invalid number '${rest[0]}'` }] };
    return ms === Infinity ? { exitCode: 0, ignoresSigterm: true, output: [] } : { exitAfterMs: ms, exitCode: 0, ignoresSigterm: true, output: [] };
  }
  if (SHELLS.has(exe)) {
    if ((exe.endsWith('bash')) && !info?.hasBash) {
      return { exitCode: 128, ignoresSigterm: false, output: [], startError: `exec: "${exe}": stat ${exe}: no such file or directory` };
    }
    const c = rest.indexOf('-c');
    if (c >= 0) return planShellScript(rest[c + 1] ?? '', startMs, exe.split('/').pop()!);
    // A shell with no script and no terminal reads an empty stdin and exits at once.
    if (spec.tty || spec.stdin) return { exitCode: 0, ignoresSigterm: true, output: [] };
    return { exitAfterMs: 0, exitCode: 0, ignoresSigterm: true, output: [] };
  }
  if (info?.behaviour === 'server' && (exe === info.entrypoint[0] || info.cmd[0] === exe)) return { exitCode: 0, ignoresSigterm: false, output: [] };
  if (['echo', 'date', 'true', 'false'].includes(base)) return planShellScript(argv.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' '), startMs, 'sh');
  if (info?.behaviour === 'server' || info?.behaviour === 'system') return { exitCode: 0, ignoresSigterm: false, output: [] };
  return { exitCode: 128, ignoresSigterm: false, output: [], startError: `exec: "${exe}": executable file not found in $PATH` };
}
