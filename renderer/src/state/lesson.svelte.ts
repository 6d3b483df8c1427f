// The open lesson: its steps, the live status of the current step's checks, hints, answers, explanations, and the
// progress remembered per lesson (localStorage). Checks are evaluated by the host; this only asks and shows.
import type { CommandResult, Explanation, Lesson, LessonStatus, LessonSummary } from '../../../src/host/api';
import type { AppState } from './app.svelte';
import { keyOf } from '../view/object-key';
import { presenter, VIEWS, type ViewId } from '../components/presenter/presenter.svelte';

const PROGRESS_KEY = 'kubeville.lessonProgress';
const REFRESH_MS = 200;

export interface RememberedProgress {
  step: number;
  passed: string[];
}

export class LessonState {
  list = $state.raw<LessonSummary[]>([]);
  lesson = $state.raw<Lesson | undefined>(undefined);
  status = $state.raw<LessonStatus | undefined>(undefined);
  explanations = $state.raw<Explanation[]>([]);
  dismissed = $state.raw<ReadonlySet<string>>(new Set());
  /** Hints shown on demand in the current step. */
  hintsShown = $state(0);
  /** Wall-clock ms since the step opened (for hints that appear after a while). */
  stepOpenedAt = $state(Date.now());
  now = $state(Date.now());
  answers = $state<Record<string, string>>({});
  lastShowMe = $state.raw<{ line: string; result: CommandResult }[]>([]);
  private pending = false;
  private again = false;
  private soon: ReturnType<typeof setTimeout> | undefined;

  step = $derived(this.lesson && this.status ? this.lesson.steps[this.status.step] : this.lesson?.steps[0]);

  constructor(private app: AppState) {
    // Every second too: a command that changes nothing (kubectl get, a refused apply) sends no diff, yet it can pass
    // a check or call for an explanation.
    setInterval(() => {
      this.now = Date.now();
      void this.refresh();
    }, 1000);
  }

  async init(): Promise<void> {
    this.list = await this.app.api.listLessons();
    this.lesson = await this.app.api.currentLesson();
    this.app.api.onDiff((diff) => {
      if (diff.replaced) void this.app.api.currentLesson().then((l) => (this.lesson = l));
      // A playing simulation sends 20 diffs a second: the checks are asked at most every REFRESH_MS.
      this.soon ??= setTimeout(() => {
        this.soon = undefined;
        void this.refresh();
      }, REFRESH_MS);
    });
    await this.refresh();
  }

  /** Asks the host for the checks and explanations, at most one request in flight. */
  async refresh(): Promise<void> {
    if (this.pending) {
      this.again = true;
      return;
    }
    this.pending = true;
    try {
      const [status, explanations] = await Promise.all([this.app.api.lessonStatus(), this.app.api.explanations()]);
      if (status?.step !== this.status?.step) {
        this.hintsShown = 0;
        this.stepOpenedAt = Date.now();
        this.lastShowMe = [];
      }
      // Asked after every diff: only a change is assigned, so what shows them is not redrawn 60 times a second.
      if (JSON.stringify(status) !== JSON.stringify(this.status)) this.status = status;
      if (JSON.stringify(explanations) !== JSON.stringify(this.explanations)) this.explanations = explanations;
      if (status) remember(status.name, { step: status.step, passed: status.passed });
    } finally {
      this.pending = false;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    }
  }

  async start(name: string): Promise<void> {
    this.lesson = await this.app.api.startLesson(name);
    this.answers = {};
    await this.refresh();
    await this.app.files.refresh();
    const open = this.step?.actions.find((a) => 'open' in a);
    if (open && 'open' in open) this.app.files.open(open.open);
    this.showView();
  }

  /** The metaphor view the step (or the lesson) uses; the lesson format's `cluster` is the technical view. */
  private showView(): void {
    const wanted = this.step?.show?.view ?? this.lesson?.view;
    const view = (wanted === 'cluster' ? 'technical' : wanted) as ViewId | undefined;
    if (view && VIEWS.includes(view) && presenter.view !== view) presenter.setView(view);
  }

  async goto(index: number): Promise<void> {
    await this.app.api.gotoLessonStep(index);
    await this.refresh();
    await this.app.files.refresh();
    const open = this.step?.actions.find((a) => 'open' in a);
    if (open && 'open' in open) this.app.files.open(open.open);
    if (this.step?.show?.speed) void this.app.setSpeed(this.step.show.speed);
    this.showView();
  }

  async showMe(): Promise<void> {
    this.lastShowMe = await this.app.api.showMe();
    await this.app.files.refresh();
    const open = this.step?.solution.find((a) => 'open' in a);
    if (open && 'open' in open) this.app.files.open(open.open);
    await this.refresh();
  }

  /** Selects the objects an explanation is about (the view highlights the selection). */
  highlight(e: Explanation): void {
    const o = e.objects[0];
    if (o) this.app.select(keyOf(o.kind, o.namespace, o.name));
  }

  dismiss(id: string): void {
    this.dismissed = new Set([...this.dismissed, id]);
  }

  // A refused apiVersion is explained under kubectl's output in the console (components/cronjob/ConsoleExplanation),
  // right where the learner reads the error; the overlay would say it a second time.
  visibleExplanations = $derived(this.explanations.filter((e) => !this.dismissed.has(e.id) && e.kind !== 'removed-api-version'));

  /** Hints due now: those with a delay that has passed, plus those asked for. */
  hints = $derived.by(() => {
    const step = this.step;
    if (!step) return [];
    const elapsed = this.now - this.stepOpenedAt;
    const timed = step.hints.filter((h) => h.afterMs !== undefined && elapsed >= h.afterMs);
    const onDemand = step.hints.filter((h) => h.afterMs === undefined || elapsed < h.afterMs).slice(0, this.hintsShown);
    return [...onDemand, ...timed];
  });

  moreHints = $derived(this.step ? this.hints.length < this.step.hints.length : false);
}

export function remembered(): Record<string, RememberedProgress> {
  try {
    const v = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, RememberedProgress>) : {};
  } catch {
    return {};
  }
}

function remember(name: string, progress: RememberedProgress): void {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ ...remembered(), [name]: progress }));
  } catch {
    // No storage: progress lasts this visit (and the autosave).
  }
}

const states = new WeakMap<AppState, LessonState>();

/** The lesson state of this app (created on first use). */
export function lessonStateOf(app: AppState): LessonState {
  let s = states.get(app);
  if (!s) {
    s = new LessonState(app);
    states.set(app, s);
    void s.init();
  }
  return s;
}
