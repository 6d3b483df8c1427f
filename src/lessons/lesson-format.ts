// The shape of a lesson once loaded (docs/lessons.md describes the YAML a teacher writes).
// Plain JSON data: it crosses to the renderer as it is.

export type Lang = 'fr' | 'en';

/** A text in the lesson's languages (Markdown). At least one language is present. */
export type Text = Partial<Record<Lang, string>>;

/** `Kind/name` in a namespace; `name` `*` means any object of that Kind. */
export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

export type CheckSpec =
  | { type: 'exists'; ref: ObjectRef }
  | { type: 'absent'; ref: ObjectRef }
  | { type: 'field'; ref: ObjectRef; path: string; equals?: unknown; atLeast?: number }
  | { type: 'label'; ref: ObjectRef; key: string; value?: string }
  | { type: 'count'; kind: string; namespace?: string; selector?: string; equals?: number; atLeast?: number }
  | { type: 'jobSucceeded'; name: string; namespace?: string }
  | { type: 'cronJobCreated'; name: string; namespace?: string; atLeast: number }
  | { type: 'hostPathFile'; node: string; path: string; glob: string; atLeast: number }
  | { type: 'commandRun'; command: string }
  | { type: 'serviceRequests'; name: string; namespace?: string; atLeast: number };

/** A check with where it was written and an optional wording of its own. */
export type Check = CheckSpec & { line: number; label?: Text };

export type Action =
  | { run: string; stdin?: string }
  | { advance: number }
  | { write: { name: string; text: string } }
  | { open: string }
  /** Something done in the app rather than typed: start traffic, stop a node (src/traffic/actions.ts). */
  | { act: Record<string, unknown> & { type: string } };

export interface Hint {
  /** Wall-clock ms after the step opens; undefined: only on demand. */
  afterMs?: number;
  text: Text;
}

/** "Predict before you step time": a question with choices (or a number) and the right answer. */
export interface Question {
  text: Text;
  choices?: string[];
  answer: string;
  explain?: Text;
}

export interface ShowSpec {
  /** The metaphor view the lesson text uses (cluster, city, mall, park). */
  view?: string;
  focus?: ObjectRef[];
  /** Simulated seconds per wall-clock second. */
  speed?: number;
}

export interface LessonStep {
  id: string;
  title: Text;
  text: Text;
  show?: ShowSpec;
  /** Done by the app when the step opens. */
  actions: Action[];
  checks: Check[];
  hints: Hint[];
  /** "Show me": performs the step. */
  solution: Action[];
  /** "What just happened", shown once the checks pass. */
  explain?: Text;
  question?: Question;
  /** Engine capabilities this step's checks need (a missing one: the step is skipped by `lesson check`). */
  requires: string[];
}

export interface StartingCluster {
  workers: number;
  seed: number;
  /** ISO-8601 UTC. */
  start: string;
  cloudProvider: 'simulated' | 'none';
  minor: number;
  /** Node name → labels set before the lesson starts. */
  labels: Record<string, Record<string, string>>;
  /** YAML applied before the lesson starts. */
  objects?: string;
}

export interface Lesson {
  name: string;
  order: number;
  title: Text;
  summary?: Text;
  languages: Lang[];
  /** The metaphor view the lesson uses by default. */
  view: string;
  cluster: StartingCluster;
  files: { name: string; text: string }[];
  steps: LessonStep[];
  /** Engine capabilities the whole lesson needs. */
  requires: string[];
  /** Where the lesson was read from. */
  source: string;
}

/** A lesson file that cannot be read: the file, the 1-based line and why. */
export class LessonFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

/** Picks a text in `lang`, else in the other language. */
export function textIn(text: Text | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] ?? text[lang === 'fr' ? 'en' : 'fr'] ?? '';
}
