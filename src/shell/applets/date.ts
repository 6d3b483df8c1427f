// `date` (strftime formats on simulated UTC time) and `sleep` (the one way scripts let time pass).
import type { CommandContext } from '../context';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number) => String(n).padStart(2, '0');

function isoWeek(d: Date): { week: number; year: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { week: Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7), year: t.getUTCFullYear() };
}

/** strftime in the C locale, UTC (containers run with TZ unset). */
export function formatDate(fmt: string, ms: number, _utc = true): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86400000);
  const h12 = H % 12 || 12;
  const one = (c: string): string | undefined => {
    switch (c) {
      case 'a': return DAYS[w].slice(0, 3);
      case 'A': return DAYS[w];
      case 'b': case 'h': return MONTHS[m].slice(0, 3);
      case 'B': return MONTHS[m];
      case 'c': return `${one('a')} ${one('b')} ${one('e')} ${one('T')} ${Y}`;
      case 'C': return p2(Math.floor(Y / 100));
      case 'd': return p2(day);
      case 'D': return `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`;
      case 'e': return String(day).padStart(2, ' ');
      case 'F': return `${Y}-${p2(m + 1)}-${p2(day)}`;
      case 'g': return p2(isoWeek(d).year % 100);
      case 'G': return String(isoWeek(d).year);
      case 'H': return p2(H);
      case 'I': return p2(h12);
      case 'j': return String(yday + 1).padStart(3, '0');
      case 'k': return String(H).padStart(2, ' ');
      case 'l': return String(h12).padStart(2, ' ');
      case 'm': return p2(m + 1);
      case 'M': return p2(M);
      case 'n': return '\n';
      case 'p': return H < 12 ? 'AM' : 'PM';
      case 'P': return H < 12 ? 'am' : 'pm';
      case 'r': return `${p2(h12)}:${p2(M)}:${p2(S)} ${one('p')}`;
      case 'R': return `${p2(H)}:${p2(M)}`;
      case 's': return String(Math.floor(ms / 1000));
      case 'S': return p2(S);
      case 't': return '\t';
      case 'T': return `${p2(H)}:${p2(M)}:${p2(S)}`;
      case 'u': return String(w || 7);
      case 'U': return p2(Math.floor((yday + 7 - w) / 7));
      case 'V': return p2(isoWeek(d).week);
      case 'w': return String(w);
      case 'W': return p2(Math.floor((yday + 7 - ((w + 6) % 7)) / 7));
      case 'x': return `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`;
      case 'X': return `${p2(H)}:${p2(M)}:${p2(S)}`;
      case 'y': return p2(Y % 100);
      case 'Y': return String(Y);
      case 'z': return '+0000';
      case 'Z': return 'UTC';
      case '%': return '%';
      default: return undefined;
    }
  };
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%' || i + 1 >= fmt.length) {
      out += fmt[i];
      continue;
    }
    let c = fmt[++i];
    if ((c === 'E' || c === 'O') && i + 1 < fmt.length) c = fmt[++i];
    const v = one(c);
    out += v ?? `%${c}`;
  }
  return out;
}

export const DEFAULT_DATE_FORMAT = '%a %b %e %H:%M:%S %Z %Y';

/** Parses what `date -d` accepts: `@SECONDS`, `YYYY-MM-DD[ hh:mm[:ss]]`, `hh:mm[:ss]` (today). */
function parseDateArg(s: string, nowMs: number): number | undefined {
  let m = /^@(-?\d+)$/.exec(s);
  if (m) return Number(m[1]) * 1000;
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m) {
    const d = new Date(nowMs);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), +m[1], +m[2], +(m[3] ?? 0));
  }
  return undefined;
}

export function date(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let ms = ctx.now();
  let fmt = DEFAULT_DATE_FORMAT;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-u' || a === '--utc') continue;
    if (a === '-d' || a.startsWith('-d') || a.startsWith('--date=')) {
      const v = a === '-d' ? args[++i] : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
      const parsed = v === undefined ? undefined : parseDateArg(v, ms);
      if (parsed === undefined) {
        ctx.stderr(`date: invalid date '${v ?? ''}'\n`);
        return 1;
      }
      ms = parsed;
    } else if (a === '-I' || a === '-Idate') fmt = '%Y-%m-%d';
    else if (a === '-Iseconds') fmt = '%Y-%m-%dT%H:%M:%S+00:00';
    else if (a === '-Iminutes') fmt = '%Y-%m-%dT%H:%M+00:00';
    else if (a === '-Ihours') fmt = '%Y-%m-%dT%H+00:00';
    else if (a === '-R') fmt = '%a, %d %b %Y %H:%M:%S %z';
    else if (a.startsWith('+')) fmt = a.slice(1);
    else {
      ctx.stderr(`date: invalid date '${a}'\n`);
      return 1;
    }
  }
  ctx.stdout(`${formatDate(fmt, ms)}\n`);
  return 0;
}

/** Seconds with an optional s/m/h/d suffix, decimals allowed; undefined when invalid. */
export function parseDuration(arg: string): number | undefined {
  if (arg === 'inf' || arg === 'infinity') return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]!;
  return Number(m[1]) * mult * 1000;
}

export function sleep(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (!args.length) {
    ctx.stderr(
      'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n',
    );
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const ms = parseDuration(a);
    if (ms === undefined) {
      ctx.stderr(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    total += ms;
  }
  ctx.sleep(total);
  return 0;
}
