// `kubeville lesson check`: runs a lesson's "show me" solutions through the engine, step by step, and reports
// each check. A lesson needing a capability the engine lacks is SKIPPED with the reason, never passed.
import { Session } from '../host/session';
import { describeCheck, evaluateCheck } from './checks';
import { missingCapabilities } from './capabilities';
import type { Lang, Lesson } from './lesson-format';
import { commandsSince, performActions, startLesson } from './lesson-session';

export type Verdict = 'PASS' | 'FAIL' | 'SKIPPED';

export interface StepReport {
  id: string;
  verdict: Verdict;
  reason?: string;
  checks: { text: string; verdict: Verdict; seen?: string }[];
  /** Commands of the solution that failed (exit code ≠ 0), with their error output. */
  failedCommands: { line: string; stderr: string }[];
}

export interface LessonReport {
  name: string;
  verdict: Verdict;
  reason?: string;
  steps: StepReport[];
}

/** Runs the lesson's solutions and evaluates every step's checks. */
export function checkLesson(lesson: Lesson, lang: Lang = 'en'): LessonReport {
  const missing = missingCapabilities(lesson.requires);
  if (missing.length) {
    return { name: lesson.name, verdict: 'SKIPPED', reason: `the engine lacks ${missing.join(', ')}`, steps: [] };
  }
  const session = new Session({ start: lesson.cluster.start });
  startLesson(session, lesson);
  const steps: StepReport[] = [];
  for (const [i, step] of lesson.steps.entries()) {
    if (i > 0) {
      session.lesson!.step = i;
      performActions(session, step.actions);
    }
    const failedCommands = performActions(session, step.solution)
      .filter((r) => r.result.exitCode !== 0)
      .map(({ line, result }) => ({ line, stderr: result.stderr }));
    const stepMissing = missingCapabilities(step.requires);
    const subject = { sim: session.sim, commands: commandsSince(session, session.lesson!.journalStart) };
    const checks = step.checks.map((c) => {
      const outcome = evaluateCheck(c, subject);
      const verdict: Verdict = outcome.ok ? 'PASS' : stepMissing.length ? 'SKIPPED' : 'FAIL';
      return { text: describeCheck(c, lang), verdict, seen: outcome.ok ? undefined : outcome.seen };
    });
    const verdict: Verdict = checks.some((c) => c.verdict === 'FAIL') ? 'FAIL' : checks.some((c) => c.verdict === 'SKIPPED') ? 'SKIPPED' : 'PASS';
    steps.push({ id: step.id, verdict, reason: verdict === 'SKIPPED' ? `the engine lacks ${stepMissing.join(', ')}` : undefined, checks, failedCommands });
  }
  const verdict: Verdict = steps.some((s) => s.verdict === 'FAIL') ? 'FAIL' : steps.some((s) => s.verdict === 'SKIPPED') ? 'SKIPPED' : 'PASS';
  const skippedSteps = steps.filter((s) => s.verdict === 'SKIPPED').map((s) => s.id);
  return { name: lesson.name, verdict, reason: verdict === 'SKIPPED' ? `steps ${skippedSteps.join(', ')} need ${[...new Set(lesson.steps.flatMap((s) => missingCapabilities(s.requires)))].join(', ')}` : undefined, steps };
}

/** The report as `lesson check` prints it. */
export function formatReport(report: LessonReport): string {
  let out = `lesson ${report.name}: ${report.verdict}${report.reason ? ` (${report.reason})` : ''}\n`;
  for (const [i, s] of report.steps.entries()) {
    out += `  step ${i + 1} ${s.id}: ${s.verdict}${s.reason ? ` (${s.reason})` : ''}\n`;
    for (const c of s.checks) out += `    ${c.verdict === 'PASS' ? 'ok  ' : c.verdict === 'FAIL' ? 'FAIL' : 'SKIP'} ${c.text}${c.seen ? ` — seen: ${c.seen}` : ''}\n`;
    if (s.verdict === 'FAIL') for (const f of s.failedCommands) out += `    command failed: ${f.line}\n${f.stderr.replace(/^/gm, '      ').trimEnd()}\n`;
  }
  return out;
}
