// The applets each image flavour has, by name. busybox and alpine share busybox's; debian's coreutils are
// approximated by the same code (their wording differs, see the design note in run.ts).
import type { CommandContext } from '../context';
import { date, sleep } from './date';
import { basename, chmod, cp, df, dirname, du, ln, ls, mkdir, mv, pwd, rm, rmdir, touch } from './files';
import { nslookup, wget } from './network';
import { env, falseCmd, hostname, id, printenv, ps, test, trueCmd, uname, whoami } from './system';
import { cat, cut, echo, grep, head, printf, seq, sort, tail, tee, tr, uniq, wc } from './text';

export type Applet = (ctx: CommandContext) => number;

export const APPLETS: Record<string, Applet> = {
  basename, cat, chmod, cp, cut, date, df, dirname, du, echo, env, false: falseCmd, grep, head, hostname, id, ln, ls,
  mkdir, mv, nslookup, printenv, printf, ps, pwd, rm, rmdir, seq, sleep, sort, tail, tee, test, '[': test, touch, tr,
  true: trueCmd, uname, uniq, wc, wget, whoami,
};

/** Applets missing from an image flavour (debian has no busybox nslookup or wget). */
const MISSING: Record<string, string[]> = { busybox: [], alpine: [], debian: ['nslookup', 'wget'] };

export function appletFor(name: string, flavour: 'busybox' | 'alpine' | 'debian'): Applet | undefined {
  if (MISSING[flavour].includes(name)) return undefined;
  return Object.prototype.hasOwnProperty.call(APPLETS, name) ? APPLETS[name] : undefined;
}
