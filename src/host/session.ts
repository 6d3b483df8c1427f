// A session: one simulation, the workspace files `kubectl apply -f` reads, the journal of inputs, and playback.
// Both hosts (Electron main, Web Worker) and the CLI wrap one of these; it is synchronous and host-free.
import type { KubeObject } from '../api/meta';
import { runKubectl } from '../kubectl/kubectl';
import type { FileSource } from '../kubectl/context';
import { createSimulation, restoreSimulation } from '../sim/create';
import type { Simulation, SimulationState } from '../sim/simulation';
import { DiffAccumulator } from '../store/diff-accumulator';
import { isoSeconds } from '../sim/duration';
import { SUPPORTED_MINORS } from '../sim/cluster-config';
import type { CommandResult, NewSessionOptions, Playback, WorkspaceFile, WorldDiff, WorldSnapshot } from './api';
import { splitWords, UnterminatedQuote } from './shell-words';

export const SESSION_FORMAT = 'kubeville-session';
export const SESSION_FORMAT_VERSION = 1;

/** One input, with the simulated time it happened at: the journal replays a session from its start. */
export type JournalEntry =
  | { at: number; type: 'command'; line: string }
  | { at: number; type: 'advance'; ms: number }
  | { at: number; type: 'write-file'; name: string; text: string }
  | { at: number; type: 'delete-file'; name: string };

export interface SessionDocument {
  format: typeof SESSION_FORMAT;
  version: number;
  simulation: SimulationState;
  files: WorkspaceFile[];
  journal: JournalEntry[];
  /** The state the journal starts from (kept so a session can be replayed or rewound). */
  origin?: { options: Required<Omit<NewSessionOptions, 'start'>> & { start: number } };
}

export class SessionFormatError extends Error {}

export class Session {
  sim: Simulation;
  private files = new Map<string, string>();
  private diffs = new DiffAccumulator();
  private unsubscribe: () => void;
  journal: JournalEntry[] = [];
  playback: Playback = { playing: false, speed: 1 };
  private origin: SessionDocument['origin'];

  constructor(options: NewSessionOptions & { startMs?: number } = {}, files: WorkspaceFile[] = []) {
    this.sim = this.build(options);
    for (const f of files) this.files.set(f.name, f.text);
    this.unsubscribe = this.sim.onStoreChange((c) => this.diffs.record(c));
  }

  private build(options: NewSessionOptions & { startMs?: number }): Simulation {
    // The host chooses the start (the wall-clock minute by default): the engine never reads the real clock.
    const start = options.startMs ?? (options.start ? Date.parse(options.start) : NaN);
    if (Number.isNaN(start)) throw new Error('a session needs a start time (ISO-8601)');
    const minor = options.minor ?? 32;
    if (minor < SUPPORTED_MINORS.min || minor > SUPPORTED_MINORS.max) throw new Error(`unsupported Kubernetes version 1.${minor} (1.${SUPPORTED_MINORS.min}–1.${SUPPORTED_MINORS.max})`);
    const resolved = { workers: options.workers ?? 2, minor, seed: options.seed ?? 1, cloudProvider: options.cloudProvider ?? 'simulated', start } as const;
    this.origin = { options: resolved };
    return createSimulation({ start, workers: resolved.workers, seed: resolved.seed, minor, cloudProvider: resolved.cloudProvider });
  }

  /** Starts over with a new cluster; the workspace files stay. */
  reset(options: NewSessionOptions): void {
    this.unsubscribe();
    const previous = this.sim;
    this.sim = this.build(options);
    this.journal = [];
    this.diffs = new DiffAccumulator();
    this.unsubscribe = this.sim.onStoreChange((c) => this.diffs.record(c));
    void previous;
  }

  get fileSource(): FileSource {
    return {
      read: (path) => this.files.get(normalizePath(path)),
      list: (dir) => {
        const d = normalizePath(dir).replace(/\/$/, '');
        if (d !== '.' && d !== '') {
          const inside = [...this.files.keys()].filter((f) => f.startsWith(`${d}/`));
          return inside.length ? inside : undefined;
        }
        return [...this.files.keys()];
      },
    };
  }

  /** Runs a console line. Only `kubectl …` for now (the shell comes with the containers work). */
  run(line: string, stdin = ''): CommandResult {
    const before = this.sim.now();
    this.journal.push({ at: before, type: 'command', line });
    let words: string[];
    try {
      words = splitWords(line.trim());
    } catch (e) {
      if (e instanceof UnterminatedQuote) return { stdout: '', stderr: 'sh: syntax error: unterminated quoted string\n', exitCode: 2, elapsedMs: 0 };
      throw e;
    }
    if (words.length === 0) return { stdout: '', stderr: '', exitCode: 0, elapsedMs: 0 };
    const [cmd, ...args] = words;
    let result: { stdout: string; stderr: string; exitCode: number };
    if (cmd === 'kubectl' || cmd === 'k') {
      result = runKubectl(args, { sim: this.sim, files: this.fileSource, stdin, defaultNamespace: 'default' });
    } else {
      result = { stdout: '', stderr: `sh: ${cmd}: not found\n`, exitCode: 127 };
    }
    return { ...result, elapsedMs: this.sim.now() - before };
  }

  /** Runs `kubectl ARGS` given as words (the CLI), reading `-f` files from `files` (default: the workspace). */
  runArgv(args: string[], stdin = '', files: FileSource = this.fileSource): CommandResult {
    const before = this.sim.now();
    this.journal.push({ at: before, type: 'command', line: ['kubectl', ...args.map(quoteWord)].join(' ') });
    const result = runKubectl(args, { sim: this.sim, files, stdin, defaultNamespace: 'default' });
    return { ...result, elapsedMs: this.sim.now() - before };
  }

  advance(ms: number): void {
    this.journal.push({ at: this.sim.now(), type: 'advance', ms });
    this.sim.advance(ms);
  }

  advanceToNextEvent(): void {
    const next = this.sim.nextEventTime();
    if (next === undefined) return;
    this.advance(Math.max(0, next - this.sim.now()));
  }

  /** Plays `wallMs` of wall-clock time at the current speed (hosts call this from their frame loop). */
  tick(wallMs: number): void {
    if (!this.playback.playing) return;
    const ms = Math.round(wallMs * this.playback.speed);
    if (ms > 0) this.advance(ms);
  }

  listFiles(): WorkspaceFile[] {
    return [...this.files.entries()].map(([name, text]) => ({ name, text })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  writeFile(name: string, text: string): void {
    this.journal.push({ at: this.sim.now(), type: 'write-file', name, text });
    this.files.set(normalizePath(name), text);
  }

  deleteFile(name: string): void {
    this.journal.push({ at: this.sim.now(), type: 'delete-file', name });
    this.files.delete(normalizePath(name));
  }

  world(): WorldSnapshot {
    const objects: KubeObject[] = [];
    for (const kind of this.sim.store.kindsStored()) objects.push(...this.sim.store.list(kind));
    this.diffs.flush();
    return {
      time: isoMillis(this.sim.now()),
      objects,
      playback: { ...this.playback },
      cluster: { minor: this.sim.config.minor, workers: this.sim.config.workers, cloudProvider: this.sim.config.cloudProvider },
      nextEventTime: optionalIso(this.sim.nextEventTime()),
    };
  }

  /** The squashed changes since the last call (undefined when nothing changed and time did not move). */
  takeDiff(): WorldDiff {
    const d = this.diffs.flush();
    return {
      time: isoMillis(this.sim.now()),
      added: d.added,
      updated: d.updated.map(([, after]) => after),
      removed: d.removed.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name!, uid: o.metadata.uid })),
      playback: { ...this.playback },
      nextEventTime: optionalIso(this.sim.nextEventTime()),
    };
  }

  save(): SessionDocument {
    return {
      format: SESSION_FORMAT,
      version: SESSION_FORMAT_VERSION,
      simulation: this.sim.save(),
      files: this.listFiles(),
      journal: this.journal,
      origin: this.origin,
    };
  }

  /** Loads a saved session; throws SessionFormatError (and changes nothing) if the document is not one we can read. */
  load(text: string): void {
    const doc = parseSessionDocument(text);
    const sim = restoreSimulation(doc.simulation);
    this.unsubscribe();
    this.sim = sim;
    this.files = new Map(doc.files.map((f) => [f.name, f.text]));
    this.journal = doc.journal ?? [];
    this.origin = doc.origin;
    this.diffs = new DiffAccumulator();
    this.unsubscribe = this.sim.onStoreChange((c) => this.diffs.record(c));
  }
}

export function parseSessionDocument(text: string): SessionDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new SessionFormatError('this file is damaged: it is not valid JSON');
  }
  const d = doc as Partial<SessionDocument>;
  if (!d || typeof d !== 'object' || d.format !== SESSION_FORMAT) throw new SessionFormatError('this is not a Kubeville session file');
  if (typeof d.version !== 'number' || d.version > SESSION_FORMAT_VERSION) {
    throw new SessionFormatError(`this session was saved by a newer Kubeville (format ${String(d.version)}; this one reads up to ${SESSION_FORMAT_VERSION})`);
  }
  if (!d.simulation || !Array.isArray(d.simulation.store?.objects) || typeof d.simulation.now !== 'number') {
    throw new SessionFormatError('this file is damaged: its simulation state is incomplete');
  }
  if (!Array.isArray(d.files)) d.files = [];
  return d as SessionDocument;
}

/** Quotes a word for the journal so that splitting it again gives it back. */
function quoteWord(w: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

function normalizePath(p: string): string {
  return p.replace(/^\.\//, '');
}

function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

function optionalIso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : isoMillis(ms);
}

export { isoSeconds };
