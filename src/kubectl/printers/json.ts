// JSON as kubectl prints it: Go's json.MarshalIndent with four spaces, keys sorted, HTML characters and
// U+2028/U+2029 escaped, and a final newline.

/** Serialises a JSON-like value exactly as `kubectl … -o json` does. */
export function toJson(value: unknown): string {
  return encode(value, '') + '\n';
}

/** Compact JSON as Go's json.Marshal writes it (jsonpath prints maps and lists this way). */
export function toCompactJson(value: unknown): string {
  return encode(value, undefined);
}

function encode(value: unknown, indent: string | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const inner = indent === undefined ? undefined : indent + '    ';
  const nl = inner === undefined ? '' : '\n';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => (inner ?? '') + encode(v, inner));
    return `[${nl}${items.join(',' + nl)}${nl}${indent ?? ''}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort(byteOrder);
  if (keys.length === 0) return '{}';
  const sep = inner === undefined ? ':' : ': ';
  const items = keys.map((k) => `${inner ?? ''}${quote(k)}${sep}${encode(obj[k], inner)}`);
  return `{${nl}${items.join(',' + nl)}${nl}${indent ?? ''}}`;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Go's encodeState.string with HTML escaping on. */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}
