// Wall-clock time in an IANA zone, with Go's `time` semantics (time.Date normalisation, AddDate, Add), so the
// schedule matcher can follow robfig/cron's Next step by step. Zones come from Intl; no Date.now anywhere.

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isUtc(zone: string): boolean {
  return zone === 'UTC' || zone === '' || zone === 'Etc/UTC';
}

/** The zone's offset from UTC at an instant, in ms (Paris in winter: 3 600 000). */
export function offsetAt(zone: string, ms: number): number {
  if (isUtc(zone)) return 0;
  const whole = Math.floor(ms / 1000) * 1000;
  const parts = formatter(zone).formatToParts(new Date(whole));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? '0');
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const wall = Date.UTC(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - whole;
}

/** The wall-clock fields of an instant in a zone. */
export function wallTime(zone: string, ms: number): WallTime {
  const d = new Date(ms + offsetAt(zone, ms));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * Go's time.Date(y, mo, d, h, mi, s, 0, loc): out-of-range fields roll over; a wall time that does not exist
 * (spring forward) or exists twice (fall back) gets the offset Go's lookup picks.
 */
export function goDate(zone: string, year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const unix = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC maps years 0–99 to 1900–1999; nothing here goes near them.
  const offset = offsetAt(zone, unix);
  if (offset === 0) return unix;
  const utc = unix - offset;
  const again = offsetAt(zone, utc);
  return again === offset ? utc : unix - again;
}

/** Go's t.AddDate(years, months, days): the same wall clock, calendar fields moved, then normalised. */
export function addDate(zone: string, ms: number, years: number, months: number, days: number): number {
  const w = wallTime(zone, ms);
  const sub = ms - Math.floor(ms / 1000) * 1000;
  return goDate(zone, w.year + years, w.month + months, w.day + days, w.hour, w.minute, w.second) + sub;
}

const known = new Map<string, boolean>();

/**
 * Whether Go's time.LoadLocation would load this name (what the API server and the controller manager check).
 * Intl knows the IANA names and their aliases; unlike Go it ignores case, so a name that only differs from the
 * canonical one by case is refused here.
 */
export function isKnownTimeZone(name: string): boolean {
  if (name === 'UTC' || name === '') return true;
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  let ok = false;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    ok = resolved === name || resolved.toLowerCase() !== name.toLowerCase();
    // Intl folds case for aliases too (us/eastern); Go's file lookup would not find those.
    if (ok && resolved !== name && name === name.toLowerCase() && name !== name.toUpperCase()) ok = false;
  } catch {
    ok = false;
  }
  known.set(name, ok);
  return ok;
}
