// The one API the renderer uses, implemented by both hosts: the Electron main process (through the preload) and
// the Web Worker of browser mode. Only plain, structured-clonable data crosses it; times are ISO strings.
import type { KubeObject } from '../api/meta';

export interface WorldSnapshot {
  /** Simulated time, ISO-8601 UTC. */
  time: string;
  objects: KubeObject[];
  playback: Playback;
  /** Kubernetes minor version and node count of the simulated cluster. */
  cluster: { minor: number; workers: number; cloudProvider: 'simulated' | 'none' };
  /** Simulated time of the next scheduled piece of work, if any. */
  nextEventTime?: string;
}

/** What changed since the last diff: sent at most once per frame. */
export interface WorldDiff {
  time: string;
  added: KubeObject[];
  updated: KubeObject[];
  removed: { kind: string; namespace?: string; name: string; uid?: string }[];
  playback: Playback;
  nextEventTime?: string;
  /** Set by the hosts when the whole world was replaced (File → New or Open): drop what you hold, take `added` as
   * the world and read the workspace files again. */
  replaced?: boolean;
}

export interface Playback {
  playing: boolean;
  /** Simulated seconds per wall-clock second. */
  speed: number;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Simulated milliseconds the command let pass (e.g. `kubectl delete` waiting for a pod to go). */
  elapsedMs: number;
}

export interface WorkspaceFile {
  name: string;
  text: string;
}

export interface NewSessionOptions {
  workers?: number;
  minor?: number;
  seed?: number;
  /** ISO-8601; default: the current wall-clock minute. */
  start?: string;
  cloudProvider?: 'simulated' | 'none';
}

/** The outcome of opening a session file: ok, or the reason it was refused (nothing was changed then). */
export type OpenResult = { ok: true } | { ok: false; error: string };

export interface KubevilleApi {
  getWorld(): Promise<WorldSnapshot>;
  /** Runs one console line (`kubectl …`). */
  run(line: string): Promise<CommandResult>;
  /** Runs simulated time forward. */
  advance(ms: number): Promise<void>;
  /** Jumps to the next scheduled piece of work (and runs it). */
  advanceToNextEvent(): Promise<void>;
  setPlayback(playback: Playback): Promise<void>;
  listFiles(): Promise<WorkspaceFile[]>;
  writeFile(name: string, text: string): Promise<void>;
  deleteFile(name: string): Promise<void>;
  newSession(options: NewSessionOptions): Promise<void>;
  /** The whole session as a `.kubeville` JSON document. */
  saveSession(): Promise<string>;
  openSession(text: string): Promise<OpenResult>;
  /** Subscribes to diffs; returns the unsubscribe function. */
  onDiff(listener: (diff: WorldDiff) => void): () => void;
}
