// resource.Quantity as describe prints it: parsed exactly, summed, and written in canonical form (`500m`, `1Gi`).

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value in nano-units (exact for every suffix Kubernetes accepts). */
  nanos: bigint;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL).map(([k, v]) => [v, k]));
const NANO = 1_000_000_000n;

export const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' };

/** Parses `100m`, `0.5`, `128Mi`, `1e3`; undefined when malformed. */
export function parseQuantity(text: string | number): Quantity | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(String(text).trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const frac = m[3] ?? '';
  const digits = BigInt((m[2] || '0') + frac);
  const suffix = m[4] ?? '';
  let nanos: bigint;
  let format: QuantityFormat = 'DecimalSI';
  const scaleDecimal = (exp10: number) => {
    const e = exp10 + 9 - frac.length;
    return e >= 0 ? digits * 10n ** BigInt(e) : digits / 10n ** BigInt(-e);
  };
  if (suffix in BINARY) {
    format = 'BinarySI';
    nanos = (scaleDecimal(0) * 1024n ** BigInt(BINARY[suffix]));
  } else if (/^[eE]/.test(suffix)) {
    format = 'DecimalExponent';
    nanos = scaleDecimal(Number(suffix.slice(1)));
  } else {
    nanos = scaleDecimal(DECIMAL[suffix]);
  }
  return { nanos: sign * nanos, format };
}

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.format };
}

/** MilliValue: rounded up to a whole milli-unit. */
export function milliValue(q: Quantity): bigint {
  return ceilDiv(q.nanos, 1_000_000n);
}

/** Value: rounded up to a whole unit. */
export function value(q: Quantity): bigint {
  return ceilDiv(q.nanos, NANO);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

/** Quantity.String(): the canonical form. */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  const sign = neg ? '-' : '';
  if (q.format === 'BinarySI' && abs % NANO === 0n && abs / NANO >= 1024n) {
    let units = abs / NANO;
    let power = 0;
    while (power < 6 && units % 1024n === 0n) {
      units /= 1024n;
      power++;
    }
    const suffix = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][power];
    return `${sign}${units}${suffix}`;
  }
  // Decimal: the largest exponent (a multiple of 3) that keeps the mantissa whole.
  let mantissa = abs;
  let exp = -9;
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  if (q.format === 'DecimalExponent') return exp === 0 ? `${sign}${mantissa}` : `${sign}${mantissa}e${exp}`;
  return `${sign}${mantissa}${DECIMAL_SUFFIX[exp]}`;
}

/** Canonical form of a quantity as typed (`0.5` → `500m`); unparseable text is shown as is. */
export function canonicalQuantity(text: string | number): string {
  const q = parseQuantity(text);
  return q ? formatQuantity(q) : String(text);
}
