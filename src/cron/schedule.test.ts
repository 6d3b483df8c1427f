import { describe, expect, it } from 'vitest';
import { nextAfter, parseStandard, type Schedule } from './schedule';

function parsed(spec: string): Schedule {
  const r = parseStandard(spec);
  if ('error' in r) throw new Error(r.error);
  return r.schedule;
}

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString().replace('.000Z', 'Z'));
const at = (s: string) => Date.parse(s);

describe('parseStandard accepts what robfig/cron v3 accepts', () => {
  it.each([
    '*/1 * * * *',
    '* * * * *',
    '0 0 1 1 *',
    '0-59/15 * * * *',
    '5/15 * * * *',
    '0 9 * * MON-FRI',
    '0 9 * * mon,wed,fri',
    '0 0 1 jan,JUL *',
    '0 0 ? * *',
    '0 0 * * ?',
    '1,2,,3 * * * *',
    '+5 * * * *',
    '0 0 31 2 *',
    '@yearly',
    '@annually',
    '@monthly',
    '@weekly',
    '@daily',
    '@midnight',
    '@hourly',
    '@every 1h30m',
    '@every 90s',
    '@every 500ms',
    'TZ=Europe/Paris 0 9 * * *',
    'CRON_TZ=UTC @daily',
    '  */5   * * * *  ',
  ])('accepts %j', (spec) => {
    expect(parseStandard(spec)).not.toHaveProperty('error');
  });
});

describe('parseStandard rejects with robfig/cron v3 error strings', () => {
  it.each([
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['0 * * * * *', 'expected exactly 5 fields, found 6: [0 * * * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * 32 * *', 'end of range (32) above maximum (31): 32'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['-5 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['* * * * L', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['* * * JANUARY *', 'failed to parse int from JANUARY: strconv.Atoi: parsing "JANUARY": invalid syntax'],
    ['@reboot', 'unrecognized descriptor: @reboot'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['@every 5x', 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"'],
    ['@every', 'unrecognized descriptor: @every'],
    ['TZ=Mars/Base * * * * *', 'provided bad location Mars/Base: unknown time zone Mars/Base'],
  ])('rejects %j', (spec, error) => {
    expect(parseStandard(spec)).toEqual({ error });
  });
});

describe('nextAfter walks wall-clock time as robfig does', () => {
  it.each([
    ['*/1 * * * *', '2026-01-05T09:00:00Z', 'UTC', '2026-01-05T09:01:00Z'],
    ['*/1 * * * *', '2026-01-05T09:00:30Z', 'UTC', '2026-01-05T09:01:00Z'],
    ['*/5 * * * *', '2026-01-05T09:03:00Z', 'UTC', '2026-01-05T09:05:00Z'],
    ['0 0 * * *', '2026-01-05T09:00:00Z', 'UTC', '2026-01-06T00:00:00Z'],
    ['@hourly', '2026-01-05T09:00:00Z', 'UTC', '2026-01-05T10:00:00Z'],
    ['@weekly', '2026-01-05T09:00:00Z', 'UTC', '2026-01-11T00:00:00Z'],
    ['@monthly', '2026-01-05T09:00:00Z', 'UTC', '2026-02-01T00:00:00Z'],
    ['@yearly', '2026-01-05T09:00:00Z', 'UTC', '2027-01-01T00:00:00Z'],
    ['0 0 29 2 *', '2026-01-05T09:00:00Z', 'UTC', '2028-02-29T00:00:00Z'],
    // Both day fields restricted: either is enough (the 13th, or any Friday).
    ['0 0 13 * 5', '2026-01-05T09:00:00Z', 'UTC', '2026-01-09T00:00:00Z'],
    // One of them `*`: both must match (Friday the 13th).
    ['0 0 13 * *', '2026-01-05T09:00:00Z', 'UTC', '2026-01-13T00:00:00Z'],
    ['0 0 ? * 5', '2026-01-05T09:00:00Z', 'UTC', '2026-01-09T00:00:00Z'],
    // `*/1` keeps the star; `1-31` does not, so a restricted day-of-week then widens it.
    ['0 0 */1 * 5', '2026-01-05T09:00:00Z', 'UTC', '2026-01-09T00:00:00Z'],
    ['0 0 1-31 * 5', '2026-01-05T09:00:00Z', 'UTC', '2026-01-06T00:00:00Z'],
    ['@every 90s', '2026-01-05T09:00:00.500Z', 'UTC', '2026-01-05T09:01:30Z'],
    ['@every 100ms', '2026-01-05T09:00:00Z', 'UTC', '2026-01-05T09:00:01Z'],
    // In a zone: 9:00 in Paris is 08:00Z in winter and 07:00Z in summer.
    ['TZ=Europe/Paris 0 9 * * *', '2026-01-05T09:00:00Z', 'UTC', '2026-01-06T08:00:00Z'],
    ['TZ=Europe/Paris 0 9 * * *', '2026-07-05T09:00:00Z', 'UTC', '2026-07-06T07:00:00Z'],
    ['0 9 * * *', '2026-01-05T09:00:00Z', 'Europe/Paris', '2026-01-06T08:00:00Z'],
    // Spring forward in Paris (29 March 2026, 02:00 → 03:00): 02:30 does not exist and robfig skips that day's
    // run (as its own test "2am EST -> 3am EDT" shows), so the next one is on the 30th.
    ['TZ=Europe/Paris 30 2 * * *', '2026-03-28T12:00:00Z', 'UTC', '2026-03-30T00:30:00Z'],
    ['TZ=Europe/Paris 0 * * * *', '2026-03-29T00:30:00Z', 'UTC', '2026-03-29T01:00:00Z'],
    // Fall back (25 October 2026, 03:00 → 02:00): 02:30 happens twice, and so does the run.
    ['TZ=Europe/Paris 30 2 * * *', '2026-10-24T12:00:00Z', 'UTC', '2026-10-25T00:30:00Z'],
    ['TZ=Europe/Paris 30 2 * * *', '2026-10-25T00:30:00Z', 'UTC', '2026-10-25T01:30:00Z'],
    ['TZ=Europe/Paris 30 2 * * *', '2026-10-25T01:30:00Z', 'UTC', '2026-10-26T01:30:00Z'],
    ['0 0 31 2 *', '2026-01-05T09:00:00Z', 'UTC', undefined],
  ])('%s after %s (%s) is %s', (spec, from, zone, expected) => {
    expect(iso(nextAfter(parsed(spec), at(from), zone))).toBe(expected);
  });
});
