// The kubectl emulation's entry point: finds the command in argv as cobra does, parses its flags as pflag does,
// and runs it. Adding a command is one entry in COMMANDS (kubectl's registration order, which its suggestions follow).
import type { KubectlContext, KubectlResult } from './context';
import { Output } from './context';
import { FlagError, Flags, GLOBAL_FLAGS, parseFlags, takesValue, type FlagSpec } from './flags';
import type { CommandDef, Invocation } from './commands/command';
import { reportError } from './commands/command';
import { ROOT_HELP } from './commands/help-text';
import { createCommand } from './commands/create';
import { exposeCommand } from './commands/expose';
import { scaleCommand } from './commands/scale';
import { setCommand } from './commands/set';
import { rolloutCommand } from './commands/rollout';
import { runCommand } from './commands/run';
import { getCommand, describeCommand } from './commands/read-commands';
import { deleteCommand } from './commands/delete';
import { cordonCommand, uncordonCommand } from './commands/cordon';
import { drainCommand } from './commands/drain';
import { applyCommand } from './commands/apply';
import { patchCommand } from './commands/patch';
import { labelCommand, annotateCommand } from './commands/label';
import { configCommand } from './commands/config';
import { versionCommand } from './commands/version';
import { apiResourcesCommand, apiVersionsCommand } from './commands/api-resources';
import { clusterInfoCommand } from './commands/cluster-info';
import { logsCommand } from './commands/logs';
import { execCommand } from './commands/exec';
import { waitCommand } from './commands/wait';
import { eventsCommand } from './commands/events';
import { explainCommand } from './commands/explain';

/** A kubectl command Kubeville does not simulate yet: listed so suggestions and help match kubectl. */
function later(name: string, short: string, group?: CommandDef['group']): CommandDef {
  return { name, short, group };
}

/** kubectl 1.32's commands in the order it registers them. */
export const COMMANDS: CommandDef[] = [
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  later('edit', 'Edit a resource on the server', 'Basic Commands (Intermediate)'),
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  later('autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller', 'Deploy Commands'),
  later('certificate', 'Modify certificate resources', 'Cluster Management Commands'),
  clusterInfoCommand,
  later('top', 'Display resource (CPU/memory) usage', 'Cluster Management Commands'),
  cordonCommand,
  uncordonCommand,
  drainCommand,
  later('taint', 'Update the taints on one or more nodes', 'Cluster Management Commands'),
  describeCommand,
  logsCommand,
  later('attach', 'Attach to a running container', 'Troubleshooting and Debugging Commands'),
  execCommand,
  later('port-forward', 'Forward one or more local ports to a pod', 'Troubleshooting and Debugging Commands'),
  later('proxy', 'Run a proxy to the Kubernetes API server', 'Troubleshooting and Debugging Commands'),
  later('cp', 'Copy files and directories to and from containers', 'Troubleshooting and Debugging Commands'),
  later('auth', 'Inspect authorization', 'Troubleshooting and Debugging Commands'),
  later('debug', 'Create debugging sessions for troubleshooting workloads and nodes', 'Troubleshooting and Debugging Commands'),
  eventsCommand,
  later('diff', 'Diff the live version against a would-be applied version', 'Advanced Commands'),
  applyCommand,
  patchCommand,
  later('replace', 'Replace a resource by file name or stdin', 'Advanced Commands'),
  waitCommand,
  later('kustomize', 'Build a kustomization target from a directory or URL', 'Advanced Commands'),
  labelCommand,
  annotateCommand,
  later('completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)', 'Settings Commands'),
  { name: 'alpha', short: 'Commands for features in alpha', hidden: true },
  configCommand,
  later('plugin', 'Provides utilities for interacting with plugins', 'Other Commands'),
  versionCommand,
  apiVersionsCommand,
  apiResourcesCommand,
  { name: 'options', short: 'Print the list of flags inherited by all commands', run: () => ({ stdout: 'The following options can be passed to any command:\n', stderr: '', exitCode: 0 }) },
];

/** Replaces or adds a command (for modules that extend kubectl: exec, logs, rollout, wait…). */
export function registerCommand(def: CommandDef): void {
  const i = COMMANDS.findIndex((c) => c.name === def.name);
  if (i >= 0) COMMANDS[i] = def;
  else COMMANDS.push(def);
}

function lookup(list: CommandDef[] | undefined, word: string): CommandDef | undefined {
  return list?.find((c) => c.name === word || c.aliases?.includes(word));
}

/** Levenshtein distance, case-insensitive (cobra's ld). */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
  }
  return d[s.length][t.length];
}

/** Cobra's "Did you mean this?": available commands within distance 2 or starting with what was typed. */
export function suggestions(typed: string): string[] {
  return COMMANDS.filter((c) => !c.hidden)
    .filter((c) => distance(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase()))
    .map((c) => c.name);
}

function unknownCommand(word: string): string {
  const s = suggestions(word);
  const hint = s.length ? `\n\nDid you mean this?\n${s.map((n) => `\t${n}`).join('\n')}\n` : '';
  return `error: unknown command "${word}" for "kubectl"${hint}`;
}

function commandHelp(path: string, def: CommandDef): string {
  let text = `${def.short}.\n`;
  if (def.subcommands?.length) {
    const width = Math.max(...def.subcommands.map((c) => c.name.length)) + 3;
    text += `\nAvailable Commands:\n${def.subcommands.map((c) => `  ${c.name.padEnd(width)}${c.short}`).join('\n')}\n`;
  }
  text += `\nUsage:\n  ${path} [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  return text;
}

interface Found {
  /** The command words, e.g. ['create', 'namespace']. */
  words: string[];
  /** Their indexes in argv, removed before flag parsing. */
  indexes: number[];
  def?: CommandDef;
  /** A flag seen before the (unknown) command word. */
  flagBefore?: string;
  unknown?: string;
}

/** Finds the command as cobra's Find does: the first non-flag words, skipping values of flags that take one. */
function findCommand(argv: string[]): Found {
  const found: Found = { words: [], indexes: [] };
  let list: CommandDef[] | undefined = COMMANDS;
  let specs: FlagSpec[] = GLOBAL_FLAGS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('-') && a.length > 1) {
      if (!found.def) found.flagBefore ??= a;
      if (takesValue(a, specs)) i++;
      continue;
    }
    const next = lookup(list, a);
    if (!next) {
      if (!found.def) found.unknown = a;
      break;
    }
    found.def = next;
    found.words.push(next.name);
    found.indexes.push(i);
    list = next.subcommands;
    specs = [...GLOBAL_FLAGS, ...(next.flags ?? [])];
    if (!list) break;
  }
  return found;
}

function invoke(argv: string[], ctx: KubectlContext): KubectlResult {
  const out = new Output();
  const found = findCommand(argv);
  if (!found.def) {
    if (found.unknown !== undefined) {
      if (found.flagBefore) {
        out.err(`Error: flags cannot be placed before plugin name: ${found.flagBefore}`);
        out.exitCode = 1;
        return out.result();
      }
      out.stderr = unknownCommand(found.unknown);
      if (!out.stderr.endsWith('\n')) out.stderr += '\n';
      out.exitCode = 1;
      return out.result();
    }
    try {
      parseFlags(argv, GLOBAL_FLAGS);
    } catch (e) {
      if (!(e instanceof FlagError)) throw e;
      return out.fail(`error: ${e.message}\nSee 'kubectl --help' for usage.`);
    }
    out.out(ROOT_HELP);
    return out.result();
  }
  const def = found.def;
  const path = ['kubectl', ...found.words].join(' ');
  const rest = argv.filter((_, i) => !found.indexes.includes(i));
  let parsed;
  try {
    parsed = parseFlags(rest, [...(def.flags ?? []), ...GLOBAL_FLAGS]);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    return out.fail(`error: ${e.message}\nSee '${path} --help' for usage.`);
  }
  const flags = new Flags(parsed);
  if (flags.bool('help')) {
    out.out(commandHelp(path, def));
    return out.result();
  }
  if (def.name === 'help' || !def.run) {
    out.err(`error: "${path}" is not supported by Kubeville yet`);
    out.exitCode = 1;
    return out.result();
  }
  const nsFlag = flags.string('namespace');
  const inv: Invocation = {
    path,
    args: parsed.args,
    argsLenAtDash: parsed.argsLenAtDash,
    flags,
    namespace: nsFlag || ctx.defaultNamespace,
    namespaceSet: !!nsFlag,
  };
  return def.run(inv, ctx);
}

/** Runs `kubectl ARGV…` against the simulation. Never throws: unexpected failures become `error: …`, exit 1. */
export function runKubectl(argv: string[], ctx: KubectlContext): KubectlResult {
  try {
    if (argv[0] === 'help') {
      const target = findCommand(argv.slice(1));
      if (target.def) return { stdout: commandHelp(['kubectl', ...target.words].join(' '), target.def), stderr: '', exitCode: 0 };
      return { stdout: ROOT_HELP + '\n', stderr: '', exitCode: 0 };
    }
    return invoke(argv, ctx);
  } catch (e) {
    const out = new Output();
    reportError(out, e);
    if (out.exitCode === 0) out.exitCode = 1;
    return out.result();
  } finally {
    // Quiescence: what a command set in motion runs to the end of this instant before the prompt comes back
    // (the scheduler binds, a Job creates its pods…); whatever takes time waits for the clock.
    ctx.sim.settle();
  }
}
