// The host side of the KubevilleApi around one Session, shared by both hosts (Electron main and the browser-mode
// Web Worker). It imports neither Electron nor Node nor the DOM: hosts inject the clock and how diffs are sent.
import type { ActionResult, CommandResult, InteractiveInput, KubevilleApi, WorldAction, NewSessionOptions, OpenResult, Playback, WorkspaceFile, WorldDiff, WorldSnapshot } from '../src/host/api';
import { Session, SessionFormatError } from '../src/host/session';
import type { Explanation, Lesson, LessonStatus, LessonSummary, ManifestDiagnostic, Timeline } from '../src/host/api';
import { loadCatalog, type Catalog } from '../src/lessons/catalog';
import { missingCapabilities } from '../src/lessons/capabilities';
import { lessonStatus, openStep, performActions, startLesson } from '../src/lessons/lesson-session';
import { explain } from '../src/explain/explain';
import { validateManifest } from '../src/explain/validate-manifest';
import { completeManifest, type ManifestCompletion } from '../src/explain/schema-complete';
import { builtinLessonFiles } from '../assets/lessons/builtin';

/** The calls that wait for a person (native file dialogs): answered asynchronously. */
type DiskCall = 'openFileFromDisk' | 'saveFileToDisk';

/** Every API call except the diff subscription, answered synchronously by the host (the disk calls excepted). */
export type ApiCalls = { [K in Exclude<keyof KubevilleApi, 'onDiff' | DiskCall>]: (...args: Parameters<KubevilleApi[K]>) => Awaited<ReturnType<KubevilleApi[K]>> } & {
  [K in DiskCall]: (...args: Parameters<KubevilleApi[K]>) => ReturnType<KubevilleApi[K]>;
};

/** Reading and writing single files on the user's disk through native dialogs (the desktop app only). */
export interface WorkspaceDisk {
  /** Asks for a file and reads it; undefined if cancelled. */
  open(): Promise<WorkspaceFile | undefined>;
  /** Asks where to save `name` and writes `text` there; false if cancelled. */
  save(name: string, text: string): Promise<boolean>;
}

/** The longest wall-clock gap one frame may play (a laptop waking from sleep must not jump hours ahead). */
const MAX_FRAME_MS = 250;

export interface SessionHostOptions {
  /** Sends one diff to the renderer. */
  emit: (diff: WorldDiff) => void;
  /** The start of a new session: the current wall-clock minute, as ISO-8601. */
  startTime: () => string;
  /** The lessons offered (default: the built-in ones). */
  lessons?: Catalog;
  /** Where the host keeps its autosave (Electron: a file in userData); none in browser mode (localStorage there). */
  autosave?: { read(): string | undefined; write(text: string): void };
  /** Open file… / Save file as… (Electron's dialogs); none in browser mode (upload and download there). */
  disk?: WorkspaceDisk;
}

/** The current wall-clock minute, ISO-8601 (a new session starts there). */
export function wallClockMinute(nowMs: number): string {
  return new Date(Math.floor(nowMs / 60000) * 60000).toISOString();
}

/** The workspace files of a lesson from an `import.meta.glob(…, { query: '?raw', import: 'default', eager: true })` result. */
export function filesFromGlob(modules: Record<string, string>): WorkspaceFile[] {
  return Object.entries(modules)
    .map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

export class SessionHost {
  private last: { time: string; playback: string; next?: string } | undefined;

  constructor(
    public session: Session,
    private options: SessionHostOptions,
  ) {}

  /** One frame of the play loop: plays `wallMs` at the current speed and sends what changed. */
  frame(wallMs: number): void {
    this.session.tick(Math.min(Math.max(0, wallMs), MAX_FRAME_MS));
    this.flush();
  }

  /** Sends the squashed changes since the last flush, if anything changed. */
  flush(): void {
    const diff = this.session.takeDiff();
    const playback = JSON.stringify(diff.playback);
    const quiet =
      diff.added.length === 0 &&
      diff.updated.length === 0 &&
      diff.removed.length === 0 &&
      !diff.traffic &&
      this.last?.time === diff.time &&
      this.last.playback === playback &&
      this.last.next === diff.nextEventTime;
    this.last = { time: diff.time, playback, next: diff.nextEventTime };
    if (!quiet) this.options.emit(diff);
  }

  /** Replaces the world (new or opened session) and tells the renderer to start over from `added`. */
  private replaceWorld(change: () => void): void {
    this.flush();
    const before = this.session.world().objects;
    change();
    const world = this.session.world();
    this.last = { time: world.time, playback: JSON.stringify(world.playback), next: world.nextEventTime };
    this.options.emit({
      time: world.time,
      added: world.objects,
      updated: [],
      removed: before.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '', uid: o.metadata.uid })),
      playback: world.playback,
      nextEventTime: world.nextEventTime,
      replaced: true,
    });
  }

  private catalogCache: Catalog | undefined;
  /** A lesson a teacher wrote, once started (its file may leave the workspace when the lesson's own files replace it). */
  private startedOwnLesson: Lesson | undefined;

  /** The built-in lessons, then the lessons (`*.lesson.yaml`) a teacher put in the workspace. */
  private get catalog(): Catalog {
    this.catalogCache ??= this.options.lessons ?? loadCatalog(builtinLessonFiles());
    const builtin = new Set(this.catalogCache.lessons.map((l) => l.name));
    const own = loadCatalog(Object.fromEntries(this.session.listFiles().map((f) => [f.name, f.text]))).lessons.filter((l) => !builtin.has(l.name));
    if (this.startedOwnLesson && !own.some((l) => l.name === this.startedOwnLesson!.name)) own.push(this.startedOwnLesson);
    return { lessons: [...this.catalogCache.lessons, ...own], errors: this.catalogCache.errors };
  }

  private openLesson(): Lesson | undefined {
    const name = this.session.lesson?.name;
    return name === undefined ? undefined : this.catalog.lessons.find((l) => l.name === name);
  }

  private lessonCalls = {
    listLessons: (): LessonSummary[] =>
      this.catalog.lessons.map((l) => ({ name: l.name, order: l.order, title: l.title, summary: l.summary, languages: l.languages, steps: l.steps.length, missing: missingCapabilities(l.requires) })),
    startLesson: (name: string): Lesson => {
      const catalog = this.catalog;
      const lesson = catalog.lessons.find((l) => l.name === name);
      if (!lesson) throw new Error(`no lesson named "${name}"`);
      if (!this.catalogCache?.lessons.includes(lesson)) this.startedOwnLesson = lesson;
      this.replaceWorld(() => {
        startLesson(this.session, lesson);
        this.session.playback = { playing: false, speed: this.session.playback.speed };
      });
      return lesson;
    },
    currentLesson: (): Lesson | undefined => this.openLesson(),
    lessonStatus: (): LessonStatus | undefined => {
      const lesson = this.openLesson();
      return lesson ? lessonStatus(this.session, lesson) : undefined;
    },
    gotoLessonStep: (index: number): void => {
      const lesson = this.openLesson();
      if (!lesson) return;
      openStep(this.session, lesson, index);
      this.flush();
    },
    showMe: (): { line: string; result: CommandResult }[] => {
      const lesson = this.openLesson();
      const progress = this.session.lesson;
      if (!lesson || !progress) return [];
      const actions = lesson.steps[progress.step]?.solution ?? [];
      try {
        return performActions(this.session, actions);
      } finally {
        this.flush();
      }
    },
    explanations: (): Explanation[] => explain({ sim: this.session.sim, journal: this.session.journal, files: this.session.fileSource }),
    validateManifest: (text: string): ManifestDiagnostic[] => validateManifest(String(text), this.session.sim),
    completeManifest: (text: string, offset: number, explicit: boolean): ManifestCompletion | null => completeManifest(String(text), Number(offset), Boolean(explicit)),
    timeline: (): Timeline => {
      const origin = this.session.originTime;
      return {
        origin: origin === undefined ? undefined : new Date(origin).toISOString(),
        now: new Date(this.session.sim.now()).toISOString(),
        marks: this.session.journal.flatMap((e) => (e.type === 'command' ? [{ at: new Date(e.at).toISOString(), label: e.line }] : e.type === 'write-file' ? [{ at: new Date(e.at).toISOString(), label: `✎ ${e.name}` }] : [])),
      };
    },
    rewindTo: (time: string): OpenResult => {
      const at = Date.parse(time);
      if (Number.isNaN(at)) return { ok: false, error: `"${time}" is not a time` };
      if (at > this.session.sim.now()) return { ok: false, error: 'rewind goes back in time only' };
      let ok = false;
      this.replaceWorld(() => {
        ok = this.session.rewindTo(at);
        this.session.playback = { playing: false, speed: this.session.playback.speed };
      });
      return ok ? { ok: true } : { ok: false, error: 'this session has no origin to replay from (saved by an older Kubeville)' };
    },
    readAutosave: (): string | undefined => {
      try {
        return this.options.autosave?.read();
      } catch {
        return undefined;
      }
    },
    writeAutosave: (text: string): void => this.options.autosave?.write(String(text)),
    openFileFromDisk: async (): Promise<WorkspaceFile | undefined> => {
      const file = await this.options.disk?.open();
      if (file) this.session.writeFile(file.name, file.text);
      return file;
    },
    saveFileToDisk: async (name: string): Promise<boolean> => {
      const text = this.session.fileSource.read(String(name));
      if (text === undefined || !this.options.disk) return false;
      return this.options.disk.save(String(name), text);
    },
  };

  readonly calls: ApiCalls = {
    ...this.lessonCalls,
    getWorld: (): WorldSnapshot => {
      const world = this.session.world();
      this.last = { time: world.time, playback: JSON.stringify(world.playback), next: world.nextEventTime };
      return world;
    },
    run: (line: string): CommandResult => {
      try {
        return this.session.run(line);
      } catch (e) {
        // An engine bug must not take the host down: show it like a crashed command.
        return { stdout: '', stderr: `internal error: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1, elapsedMs: 0 };
      } finally {
        this.flush();
      }
    },
    input: (id: number, line: string | null): InteractiveInput => {
      try {
        return this.session.input(id, line);
      } catch (e) {
        return { output: `internal error: ${e instanceof Error ? e.message : String(e)}\n`, prompt: '', exited: 1, elapsedMs: 0 };
      } finally {
        this.flush();
      }
    },
    advance: (ms: number): void => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance: ${ms} is not a duration`);
      this.session.advance(ms);
      this.flush();
    },
    advanceToNextEvent: (): void => {
      this.session.advanceToNextEvent();
      this.flush();
    },
    setPlayback: (playback: Playback): void => {
      if (!Number.isFinite(playback.speed) || playback.speed <= 0) throw new RangeError(`setPlayback: bad speed ${playback.speed}`);
      this.session.playback = { playing: Boolean(playback.playing), speed: playback.speed };
      this.flush();
    },
    listFiles: (): WorkspaceFile[] => this.session.listFiles(),
    writeFile: (name: string, text: string): void => this.session.writeFile(name, text),
    deleteFile: (name: string): void => this.session.deleteFile(name),
    newSession: (options: NewSessionOptions): void => {
      const resolved = { ...options, start: options.start ?? this.options.startTime() };
      this.replaceWorld(() => {
        this.session.reset(resolved);
        this.session.playback = { playing: false, speed: this.session.playback.speed };
      });
    },
    act: (action: WorldAction): ActionResult => {
      try {
        return this.session.act(action);
      } finally {
        this.flush();
      }
    },
    saveSession: (): string => JSON.stringify(this.session.save(), null, 1),
    openSession: (text: string): OpenResult => {
      try {
        this.replaceWorld(() => {
          this.session.load(text);
          this.session.playback = { playing: false, speed: this.session.playback.speed };
        });
        return { ok: true };
      } catch (e) {
        if (e instanceof SessionFormatError) return { ok: false, error: e.message };
        return { ok: false, error: `this file could not be read (${e instanceof Error ? e.message : String(e)})` };
      }
    },
  };
}
