// The shell's own commands: they change the shell (cd, export, exit…) or are builtins in ash (echo, printf, test).
import { normalizePath, stat } from '../runtime/filesystem';
import type { CommandContext } from './context';
import { APPLETS, type Applet } from './applets/index';
import { ExitSignal, ReturnSignal, ShellError, type Io, type Shell } from './interpreter';
import { parseScript } from './parser';

export type Builtin = (sh: Shell, argv: string[], io: Io) => number;

/** Runs an applet in-process, as ash does for echo, printf, test and [. */
function asBuiltin(applet: Applet): Builtin {
  return (sh, argv, io) => {
    const ctx: CommandContext = {
      argv,
      stdin: '',
      env: sh.exportedEnv(),
      cwd: sh.cwd,
      host: sh.host,
      stdout: io.out.get(1) ?? (() => undefined),
      stderr: io.out.get(2) ?? (() => undefined),
      now: () => sh.now(),
      sleep: (ms) => {
        sh.rt.elapsedMs += ms;
      },
      changed: (p) => sh.recordWrite(p),
      tty: false,
    };
    return applet(ctx);
  };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function exitCode(sh: Shell, arg: string | undefined): number {
  if (arg === undefined) return sh.status;
  if (!/^\d+$/.test(arg)) throw new ShellError(`Illegal number: ${arg}`, 2);
  return Number(arg) & 255;
}

export const BUILTINS: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  echo: asBuiltin(APPLETS.echo),
  printf: asBuiltin(APPLETS.printf),
  test: asBuiltin(APPLETS.test),
  '[': asBuiltin(APPLETS['[']),
  pwd: (sh, _argv, io) => {
    io.out.get(1)?.(`${sh.cwd}\n`);
    return 0;
  },
  cd: (sh, argv) => {
    const arg = argv[1] ?? sh.getVar('HOME') ?? '/';
    const target = arg === '-' ? (sh.getVar('OLDPWD') ?? sh.cwd) : arg;
    const abs = normalizePath(target, sh.cwd);
    const e = stat(sh.host.fs, abs);
    if (!e) throw new ShellError(sh.rt.bash ? `${arg}: No such file or directory` : `can't cd to ${arg}: No such file or directory`, sh.rt.bash ? 1 : 2);
    if (e.type !== 'dir') throw new ShellError(sh.rt.bash ? `${arg}: Not a directory` : `can't cd to ${arg}: Not a directory`, sh.rt.bash ? 1 : 2);
    sh.setVar('OLDPWD', sh.cwd);
    sh.cwd = abs;
    sh.setVar('PWD', abs);
    return 0;
  },
  export: (sh, argv, io) => {
    const args = argv.slice(1).filter((a) => a !== '-p');
    if (!args.length) {
      const names = [...sh.vars.keys()].filter((k) => sh.isExported(k)).sort();
      io.out.get(1)?.(names.map((k) => `export ${k}='${(sh.getVar(k) ?? '').replace(/'/g, `'"'"'`)}'\n`).join(''));
      return 0;
    }
    for (const a of args) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (!NAME.test(name)) throw new ShellError(`${name}: bad variable name`, 2);
      sh.exportVar(name, eq < 0 ? undefined : a.slice(eq + 1));
    }
    return 0;
  },
  readonly: (sh, argv) => {
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      if (eq >= 0) sh.setVar(a.slice(0, eq), a.slice(eq + 1));
      sh.setReadonly(eq < 0 ? a : a.slice(0, eq));
    }
    return 0;
  },
  local: (sh, argv) => {
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      if (eq >= 0) sh.setVar(a.slice(0, eq), a.slice(eq + 1));
      else if (sh.getVar(a) === undefined) sh.setVar(a, '');
    }
    return 0;
  },
  unset: (sh, argv) => {
    for (const a of argv.slice(1)) {
      if (a === '-v') continue;
      if (a === '-f') continue;
      sh.unsetVar(a);
      sh.functions.delete(a);
    }
    return 0;
  },
  exit: (sh, argv) => {
    throw new ExitSignal(exitCode(sh, argv[1]));
  },
  return: (sh, argv) => {
    throw new ReturnSignal(exitCode(sh, argv[1]));
  },
  break: (sh, argv) => {
    sh.breakLoop('break', Number(argv[1] ?? 1));
    return 0;
  },
  continue: (sh, argv) => {
    sh.breakLoop('continue', Number(argv[1] ?? 1));
    return 0;
  },
  shift: (sh, argv) => {
    const n = Number(argv[1] ?? 1);
    if (n > sh.positional.length) throw new ShellError(`can't shift that many`, 2);
    sh.positional = sh.positional.slice(n);
    return 0;
  },
  set: (sh, argv, io) => {
    const args = argv.slice(1);
    if (!args.length) {
      const names = [...sh.vars.keys()].sort();
      io.out.get(1)?.(names.map((k) => `${k}='${sh.getVar(k)}'\n`).join(''));
      return 0;
    }
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        i++;
        sh.positional = args.slice(i);
        return 0;
      }
      if (!/^[-+][a-z]+$/.test(a) && !(a === '-o' || a === '+o')) break;
      if (a === '-o' || a === '+o') {
        const opt = args[++i];
        if (opt === 'errexit') sh.errexit = a === '-o';
        if (opt === 'xtrace') sh.xtrace = a === '-o';
        continue;
      }
      for (const c of a.slice(1)) {
        if (c === 'e') sh.errexit = a[0] === '-';
        if (c === 'x') sh.xtrace = a[0] === '-';
      }
    }
    if (i < args.length) sh.positional = args.slice(i);
    return 0;
  },
  eval: (sh, argv, io) => {
    const src = argv.slice(1).join(' ');
    return sh.runSource(src, io);
  },
  '.': (sh, argv, io) => {
    const file = argv[1];
    if (!file) return 0;
    const found = file.includes('/') ? normalizePath(file, sh.cwd) : normalizePath(file, sh.cwd);
    const e = stat(sh.host.fs, found);
    if (!e || e.type !== 'file') throw new ShellError(`can't open '${file}': No such file or directory`, 2);
    parseScript(e.content ?? '');
    return sh.runSource(e.content ?? '', io);
  },
  exec: (sh, argv, io) => {
    if (argv.length < 2) return 0;
    const code = sh.execute(argv.slice(1), io);
    throw new ExitSignal(code);
  },
  command: (sh, argv, io) => {
    const args = argv.slice(1);
    if (args[0] === '-v' || args[0] === '-V') {
      const name = args[1];
      if (!name) return 0;
      if (BUILTINS[name] || sh.functions.has(name)) {
        io.out.get(1)?.(`${name}\n`);
        return 0;
      }
      const p = sh.findProgram(name);
      if (p.kind === 'run' || p.kind === 'script') {
        io.out.get(1)?.(`${p.path}\n`);
        return 0;
      }
      return 127;
    }
    return args.length ? sh.execute(args, io) : 0;
  },
  type: (sh, argv, io) => {
    let status = 0;
    for (const name of argv.slice(1)) {
      if (sh.functions.has(name)) io.out.get(1)?.(`${name} is a function\n`);
      else if (BUILTINS[name]) io.out.get(1)?.(`${name} is a shell builtin\n`);
      else {
        const p = sh.findProgram(name);
        if (p.kind === 'run' || p.kind === 'script') io.out.get(1)?.(`${name} is ${p.path}\n`);
        else {
          io.out.get(1)?.(`${name}: not found\n`);
          status = 127;
        }
      }
    }
    return status;
  },
  read: (sh, argv, io) => {
    const args = argv.slice(1);
    let raw = false;
    const names: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-r') raw = true;
      else if (args[i] === '-p') io.out.get(2)?.(args[++i] ?? '');
      else names.push(args[i]);
    }
    const buf = io.stdin;
    if (buf.pos >= buf.data.length) {
      for (const n of names) sh.setVar(n, '');
      return 1;
    }
    let end = buf.data.indexOf('\n', buf.pos);
    const eof = end < 0;
    if (eof) end = buf.data.length;
    let line = buf.data.slice(buf.pos, end);
    buf.pos = eof ? end : end + 1;
    if (!raw) line = line.replace(/\\(.)/g, '$1');
    const vars = names.length ? names : ['REPLY'];
    const ifs = sh.getVar('IFS') ?? ' \t\n';
    const words = line.trim().split(new RegExp(`[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+`)).filter((w, k) => w !== '' || k > 0);
    vars.forEach((n, k) => sh.setVar(n, k === vars.length - 1 ? words.slice(k).join(' ') : (words[k] ?? '')));
    return eof ? 1 : 0;
  },
  wait: () => 0,
  trap: () => 0,
  umask: (_sh, argv, io) => {
    if (argv.length < 2) io.out.get(1)?.('0022\n');
    return 0;
  },
  hash: () => 0,
  alias: () => 0,
  history: () => 0,
};
