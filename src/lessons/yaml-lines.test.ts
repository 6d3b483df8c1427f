import { describe, expect, it } from 'vitest';
import { lineOfPath, splitFieldPath } from './yaml-lines';

const TEXT = `name: jobs
steps:
  - id: one
    text:
      fr: |
        a: b
        - c
    checks:
      - exists: Job/a
      - jobSucceeded: a
  - id: two
    checks:
    - commandRun: kubectl get jobs
`;

describe('lineOfPath', () => {
  it('finds keys inside sequence items, skipping block scalars', () => {
    expect(lineOfPath(TEXT, ['steps', 0, 'checks', 1])).toBe(10);
    expect(lineOfPath(TEXT, ['steps', 1, 'checks', 0, 'commandRun'])).toBe(13);
    expect(lineOfPath(TEXT, ['steps', 1, 'id'])).toBe(11);
  });

  it('stops at the deepest part that exists', () => {
    expect(lineOfPath(TEXT, ['steps', 0, 'hints', 3])).toBe(3);
    expect(lineOfPath(TEXT, ['nothing'])).toBe(1);
  });

  it('splits kubectl-style field paths', () => {
    expect(splitFieldPath('spec.template.spec.containers[0].image')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'image']);
  });
});
