// How simulated time reads in the interface (UTC, like the cluster), and how long a command took. Pure.
import type { Lang } from '../i18n/strings';

/** One formatter per language: building an Intl.DateTimeFormat costs more than formatting with it, and the time
 * bar formats the date at every diff of a playing simulation. */
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

const shortDateFormats = new Map<Lang, Intl.DateTimeFormat>();

export function formatDate(iso: string, lang: Lang): string {
  if (!iso) return '';
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(iso));
}

/** `3 Dec` / `3 déc.`: the day when the time bar has no room for the whole date. */
export function formatShortDate(iso: string, lang: Lang): string {
  if (!iso) return '';
  let format = shortDateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
    shortDateFormats.set(lang, format);
  }
  return format.format(new Date(iso));
}

export function formatClock(iso: string): string {
  return iso ? iso.slice(11, 19) : '--:--:--';
}

/** `45 s`, `2 min 5 s`, `1 h 3 min`: kubectl-like durations for the console. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
