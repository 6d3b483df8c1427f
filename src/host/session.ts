// A session: one simulation, the workspace files `kubectl apply -f` reads, the journal of inputs, and playback.
// Both hosts (Electron main, Web Worker) and the CLI wrap one of these; it is synchronous and host-free.
import type { KubeObject } from '../api/meta';
import { runKubectl } from '../kubectl/kubectl';
import type { FileSource } from '../kubectl/context';
import { createSimulation, restoreSimulation } from '../sim/create';
import type { Simulation, SimulationState } from '../sim/simulation';
import { DiffAccumulator } from '../store/diff-accumulator';
import { LAPSE_MIN_ADVANCE_MS } from '../sim/time-lapse';
import { isoSeconds } from '../sim/duration';
import { SUPPORTED_MINORS } from '../sim/cluster-config';
import { cronJobClocks } from './cronjob-clocks';
import type { CommandResult, InteractiveInput, NewSessionOptions, Playback, WorkspaceFile, WorldDiff, WorldSnapshot } from './api';
import { runConsoleLine, CONSOLE_TIME_CAP_MS } from './console-shell';
import { interactiveShellIn, liveContainer } from '../runtime/container-exec';
import type { InteractiveShell } from '../shell/interactive';
import { needsMoreInput } from '../shell/parser';
import type { Pod } from '../api/pod';
import { applyAction, type ActionResult, type WorldAction } from '../traffic/actions';
import { trafficFrame, type TrafficFrame } from '../traffic/traffic-frame';
import type { LessonProgress } from '../lessons/lesson-session';

export const SESSION_FORMAT = 'kubeville-session';
export const SESSION_FORMAT_VERSION = 1;

/** One input, with the simulated time it happened at: the journal replays a session from its start. */
export type JournalEntry =
  | { at: number; type: 'command'; line: string; stdin?: string }
  /** `lapse`: one advance long enough to skip repeating hours (time-lapse.ts); replayed as one advance again. */
  | { at: number; type: 'advance'; ms: number; lapse?: true }
  | { at: number; type: 'write-file'; name: string; text: string }
  | { at: number; type: 'delete-file'; name: string }
  | { at: number; type: 'action'; action: WorldAction };

export interface SessionDocument {
  format: typeof SESSION_FORMAT;
  version: number;
  simulation: SimulationState;
  files: WorkspaceFile[];
  journal: JournalEntry[];
  /** The state the journal starts from (kept so a session can be replayed or rewound). */
  origin?: { options: Required<Omit<NewSessionOptions, 'start'>> & { start: number }; files?: WorkspaceFile[] };
  /** Where the learner is in a lesson, if one is open. */
  lesson?: LessonProgress;
}

export class SessionFormatError extends Error {}

/** A snapshot taken while the session runs, so a rewind replays from the nearest one instead of from the origin. */
interface Checkpoint {
  /** Simulated time of the snapshot. */
  at: number;
  /** How many journal entries it covers (the last may be an advance that went on growing after it). */
  entries: number;
  /** `sim.save()` as JSON: a checkpoint never follows the live state. */
  simulation: string;
  files: WorkspaceFile[];
}

/** When to take a checkpoint: this much simulated time or this many inputs since the last one. */
export const CHECKPOINT_EVERY = { ms: 5 * 60_000, entries: 50 };
/** At most this many are kept: past it every other one is dropped and the spacing doubles. */
export const MAX_CHECKPOINTS = 24;

export class Session {
  sim: Simulation;
  private files = new Map<string, string>();
  private diffs = new DiffAccumulator();
  private unsubscribe: () => void;
  journal: JournalEntry[] = [];
  playback: Playback = { playing: false, speed: 1 };
  private origin: SessionDocument['origin'];
  /** Open `kubectl exec -ti` shells (not saved: a reopened session starts without them, as a reconnect would). */
  private shells = new Map<number, { shell: InteractiveShell; pod: Pod; container: string }>();
  private nextShellId = 1;
  /** The open lesson's progress (src/lessons/lesson-session.ts). */
  lesson: LessonProgress | undefined;
  /** Snapshots for rewind, oldest first (memory only, bounded; see CHECKPOINT_EVERY). */
  private checkpoints: Checkpoint[] = [];
  private checkpointSpacing = { ...CHECKPOINT_EVERY };

  constructor(options: NewSessionOptions & { startMs?: number } = {}, files: WorkspaceFile[] = []) {
    this.sim = this.build(options);
    for (const f of files) this.files.set(f.name, f.text);
    this.origin!.files = this.listFiles();
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
    this.origin!.files = this.listFiles();
    this.journal = [];
    this.lesson = undefined;
    this.clearCheckpoints();
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

  /** Runs a console line through the sh interpreter (kubectl is a command, the workspace files are the folder).
   * `kubectl exec -ti POD -- sh` opens an interactive shell: the result carries its id and prompt for `input`. */
  run(line: string, stdin = '', diskFiles?: FileSource, terminal = true): CommandResult {
    const before = this.sim.now();
    // At a terminal an open here-document or quote waits for the next line; elsewhere (`sh -c`) it is a syntax error.
    if (terminal && needsMoreInput(line)) return { stdout: '', stderr: '', exitCode: 0, elapsedMs: 0, incomplete: true };
    this.journal.push({ at: before, type: 'command', line, ...(stdin ? { stdin } : {}) });
    if (line.trim() === '') return { stdout: '', stderr: '', exitCode: 0, elapsedMs: 0 };
    const r = runConsoleLine(this.sim, this.files, line, stdin, 'default', diskFiles);
    this.files = r.files;
    const result: CommandResult = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, elapsedMs: this.sim.now() - before };
    if (r.interactive) {
      const shell = interactiveShellIn(this.sim, r.interactive.pod, r.interactive.container, r.interactive.argv);
      if (shell) {
        const id = this.nextShellId++;
        this.shells.set(id, { shell, pod: r.interactive.pod, container: r.interactive.container });
        result.interactive = { id, prompt: shell.prompt() };
      }
    }
    return result;
  }

  /** One line typed in an interactive shell (`null`: Ctrl-D). Time the line takes runs on the cluster too. */
  input(id: number, line: string | null): InteractiveInput {
    const open = this.shells.get(id);
    if (!open) return { output: '', prompt: '', exited: 0, elapsedMs: 0 };
    const before = this.sim.now();
    const live = this.sim.api.tryGet<Pod>('Pod', open.pod.metadata.namespace, open.pod.metadata.name!);
    if (!live || live.metadata.uid !== open.pod.metadata.uid || !liveContainer(this.sim, live, open.container)) {
      this.shells.delete(id);
      return { output: 'command terminated with exit code 137\n', prompt: '', exited: 137, elapsedMs: 0 };
    }
    this.journal.push({ at: before, type: 'command', line: `# exec ${open.pod.metadata.name}: ${line ?? '^D'}` });
    const r = line === null ? open.shell.eof() : open.shell.input(line);
    if (Number.isFinite(r.durationMs) && r.durationMs > 0) this.sim.advance(Math.min(r.durationMs, CONSOLE_TIME_CAP_MS));
    const exited = line === null ? (r.exited ?? 0) : r.exited;
    if (exited !== undefined) this.shells.delete(id);
    const output = exited !== undefined && exited !== 0 ? `${r.output}command terminated with exit code ${exited}\n` : r.output;
    return { output, prompt: exited === undefined ? open.shell.prompt() : '', exited, elapsedMs: this.sim.now() - before };
  }

  /** Runs `kubectl ARGS` given as words (the CLI), reading `-f` files from `files` (default: the workspace). */
  runArgv(args: string[], stdin = '', files: FileSource = this.fileSource): CommandResult {
    const before = this.sim.now();
    this.journal.push({ at: before, type: 'command', line: ['kubectl', ...args.map(quoteWord)].join(' ') });
    const result = runKubectl(args, { sim: this.sim, files, stdin, defaultNamespace: 'default' });
    return { ...result, elapsedMs: this.sim.now() - before };
  }

  advance(ms: number): void {
    // A long advance may skip hours that repeat (time-lapse.ts); what it skips depends on where it starts and ends,
    // so it is journaled, replayed and checkpointed as one piece. Other advances never skip: the play loop's frames
    // merge into one journal entry, and replaying that entry in other steps must give the same state.
    const lapse = this.sim.timeLapse && ms >= LAPSE_MIN_ADVANCE_MS;
    const last = this.journal[this.journal.length - 1];
    if (!lapse && last?.type === 'advance' && !last.lapse && last.at + last.ms === this.sim.now()) last.ms += ms;
    else this.journal.push(lapse ? { at: this.sim.now(), type: 'advance', ms, lapse: true } : { at: this.sim.now(), type: 'advance', ms });
    if (lapse) {
      this.sim.advance(ms);
      this.maybeCheckpoint();
      return;
    }
    // In steps that end where a checkpoint is due, so a long advance still leaves checkpoints inside it.
    const end = this.sim.now() + ms;
    while (this.sim.now() < end) {
      this.sim.advance(Math.min(end, this.nextCheckpointDue()) - this.sim.now(), { lapse: false });
      this.maybeCheckpoint();
    }
  }

  /** When the journal starts (the session's origin), ms since the epoch. */
  get originTime(): number | undefined {
    return this.origin?.options.start;
  }

  /**
   * Goes back to simulated time `at`: restores the latest checkpoint before `at` (or rebuilds the cluster from the
   * session's origin) and replays the journal's inputs made before `at`, then forgets the later ones (what happens
   * next is a new branch). False if the session has no origin to replay from.
   */
  rewindTo(at: number, options: { useCheckpoints?: boolean } = {}): boolean {
    const origin = this.origin;
    if (!origin) return false;
    const entries = this.journal;
    const lesson = this.lesson;
    const { start, ...simOptions } = origin.options;
    const target = Math.max(at, start);
    const checkpoint = options.useCheckpoints === false ? undefined : this.checkpointBefore(target, entries.length);
    this.unsubscribe();
    let from = 0;
    if (checkpoint) {
      this.sim = restoreSimulation(JSON.parse(checkpoint.simulation) as SimulationState);
      this.files = new Map(checkpoint.files.map((f) => [f.name, f.text]));
      this.journal = entries.slice(0, checkpoint.entries).map((e) => ({ ...e }));
      from = checkpoint.entries;
      // The advance that was running when the checkpoint was taken may have gone on after it: play the rest.
      const last = this.journal[this.journal.length - 1];
      const original = entries[checkpoint.entries - 1];
      if (last?.type === 'advance' && original?.type === 'advance') last.ms = checkpoint.at - last.at;
    } else {
      this.sim = createSimulation({ ...simOptions, start });
      this.files = new Map((origin.files ?? []).map((f) => [f.name, f.text]));
      this.journal = [];
    }
    this.checkpoints = this.checkpoints.filter((c) => c.at < target);
    this.diffs = new DiffAccumulator();
    this.unsubscribe = this.sim.onStoreChange((c) => this.diffs.record(c));
    if (checkpoint) {
      const original = entries[checkpoint.entries - 1];
      if (original?.type === 'advance') {
        const rest = Math.min(original.at + original.ms, target) - this.sim.now();
        if (rest > 0) this.advance(rest);
      }
    }
    for (const e of entries.slice(from)) {
      if (e.at >= target) break;
      if (e.type === 'advance') this.advance(Math.min(e.ms, target - e.at));
      else if (e.type === 'command') this.run(e.line, e.stdin ?? '');
      else if (e.type === 'write-file') this.writeFile(e.name, e.text);
      else if (e.type === 'delete-file') this.deleteFile(e.name);
      else if (e.type === 'action') this.act(e.action);
    }
    if (this.sim.now() < target) this.advance(target - this.sim.now());
    if (lesson) this.lesson = { ...lesson, journalStart: Math.min(lesson.journalStart, this.journal.length), passed: [...lesson.passed] };
    return true;
  }

  /** How many checkpoints are held (tests, diagnostics). */
  get checkpointCount(): number {
    return this.checkpoints.length;
  }

  /** The latest checkpoint a replay to `target` would pass through unchanged. */
  private checkpointBefore(target: number, journalLength: number): Checkpoint | undefined {
    for (let i = this.checkpoints.length - 1; i >= 0; i--) {
      const c = this.checkpoints[i]!;
      if (c.at < target && c.entries <= journalLength) return c;
    }
    return undefined;
  }

  /** When the next checkpoint is due by simulated time (never: no origin). */
  private nextCheckpointDue(): number {
    if (!this.origin) return Infinity;
    const last = this.checkpoints[this.checkpoints.length - 1];
    return Math.max(this.sim.now() + 1, (last?.at ?? this.origin.options.start) + this.checkpointSpacing.ms);
  }

  /** Takes a checkpoint when enough simulated time or inputs went by since the last one (or the origin). */
  private maybeCheckpoint(): void {
    if (!this.origin) return;
    const last = this.checkpoints[this.checkpoints.length - 1];
    const since = { ms: this.sim.now() - (last?.at ?? this.origin.options.start), entries: this.journal.length - (last?.entries ?? 0) };
    if (since.ms < this.checkpointSpacing.ms && since.entries < this.checkpointSpacing.entries) return;
    if (this.shells.size > 0) return; // An open `exec -ti` shell is not in the saved state: wait until it closes.
    this.checkpoints.push({ at: this.sim.now(), entries: this.journal.length, simulation: JSON.stringify(this.sim.save()), files: this.listFiles() });
    if (this.checkpoints.length > MAX_CHECKPOINTS) {
      this.checkpoints = this.checkpoints.filter((_, i) => i % 2 === 1);
      this.checkpointSpacing = { ms: this.checkpointSpacing.ms * 2, entries: this.checkpointSpacing.entries * 2 };
    }
  }

  private clearCheckpoints(): void {
    this.checkpoints = [];
    this.checkpointSpacing = { ...CHECKPOINT_EVERY };
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

  /** An action outside kubectl (node failure, traffic generators); journaled like a command. */
  act(action: WorldAction): ActionResult {
    this.journal.push({ at: this.sim.now(), type: 'action', action });
    return applyAction(this.sim, action);
  }

  /** New requests since the last call, generators and counters; undefined when there is no traffic to tell. */
  takeTraffic(): TrafficFrame | undefined {
    const frame = trafficFrame(this.sim);
    const key = JSON.stringify([frame.generators, frame.total, frame.nodesDown, frame.proxyMode, frame.balancerMode]);
    if (!frame.records.length && key === this.lastTrafficKey) return undefined;
    this.lastTrafficKey = key;
    return frame;
  }

  private lastTrafficKey = JSON.stringify([[], 0, [], 'iptables', 'hash']);

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
      traffic: trafficFrame(this.sim, false),
      cronJobs: cronJobClocks(this.sim),
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
      traffic: this.takeTraffic(),
      cronJobs: cronJobClocks(this.sim),
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
      ...(this.lesson ? { lesson: this.lesson } : {}),
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
    this.lesson = doc.lesson;
    this.clearCheckpoints();
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
