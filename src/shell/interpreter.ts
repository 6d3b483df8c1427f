// Runs a parsed script on simulated time: the clock moves only when a program sleeps; output and fs writes are
// stamped with it. Pipelines run their stages one after another on buffers, each starting at the same instant.
import type { AndOr, Command, List, Pipeline, Redirect, SimpleCommand } from './ast';
import { basenameOf, FsError, lstat, normalizePath, stat, writeFile, type FsEntry } from '../runtime/filesystem';
import type { CommandContext, ShellHost } from './context';
import { ExpansionError, expandFields, expandHeredoc, expandPieces, expandString, type ExpansionEnv } from './expand';
import { matchPattern } from './pattern';
import { parseScript, ShellSyntaxError } from './parser';
import { BUILTINS } from './builtins';
import { appletFor } from './applets/index';

export interface OutputChunk {
  /** ms after the process started. */
  atMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface WriteRecord {
  /** ms after the process started. */
  atMs: number;
  path: string;
  /** The path's entry right after this write (null: removed); later writes to the same path do not change it. */
  entry?: FsEntry | null;
}

/** What all shells of one process share: the clock, the outside world and the records. */
export interface Runtime {
  host: ShellHost;
  elapsedMs: number;
  output: OutputChunk[];
  writes: WriteRecord[];
  bash: boolean;
  tty: boolean;
  /** The process's stdout when it is the terminal (ls lays out columns there). */
  terminal?: Sink;
  /** A container's main process: past this many ms (or this much output, or a loop that never sleeps) it is taken to
   * run for ever, and the run stops there (HorizonSignal). */
  horizonMs?: number;
}

/** The process runs past the horizon: what follows is never replayed (see Runtime.horizonMs). */
export class HorizonSignal {}

const HORIZON_OUTPUT_CHUNKS = 4000;

export type Sink = (text: string) => void;

export interface InputBuffer {
  data: string;
  pos: number;
}

export interface Io {
  stdin: InputBuffer;
  out: Map<number, Sink>;
}

export class ExitSignal {
  constructor(readonly code: number) {}
}
class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}
export class ReturnSignal {
  constructor(readonly code: number) {}
}
/** An error that stops a non-interactive shell (syntax error in eval, bad substitution, `${x:?}`). */
export class FatalSignal {
  constructor(readonly code: number) {}
}

interface Var {
  value: string;
  exported: boolean;
  readonly?: boolean;
}

export type Mode = 'c' | 'script' | 'stdin' | 'interactive';

export class Shell {
  vars = new Map<string, Var>();
  positional: string[] = [];
  arg0 = 'sh';
  /** `sh -c CMD NAME`: errors then say `NAME: line 0:`. */
  explicitArg0 = false;
  status = 0;
  cwd = '/';
  functions = new Map<string, Command>();
  errexit = false;
  xtrace = false;
  mode: Mode = 'c';
  line = 0;
  lastBackground = '';
  /** Exit status of the last command substitution (what `x=$(false)` returns). */
  substStatus = 0;
  private loopDepth = 0;
  private inCondition = 0;

  constructor(readonly rt: Runtime) {}

  get host(): ShellHost {
    return this.rt.host;
  }

  /** The name errors start with: `sh`, `/bin/sh`, `bash`. */
  get shellName(): string {
    if (this.mode === 'interactive') return this.rt.bash ? 'bash' : 'sh';
    return this.arg0;
  }

  /** Prefix of a shell error: `sh: `, `/bin/sh: line 0: `, `script.sh: line 3: `. */
  errorPrefix(builtin?: string): string {
    const b = builtin ? `${builtin}: ` : '';
    if (this.rt.bash) return this.mode === 'interactive' ? `bash: ${b}` : `${this.arg0}: line ${this.line}: ${b}`;
    if (this.mode === 'interactive') return `sh: ${b}`;
    if (this.mode === 'script' || this.mode === 'stdin') return builtin || this.mode === 'script' ? `${this.arg0}: ${b}line ${this.line}: ` : `${this.arg0}: `;
    if (builtin) return `${this.arg0}: ${b}line 0: `;
    return this.explicitArg0 ? `${this.arg0}: line 0: ` : `${this.arg0}: `;
  }

  clone(): Shell {
    const s = new Shell(this.rt);
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.positional = [...this.positional];
    s.arg0 = this.arg0;
    s.explicitArg0 = this.explicitArg0;
    s.status = this.status;
    s.cwd = this.cwd;
    s.functions = new Map(this.functions);
    s.errexit = this.errexit;
    s.xtrace = this.xtrace;
    s.mode = this.mode === 'interactive' ? 'c' : this.mode;
    s.line = this.line;
    return s;
  }

  getVar(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  setVar(name: string, value: string, exported?: boolean): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ShellError(`${name}: is read only`, 2);
    this.vars.set(name, { value, exported: exported ?? v?.exported ?? false, readonly: v?.readonly });
  }

  exportVar(name: string, value?: string): void {
    const v = this.vars.get(name);
    if (value !== undefined) this.setVar(name, value, true);
    else if (v) v.exported = true;
    else this.vars.set(name, { value: '', exported: true, unsetExported: true } as Var);
  }

  unsetVar(name: string): void {
    this.vars.delete(name);
  }

  isExported(name: string): boolean {
    return !!this.vars.get(name)?.exported;
  }

  setReadonly(name: string): void {
    const v = this.vars.get(name);
    if (v) v.readonly = true;
    else this.vars.set(name, { value: '', exported: false, readonly: true });
  }

  exportedEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported && !(v as { unsetExported?: boolean }).unsetExported) env[k] = v.value;
    return env;
  }

  /** Stamped output to the process's real stdout/stderr. */
  rootIo(): Io {
    const sink = (stream: 'stdout' | 'stderr'): Sink => (text) => {
      if (!text) return;
      const last = this.rt.output[this.rt.output.length - 1];
      if (last && last.atMs === this.rt.elapsedMs && last.stream === stream) last.text += text;
      else {
        if (this.rt.horizonMs !== undefined && this.rt.output.length >= HORIZON_OUTPUT_CHUNKS) throw new HorizonSignal();
        this.rt.output.push({ atMs: this.rt.elapsedMs, stream, text });
      }
    };
    return { stdin: { data: '', pos: 0 }, out: new Map([[1, sink('stdout')], [2, sink('stderr')]]) };
  }

  err(io: Io, text: string): void {
    io.out.get(2)?.(text);
  }

  recordWrite(path: string): void {
    const abs = normalizePath(path, this.cwd);
    // Keep the entry as it is now: `touch f; sleep 30; rm f` must show f for 30 s, not never.
    const entry = lstat(this.host.fs, abs);
    const snapshot = entry ? { ...entry } : null;
    const last = this.rt.writes[this.rt.writes.length - 1];
    if (last && last.atMs === this.rt.elapsedMs && last.path === abs) {
      last.entry = snapshot;
      return;
    }
    this.rt.writes.push({ atMs: this.rt.elapsedMs, path: abs, entry: snapshot });
  }

  expansionEnv(io: Io): ExpansionEnv {
    return {
      get: (n) => this.getVar(n),
      set: (n, v) => this.setVar(n, v),
      special: (n) => {
        switch (n) {
          case '?': return String(this.status);
          case '#': return String(this.positional.length);
          case '0': return this.arg0;
          case '$': return '1';
          case '!': return this.lastBackground;
          case '-': return (this.errexit ? 'e' : '') + (this.xtrace ? 'x' : '') + (this.mode === 'interactive' ? 'i' : '');
          default: return /^[1-9]$/.test(n) ? this.positional[Number(n) - 1] : undefined;
        }
      },
      positional: () => this.positional,
      substitute: (script) => this.commandSubstitution(script, io),
      fs: this.host.fs,
      cwd: this.cwd,
    };
  }

  commandSubstitution(script: string, io: Io): string {
    const sub = this.clone();
    let out = '';
    const subIo: Io = { stdin: io.stdin, out: new Map(io.out) };
    subIo.out.set(1, (t) => (out += t));
    try {
      sub.runSource(script, subIo);
    } catch (e) {
      if (e instanceof ExitSignal) sub.status = e.code;
      else throw e;
    }
    this.substStatus = sub.status;
    return out;
  }

  /** Parses and runs source; syntax errors print and set status 2. */
  runSource(src: string, io: Io): number {
    let list: List;
    try {
      list = parseScript(src);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        this.err(io, `${this.syntaxPrefix()}${e.message}\n`);
        this.status = 2;
        if (this.mode !== 'interactive') throw new ExitSignal(2);
        return 2;
      }
      throw e;
    }
    return this.runList(list, io);
  }

  private syntaxPrefix(): string {
    if (this.rt.bash) return this.mode === 'interactive' ? 'bash: ' : `${this.arg0}: -c: line ${Math.max(this.line, 1)}: `;
    if (this.mode === 'script') return `${this.arg0}: line ${this.line}: `;
    return this.mode === 'interactive' ? 'sh: ' : `${this.arg0}: `;
  }

  runList(list: List, io: Io): number {
    for (const item of list.items) {
      this.runAndOr(item, io);
    }
    return this.status;
  }

  private runAndOr(item: AndOr, io: Io): number {
    const conditional = item.rest.length > 0;
    if (conditional) this.inCondition++;
    let status: number;
    try {
      status = this.runPipeline(item.first, io);
      for (let k = 0; k < item.rest.length; k++) {
        const { op, pipeline } = item.rest[k];
        if ((op === '&&') !== (status === 0)) continue;
        if (k === item.rest.length - 1) {
          this.inCondition--;
          try {
            status = this.runPipeline(pipeline, io);
          } finally {
            this.inCondition++;
          }
        } else status = this.runPipeline(pipeline, io);
      }
    } finally {
      if (conditional) this.inCondition--;
    }
    this.status = status;
    if (item.background) this.lastBackground = String(100 + this.rt.output.length);
    return status;
  }

  private runPipeline(p: Pipeline, io: Io): number {
    if (p.bang) this.inCondition++;
    let status: number;
    try {
      if (p.commands.length === 1) status = this.runCommand(p.commands[0], io);
      else {
        const start = this.rt.elapsedMs;
        let end = start;
        let input = io.stdin;
        status = 0;
        p.commands.forEach((cmd, k) => {
          const last = k === p.commands.length - 1;
          let buf = '';
          const stageIo: Io = { stdin: input, out: new Map(io.out) };
          if (!last) stageIo.out.set(1, (t) => (buf += t));
          this.rt.elapsedMs = start;
          const sub = this.clone();
          try {
            status = sub.runCommand(cmd, stageIo);
          } catch (e) {
            if (e instanceof ExitSignal) status = e.code;
            else if (e instanceof FatalSignal) status = e.code;
            else throw e;
          }
          end = Math.max(end, this.rt.elapsedMs);
          input = { data: buf, pos: 0 };
        });
        this.rt.elapsedMs = end;
      }
    } finally {
      if (p.bang) this.inCondition--;
    }
    if (p.bang) status = status === 0 ? 1 : 0;
    this.status = status;
    if (this.errexit && status !== 0 && !p.bang && this.inCondition === 0) throw new ExitSignal(status);
    return status;
  }

  runCommand(cmd: Command, io: Io): number {
    switch (cmd.kind) {
      case 'simple':
        return this.runSimple(cmd, io);
      case 'function':
        this.functions.set(cmd.name, cmd.body);
        return (this.status = 0);
    }
    const rio = this.applyRedirects(cmd.redirects, io);
    if (!rio) return (this.status = 1);
    switch (cmd.kind) {
      case 'group':
        return this.runList(cmd.body, rio);
      case 'subshell': {
        const sub = this.clone();
        try {
          sub.runList(cmd.body, rio);
        } catch (e) {
          if (e instanceof ExitSignal) return (this.status = e.code);
          throw e;
        }
        return (this.status = sub.status);
      }
      case 'if': {
        for (const b of cmd.branches) {
          if (this.condition(b.cond, rio) === 0) return this.runList(b.body, rio);
        }
        if (cmd.elseBody) return this.runList(cmd.elseBody, rio);
        return (this.status = 0);
      }
      case 'while':
      case 'until': {
        let status = 0;
        let guard = 0;
        this.loopDepth++;
        try {
          for (;;) {
            if (++guard > 100_000) {
              if (this.rt.horizonMs !== undefined) throw new HorizonSignal();
              break;
            }
            const c = this.condition(cmd.cond, rio);
            if ((c === 0) !== (cmd.kind === 'while')) break;
            try {
              status = this.runList(cmd.body, rio);
            } catch (e) {
              if (!(e instanceof LoopSignal)) throw e;
              if (--e.levels > 0) throw e;
              if (e.kind === 'break') break;
            }
          }
        } finally {
          this.loopDepth--;
        }
        return (this.status = status);
      }
      case 'for': {
        const env = this.expansionEnv(rio);
        const items = cmd.items ? cmd.items.flatMap((w) => expandFields(w, env)) : [...this.positional];
        let status = 0;
        this.loopDepth++;
        try {
          for (const item of items) {
            this.setVar(cmd.name, item);
            try {
              status = this.runList(cmd.body, rio);
            } catch (e) {
              if (!(e instanceof LoopSignal)) throw e;
              if (--e.levels > 0) throw e;
              if (e.kind === 'break') break;
            }
          }
        } finally {
          this.loopDepth--;
        }
        return (this.status = status);
      }
      case 'case': {
        const env = this.expansionEnv(rio);
        const word = expandString(cmd.word, env);
        for (const arm of cmd.arms) {
          if (arm.patterns.some((p) => matchPattern(expandPieces(p, env), word))) return this.runList(arm.body, rio);
        }
        return (this.status = 0);
      }
    }
  }

  private condition(list: List, io: Io): number {
    this.inCondition++;
    try {
      return this.runList(list, io);
    } finally {
      this.inCondition--;
    }
  }

  breakLoop(kind: 'break' | 'continue', levels: number): void {
    if (this.loopDepth === 0) return;
    throw new LoopSignal(kind, Math.min(levels, this.loopDepth));
  }

  /** Applies redirections; prints the error and returns undefined when a file cannot be opened. */
  applyRedirects(redirects: Redirect[], io: Io): Io | undefined {
    if (!redirects.length) return io;
    const out = new Map(io.out);
    let stdin = io.stdin;
    const env = this.expansionEnv(io);
    for (const r of redirects) {
      if (r.heredoc) {
        const text = r.heredoc.quoted ? r.heredoc.body : expandHeredoc(r.heredoc.body, env);
        if (r.fd === 0) stdin = { data: text, pos: 0 };
        continue;
      }
      const target = expandString(r.target, env);
      if (r.op === '>&' || r.op === '<&') {
        if (target === '-') {
          out.delete(r.fd);
          continue;
        }
        const from = Number(target);
        if (r.op === '>&' && Number.isInteger(from)) {
          const sink = out.get(from);
          if (sink) out.set(r.fd, sink);
          else out.set(r.fd, () => undefined);
          continue;
        }
        if (r.op === '>&' && !/^[0-9]+$/.test(target)) {
          // `>& file` (bash): stdout and stderr to a file
          const sink = this.openFile(target, false, io);
          if (!sink) return undefined;
          out.set(1, sink);
          out.set(2, sink);
        }
        continue;
      }
      if (r.op === '<' || r.op === '<>') {
        const abs = normalizePath(target, this.cwd);
        if (abs === '/dev/null' || abs === '/dev/zero') {
          stdin = { data: '', pos: 0 };
          continue;
        }
        const e = stat(this.host.fs, abs);
        if (!e) {
          this.err(io, `${this.errorPrefix()}can't open ${target}: no such file\n`);
          return undefined;
        }
        if (e.type === 'dir') {
          stdin = { data: '', pos: 0 };
          continue;
        }
        stdin = { data: e.content ?? '', pos: 0 };
        continue;
      }
      const sink = this.openFile(target, r.op === '>>', io);
      if (!sink) return undefined;
      out.set(r.fd, sink);
    }
    return { stdin, out };
  }

  /** Opens a file for writing (truncating unless `append`), returning a sink that appends on the simulated clock. */
  private openFile(target: string, append: boolean, io: Io): Sink | undefined {
    const abs = normalizePath(target, this.cwd);
    if (abs === '/dev/null') return () => undefined;
    if (abs === '/dev/stdout') return io.out.get(1) ?? (() => undefined);
    if (abs === '/dev/stderr') return io.out.get(2) ?? (() => undefined);
    const fs = this.host.fs;
    try {
      const e = stat(fs, abs);
      if (e?.type === 'dir') throw new FsError('EISDIR', abs);
      if (!append || !e) writeFile(fs, abs, '', this.now());
      this.recordWrite(abs);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      const why = e.code === 'ENOENT' ? 'nonexistent directory' : e.code === 'EISDIR' ? 'Is a directory' : e.message;
      const prefix = this.errorPrefix();
      this.err(io, this.rt.bash ? `${prefix}${target}: ${e.message}\n` : `${prefix}can't create ${target}: ${why}\n`);
      return undefined;
    }
    return (text) => {
      if (!text) return;
      writeFile(fs, abs, text, this.now(), { append: true });
      this.recordWrite(abs);
    };
  }

  now(): number {
    return this.host.startMs + this.rt.elapsedMs;
  }

  private runSimple(cmd: SimpleCommand, io: Io): number {
    this.line = cmd.line;
    const env = this.expansionEnv(io);
    let argv: string[];
    const assigns: [string, string][] = [];
    try {
      this.substStatus = 0;
      argv = cmd.words.flatMap((w) => expandFields(w, env));
      for (const a of cmd.assigns) {
        const eq = a.indexOf('=');
        assigns.push([a.slice(0, eq), expandString(a.slice(eq + 1), env)]);
      }
    } catch (e) {
      if (e instanceof ExpansionError) {
        this.err(io, `${this.errorPrefix()}${e.message}\n`);
        if (this.mode === 'interactive') return (this.status = e.status);
        throw new ExitSignal(e.status);
      }
      throw e;
    }
    const substStatus = this.substStatus;
    if (this.xtrace) this.err(io, `+ ${[...assigns.map(([k, v]) => `${k}=${v}`), ...argv].join(' ')}\n`);
    const rio = this.applyRedirects(cmd.redirects, io);
    if (!argv.length) {
      if (!rio) return (this.status = 1);
      try {
        for (const [k, v] of assigns) this.setVar(k, v);
      } catch (e) {
        if (e instanceof ShellError) {
          this.err(io, `${this.errorPrefix()}${e.message}\n`);
          return (this.status = e.status);
        }
        throw e;
      }
      return (this.status = substStatus);
    }
    if (!rio) return (this.status = 1);
    return (this.status = this.execute(argv, rio, assigns));
  }

  /** Runs argv: a function, a builtin, or a program found on PATH. */
  execute(argv: string[], io: Io, assigns: [string, string][] = []): number {
    const name = argv[0];
    const fn = this.functions.get(name);
    if (fn) {
      const saved = this.positional;
      this.positional = argv.slice(1);
      for (const [k, v] of assigns) this.setVar(k, v);
      try {
        return this.runCommand(fn, io);
      } catch (e) {
        if (e instanceof ReturnSignal) return e.code;
        throw e;
      } finally {
        this.positional = saved;
      }
    }
    const builtin = BUILTINS[name];
    if (builtin) {
      const special = SPECIAL_BUILTINS.has(name);
      const saved = special ? undefined : assigns.map(([k]) => [k, this.vars.get(k)] as const);
      for (const [k, v] of assigns) this.setVar(k, v);
      try {
        return builtin(this, argv, io);
      } catch (e) {
        if (e instanceof ShellError) {
          this.err(io, `${this.errorPrefix(name)}${e.message}\n`);
          return e.status;
        }
        throw e;
      } finally {
        if (saved) for (const [k, v] of saved) if (v) this.vars.set(k, v);
        else this.vars.delete(k);
      }
    }
    return this.runProgram(argv, io, assigns);
  }

  /** Looks a command up on PATH (or takes a path) and runs it. */
  private runProgram(argv: string[], io: Io, assigns: [string, string][]): number {
    const name = argv[0];
    const found = this.findProgram(name);
    if (found.kind === 'missing') {
      const msg = this.rt.bash ? `${this.errorPrefix()}${name}: ${name.includes('/') ? 'No such file or directory' : 'command not found'}\n` : `${this.errorPrefix()}${name}: not found\n`;
      this.err(io, msg);
      return 127;
    }
    if (found.kind === 'denied') {
      this.err(io, this.rt.bash ? `${this.errorPrefix()}${name}: ${found.dir ? 'Is a directory' : 'Permission denied'}\n` : `${this.errorPrefix()}${name}: Permission denied\n`);
      return 126;
    }
    const env = { ...this.exportedEnv() };
    for (const [k, v] of assigns) env[k] = v;
    const stdin = io.stdin.data.slice(io.stdin.pos);
    io.stdin.pos = io.stdin.data.length;
    if (found.kind === 'script') {
      const sub = new Shell(this.rt);
      for (const [k, v] of Object.entries(env)) sub.vars.set(k, { value: v, exported: true });
      sub.cwd = this.cwd;
      sub.mode = 'script';
      sub.arg0 = name;
      sub.positional = argv.slice(1);
      try {
        sub.runSource(found.source, { stdin: { data: stdin, pos: 0 }, out: io.out });
        return sub.status;
      } catch (e) {
        if (e instanceof ExitSignal) return e.code;
        if (e instanceof FatalSignal) return e.code;
        throw e;
      }
    }
    const ctx: CommandContext = {
      argv: [found.argv0 ?? name, ...argv.slice(1)],
      stdin,
      env,
      cwd: this.cwd,
      host: this.host,
      stdout: io.out.get(1) ?? (() => undefined),
      stderr: io.out.get(2) ?? (() => undefined),
      now: () => this.now(),
      sleep: (ms) => {
        this.rt.elapsedMs += ms === Infinity ? Infinity : Math.max(0, Math.round(ms));
        if (this.rt.horizonMs !== undefined && this.rt.elapsedMs > this.rt.horizonMs) throw new HorizonSignal();
      },
      changed: (path) => this.recordWrite(path),
      tty: this.rt.tty && io.out.get(1) === this.rt.terminal,
    };
    return found.run(ctx, this);
  }

  /** `busybox APPLET ARGS…` (alpine's /bin/* are links to it). */
  busybox(ctx: CommandContext): number {
    const name = ctx.argv[1];
    if (name === 'sh' || name === 'ash') return this.nestedShell({ ...ctx, argv: ctx.argv.slice(1) }, false);
    const a = name === undefined ? undefined : appletFor(name, this.host.image.flavour);
    if (!a) {
      ctx.stderr(`${name ?? 'busybox'}: applet not found\n`);
      return 127;
    }
    return a({ ...ctx, argv: ctx.argv.slice(1) });
  }

  /** `sh -c …` or `bash …` run from a script: a new shell process sharing the clock and the records. */
  private nestedShell(ctx: CommandContext, bash: boolean): number {
    const rt: Runtime = bash === this.rt.bash ? this.rt : { ...this.rt, bash };
    const sh = new Shell(rt);
    for (const [k, v] of Object.entries(ctx.env)) sh.vars.set(k, { value: v, exported: true });
    sh.cwd = this.cwd;
    const io: Io = { stdin: { data: ctx.stdin, pos: 0 }, out: new Map([[1, ctx.stdout], [2, ctx.stderr]]) };
    const code = runShellArgs(sh, ctx.argv, io);
    if (rt !== this.rt) this.rt.elapsedMs = rt.elapsedMs;
    return code;
  }

  findProgram(name: string): ProgramLookup {
    const fs = this.host.fs;
    const fromEntry = (path: string): ProgramLookup => {
      const e = stat(fs, path);
      if (!e) return { kind: 'missing' };
      if (e.type === 'dir') return { kind: 'denied', dir: true };
      if (!(e.mode & 0o111)) return { kind: 'denied' };
      const applet = lstat(fs, path)?.program ?? e.program ?? basenameOf(path);
      if (applet === 'busybox') return { kind: 'run', path, run: (ctx, sh) => sh.busybox(ctx) };
      if (applet === 'sh' || applet === 'bash') return { kind: 'run', path, argv0: name, run: (ctx) => this.nestedShell(ctx, applet === 'bash') };
      const registered = this.host.commands?.[applet];
      if (registered) return { kind: 'run', path, run: (ctx) => registered(ctx) };
      const a = appletFor(applet, this.host.image.flavour);
      if (a && (e.program || e.content === undefined)) return { kind: 'run', path, argv0: name, run: a };
      if (e.content !== undefined) {
        const shebang = /^#!\s*(\S+)/.exec(e.content);
        if (!shebang || /\/(ba)?sh$/.test(shebang[1])) return { kind: 'script', path, source: e.content.replace(/^#![^\n]*\n?/, '') };
      }
      if (a) return { kind: 'run', path, argv0: name, run: a };
      return { kind: 'run', path, run: (ctx) => {
        ctx.stderr(`${basenameOf(path)}: not simulated in Kubeville\n`);
        return 1;
      } };
    };
    if (name.includes('/')) return fromEntry(normalizePath(name, this.cwd));
    const path = this.getVar('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    for (const dir of path.split(':')) {
      const full = normalizePath(`${dir || '.'}/${name}`, this.cwd);
      const e = stat(fs, full);
      if (e && e.type === 'file' && e.mode & 0o111) return fromEntry(full);
    }
    const registered = this.host.commands?.[name];
    if (registered) return { kind: 'run', path: name, run: (ctx) => registered(ctx) };
    return { kind: 'missing' };
  }
}

export type ProgramLookup =
  | { kind: 'missing' }
  | { kind: 'denied'; dir?: boolean }
  | { kind: 'script'; path: string; source: string }
  | { kind: 'run'; path: string; argv0?: string; run: (ctx: CommandContext, sh: Shell) => number };

/** An error a builtin reports as `sh: NAME: message`. */
export class ShellError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

const SPECIAL_BUILTINS = new Set([':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset']);

/** `sh [-ex] [-c CMD [NAME [ARGS…]] | SCRIPT [ARGS…]]`; no script: commands from stdin. */
export function runShellArgs(sh: Shell, argv: string[], io: Io): number {
  sh.arg0 = argv[0];
  const args = argv.slice(1);
  let command: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-c') command = args[++i] ?? '';
    else if (/^-[a-z]+$/.test(a) || /^\+[a-z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 'c') command = args[++i] ?? '';
        if (c === 'e') sh.errexit = a[0] === '-';
        if (c === 'x') sh.xtrace = a[0] === '-';
      }
    } else if (a === '--') {
      i++;
      break;
    } else break;
  }
  const rest = args.slice(i);
  let source: string;
  if (command !== undefined) {
    sh.mode = 'c';
    if (rest.length) {
      sh.arg0 = rest[0];
      sh.explicitArg0 = true;
      sh.positional = rest.slice(1);
    }
    source = command;
  } else if (rest.length) {
    const script = sh.findProgram(rest[0].includes('/') ? rest[0] : `./${rest[0]}`);
    sh.mode = 'script';
    sh.arg0 = rest[0];
    sh.positional = rest.slice(1);
    if (script.kind !== 'script' && script.kind !== 'run') {
      io.out.get(2)?.(`${argv[0]}: can't open '${rest[0]}': No such file or directory\n`);
      return sh.rt.bash ? 127 : 2;
    }
    source = script.kind === 'script' ? script.source : '';
  } else {
    sh.mode = 'stdin';
    source = io.stdin.data;
    io.stdin = { data: '', pos: 0 };
  }
  try {
    sh.runSource(source, io);
    return sh.status;
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof FatalSignal) return e.code;
    throw e;
  }
}

