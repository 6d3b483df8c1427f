// kubectl's JSONPath (k8s.io/client-go/util/jsonpath): `{.items[*].metadata.name}`, `{range …}{end}`, filters
// `[?(@.type=="Ready")]`, slices, `..` descent, quoted literals. Missing keys print nothing, as `kubectl get`
// allows them.
import { toCompactJson } from './json';
import { formatNumber } from './yaml';

export class JsonPathError extends Error {}

type Segment =
  | { t: 'field'; names: string[] }
  | { t: 'recursive' }
  | { t: 'index'; params: SliceParams[] }
  | { t: 'wildcard' }
  | { t: 'filter'; left: Segment[]; op?: string; right?: FilterOperand };

interface SliceParams {
  start?: number;
  end?: number;
  step?: number;
  slice: boolean;
}

type FilterOperand = { kind: 'path'; path: Segment[] } | { kind: 'literal'; value: unknown };

type Node =
  | { t: 'text'; text: string }
  | { t: 'path'; path: Segment[] }
  | { t: 'literal'; text: string }
  | { t: 'range'; path: Segment[]; body: Node[] };

/** A parsed template. */
export class JsonPath {
  private readonly nodes: Node[];

  constructor(readonly template: string) {
    this.nodes = parseTemplate(template);
  }

  /** The text kubectl prints for this object (no trailing newline added). */
  execute(data: unknown): string {
    return this.run(this.nodes, data).map((r) => printResults(r)).join('');
  }

  /** `-o jsonpath-as-json`: every result list printed as an indented JSON array. */
  executeAsJson(data: unknown, toJson: (v: unknown) => string): string {
    return this.run(this.nodes, data).map((r) => toJson(r.filter((x) => !x.text).map((x) => x.value))).join('');
  }

  /** The values of the first expression (sort-by and custom-columns use this). */
  find(data: unknown): unknown[] {
    const results = this.run(this.nodes, data);
    return (results[0] ?? []).map((r) => r.value);
  }

  private run(nodes: Node[], data: unknown): Result[][] {
    const out: Result[][] = [];
    for (const node of nodes) {
      if (node.t === 'text' || node.t === 'literal') out.push([{ value: node.text, text: true }]);
      else if (node.t === 'path') out.push(evalPath(node.path, [data]).map((value) => ({ value })));
      else {
        for (const item of evalPath(node.path, [data])) out.push(...this.run(node.body, item));
      }
    }
    return out;
  }
}

interface Result {
  value: unknown;
  text?: boolean;
}

function printResults(results: Result[]): string {
  return results.map((r) => (r.text ? String(r.value) : valueText(r.value))).join(' ');
}

/** How jsonpath prints one value: maps and lists as compact JSON, scalars as Go's fmt.Fprint. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return toCompactJson(v);
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function sortedValues(o: Record<string, unknown>): unknown[] {
  return Object.keys(o)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => o[k]);
}

function evalPath(path: Segment[], start: unknown[]): unknown[] {
  let cur = start;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next: unknown[] = [];
    if (seg.t === 'recursive') {
      // `..name`: the rest applies to every node below.
      const all: unknown[] = [];
      const walk = (v: unknown) => {
        all.push(v);
        if (Array.isArray(v)) v.forEach(walk);
        else if (isObject(v)) sortedValues(v).forEach(walk);
      };
      cur.forEach(walk);
      cur = all;
      continue;
    }
    for (const v of cur) {
      if (seg.t === 'field') {
        for (const name of seg.names) {
          if (name === '*') {
            if (isObject(v)) next.push(...sortedValues(v));
            continue;
          }
          if (isObject(v) && Object.prototype.hasOwnProperty.call(v, name)) next.push(v[name]);
        }
      } else if (seg.t === 'wildcard') {
        if (Array.isArray(v)) next.push(...v);
        else if (isObject(v)) next.push(...sortedValues(v));
      } else if (seg.t === 'index') {
        if (!Array.isArray(v)) continue;
        for (const p of seg.params) next.push(...applySlice(v, p));
      } else if (seg.t === 'filter') {
        const items = Array.isArray(v) ? v : [];
        for (const item of items) if (filterMatches(seg, item)) next.push(item);
      }
    }
    cur = next;
  }
  return cur;
}

function applySlice(list: unknown[], p: SliceParams): unknown[] {
  const n = list.length;
  if (!p.slice) {
    let idx = p.start ?? 0;
    if (idx < 0) idx += n;
    if (idx < 0 || idx >= n) throw new JsonPathError(`array index out of bounds: index ${p.start}, length ${n}`);
    return [list[idx]];
  }
  let start = p.start ?? 0;
  let end = p.end ?? n;
  const step = p.step ?? 1;
  if (start < 0) start += n;
  if (end < 0) end += n;
  start = Math.max(0, Math.min(start, n));
  end = Math.max(0, Math.min(end, n));
  const out: unknown[] = [];
  for (let i = start; i < end; i += step > 0 ? step : 1) out.push(list[i]);
  return out;
}

function filterMatches(seg: Extract<Segment, { t: 'filter' }>, item: unknown): boolean {
  const left = evalPath(seg.left, [item]);
  if (!seg.op) return left.length > 0 && left[0] !== null && left[0] !== undefined;
  const right = seg.right!.kind === 'literal' ? [seg.right!.value] : evalPath(seg.right!.path, [item]);
  if (left.length === 0 || right.length === 0) return false;
  const a = left[0];
  const b = right[0];
  switch (seg.op) {
    case '==':
      return compareEqual(a, b);
    case '!=':
      return !compareEqual(a, b);
    case '<':
      return Number(a) < Number(b);
    case '>':
      return Number(a) > Number(b);
    case '<=':
      return Number(a) <= Number(b);
    case '>=':
      return Number(a) >= Number(b);
  }
  return false;
}

function compareEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return valueText(a) === valueText(b);
}

// ---- parsing ----

function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: { body: Node[] }[] = [{ body: root }];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].body.push({ t: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].body.push({ t: 'text', text: template.slice(i, open) });
    const close = findClose(template, open + 1);
    if (close < 0) throw new JsonPathError(`unclosed action`);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
      continue;
    }
    if (action.startsWith('range ') || action === 'range') {
      const node: Node = { t: 'range', path: parsePath(action.slice(5).trim()), body: [] };
      stack[stack.length - 1].body.push(node);
      stack.push(node);
      continue;
    }
    if (action.startsWith('"') || action.startsWith("'")) {
      stack[stack.length - 1].body.push({ t: 'literal', text: unquote(action) });
      continue;
    }
    stack[stack.length - 1].body.push({ t: 'path', path: parsePath(action) });
  }
  return root;
}

function findClose(s: string, from: number): number {
  let quote = '';
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === '}' && depth <= 0) return i;
  }
  return -1;
}

function unquote(text: string): string {
  const q = text[0];
  if (text.length < 2 || text[text.length - 1] !== q) throw new JsonPathError(`unterminated quoted string`);
  const body = text.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" })[c] ?? c);
}

function parsePath(text: string): Segment[] {
  const segs: Segment[] = [];
  let i = 0;
  if (text[0] === '$' || text[0] === '@') i = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      if (text[i + 1] === '.') {
        segs.push({ t: 'recursive' });
        i += 2;
        continue;
      }
      i++;
      let name = '';
      while (i < text.length && text[i] !== '.' && text[i] !== '[') {
        if (text[i] === '\\' && i + 1 < text.length) {
          name += text[i + 1];
          i += 2;
          continue;
        }
        name += text[i++];
      }
      if (name) segs.push({ t: 'field', names: [name] });
    } else if (c === '[') {
      const close = matchBracket(text, i);
      if (close < 0) throw new JsonPathError(`unterminated array`);
      const inner = text.slice(i + 1, close).trim();
      i = close + 1;
      segs.push(parseBracket(inner));
    } else if (c === ' ') {
      i++;
    } else {
      // A bare name (kubectl allows `{metadata.name}` only with a leading dot; treat as field).
      let name = '';
      while (i < text.length && text[i] !== '.' && text[i] !== '[') name += text[i++];
      if (/^[A-Za-z_][\w-]*$/.test(name)) segs.push({ t: 'field', names: [name] });
      else throw new JsonPathError(`unrecognized character in action: U+${name.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${name[0]}'`);
    }
  }
  return segs;
}

function matchBracket(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function parseBracket(inner: string): Segment {
  if (inner === '*') return { t: 'wildcard' };
  if (inner.startsWith('?')) return parseFilter(inner);
  if (inner.startsWith("'") || inner.startsWith('"')) {
    const names = splitTopLevel(inner).map((part) => {
      const p = part.trim();
      if (!(p.startsWith("'") || p.startsWith('"'))) throw new JsonPathError(`invalid array index ${JSON.stringify(p)}`);
      return p.slice(1, -1);
    });
    return { t: 'field', names };
  }
  const params: SliceParams[] = splitTopLevel(inner).map((part) => {
    const pieces = part.split(':').map((x) => x.trim());
    if (pieces.length > 3) throw new JsonPathError(`invalid array index ${part}`);
    const num = (x: string | undefined) => {
      if (x === undefined || x === '') return undefined;
      if (!/^-?\d+$/.test(x)) throw new JsonPathError(`invalid array index ${JSON.stringify(x)}`);
      return Number(x);
    };
    return { start: num(pieces[0]), end: num(pieces[1]), step: num(pieces[2]), slice: pieces.length > 1 };
  });
  return { t: 'index', params };
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let cur = '';
  for (const c of s) {
    if (quote) {
      if (c === quote) quote = '';
      cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      cur += c;
    } else if (c === ',') {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

function parseFilter(inner: string): Segment {
  const m = /^\?\s*\((.*)\)$/s.exec(inner);
  if (!m) throw new JsonPathError(`unrecognized filter ${inner}`);
  const expr = m[1].trim();
  const opMatch = /(==|!=|<=|>=|<|>)/.exec(stripQuoted(expr));
  if (!opMatch) return { t: 'filter', left: parsePath(expr) };
  const op = opMatch[1];
  const left = expr.slice(0, opMatch.index).trim();
  const right = expr.slice(opMatch.index + op.length).trim();
  return { t: 'filter', left: parsePath(left), op, right: parseOperand(right) };
}

/** Replaces quoted text with spaces so operators inside literals are not matched. */
function stripQuoted(s: string): string {
  return s.replace(/"[^"]*"|'[^']*'/g, (q) => ' '.repeat(q.length));
}

function parseOperand(text: string): FilterOperand {
  if (text.startsWith('"') || text.startsWith("'")) return { kind: 'literal', value: text.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: 'literal', value: Number(text) };
  if (text === 'true' || text === 'false') return { kind: 'literal', value: text === 'true' };
  return { kind: 'path', path: parsePath(text) };
}

/**
 * RelaxedJSONPathExpression: what custom-columns and --sort-by accept — `.metadata.name`, `metadata.name`,
 * `{.metadata.name}` — turned into a template.
 */
export function relaxedJsonPath(field: string): string {
  if (field.length === 0) return field;
  const m = /^\{?(\.?)([^{}]*)\}?$/.exec(field);
  if (!m) throw new JsonPathError(`unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`);
  return `{.${m[2]}}`;
}
