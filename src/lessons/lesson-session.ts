// A lesson running on a Session: starting it (the lesson's cluster, files and objects), the learner's progress,
// the live status of the current step's checks, and "show me".
import type { Session } from '../host/session';
import type { CommandResult } from '../host/api';
import { describeCheck, evaluateCheck, type CheckSubject } from './checks';
import { missingCapabilities } from './capabilities';
import type { Action, Lang, Lesson } from './lesson-format';

/** Saved with the session: where the learner is in a lesson. */
export interface LessonProgress {
  name: string;
  step: number;
  /** Ids of the steps whose checks passed at least once. */
  passed: string[];
  /** Journal length when the lesson started: commands before it (the lesson's own set-up) do not count. */
  journalStart: number;
  /** Wall-clock-free: simulated time the current step opened. */
  stepOpenedAt: number;
}

export interface CheckStatus {
  text: Record<Lang, string>;
  ok: boolean;
  skipped?: boolean;
  seen?: string;
}

export interface LessonStatus {
  name: string;
  step: number;
  passed: string[];
  checks: CheckStatus[];
  /** Every check of the step passes (and none is skipped). */
  complete: boolean;
  /** Capabilities the current step or lesson needs that the engine lacks. */
  missing: string[];
}

/** The command lines typed since the lesson started. */
export function commandsSince(session: Session, journalStart: number): string[] {
  return session.journal.slice(journalStart).flatMap((e) => (e.type === 'command' ? [e.line] : []));
}

/** Replaces the session's cluster with the lesson's and opens its first step. */
export function startLesson(session: Session, lesson: Lesson): LessonProgress {
  const c = lesson.cluster;
  session.reset({ workers: c.workers, seed: c.seed, start: c.start, cloudProvider: c.cloudProvider, minor: c.minor });
  for (const f of session.listFiles()) session.deleteFile(f.name);
  for (const f of lesson.files) session.writeFile(f.name, f.text);
  for (const [node, labels] of Object.entries(c.labels)) {
    session.run(`kubectl label node ${node} ${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(' ')} --overwrite`);
  }
  if (c.objects) session.run('kubectl apply -f -', c.objects);
  const progress: LessonProgress = { name: lesson.name, step: 0, passed: [], journalStart: session.journal.length, stepOpenedAt: session.sim.now() };
  session.lesson = progress;
  openStep(session, lesson, 0);
  progress.journalStart = session.journal.length;
  return progress;
}

/** Performs actions (a step's own, or its "show me"); returns what each command printed. */
export function performActions(session: Session, actions: Action[]): { line: string; result: CommandResult }[] {
  const results: { line: string; result: CommandResult }[] = [];
  for (const a of actions) {
    if ('run' in a) results.push({ line: a.run, result: session.run(a.run, a.stdin ?? '') });
    else if ('advance' in a) session.advance(a.advance);
    else if ('write' in a) session.writeFile(a.write.name, a.write.text);
    else if ('act' in a) {
      const r = session.act(a.act as unknown as Parameters<Session['act']>[0]);
      results.push({ line: `(${a.act.type})`, result: { stdout: '', stderr: r.ok ? '' : `${r.error}\n`, exitCode: r.ok ? 0 : 1, elapsedMs: 0 } });
    }
  }
  return results;
}

/** Moves to step `index` and performs its opening actions. */
export function openStep(session: Session, lesson: Lesson, index: number): void {
  const progress = session.lesson;
  if (!progress || progress.name !== lesson.name) return;
  const i = Math.max(0, Math.min(lesson.steps.length - 1, index));
  progress.step = i;
  progress.stepOpenedAt = session.sim.now();
  performActions(session, lesson.steps[i]!.actions);
}

/** The current step's checks, evaluated now; marks the step passed when they all hold. */
export function lessonStatus(session: Session, lesson: Lesson): LessonStatus | undefined {
  const progress = session.lesson;
  if (!progress || progress.name !== lesson.name) return undefined;
  const step = lesson.steps[progress.step]!;
  const missing = missingCapabilities([...lesson.requires, ...step.requires]);
  const subject: CheckSubject = { sim: session.sim, commands: commandsSince(session, progress.journalStart) };
  const checks: CheckStatus[] = step.checks.map((c) => {
    const text = { fr: describeCheck(c, 'fr'), en: describeCheck(c, 'en') };
    const outcome = evaluateCheck(c, subject);
    if (!outcome.ok && missing.length) return { text, ok: false, skipped: true, seen: outcome.seen };
    return { text, ok: outcome.ok, seen: outcome.seen };
  });
  const complete = checks.length > 0 && checks.every((c) => c.ok);
  if (complete && !progress.passed.includes(step.id)) progress.passed.push(step.id);
  return { name: lesson.name, step: progress.step, passed: [...progress.passed], checks, complete, missing };
}
