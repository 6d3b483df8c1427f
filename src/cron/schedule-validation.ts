// The API server's checks of spec.schedule and spec.timeZone (pkg/apis/batch/validation: validateScheduleFormat,
// validateTimeZone), registered into the API server's validation through setScheduleValidator.
import type { FieldError } from '../apiserver/api-error';
import { setScheduleValidator } from '../apiserver/validation';
import { parseStandard } from './schedule';
import { isKnownTimeZone } from './time-zone';

const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone: nil is fine, "" and Local are not, every part must look like a zone name and load. */
export function validateTimeZone(timeZone: string | undefined, field = 'spec.timeZone'): FieldError[] {
  if (timeZone === undefined || timeZone === null) return [];
  if (timeZone.length === 0) return [{ field, type: 'Invalid value', value: timeZone, detail: 'timeZone must be nil or non-empty string' }];
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) {
      return [{ field, type: 'Invalid value', value: timeZone, detail: `unknown time zone ${timeZone}` }];
    }
  }
  const errs: FieldError[] = [];
  if (timeZone.toLowerCase() === 'local') {
    errs.push({ field, type: 'Invalid value', value: timeZone, detail: 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones' });
  }
  if (timeZone !== 'Local' && !isKnownTimeZone(timeZone)) errs.push({ field, type: 'Invalid value', value: timeZone, detail: `unknown time zone ${timeZone}` });
  return errs;
}

/**
 * validateScheduleFormat for a create (allowTZInSchedule is only true when updating a CronJob that already had
 * TZ in its schedule): robfig's error, then the TZ rule.
 */
export function validateSchedule(schedule: string, timeZone: string | undefined, allowTZInSchedule = false, field = 'spec.schedule'): FieldError[] {
  const errs: FieldError[] = [];
  const parsed = parseStandard(schedule);
  if ('error' in parsed) errs.push({ field, type: 'Invalid value', value: schedule, detail: parsed.error });
  if (allowTZInSchedule && schedule.includes('TZ') && timeZone !== undefined) {
    errs.push({ field, type: 'Invalid value', value: schedule, detail: 'cannot use both timeZone field and TZ or CRON_TZ in schedule' });
  } else if (!allowTZInSchedule && schedule.includes('TZ')) {
    errs.push({ field, type: 'Invalid value', value: schedule, detail: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead' });
  }
  return errs;
}

/** Installs the schedule checks into the API server (imported once by the controller registry). */
export function installScheduleValidation(): void {
  setScheduleValidator((schedule, timeZone) => [...validateSchedule(schedule, timeZone), ...validateTimeZone(timeZone)]);
}
