import { describe, expect, it } from 'vitest';
import { describeSchedule } from './describe-schedule';

describe('describeSchedule', () => {
  it.each([
    ['*/1 * * * *', 'en', undefined, 'Every minute'],
    ['*/1 * * * *', 'fr', undefined, 'Toutes les minutes'],
    ['0 0 * * 1', 'en', undefined, 'At 00:00, only on Monday'],
    ['0 0 1 * 1', 'en', undefined, 'At 00:00, on day 1 of the month, and on Monday (either the day of the month or the day of the week is enough)'],
    ['0 0 1 * 1', 'fr', undefined, 'À 00:00, le 1 du mois, et lundi (le jour du mois ou le jour de la semaine suffit)'],
    ['@daily', 'en', undefined, 'At 00:00'],
    ['@every 5m', 'en', undefined, 'Every 5m'],
    ['0 9 * * *', 'fr', 'Europe/Paris', 'À 09:00 (fuseau horaire Europe/Paris)'],
    ['* * * *', 'en', undefined, 'Invalid schedule: expected exactly 5 fields, found 4: [* * * *]'],
  ] as const)('%s (%s)', (spec, locale, zone, expected) => {
    expect(describeSchedule(spec, locale, zone)).toBe(expected);
  });
});
