import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../apiserver/api-error';
import { validateSchedule, validateTimeZone } from './schedule-validation';

const messages = (errs: ReturnType<typeof validateSchedule>) => errs.map(formatFieldError);

describe('the API server validates spec.schedule', () => {
  it.each([
    ['*/1 * * * *', []],
    ['@every 5m', []],
    ['* * * *', ['spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]']],
    ['*/1 * * * * *', ['spec.schedule: Invalid value: "*/1 * * * * *": expected exactly 5 fields, found 6: [*/1 * * * * *]']],
    ['61 * * * *', ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']],
    ['TZ=Europe/Paris 0 9 * * *', ['spec.schedule: Invalid value: "TZ=Europe/Paris 0 9 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
    [
      'CRON_TZ=Mars/Base 0 9 * * *',
      [
        'spec.schedule: Invalid value: "CRON_TZ=Mars/Base 0 9 * * *": provided bad location Mars/Base: unknown time zone Mars/Base',
        'spec.schedule: Invalid value: "CRON_TZ=Mars/Base 0 9 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      ],
    ],
  ])('%j', (schedule, expected) => {
    expect(messages(validateSchedule(schedule as string, undefined))).toEqual(expected);
  });
});

describe('the API server validates spec.timeZone', () => {
  it.each([
    [undefined, []],
    ['Europe/Paris', []],
    ['Etc/UTC', []],
    ['UTC', []],
    ['Mars/Base', ['spec.timeZone: Invalid value: "Mars/Base": unknown time zone Mars/Base']],
    ['europe/paris', ['spec.timeZone: Invalid value: "europe/paris": unknown time zone europe/paris']],
    ['', ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string']],
    ['Local', ['spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']],
    ['../etc/passwd', ['spec.timeZone: Invalid value: "../etc/passwd": unknown time zone ../etc/passwd']],
  ])('%j', (zone, expected) => {
    expect(validateTimeZone(zone as string | undefined).map(formatFieldError)).toEqual(expected);
  });
});
