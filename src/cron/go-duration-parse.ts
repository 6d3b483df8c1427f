// Go's time.ParseDuration, with its error strings (robfig/cron parses `@every <duration>` with it).

const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's strconv.Quote for the ASCII cases that matter here. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Nanoseconds, or an error worded as Go's. Large values lose precision beyond 2^53 ns (≈104 days): fine here. */
export function parseGoDuration(orig: string): { ns: number } | { error: string } {
  let s = orig;
  let neg = false;
  const invalid = { error: `time: invalid duration ${goQuote(orig)}` };
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ns: 0 };
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid;
    const int = /^[0-9]*/.exec(s)![0];
    s = s.slice(int.length);
    let frac = '';
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      frac = /^[0-9]*/.exec(s)![0];
      s = s.slice(frac.length);
      post = frac.length > 0;
    }
    if (int.length === 0 && !post) return invalid;
    const unitMatch = /^[^.0-9]*/.exec(s)![0];
    if (unitMatch.length === 0) return { error: `time: missing unit in duration ${goQuote(orig)}` };
    s = s.slice(unitMatch.length);
    const unit = UNITS[unitMatch];
    if (unit === undefined) return { error: `time: unknown unit ${goQuote(unitMatch)} in duration ${goQuote(orig)}` };
    const value = Number(int || '0') * unit + (frac ? Number(`0.${frac}`) * unit : 0);
    total += value;
    if (total > 9223372036854775807) return invalid;
  }
  return { ns: neg ? -total : total };
}
