// robfig/cron v3.0.1's ParseStandard (the parser Kubernetes vendors) and its schedules' Next, in TypeScript:
// same grammar, same error strings, same day-of-month/day-of-week rule, same walk through wall-clock time.
import { addDate, goDate, isKnownTimeZone, isUtc, wallTime } from './time-zone';
import { parseGoDuration } from './go-duration-parse';

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const SECONDS: Bounds = { min: 0, max: 59 };
const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** The values a field allows, and whether it was written as `*` or `?` (robfig's starBit). */
export interface FieldSet {
  values: boolean[];
  star: boolean;
}

export interface SpecSchedule {
  kind: 'spec';
  second: FieldSet;
  minute: FieldSet;
  hour: FieldSet;
  dom: FieldSet;
  month: FieldSet;
  dow: FieldSet;
  /** IANA zone; 'Local' is the controller manager's own zone. */
  location: string;
}

export interface EverySchedule {
  kind: 'every';
  /** The delay, whole seconds (at least one), in ms. */
  delayMs: number;
}

export type Schedule = SpecSchedule | EverySchedule;

export type ParseResult = { schedule: Schedule } | { error: string };

class ParseError extends Error {}

function fail(message: string): never {
  throw new ParseError(message);
}

function emptySet(): FieldSet {
  return { values: new Array(64).fill(false), star: false };
}

function bits(min: number, max: number, step: number, star = false): FieldSet {
  const set = emptySet();
  for (let i = min; i <= max; i += step) set.values[i] = true;
  set.star = star;
  return set;
}

function all(b: Bounds): FieldSet {
  return bits(b.min, b.max, 1, true);
}

function only(v: number): FieldSet {
  return bits(v, v, 1);
}

/** strconv.Atoi, then the negative check: robfig's mustParseInt. Returns a bigint to keep huge values exact. */
function mustParseInt(expr: string): bigint {
  const m = /^[+-]?[0-9]+$/.exec(expr);
  if (!m) fail(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = BigInt(expr.replace(/^\+/, ''));
  if (n > 9223372036854775807n || n < -9223372036854775808n) fail(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`);
  if (n < 0n) fail(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names: Record<string, number> | undefined): bigint {
  if (names) {
    const v = names[expr.toLowerCase()];
    if (v !== undefined) return BigInt(v);
  }
  return mustParseInt(expr);
}

function getRange(expr: string, r: Bounds): FieldSet {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: bigint;
  let end: bigint;
  let step: bigint;
  let extra = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = BigInt(r.min);
    end = BigInt(r.max);
    extra = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else fail(`too many hyphens: ${expr}`);
  }
  if (rangeAndStep.length === 1) step = 1n;
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    // "N/step" means "N-max/step".
    if (singleDigit) end = BigInt(r.max);
    if (step > 1n) extra = false;
  } else fail(`too many slashes: ${expr}`);
  if (start < BigInt(r.min)) fail(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > BigInt(r.max)) fail(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) fail(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0n) fail(`step of range should be a positive number: ${expr}`);
  const s = step > 64n ? 64 : Number(step);
  return bits(Number(start), Number(end), s, extra);
}

function getField(field: string, r: Bounds): FieldSet {
  const out = emptySet();
  for (const expr of field.split(',').filter((x) => x !== '')) {
    const b = getRange(expr, r);
    b.values.forEach((v, i) => {
      if (v) out.values[i] = true;
    });
    if (b.star) out.star = true;
  }
  return out;
}

/** Go's strings.Fields: split on runs of Unicode white space. */
function goFields(s: string): string[] {
  return s.split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter((x) => x !== '');
}

function parseDescriptor(descriptor: string, location: string): Schedule {
  const spec = (second: FieldSet, minute: FieldSet, hour: FieldSet, dom: FieldSet, month: FieldSet, dow: FieldSet): SpecSchedule => ({ kind: 'spec', second, minute, hour, dom, month, dow, location });
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return spec(only(0), only(0), only(0), only(1), only(1), all(DOW));
    case '@monthly':
      return spec(only(0), only(0), only(0), only(1), all(MONTHS), all(DOW));
    case '@weekly':
      return spec(only(0), only(0), only(0), all(DOM), all(MONTHS), only(0));
    case '@daily':
    case '@midnight':
      return spec(only(0), only(0), only(0), all(DOM), all(MONTHS), all(DOW));
    case '@hourly':
      return spec(only(0), only(0), all(HOURS), all(DOM), all(MONTHS), all(DOW));
  }
  const every = '@every ';
  if (descriptor.startsWith(every)) {
    const d = parseGoDuration(descriptor.slice(every.length));
    if ('error' in d) fail(`failed to parse duration ${descriptor}: ${d.error}`);
    // cron.Every: at least a second, whole seconds.
    const seconds = d.ns < 1e9 ? 1 : Math.floor(d.ns / 1e9);
    return { kind: 'every', delayMs: seconds * 1000 };
  }
  fail(`unrecognized descriptor: ${descriptor}`);
}

/**
 * cron.ParseStandard: 5 fields (minute hour dom month dow) or a descriptor, optionally after `TZ=zone ` or
 * `CRON_TZ=zone `. Without a zone the schedule runs in `Local`, the controller manager's zone.
 */
export function parseStandard(input: string): ParseResult {
  try {
    return { schedule: parse(input) };
  } catch (e) {
    if (e instanceof ParseError) return { error: e.message };
    throw e;
  }
}

function parse(input: string): Schedule {
  let spec = input;
  if (spec.length === 0) fail('empty spec string');
  let location = 'Local';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    // Go panics slicing spec[eq+1:-1]; the API server answers with that runtime error.
    if (i < 0) fail(`runtime error: slice bounds out of range [${eq + 1}:${i}]`);
    const name = spec.slice(eq + 1, i);
    if (name === 'Local') location = 'Local';
    else if (!isKnownTimeZone(name)) fail(`provided bad location ${name}: unknown time zone ${name}`);
    else location = name === '' ? 'UTC' : name;
    spec = spec.slice(i).trim();
  }
  if (spec.startsWith('@')) return parseDescriptor(spec, location);
  const fields = goFields(spec);
  if (fields.length !== 5) fail(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const minute = getField(fields[0], MINUTES);
  const hour = getField(fields[1], HOURS);
  const dom = getField(fields[2], DOM);
  const month = getField(fields[3], MONTHS);
  const dow = getField(fields[4], DOW);
  return { kind: 'spec', second: getField('0', SECONDS), minute, hour, dom, month, dow, location };
}

/** robfig's dayMatches: when either day field is `*` (or `?`), both must match; otherwise either may. */
export function dayMatches(s: SpecSchedule, day: number, weekday: number): boolean {
  const domMatch = s.dom.values[day];
  const dowMatch = s.dow.values[weekday];
  if (s.dom.star || s.dow.star) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

/**
 * The first activation strictly after `t` (ms since the epoch), or undefined when none comes within five years
 * (robfig returns the zero time). `localZone` is what `Local` means (the controller manager's TZ: UTC on kind).
 */
/** How many one-unit steps from `from` reach the next allowed value, or the wrap to 0 (`size`), whichever is first. */
function stepsTo(values: boolean[], from: number, size: number): number {
  for (let v = from + 1; v < size; v++) if (values[v]) return v - from;
  return size - from;
}

export function nextAfter(schedule: Schedule, t: number, localZone = 'UTC'): number | undefined {
  if (schedule.kind === 'every') return Math.floor(t / 1000) * 1000 + schedule.delayMs;
  const s = schedule;
  const loc = s.location === 'Local' ? localZone : s.location;
  // Start at the earliest possible time (the upcoming second).
  t = Math.floor(t / 1000) * 1000 + 1000;
  let added = false;
  const yearLimit = wallTime(loc, t).year + 5;
  const fixed = isUtc(loc);
  for (let guard = 0; guard < 100_000; guard++) {
    let w = wallTime(loc, t);
    if (w.year > yearLimit) return undefined;
    let wrapped = false;
    while (!s.month.values[w.month]) {
      if (!added) {
        added = true;
        t = goDate(loc, w.year, w.month, 1, 0, 0, 0);
      }
      t = addDate(loc, t, 0, 1, 0);
      w = wallTime(loc, t);
      if (w.month === 1) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    while (!dayMatches(s, w.day, w.weekday)) {
      if (!added) {
        added = true;
        t = goDate(loc, w.year, w.month, w.day, 0, 0, 0);
      }
      t = addDate(loc, t, 0, 0, 1);
      w = wallTime(loc, t);
      // Midnight may not exist (DST): come back to it.
      if (w.hour !== 0) {
        t += w.hour > 12 ? (24 - w.hour) * 3_600_000 : -w.hour * 3_600_000;
        w = wallTime(loc, t);
      }
      if (w.day === 1) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    while (!s.hour.values[w.hour]) {
      if (!added) {
        added = true;
        t = goDate(loc, w.year, w.month, w.day, w.hour, 0, 0);
      }
      t += 3_600_000;
      w = wallTime(loc, t);
      if (w.hour === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    while (!s.minute.values[w.minute]) {
      if (!added) {
        added = true;
        t = Math.floor(t / 60_000) * 60_000;
      }
      // A fixed offset (UTC) moves the wall clock with t: jump straight to the next allowed minute or the hour.
      t += fixed ? stepsTo(s.minute.values, w.minute, 60) * 60_000 : 60_000;
      w = wallTime(loc, t);
      if (w.minute === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    while (!s.second.values[w.second]) {
      if (!added) {
        added = true;
        t = Math.floor(t / 1000) * 1000;
      }
      t += fixed ? stepsTo(s.second.values, w.second, 60) * 1000 : 1000;
      w = wallTime(loc, t);
      if (w.second === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    return t;
  }
  return undefined;
}
