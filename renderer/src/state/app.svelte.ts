// The application's shared state: the API, the world, what is selected, the console, the files, the view options.
import { getContext } from 'svelte';
import type { KubevilleApi } from '../../../src/host/api';
import type { HostKind } from '../api/connect';
import type { ObjectKey } from '../view/object-key';
import { ConsoleState } from './console.svelte';
import { FilesState } from './files.svelte';
import { WorldState } from './world.svelte';

export type SideTab = 'object' | 'files' | 'lesson';

export class AppState {
  world = new WorldState();
  console: ConsoleState;
  files: FilesState;
  selected = $state<ObjectKey | undefined>(undefined);
  sideTab = $state<SideTab>('files');
  /** The kind cluster's own pods (kube-system…): hidden by default so the lesson's objects stand out. */
  showSystem = $state(false);
  /** A short message at the top (opened, saved, or why a file was refused). */
  notice = $state<{ text: string; error: boolean } | undefined>(undefined);
  startError = $state<string | undefined>(undefined);
  /** A long step (an hour or more) in flight: the engine may take a moment, the time bar says so. */
  forwarding = $state<number | undefined>(undefined);
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    public api: KubevilleApi,
    public host: HostKind,
  ) {
    this.console = new ConsoleState(api);
    this.files = new FilesState(api);
  }

  async start(): Promise<void> {
    this.api.onDiff((diff) => {
      this.world.apply(diff);
      if (diff.replaced) void this.files.refresh();
    });
    try {
      this.world.load(await this.api.getWorld());
      await this.files.refresh();
    } catch (e) {
      this.startError = e instanceof Error ? e.message : String(e);
    }
  }

  select(key: ObjectKey | undefined): void {
    this.selected = key;
    if (key) this.sideTab = 'object';
  }

  notify(text: string, error = false): void {
    this.notice = { text, error };
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = undefined), error ? 12000 : 4000);
  }

  // Time controls.
  togglePlay(): Promise<void> {
    return this.api.setPlayback({ playing: !this.world.playback.playing, speed: this.world.playback.speed });
  }
  setSpeed(speed: number): Promise<void> {
    return this.api.setPlayback({ playing: this.world.playback.playing, speed });
  }
  async step(ms: number): Promise<void> {
    if (ms < 3_600_000) return this.api.advance(ms);
    if (this.forwarding !== undefined) return;
    this.forwarding = ms;
    try {
      await this.api.advance(ms);
    } finally {
      this.forwarding = undefined;
    }
  }
  nextEvent(): Promise<void> {
    return this.api.advanceToNextEvent();
  }
}

const KEY = Symbol('kubeville-app');

/** The context map to mount the app with, so every component can `useApp()`. */
export function appContext(app: AppState): Map<symbol, AppState> {
  return new Map([[KEY, app]]);
}

export function useApp(): AppState {
  return getContext<AppState>(KEY);
}
