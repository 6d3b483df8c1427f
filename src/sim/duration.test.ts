import { describe, expect, it } from 'vitest';
import { humanDuration, isoSeconds, parseDuration, shortHumanDuration } from './duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration (k8s.io/apimachinery/pkg/util/duration.HumanDuration)', () => {
  // Cases from duration_test.go upstream, plus the boundaries of each branch.
  it.each([
    [-2 * S, '<invalid>'],
    [-1500, '0s'],
    [-1 * S, '0s'],
    [-500, '0s'],
    [0, '0s'],
    [999, '0s'],
    [1 * S, '1s'],
    [70 * S, '70s'],
    [119 * S, '119s'],
    [120 * S, '2m'],
    [121 * S, '2m1s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [10 * M + 59 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 30 * M, '3h30m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [8 * H + 59 * M, '8h'],
    [47 * H + 59 * M, '47h'],
    [48 * H, '2d'],
    [48 * H + 1 * H, '2d1h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [2 * Y - D, '729d'],
    [2 * Y, '2y'],
    [2 * Y + 10 * D, '2y10d'],
    [8 * Y - D, '7y364d'],
    [8 * Y, '8y'],
    [50 * Y, '50y'],
  ])('prints %i ms as %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('shortHumanDuration', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-1500, '0s'],
    [-1 * S, '0s'],
    [0, '0s'],
    [59 * S, '59s'],
    [60 * S, '1m'],
    [59 * M + 59 * S, '59m'],
    [60 * M, '1h'],
    [23 * H + 59 * M, '23h'],
    [24 * H, '1d'],
    [364 * D, '364d'],
    [365 * D, '1y'],
    [3 * Y + 100 * D, '3y'],
  ])('prints %i ms as %s', (ms, text) => {
    expect(shortHumanDuration(ms)).toBe(text);
  });
});

describe('parseDuration', () => {
  it.each([
    ['30s', 30 * S],
    ['5m', 5 * M],
    ['1h30m', H + 30 * M],
    ['2d', 2 * D],
    ['1.5h', 1.5 * H],
    ['250ms', 250],
    ['1m30s', 90 * S],
    ['10', 10 * S],
    ['0.5', 500],
    [' 5m ', 5 * M],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'abc', '5x', '5m garbage', 'm5', '-5s', '5 m'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('isoSeconds', () => {
  it('prints RFC 3339 at second precision, dropping milliseconds', () => {
    expect(isoSeconds(Date.parse('2026-01-05T09:00:00.999Z'))).toBe('2026-01-05T09:00:00Z');
  });
});
