// What a kubectl command is: a name, its flags, and a function from parsed arguments to output.
import type { KubectlContext, KubectlResult } from '../context';
import { Output } from '../context';
import type { FlagSpec, Flags } from '../flags';
import { KubectlError, formatServerError, isApiError } from '../errors';

export type HelpGroup =
  | 'Basic Commands (Beginner)'
  | 'Basic Commands (Intermediate)'
  | 'Deploy Commands'
  | 'Cluster Management Commands'
  | 'Troubleshooting and Debugging Commands'
  | 'Advanced Commands'
  | 'Settings Commands'
  | 'Other Commands';

export interface Invocation {
  /** `kubectl create namespace`: the command path, as usage hints print it. */
  path: string;
  args: string[];
  /** Positionals before `--`; -1 without `--`. */
  argsLenAtDash: number;
  flags: Flags;
  /** The namespace to use: -n, or the context's. */
  namespace: string;
  /** Whether -n/--namespace was given. */
  namespaceSet: boolean;
}

export interface CommandDef {
  name: string;
  aliases?: string[];
  /** One line for `kubectl --help`. */
  short: string;
  group?: HelpGroup;
  /** The flags of this command (global flags are added by the runner). */
  flags?: FlagSpec[];
  subcommands?: CommandDef[];
  hidden?: boolean;
  /** Undefined: kubectl has this command and Kubeville doesn't simulate it yet. */
  run?: (inv: Invocation, ctx: KubectlContext) => KubectlResult;
}

/** `error: MESSAGE` + `See 'kubectl VERB -h' for help and examples` (cmdutil.UsageErrorf). */
export class UsageError extends KubectlError {
  constructor(path: string, message: string) {
    super(`${message}\nSee '${path} -h' for help and examples`);
  }
}

/** Prints an error the way cmdutil.CheckErr prints it. */
export function reportError(out: Output, e: unknown): void {
  if (isApiError(e)) out.err(formatServerError(e));
  else if (e instanceof KubectlError) out.err(e.message.startsWith('error: ') || e.message.startsWith('Error ') ? e.message : `error: ${e.message}`);
  else out.err(`error: ${e instanceof Error ? e.message : String(e)}`);
  out.exitCode = e instanceof KubectlError ? e.exitCode : 1;
}

/** Runs a command body with an Output, turning thrown errors into kubectl's messages. */
export function withOutput(body: (out: Output) => void): KubectlResult {
  const out = new Output();
  try {
    body(out);
  } catch (e) {
    reportError(out, e);
  }
  return out.result();
}
