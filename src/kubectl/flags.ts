// Command-line flags parsed as kubectl's cobra/pflag parses them: flags anywhere among the positionals,
// `--flag=value` and `--flag value`, `-n ns` / `-nns` / `-n=ns`, combined short booleans (`-it`), `--` ending flags.

export type FlagType = 'bool' | 'string' | 'int' | 'duration' | 'stringSlice' | 'stringArray';

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** The value a bare `--flag` takes for non-bool flags (pflag's NoOptDefVal), e.g. `--dry-run` → `unchanged`. */
  noOptDefault?: string;
}

export type FlagValue = boolean | string | number | string[];

export interface ParsedArgs {
  /** Positional arguments, in order. */
  args: string[];
  /** How many positionals came before `--` (cobra's ArgsLenAtDash); -1 when there was no `--`. */
  argsLenAtDash: number;
  /** Values of the flags the user set, by long name. */
  values: Map<string, FlagValue>;
}

/** A pflag parse failure, worded as pflag words it. */
export class FlagError extends Error {}

export function boolFlag(name: string, shorthand?: string): FlagSpec {
  return { name, shorthand, type: 'bool' };
}
export function stringFlag(name: string, shorthand?: string, noOptDefault?: string): FlagSpec {
  return { name, shorthand, type: 'string', noOptDefault };
}
export function intFlag(name: string, shorthand?: string): FlagSpec {
  return { name, shorthand, type: 'int' };
}
export function durationFlag(name: string): FlagSpec {
  return { name, type: 'duration' };
}
export function sliceFlag(name: string, shorthand?: string): FlagSpec {
  return { name, shorthand, type: 'stringSlice' };
}
export function arrayFlag(name: string, shorthand?: string): FlagSpec {
  return { name, shorthand, type: 'stringArray' };
}

/** Parses a Go duration (`30s`, `1m30s`, `1.5h`, `250ms`, `0`) into milliseconds; undefined when malformed. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0' || text === '+0' || text === '-0') return 0;
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (!m) return undefined;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g;
  let part: RegExpExecArray | null;
  while ((part = re.exec(text))) total += Number(part[1]) * units[part[2]];
  return m[1] === '-' ? -total : total;
}

/** Splits a StringSlice value as pflag does (a CSV record: commas separate, double quotes group). */
function splitCsv(value: string): string[] {
  if (value === '') return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"') {
      if (quoted && value[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function convert(spec: FlagSpec, raw: string, values: Map<string, FlagValue>): FlagValue {
  const invalid = (why: string) => new FlagError(`invalid argument "${raw}" for "${spec.shorthand ? `-${spec.shorthand}, ` : ''}--${spec.name}" flag: ${why}`);
  switch (spec.type) {
    case 'bool': {
      const v = { '1': true, t: true, T: true, true: true, TRUE: true, True: true, '0': false, f: false, F: false, false: false, FALSE: false, False: false }[raw];
      if (v === undefined) throw invalid(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
      return v;
    }
    case 'int': {
      if (!/^[-+]?\d+$/.test(raw)) throw invalid(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      return Number(raw);
    }
    case 'duration': {
      const ms = parseGoDuration(raw);
      if (ms === undefined) throw invalid(`time: invalid duration "${raw}"`);
      return ms;
    }
    case 'stringSlice': {
      const prev = (values.get(spec.name) as string[] | undefined) ?? [];
      return [...prev, ...splitCsv(raw)];
    }
    case 'stringArray': {
      const prev = (values.get(spec.name) as string[] | undefined) ?? [];
      return [...prev, raw];
    }
    case 'string':
      return raw;
  }
}

/** Parses argv against the flags a command knows (its own plus the global ones). */
export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.shorthand).map((s) => [s.shorthand!, s]));
  const values = new Map<string, FlagValue>();
  const args: string[] = [];
  let argsLenAtDash = -1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      let raw: string;
      if (eq >= 0) raw = a.slice(eq + 1);
      else if (spec.type === 'bool') raw = 'true';
      else if (spec.noOptDefault !== undefined) raw = spec.noOptDefault;
      else if (i + 1 < argv.length) raw = argv[++i];
      else throw new FlagError(`flag needs an argument: --${name}`);
      values.set(spec.name, convert(spec, raw, values));
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let rest = a.slice(1);
      while (rest.length > 0) {
        const c = rest[0];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        rest = rest.slice(1);
        let raw: string;
        if (rest.startsWith('=')) {
          raw = rest.slice(1);
          rest = '';
        } else if (spec.type === 'bool') {
          raw = 'true';
        } else if (rest.length > 0) {
          raw = rest;
          rest = '';
        } else if (spec.noOptDefault !== undefined) {
          raw = spec.noOptDefault;
        } else if (i + 1 < argv.length) {
          raw = argv[++i];
        } else {
          throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        }
        values.set(spec.name, convert(spec, raw, values));
      }
      continue;
    }
    args.push(a);
  }
  return { args, argsLenAtDash, values };
}

/** Typed reads of parsed flags, with the defaults kubectl gives them. */
export class Flags {
  constructor(readonly parsed: ParsedArgs) {}

  has(name: string): boolean {
    return this.parsed.values.has(name);
  }
  bool(name: string, fallback = false): boolean {
    const v = this.parsed.values.get(name);
    return v === undefined ? fallback : (v as boolean);
  }
  string(name: string): string | undefined;
  string(name: string, fallback: string): string;
  string(name: string, fallback?: string): string | undefined {
    const v = this.parsed.values.get(name);
    return v === undefined ? fallback : (v as string);
  }
  int(name: string, fallback: number): number {
    const v = this.parsed.values.get(name);
    return v === undefined ? fallback : (v as number);
  }
  /** Milliseconds. */
  duration(name: string, fallback: number): number {
    const v = this.parsed.values.get(name);
    return v === undefined ? fallback : (v as number);
  }
  list(name: string): string[] {
    return (this.parsed.values.get(name) as string[] | undefined) ?? [];
  }
}

/** The flags every kubectl command accepts (kubectl options). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  stringFlag('as'),
  sliceFlag('as-group'),
  stringFlag('as-uid'),
  stringFlag('cache-dir'),
  stringFlag('certificate-authority'),
  stringFlag('client-certificate'),
  stringFlag('client-key'),
  stringFlag('cluster'),
  stringFlag('context'),
  boolFlag('disable-compression'),
  boolFlag('insecure-skip-tls-verify'),
  stringFlag('kubeconfig'),
  durationFlag('log-flush-frequency'),
  boolFlag('match-server-version'),
  stringFlag('namespace', 'n'),
  stringFlag('password'),
  stringFlag('profile'),
  stringFlag('profile-output'),
  stringFlag('request-timeout'),
  stringFlag('server', 's'),
  stringFlag('tls-server-name'),
  stringFlag('token'),
  stringFlag('user'),
  stringFlag('username'),
  stringFlag('v', 'v'),
  stringFlag('vmodule'),
  boolFlag('warnings-as-errors'),
  boolFlag('help', 'h'),
];

/** Global flags that take a value (so the command finder skips the value when it looks for the verb). */
export function takesValue(arg: string, specs: FlagSpec[]): boolean {
  if (arg.includes('=')) return false;
  if (arg.startsWith('--')) {
    const s = specs.find((f) => f.name === arg.slice(2));
    return !!s && s.type !== 'bool' && s.noOptDefault === undefined;
  }
  if (arg.length === 2) {
    const s = specs.find((f) => f.shorthand === arg[1]);
    return !!s && s.type !== 'bool' && s.noOptDefault === undefined;
  }
  return false;
}
