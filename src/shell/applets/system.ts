// System applets (env, printenv, hostname, true, false, id, whoami, uname, ps, test/[), worded as busybox's.
import { normalizePath, stat, lstat } from '../../runtime/filesystem';
import type { CommandContext } from '../context';

export function env(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args.length && args[0] !== '-i') {
    ctx.stderr('env: running commands is not simulated\n');
    return 126;
  }
  ctx.stdout(Object.entries(args[0] === '-i' ? {} : ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
}

export function printenv(ctx: CommandContext): number {
  const names = ctx.argv.slice(1);
  if (!names.length) return env({ ...ctx, argv: ['env'] });
  let status = 0;
  for (const n of names) {
    if (n in ctx.env) ctx.stdout(`${ctx.env[n]}\n`);
    else status = 1;
  }
  return status;
}

export function hostname(ctx: CommandContext): number {
  ctx.stdout(`${ctx.host.hostname}\n`);
  return 0;
}

export const trueCmd = (): number => 0;
export const falseCmd = (): number => 1;

/** Supplementary groups root has in each image (from its /etc/group). */
const GROUPS: Record<string, string> = {
  busybox: 'groups=0(root),10(wheel)',
  alpine: 'groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)',
  debian: 'groups=0(root)',
};

export function id(ctx: CommandContext): number {
  const a = ctx.argv[1];
  if (a === '-u' || a === '-g') ctx.stdout('0\n');
  else if (a === '-un' || a === '-nu' || a === '-gn' || a === '-ng') ctx.stdout('root\n');
  else ctx.stdout(`uid=0(root) gid=0(root) ${GROUPS[ctx.host.image.flavour]}\n`);
  return 0;
}

export function whoami(ctx: CommandContext): number {
  ctx.stdout('root\n');
  return 0;
}

export const KERNEL = { release: '6.8.0-kubeville', version: '#1 SMP PREEMPT_DYNAMIC Mon Jan  5 09:00:00 UTC 2026', machine: 'x86_64' };

export function uname(ctx: CommandContext): number {
  const flags = ctx.argv.slice(1).join('').replace(/-/g, '');
  const all = flags.includes('a');
  const parts: string[] = [];
  if (all || flags.includes('s') || !flags) parts.push('Linux');
  if (all || flags.includes('n')) parts.push(ctx.host.hostname);
  if (all || flags.includes('r')) parts.push(KERNEL.release);
  if (all || flags.includes('v')) parts.push(KERNEL.version);
  if (all || flags.includes('m')) parts.push(KERNEL.machine);
  if (all || flags.includes('o')) parts.push('GNU/Linux');
  ctx.stdout(`${parts.join(' ')}\n`);
  return 0;
}

export interface ProcessInfo {
  pid: number;
  command: string;
}

/** Processes `ps` shows; the kubelet may pass the container's own in `env.KUBEVILLE_PS` (pid:command;…). */
export function ps(ctx: CommandContext): number {
  const listed: ProcessInfo[] = (ctx.env.KUBEVILLE_PS ?? '')
    .split(';')
    .filter(Boolean)
    .map((p) => ({ pid: Number(p.slice(0, p.indexOf(':'))), command: p.slice(p.indexOf(':') + 1) }));
  const procs = listed.length ? listed : [{ pid: 1, command: 'sh' }];
  const self = Math.max(...procs.map((p) => p.pid)) + 6;
  let out = 'PID   USER     TIME  COMMAND\n';
  for (const p of [...procs, { pid: self, command: 'ps' }]) out += `${String(p.pid).padStart(5)} root      0:00 ${p.command}\n`;
  ctx.stdout(out);
  return 0;
}

class TestSyntax extends Error {}

/** `test` / `[`: 0 true, 1 false, 2 on a syntax error. */
export function test(ctx: CommandContext): number {
  let args = ctx.argv.slice(1);
  if (ctx.argv[0] === '[' || ctx.argv[0].endsWith('/[')) {
    if (args[args.length - 1] !== ']') {
      ctx.stderr('sh: missing ]\n');
      return 2;
    }
    args = args.slice(0, -1);
  }
  const fs = ctx.host.fs;
  const path = (p: string) => normalizePath(p, ctx.cwd);
  const int = (s: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) {
      ctx.stderr(`sh: ${s}: bad number\n`);
      throw new TestSyntax();
    }
    return Number(s);
  };
  const unary = (op: string, a: string): boolean => {
    switch (op) {
      case '-z': return a === '';
      case '-n': return a !== '';
      case '-e': case '-a': return !!stat(fs, path(a));
      case '-f': return stat(fs, path(a))?.type === 'file';
      case '-d': return stat(fs, path(a))?.type === 'dir';
      case '-L': case '-h': return lstat(fs, path(a))?.type === 'symlink';
      case '-s': return (stat(fs, path(a))?.size ?? 0) > 0;
      case '-r': case '-w': return !!stat(fs, path(a));
      case '-x': return !!((stat(fs, path(a))?.mode ?? 0) & 0o111);
      case '-t': return false;
      default: return false;
    }
  };
  const UNARY = ['-z', '-n', '-e', '-a', '-f', '-d', '-L', '-h', '-s', '-r', '-w', '-x', '-t', '-b', '-c', '-p', '-S', '-g', '-u', '-k', '-O', '-G'];
  const BINARY = ['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>'];
  let i = 0;
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) {
      throw new TestSyntax();
    }
    if (a === '!') {
      i++;
      return !primary();
    }
    if (a === '(' && args.length - i > 2) {
      i++;
      const v = or();
      if (args[i] !== ')') {
        ctx.stderr('sh: missing )\n');
        throw new TestSyntax();
      }
      i++;
      return v;
    }
    if (BINARY.includes(args[i + 1] ?? '') && i + 2 < args.length + 0 && args[i + 2] !== undefined) {
      const [l, op, r] = [args[i], args[i + 1], args[i + 2]];
      i += 3;
      switch (op) {
        case '=': case '==': return l === r;
        case '!=': return l !== r;
        case '<': return l < r;
        case '>': return l > r;
        case '-eq': return int(l) === int(r);
        case '-ne': return int(l) !== int(r);
        case '-lt': return int(l) < int(r);
        case '-le': return int(l) <= int(r);
        case '-gt': return int(l) > int(r);
        default: return int(l) >= int(r);
      }
    }
    if (UNARY.includes(a) && i + 1 < args.length) {
      i += 2;
      return unary(a, args[i - 1]);
    }
    if (BINARY.includes(args[i + 1] ?? '')) {
      ctx.stderr(`sh: ${args[i + 1]}: argument expected\n`);
      throw new TestSyntax();
    }
    i++;
    return a !== '';
  };
  const and = (): boolean => {
    let v = primary();
    while (args[i] === '-a') {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (args[i] === '-o') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  if (!args.length) return 1;
  try {
    const v = or();
    if (i < args.length) {
      ctx.stderr(`sh: ${args[i]}: unknown operand\n`);
      return 2;
    }
    return v ? 0 : 1;
  } catch (e) {
    if (e instanceof TestSyntax) return 2;
    throw e;
  }
}
