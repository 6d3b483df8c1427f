// A schedule in words, English or French, for the views: cronstrue's text, with what cronstrue does not say —
// robfig's rule that a restricted day-of-month and a restricted day-of-week each suffice, `@every`, and the zone.
import cronstrue from 'cronstrue';
import 'cronstrue/locales/fr.js';
import { parseStandard } from './schedule';

export type ScheduleLocale = 'en' | 'fr';

const WORDS = {
  en: { either: '(either the day of the month or the day of the week is enough)', every: 'Every', zone: 'time zone', invalid: 'Invalid schedule' },
  fr: { either: "(le jour du mois ou le jour de la semaine suffit)", every: 'Toutes les', zone: 'fuseau horaire', invalid: 'Planification invalide' },
};

/** "Every minute" / "Toutes les minutes" for every-minute schedules; invalid ones give robfig's error after a prefix. */
export function describeSchedule(schedule: string, locale: ScheduleLocale = 'en', timeZone?: string): string {
  const w = WORDS[locale];
  const parsed = parseStandard(schedule);
  if ('error' in parsed) return `${w.invalid}: ${parsed.error}`;
  let spec = schedule;
  let zone = timeZone;
  const tz = /^(?:CRON_)?TZ=(\S*)\s+/.exec(spec);
  if (tz) {
    zone = tz[1];
    spec = spec.slice(tz[0].length).trim();
  }
  let text: string;
  if (parsed.schedule.kind === 'every') {
    text = `${w.every} ${spec.slice('@every '.length)}`;
  } else {
    const s = parsed.schedule;
    const cronText = spec.startsWith('@') ? spec : spec.split(/\s+/).map((f) => (f === '?' ? '*' : f)).join(' ');
    text = cronstrue.toString(cronText, { locale, use24HourTimeFormat: true, dayOfWeekStartIndexZero: true });
    if (!s.dom.star && !s.dow.star) text = `${text} ${w.either}`;
  }
  return zone ? `${text} (${w.zone} ${zone})` : text;
}
