// The host side of the KubevilleApi around one Session, shared by both hosts (Electron main and the browser-mode
// Web Worker). It imports neither Electron nor Node nor the DOM: hosts inject the clock and how diffs are sent.
import type { CommandResult, KubevilleApi, NewSessionOptions, OpenResult, Playback, WorkspaceFile, WorldDiff, WorldSnapshot } from '../src/host/api';
import { Session, SessionFormatError } from '../src/host/session';

/** Every API call except the diff subscription, answered synchronously by the host. */
export type ApiCalls = { [K in Exclude<keyof KubevilleApi, 'onDiff'>]: (...args: Parameters<KubevilleApi[K]>) => Awaited<ReturnType<KubevilleApi[K]>> };

/** The longest wall-clock gap one frame may play (a laptop waking from sleep must not jump hours ahead). */
const MAX_FRAME_MS = 250;

export interface SessionHostOptions {
  /** Sends one diff to the renderer. */
  emit: (diff: WorldDiff) => void;
  /** The start of a new session: the current wall-clock minute, as ISO-8601. */
  startTime: () => string;
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

  readonly calls: ApiCalls = {
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
