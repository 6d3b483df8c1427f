import { describe, expect, it } from 'vitest';
import { loadLesson } from './load-lesson';
import { LessonFormatError } from './lesson-format';

const GOOD = `name: tiny
title: { fr: Petit, en: Tiny }
steps:
  - id: one
    title: { fr: Un, en: One }
    text: { fr: Texte, en: Text }
    checks:
      - exists: Job/myjob1
    solution:
      - run: kubectl create job myjob1 --image=busybox
`;

function errorOf(text: string): LessonFormatError {
  try {
    loadLesson(text, 'teacher/lesson.yaml');
  } catch (e) {
    if (e instanceof LessonFormatError) return e;
    throw e;
  }
  throw new Error('the lesson was accepted');
}

describe('loadLesson', () => {
  it('reads a minimal lesson with defaults for the cluster', () => {
    const lesson = loadLesson(GOOD, 'tiny.lesson.yaml');
    expect(lesson.name).toBe('tiny');
    expect(lesson.cluster).toMatchObject({ workers: 2, seed: 1, minor: 32, cloudProvider: 'simulated', start: '2026-01-05T09:00:00.000Z' });
    expect(lesson.steps[0]!.checks[0]).toMatchObject({ type: 'exists', ref: { kind: 'Job', name: 'myjob1' }, line: 8 });
  });

  it('reports a YAML syntax error with the file and the line of the mark', () => {
    const e = errorOf('name: x\nsteps:\n  - id: a\n   title: b\n');
    expect(e.file).toBe('teacher/lesson.yaml');
    expect(e.line).toBe(4);
    expect(e.reason).toMatch(/^YAML syntax:/);
  });

  it('reports an unknown check type at the line of the check', () => {
    const e = errorOf(GOOD.replace('- exists: Job/myjob1', '- jobDone: myjob1'));
    expect(e.line).toBe(8);
    expect(e.reason).toBe('a check needs one of: exists, absent, field, label, count, jobSucceeded, cronJobCreated, hostPathFile, commandRun, serviceRequests');
  });

  it('reports a malformed object reference', () => {
    const e = errorOf(GOOD.replace('Job/myjob1', 'job myjob1'));
    expect(e.message).toBe('teacher/lesson.yaml:8: "job myjob1" is not an object reference: write Kind/name (e.g. Job/myjob1, Node/*)');
  });

  it('reports a missing translation for one of the lesson languages', () => {
    const e = errorOf(GOOD.replace('text: { fr: Texte, en: Text }', 'text: { fr: Texte }'));
    expect(e.line).toBe(6);
    expect(e.reason).toBe('the step text has no en text (the lesson\'s languages are fr, en)');
  });

  it('reports a bad duration in a hint, an unknown capability and a provided file that is not there', () => {
    expect(errorOf(GOOD + '    hints:\n      - after: soon\n        text: { fr: a, en: b }\n').message).toBe('teacher/lesson.yaml:12: after "soon" is not a duration (e.g. 30s, 5m, 1h)');
    expect(errorOf(GOOD + 'requires: [teleport]\n').message).toMatch(/^teacher\/lesson\.yaml:11: unknown capability "teleport"/);
    expect(errorOf(GOOD + 'files:\n  - from: files/missing.yaml\n').message).toBe('teacher/lesson.yaml:12: the file "files/missing.yaml" was not found next to the lesson');
  });

  it('refuses a question whose answer is not among its choices', () => {
    const e = errorOf(GOOD + '    question:\n      text: { fr: Combien ?, en: How many? }\n      choices: ["1", "3"]\n      answer: "2"\n');
    expect(e.line).toBe(14);
    expect(e.reason).toBe('the answer "2" is not one of the choices');
  });
});
