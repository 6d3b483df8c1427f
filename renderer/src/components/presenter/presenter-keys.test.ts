import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcut-keys';
import { nextSpeed } from './speed-steps';
import { keyLine } from './key-line';

const key = (k: string, more: Partial<Parameters<typeof shortcutFor>[0]> = {}) => shortcutFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, inField: false, ...more });

describe('presenter shortcuts', () => {
  it.each([
    [' ', 'play'],
    ['ArrowRight', 'step'],
    ['n', 'next-event'],
    ['c', 'next-cron'],
    ['f', 'projector'],
    ['?', 'sheet'],
    ['+', 'speed'],
  ])('maps %j to %s', (k, type) => expect(key(k)?.type).toBe(type));

  it('switches views with 1–4', () => expect(key('3')).toEqual({ type: 'view', index: 2 }));
  it('leaves keys typed in the console alone, except Escape', () => {
    expect(key('f', { inField: true })).toBeUndefined();
    expect(key('Escape', { inField: true })).toEqual({ type: 'escape' });
  });
  it('ignores modified keys (the browser’s own shortcuts)', () => expect(key('f', { ctrlKey: true })).toBeUndefined());
});

describe('nextSpeed', () => {
  it.each([
    [1, 1, 2],
    [600, 1, 600],
    [10, -1, 2],
    [1, -1, 1],
    [30, 1, 60],
    [30, -1, 10],
  ] as const)('from %i× going %i gives %i×', (from, dir, to) => expect(nextSpeed(from, dir)).toBe(to));
});

describe('keyLine', () => {
  it('shows a one-line answer as is', () => expect(keyLine('deployment.apps/web created\n', '')).toBe('deployment.apps/web created'));
  it('shows the error first', () => expect(keyLine('', 'Error from server (NotFound): pods "x" not found\n')).toBe('Error from server (NotFound): pods "x" not found'));
  it('shows a table’s header and its last row', () =>
    expect(keyLine('NAME       TYPE       CLUSTER-IP\nweb-gate   NodePort   10.96.0.10\n', '')).toBe('NAME       TYPE       CLUSTER-IP\nweb-gate   NodePort   10.96.0.10'));
});
