// What every kubectl command runs against, and what it gives back.
import type { Simulation } from '../sim/simulation';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Where `-f NAME` reads from: the disk in the CLI, the workspace in the app. Never `fs` in the engine. */
export interface FileSource {
  /** The file's text, or undefined if there is no such file. */
  read(path: string): string | undefined;
  /** Files directly in a folder (for `-f DIR`), undefined if it is not a folder. */
  list?(dir: string): string[] | undefined;
}

export interface KubectlContext {
  sim: Simulation;
  files: FileSource;
  /** What `-f -` reads. */
  stdin: string;
  /** The namespace of the current context (kubectl's default when -n is absent). */
  defaultNamespace: string;
}

/** Accumulates a command's output. */
export class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;

  out(text: string): void {
    this.stdout += text.endsWith('\n') ? text : text + '\n';
  }

  err(text: string): void {
    this.stderr += text.endsWith('\n') ? text : text + '\n';
  }

  /** `error: …` on stderr and exit 1, as cmdutil.CheckErr does. */
  fail(message: string, code = 1): KubectlResult {
    this.err(message.startsWith('error: ') || message.startsWith('Error ') ? message : `error: ${message}`);
    this.exitCode = code;
    return this.result();
  }

  result(): KubectlResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode };
  }
}

export function emptyFiles(): FileSource {
  return { read: () => undefined };
}
