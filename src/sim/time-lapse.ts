// Time-lapse: how a long advance skips periods that repeat.
//
// A cluster driven by frequent CronJobs settles into a steady state: every minute (or every period of the
// schedules) the same Jobs, pods and events come and go, and the objects that outlive them (nodes, the CronJob,
// long-running pods) stay as they were. When the saved state at two boundaries one period apart is the same — once
// the objects born during the last hour (an Event's lifetime) are renamed by a chance-free birth order, times within
// an hour of the boundary are taken relative to it (to the minute), cursors are left out and the scheduler's coin
// toss between equal nodes is blurred — the next periods can only repeat it. The simulation then moves that state
// forward by whole periods (the same Jobs, events and timers, later) and simulates the last hour in full, so
// everything a learner can see afterwards was made by the controllers.
//
// The jump replays one way the skipped periods could have gone: resourceVersions and the random stream go on from
// where they were, and IPs are allocated from where the allocator stood (values a real cluster could hand out, not
// the ones a full simulation would have). Anything that accumulates — a file per run on a hostPath, a restart count,
// a server log that grows — makes the states differ, so such periods are simulated in full.
import type { KubeObject } from '../api/meta';
import type { CronJob } from '../api/cronjob';
import { parsedScheduleOf } from '../controllers/cronjob-controller';
import type { Schedule } from '../cron/schedule';
import { offsetAt } from '../cron/time-zone';
import type { SimulationState } from './simulation';

/** An Event's lifetime: the window of births and times a fingerprint renames, the hour simulated after a jump, and the longest period compared. */
export const LAPSE_PERIOD_MS = 3_600_000;
/** The shortest advance that may skip: an hour to settle, two boundaries a period apart, and the hour simulated after the jump. */
export const LAPSE_MIN_ADVANCE_MS = 3 * LAPSE_PERIOD_MS;
/** The first boundary is at least an hour and this long after the advance starts: the first runs' history (the 3 kept Jobs) fills up meanwhile. */
export const LAPSE_OFFSET_MS = 300_000;

const ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
/** Epoch milliseconds stored as numbers (timers' due times, kubelet's start times) are in this range. */
const MS_MIN = 1e12;
const MS_MAX = 1e14;
/**
 * Cursors whose values never change what happens next, only which versions or addresses are handed out: objects'
 * resourceVersions (and the references that quote them) and the kubelet's IP allocator. (The store's revision, the
 * timers' sequence numbers and the event recorder's counter are left out of a fingerprint where it is built.)
 */
const CURSOR_KEYS = new Set(['resourceVersion', 'lastIp']);
const HAS_DIGIT = /[0-9]/;
/** Words as names are written (DNS labels, dotted event names, uids): the unit in which tokens are looked up. */
const WORD = /[A-Za-z0-9](?:[A-Za-z0-9._:/-]*[A-Za-z0-9])?/g;

function isoToMs(s: string): { ms: number; base: string; fraction: string; zone: string } | undefined {
  // Cheap checks first: this runs on every string of the saved state.
  if (s.length < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(10) !== 84) return undefined;
  const m = ISO.exec(s);
  if (!m) return undefined;
  const zone = m[3];
  const ms = Date.parse(`${m[1]}${zone}`);
  return Number.isNaN(ms) ? undefined : { ms, base: m[1], fraction: m[2] ?? '', zone };
}

function shiftIso(parsed: { ms: number; fraction: string; zone: string }, delta: number): string {
  const offsetMin = parsed.zone === 'Z' ? 0 : (parsed.zone[0] === '-' ? -1 : 1) * (Number(parsed.zone.slice(1, 3)) * 60 + Number(parsed.zone.slice(4, 6)));
  const local = new Date(parsed.ms + delta + offsetMin * 60_000).toISOString().slice(0, 19);
  return `${local}${parsed.fraction}${parsed.zone}`;
}

/**
 * Objects born during the hour before `boundary`, in an order that does not depend on chance: by what they are
 * (kind, minute of birth, name and what an event says, with generated parts blurred), then by write order. Twenty
 * Jobs started in the same minute finish in an order their random pull times decide; this order does not.
 */
function bornInLastPeriod(objects: readonly KubeObject[], boundary: number): KubeObject[] {
  const from = boundary - LAPSE_PERIOD_MS;
  const born: { o: KubeObject; key: string }[] = [];
  for (const o of objects) {
    const created = o.metadata.creationTimestamp ? Date.parse(o.metadata.creationTimestamp) : NaN;
    if (!(created > from)) continue;
    const e = o as KubeObject & { involvedObject?: { kind?: string; name?: string }; reason?: string; message?: string };
    const minute = Math.floor((created - boundary) / 60_000);
    const labels = o.metadata.labels?.['job-name'] ?? '';
    const event = o.kind === 'Event' ? `${e.involvedObject?.kind}|${shapeOf(e.involvedObject?.name ?? '', boundary)}|${e.reason}|${shapeOf(e.message ?? '', boundary)}` : '';
    born.push({ o, key: `${o.kind}|${minute}|${shapeOf(o.metadata.name ?? '', boundary)}|${shapeOf(labels, boundary)}|${event}` });
  }
  born.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : Number(a.o.metadata.resourceVersion) - Number(b.o.metadata.resourceVersion)));
  return born.map((b) => b.o);
}

/** A name or message with what chance or the clock put in it blurred: scheduled minutes made relative, suffixes and numbers starred. */
function shapeOf(text: string, boundary: number): string {
  return text.replace(WORD, (w) =>
    w
      .replace(/-(\d{7,9})(?=$|[-.])/g, (m, minutes: string) => {
        const at = Number(minutes) * 60_000;
        return at >= boundary - 2 * LAPSE_PERIOD_MS && at <= boundary + LAPSE_PERIOD_MS ? `-@${(at - boundary) / 60_000}` : m;
      })
      .replace(/\.[0-9a-f]{16}$/, '.*')
      .replace(/-[a-z0-9]{5}$/, '-*')
      // Numbers standing alone (a pull's duration), not the digits of a name.
      .replace(/^[0-9]+(?:\.[0-9]+)?(?:[mµn]?s|[mh])?$/, '#'),
  );
}

/** Names, uids and addresses a new object gets by chance or by the clock, each mapped to a placeholder by birth rank. */
function tokensOf(born: readonly KubeObject[], all: readonly KubeObject[]): Map<string, string> {
  const tokens = new Map<string, string>();
  // Names of objects older than the hour stay as they are, even where a new event quotes them.
  const bornSet = new Set(born);
  const kept = new Set<string>();
  for (const o of all) {
    if (bornSet.has(o)) continue;
    kept.add(o.metadata.name!);
    if (o.metadata.uid) kept.add(o.metadata.uid);
  }
  born.forEach((o, rank) => {
    const add = (value: unknown, tag: string) => {
      if (typeof value === 'string' && value && !tokens.has(value) && !kept.has(value)) tokens.set(value, `<${rank}${tag}>`);
    };
    add(o.metadata.uid, 'u');
    add(o.metadata.name, 'n');
    // An event outlives what it is about: the pod it names may be gone already.
    const involved = (o as KubeObject & { involvedObject?: { name?: string; uid?: string } }).involvedObject;
    if (o.kind === 'Event' && involved) {
      add(involved.uid, 'iu');
      add(involved.name, 'in');
    }
    const pod = o as KubeObject & { status?: { podIP?: string; podIPs?: { ip: string }[] }; spec?: { volumes?: { name: string }[] } };
    if (o.kind === 'Pod') {
      add(pod.status?.podIP, 'ip');
      pod.status?.podIPs?.forEach((p, i) => add(p.ip, `ip${i}`));
      // The service-account volume gets a random suffix of its own.
      pod.spec?.volumes?.forEach((v, i) => {
        if (v.name.startsWith('kube-api-access-')) add(v.name, `v${i}`);
      });
      let c = 0;
      walkStrings(o.status, (s) => {
        if (s.startsWith('containerd://')) add(s, `c${c++}`);
      });
    }
  });
  return tokens;
}

function walkStrings(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) walkStrings(v, visit);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) walkStrings(v, visit);
}

class Canonicalizer {
  /**
   * Set while writing what belongs to the hour's births: which node each new pod went to is the scheduler's coin
   * toss between equal nodes, so there node names and addresses all read `<node>`.
   */
  private blurNodes = false;

  constructor(
    private readonly boundary: number,
    private readonly tokens: Map<string, string>,
    private readonly nodes: ReadonlySet<string>,
  ) {}

  /** `v` written with node names blurred (see blurNodes). */
  born(v: unknown, out: string[], key?: string): void {
    const was = this.blurNodes;
    this.blurNodes = true;
    try {
      this.write(v, out, key);
    } finally {
      this.blurNodes = was;
    }
  }

  private inWindow(ms: number): boolean {
    return ms >= this.boundary - LAPSE_PERIOD_MS && ms <= this.boundary + LAPSE_PERIOD_MS;
  }

  /**
   * A time near the boundary, as the minute it falls in: pulls and starts take a random second or two, so the
   * same hour never repeats to the millisecond, only to the minute (the jump replays one of those hours as it went).
   */
  private relative(ms: number): string {
    return `@${Math.floor((ms - this.boundary) / 60_000)}m`;
  }

  /** Strings repeat a lot in a saved state ('Normal', 'kubelet', field values): each is worked out once. */
  private memo = new Map<string, string>();
  private memoBorn = new Map<string, string>();

  string(s: string): string {
    const memo = this.blurNodes ? this.memoBorn : this.memo;
    let out = memo.get(s);
    if (out === undefined) {
      out = this.stringUncached(s);
      memo.set(s, out);
    }
    return out;
  }

  /** `string(s)` as JSON text (quoted), also worked out once per string. */
  private quotedMemo = new Map<string, string>();
  private quotedMemoBorn = new Map<string, string>();

  quoted(s: string): string {
    const memo = this.blurNodes ? this.quotedMemoBorn : this.quotedMemo;
    let out = memo.get(s);
    if (out === undefined) {
      out = JSON.stringify(this.string(s));
      memo.set(s, out);
    }
    return out;
  }

  private stringUncached(s: string): string {
    // Most strings hold neither a time nor a generated name: both have digits (a uid or a pod name may not, and
    // is then compared as it is — which can only make two states differ, never alike).
    if (!HAS_DIGIT.test(s) && !this.blurNodes) return this.tokens.get(s) ?? s;
    const iso = isoToMs(s);
    if (iso) return this.inWindow(iso.ms) ? this.relative(iso.ms) : s;
    const whole = this.tokens.get(s);
    if (whole !== undefined) return whole;
    return s.replace(WORD, (w) => this.word(w));
  }

  private word(w: string): string {
    const t = this.tokens.get(w);
    if (t !== undefined) return t;
    if (this.blurNodes && this.nodes.has(w)) return '<node>';
    // A CronJob's Job is named after its scheduled minute, which its events quote after the Job is gone.
    const minute = /^(.+-)(\d{7,9})$/.exec(w);
    if (minute) {
      const at = Number(minute[2]) * 60_000;
      if (at >= this.boundary - 2 * LAPSE_PERIOD_MS && at <= this.boundary + LAPSE_PERIOD_MS) return `${minute[1]}@${(at - this.boundary) / 60_000}m`;
    }
    // `ctr/<uid>/hello`, `default/<pod>`, `<pod>.<hex>`: try the pieces too.
    if (/[/:.]/.test(w)) return w.replace(/[^/:.]+(?:\.[0-9a-f]{16})?/g, (p) => this.tokens.get(p) ?? (this.blurNodes && this.nodes.has(p) ? '<node>' : p));
    return w;
  }

  /** The canonical text of a JSON value (keys sorted after renaming), appended to `out`. */
  write(v: unknown, out: string[], key?: string): void {
    if (typeof v === 'string') out.push(this.quoted(v));
    else if (typeof v === 'number') out.push(v >= MS_MIN && v < MS_MAX && this.inWindow(v) ? `"${this.relative(v)}"` : String(v));
    else if (Array.isArray(v)) {
      // A node's used IPs: those of older pods as they are; new pods' IPs went to whichever node they landed on.
      if (key === 'usedIps') {
        out.push(JSON.stringify(v.map((x) => (typeof x === 'string' ? this.string(x) : x)).filter((x) => typeof x !== 'string' || !x.startsWith('<')).sort()));
        return;
      }
      out.push('[');
      for (let i = 0; i < v.length; i++) {
        if (i) out.push(',');
        this.write(v[i], out);
      }
      out.push(']');
    } else if (v && typeof v === 'object') {
      const entries: [string, unknown, string][] = [];
      // A file's size follows from its content, which is compared renamed (an IP one digit longer is still alike).
      const hasContent = typeof (v as { content?: unknown }).content === 'string';
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined || CURSOR_KEYS.has(k) || (hasContent && k === 'size')) continue;
        entries.push([this.string(k), x, k]);
      }
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      out.push('{');
      for (let i = 0; i < entries.length; i++) {
        if (i) out.push(',');
        out.push(JSON.stringify(entries[i][0]) + ':');
        // An entry keyed by a birth (a new pod's uid) belongs to that birth.
        if (entries[i][0].includes('<')) this.born(entries[i][1], out, entries[i][2]);
        else this.write(entries[i][1], out, entries[i][2]);
      }
      out.push('}');
    } else out.push(JSON.stringify(v ?? null));
  }

  /** A string of a birth, renamed with node names blurred. */
  bornString(s: string): string {
    const was = this.blurNodes;
    this.blurNodes = true;
    try {
      return this.string(s);
    } finally {
      this.blurNodes = was;
    }
  }

  text(v: unknown, born = false): string {
    const out: string[] = [];
    if (born) this.born(v, out);
    else this.write(v, out);
    return out.join('');
  }
}

/**
 * What must be equal at two boundaries for the hour between them to repeat: the whole saved state with the last
 * hour's births renamed by birth order, times within an hour of the boundary made relative, cursors left out, and
 * the digits of those births' log lines (which print the date) blurred.
 */
export function fingerprint(state: SimulationState, boundary: number): string {
  const born = bornInLastPeriod(state.store.objects, boundary);
  const tokens = tokensOf(born, state.store.objects);
  const nodes = new Set<string>();
  for (const o of state.store.objects) {
    if (o.kind !== 'Node') continue;
    nodes.add(o.metadata.name!);
    for (const a of (o as KubeObject & { status?: { addresses?: { address: string }[] } }).status?.addresses ?? []) nodes.add(a.address);
  }
  const canon = new Canonicalizer(boundary, tokens, nodes);
  const bornSet = new Set(born);
  const objects = state.store.objects
    .map((o) => {
      if (!bornSet.has(o)) return canon.text(o);
      const message = (o as { message?: string }).message;
      // Blurred after renaming, so the placeholders in it survive.
      return canon.text(o.kind === 'Event' && message ? { ...o, message: blurDigits(canon.bornString(message)) } : o, true);
    })
    .sort();
  const controllers = canon.text(blurBornLogs(state.controllers, tokens));
  const timers = state.timers.timers.map((t) => canon.text([t.due, t.controller, t.key])).sort();
  // The recorder's index repeats what the events say (their messages included): compared as loosely as they are.
  const events = state.events.index.map(([k, v]) => canon.text([blurDigits(canon.bornString(k)), v], true)).sort();
  return JSON.stringify({ config: state.config, objects, controllers, timers, events, queue: state.queue });
}

/** Numbers blurred, placeholders kept: a new event may quote how long a pull took, which varies by chance. */
function blurDigits(text: string): string {
  return text.replace(/<[^>]*>|[0-9]+(?:\.[0-9]+)?(?:[mµn]?s|[mh])?/g, (m) => (m[0] === '<' ? m : '#'));
}

/** The kubelet's logs of containers born in the last hour, with digits blurred: `date` prints the time. */
function blurBornLogs(controllers: SimulationState['controllers'], tokens: Map<string, string>): SimulationState['controllers'] {
  const kubelet = controllers.kubelet as { logs?: Record<string, [number, string, string][]> } | undefined;
  if (!kubelet?.logs) return controllers;
  const logs: Record<string, unknown> = {};
  for (const [key, lines] of Object.entries(kubelet.logs)) {
    const uid = key.split('/')[0];
    logs[key] = tokens.has(uid) ? lines.map(([t, stream, line]) => [t, stream, blurDigits(line)]) : lines;
  }
  return { ...controllers, kubelet: { ...kubelet, logs } };
}

/**
 * The saved state moved `delta` ms later: every time within an hour of `boundary` (before or after) moves with it.
 * A value with no time to move is returned as it was (the same object), so callers see what changed by identity.
 */
export function shiftState(state: SimulationState, boundary: number, delta: number): SimulationState {
  const inWindow = (ms: number) => ms >= boundary - LAPSE_PERIOD_MS && ms <= boundary + LAPSE_PERIOD_MS;
  const shift = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const iso = isoToMs(v);
      return iso && inWindow(iso.ms) ? shiftIso(iso, delta) : v;
    }
    if (typeof v === 'number') return v >= MS_MIN && v < MS_MAX && inWindow(v) ? v + delta : v;
    if (Array.isArray(v)) {
      const out = v.map(shift);
      return out.some((x, i) => x !== v[i]) ? out : v;
    }
    if (v && typeof v === 'object') {
      let out: Record<string, unknown> | undefined;
      for (const [k, x] of Object.entries(v)) {
        const moved = shift(x);
        if (moved !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = moved;
      }
      return out ?? v;
    }
    return v;
  };
  return {
    ...state,
    now: state.now + delta,
    store: { revision: state.store.revision, objects: state.store.objects.map((o) => shift(o) as KubeObject) },
    timers: { nextSeq: state.timers.nextSeq, timers: state.timers.timers.map((t) => ({ ...t, due: shift(t.due) as number })) },
    controllers: shift(state.controllers) as SimulationState['controllers'],
  };
}

/** Every value of the field allowed: the field does not restrict which hours fire. */
function allOf(field: { values: boolean[] }, min: number, max: number): boolean {
  for (let v = min; v <= max; v++) if (!field.values[v]) return false;
  return true;
}

/**
 * The shortest period, dividing an hour, after which every CronJob fires again on the same pattern from `from` to
 * `to` (hour, day, month and weekday unrestricted, in a zone whose offset keeps its minutes): a `*\/1` schedule
 * repeats every minute, `*\/15` every 15 minutes, `7 * * * *` every hour. Undefined when some schedule does not
 * repeat within the hour (it depends on the hour or the day), and when no CronJob fires at all: hours without
 * runs are cheap to simulate, and skipping them would save nothing.
 */
export function schedulePeriod(cronJobs: readonly CronJob[], from: number, to: number): number | undefined {
  let minutes = 1;
  let fires = false;
  for (const cj of cronJobs) {
    if (cj.spec?.suspend) continue;
    const parsed = parsedScheduleOf(cj);
    if (!parsed.schedule) continue; // never fires
    const own = periodOf(parsed.schedule, from, to);
    if (own === undefined) return undefined;
    if (own === 0) continue; // no minute matches: it never fires
    fires = true;
    minutes = lcm(minutes, own);
  }
  return fires ? minutes * 60_000 : undefined;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/** The schedule's period in minutes (a divisor of 60), if it repeats within the hour; 0 if it never fires. */
function periodOf(s: Schedule, from: number, to: number): number | undefined {
  if (s.kind === 'every') return s.delayMs % 60_000 === 0 && 60 % (s.delayMs / 60_000) === 0 ? s.delayMs / 60_000 : undefined;
  if (!allOf(s.hour, 0, 23) || !allOf(s.dom, 1, 31) || !allOf(s.month, 1, 12) || !allOf(s.dow, 0, 6)) return undefined;
  const zone = s.location === 'Local' ? 'UTC' : s.location;
  const offsetMinutes = (t: number) => (((offsetAt(zone, t) / 60_000) % 60) + 60) % 60;
  if (offsetMinutes(from) !== offsetMinutes(to)) return undefined;
  if (!s.minute.values.some(Boolean)) return 0;
  for (const d of [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60]) {
    let same = true;
    for (let m = 0; m < 60 && same; m++) same = Boolean(s.minute.values[m]) === Boolean(s.minute.values[(m + d) % 60]);
    if (same) return d;
  }
  return 60;
}
