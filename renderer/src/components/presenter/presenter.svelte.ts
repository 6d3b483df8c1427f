// The presenter's choices: which view is shown, projector mode, the folded console, high contrast, reduced motion,
// the spotlight, the legend and the shortcuts sheet. Looks are remembered between visits; the view too.
import type { MetaphorId } from '../../views/shared/metaphor';

export type ViewId = 'technical' | MetaphorId;
export const VIEWS: readonly ViewId[] = ['technical', 'city', 'mall', 'park'];

const STORAGE_KEY = 'kubeville.presenter';

interface Saved {
  view?: ViewId;
  highContrast?: boolean;
  reduceMotion?: boolean;
  legend?: boolean;
  side?: boolean;
}

function load(): Saved {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Saved;
  } catch {
    return {};
  }
}

class PresenterState {
  private saved = load();
  view = $state<ViewId>(VIEWS.includes(this.saved.view ?? 'technical') ? (this.saved.view ?? 'technical') : 'technical');
  projector = $state(false);
  consoleFolded = $state(false);
  highContrast = $state(this.saved.highContrast ?? false);
  reduceMotion = $state(this.saved.reduceMotion ?? (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches));
  spotlight = $state(false);
  legend = $state(this.saved.legend ?? true);
  /** The side panel (object, files, lesson) beside the view; folded, the view takes the whole width. */
  side = $state(this.saved.side ?? true);
  sheet = $state(false);
  menu = $state(false);

  setView(view: ViewId): void {
    this.view = view;
    this.save();
  }

  toggle(option: 'highContrast' | 'reduceMotion' | 'legend' | 'side' | 'spotlight' | 'consoleFolded'): void {
    this[option] = !this[option];
    this.save();
  }

  async setProjector(on: boolean): Promise<void> {
    // The class watches the picture: the console starts folded to a caption (the menu unfolds it).
    if (on && !this.projector) this.consoleFolded = true;
    this.projector = on;
    try {
      if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen();
      else if (!on && document.fullscreenElement) await document.exitFullscreen();
    } catch {
      // Full screen may be refused (no user gesture, a kiosk browser): the layout change still applies.
    }
  }

  private save(): void {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ view: this.view, highContrast: this.highContrast, reduceMotion: this.reduceMotion, legend: this.legend, side: this.side } satisfies Saved));
    } catch {
      // No storage: the choices last this visit.
    }
  }
}

export const presenter = new PresenterState();
