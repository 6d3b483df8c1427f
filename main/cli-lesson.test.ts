import { describe, expect, it } from 'vitest';
import { runCli, type CliIO } from './cli-app';

function io(files: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIO = {
    readFile: (p) => files[p],
    writeFile: (p, t) => void (files[p] = t),
    listDir: () => undefined,
    stdin: () => '',
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    env: {},
    now: () => Date.parse('2026-01-05T09:00:00Z'),
  };
  return { cli, out };
}

describe('kubeville lesson', () => {
  it('lists one lesson a line, its name first, no header', () => {
    const { cli, out } = io();
    expect(runCli(['lesson', 'list'], cli)).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[7]).toBe('jobs\t8\tExercise 1: creating and managing Jobs');
  });

  it('checks a teacher’s lesson file and exits 1 naming the failing check', () => {
    const lesson = 'name: mine\ntitle: Mine\nlanguages: [en]\nsteps:\n  - id: s\n    title: S\n    text: T\n    checks:\n      - jobSucceeded: myjob1\n    solution:\n      - run: kubectl create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"\n';
    const { cli, out } = io({ 'teacher/mine.lesson.yaml': lesson });
    expect(runCli(['lesson', 'check', 'teacher/mine.lesson.yaml'], cli)).toBe(1);
    expect(out.stdout).toBe('lesson mine: FAIL\n  step 1 s: FAIL\n    FAIL Job myjob1 succeeded (Complete) — seen: succeeded 0\n');
  });

  it('reports a lesson file’s format error with file, line and reason', () => {
    const { cli, out } = io({ 'bad.yaml': 'name: Bad Name\nsteps: []\n' });
    expect(runCli(['lesson', 'check', 'bad.yaml'], cli)).toBe(1);
    expect(out.stderr).toBe('bad.yaml:1: name "Bad Name" must be lowercase letters, digits and dashes (it is typed in `kubeville lesson check NAME`)\n');
  });
});
