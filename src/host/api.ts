// The one API the renderer uses, implemented by both hosts: the Electron main process (through the preload) and
// the Web Worker of browser mode. Only plain, structured-clonable data crosses it; times are ISO strings.
import type { KubeObject } from '../api/meta';
import type { CronJobClock } from './cronjob-clocks';

export type { CronJobClock };
import type { TrafficFrame } from '../traffic/traffic-frame';
import type { ActionResult, WorldAction } from '../traffic/actions';

export type { TrafficFrame, ActionResult, WorldAction };
import type { Lesson, Lang } from '../lessons/lesson-format';
import type { LessonStatus } from '../lessons/lesson-session';
import type { Explanation } from '../explain/explanation';
import type { ManifestCompletion } from '../explain/schema-complete';

export type { Lesson, LessonStatus, Explanation, Lang, ManifestCompletion };

/** One line of the lesson list. */
export interface LessonSummary {
  name: string;
  order: number;
  title: Partial<Record<Lang, string>>;
  summary?: Partial<Record<Lang, string>>;
  languages: Lang[];
  steps: number;
  /** Capabilities the lesson needs that the engine lacks (then it can be read, not fully done). */
  missing: string[];
}

/** A problem in a YAML manifest being edited: 1-based line and column, in the API server's or the parser's words. */
export interface ManifestDiagnostic {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The session's time line, for the rewind scrubber. */
export interface Timeline {
  /** ISO-8601: when the session started (the earliest moment to rewind to). */
  origin?: string;
  now: string;
  /** Inputs (commands, file writes) with their simulated times. */
  marks: { at: string; label: string }[];
}

export interface WorldSnapshot {
  /** Simulated time, ISO-8601 UTC. */
  time: string;
  objects: KubeObject[];
  playback: Playback;
  /** Kubernetes minor version and node count of the simulated cluster. */
  cluster: { minor: number; workers: number; cloudProvider: 'simulated' | 'none' };
  /** Simulated time of the next scheduled piece of work, if any. */
  nextEventTime?: string;
  /** Traffic generators, counters and nodes down (Services and traffic). */
  traffic?: TrafficFrame;
  /** One clock per CronJob: schedule in words, next runs, the controller's decisions (jobs area). */
  cronJobs?: CronJobClock[];
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
  /** New requests since the last diff, generators and counters (only when traffic flows or changed). */
  traffic?: TrafficFrame;
  /** The CronJob clocks now (every diff; empty without CronJobs). */
  cronJobs?: CronJobClock[];
}

export interface Playback {
  playing: boolean;
  /** Simulated seconds per wall-clock second. */
  speed: number;
}

/** What a line typed into an interactive shell (`kubectl exec -ti`) printed. */
export interface InteractiveInput {
  /** What the terminal shows (stdout and stderr merged). */
  output: string;
  /** The next prompt (`/ # `), empty once the shell exited. */
  prompt: string;
  /** The shell ended (exit, Ctrl-D, the container stopped) with this code. */
  exited?: number;
  elapsedMs: number;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Simulated milliseconds the command let pass (e.g. `kubectl delete` waiting for a pod to go). */
  elapsedMs: number;
  /** `kubectl exec -ti POD -- sh` opened a shell in a container: send its lines with `input(id, line)`. */
  interactive?: { id: number; prompt: string };
  /** The line opens a here-document, a quote or a compound command: nothing ran; send it again with the next line. */
  incomplete?: boolean;
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
  /** Sends one line to an interactive shell opened by `run` (`null`: Ctrl-D). */
  input(id: number, line: string | null): Promise<InteractiveInput>;
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
  listLessons(): Promise<LessonSummary[]>;
  /** Starts a lesson: the session is replaced by the lesson's cluster and files. */
  startLesson(name: string): Promise<Lesson>;
  /** The open lesson, if any (after a reload or an opened session). */
  currentLesson(): Promise<Lesson | undefined>;
  /** The current step's checks, evaluated now. */
  lessonStatus(): Promise<LessonStatus | undefined>;
  gotoLessonStep(index: number): Promise<void>;
  /** "Show me": performs the current step's solution; returns what each command printed. */
  showMe(): Promise<{ line: string; result: CommandResult }[]>;
  /** What went wrong the way it goes wrong for learners, read from the simulation's state and events. */
  explanations(): Promise<Explanation[]>;
  /** Checks a manifest as `kubectl apply` would (YAML syntax, then the API server's validation), without applying it. */
  validateManifest(text: string): Promise<ManifestDiagnostic[]>;
  /** Keys (and enum values) allowed at `offset` in a manifest being edited, from the Kubernetes schemas. */
  completeManifest(text: string, offset: number, explicit: boolean): Promise<ManifestCompletion | null>;
  timeline(): Promise<Timeline>;
  /** Goes back to an earlier simulated moment (ISO-8601) and continues from there. */
  rewindTo(time: string): Promise<OpenResult>;
  /** The host's autosave (Electron: a file in userData), if it keeps one; browser mode keeps it in localStorage. */
  readAutosave(): Promise<string | undefined>;
  writeAutosave(text: string): Promise<void>;
  /** Open file… (desktop app): a file picked on disk joins the workspace; undefined if cancelled or in browser mode (upload there). */
  openFileFromDisk(): Promise<WorkspaceFile | undefined>;
  /** Save file as… (desktop app): writes a workspace file to a place picked on disk; false if cancelled or in browser mode. */
  saveFileToDisk(name: string): Promise<boolean>;
  /** Acts on the world outside kubectl: stop/start a node, start/stop traffic generators, proxy modes. */
  act(action: WorldAction): Promise<ActionResult>;
  /** Subscribes to diffs; returns the unsubscribe function. */
  onDiff(listener: (diff: WorldDiff) => void): () => void;
}
