// `kubectl explain`'s plaintext output from an OpenAPI v3 document, as kubectl 1.32's template prints it (the
// explain/v2 plaintext template: header, FIELD line with enums, DESCRIPTION, FIELDS or the --recursive tree), with
// kubectl's word wrapping (go-wordwrap) and indentation.
import type { OpenApiDocument, OpenApiSchema } from './openapi-document';

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** An error kubectl's template throws (`field "x" does not exist`), after the header it has already printed. */
export class ExplainError extends Error {
  constructor(
    message: string,
    readonly printed: string,
  ) {
    super(message);
  }
}

type Schema = OpenApiSchema;

const isObj = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Go template truthiness for maps and lists: non-empty. */
const truthy = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : isObj(v) ? Object.keys(v).length > 0 : Boolean(v));

/** go-wordwrap's WrapString: breaks at spaces so lines stay within `limit` runes; longer words stay whole. */
export function wordWrap(s: string, limit: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  const len = (x: string) => [...x].length;
  for (const ch of s) {
    if (ch === '\n') {
      if (word === '') {
        if (current + len(space) <= limit) buf += space;
      } else {
        buf += space + word;
      }
      space = '';
      word = '';
      buf += ch;
      current = 0;
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space === '' || word !== '') {
        current += len(space) + len(word);
        buf += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      if (current + len(space) + len(word) > limit && len(word) < limit) {
        buf += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + len(space) <= limit) buf += space;
  } else {
    buf += space + word;
  }
  return buf;
}

const indent = (n: number, s: string) => ' '.repeat(n) + s.replace(/\n/g, `\n${' '.repeat(n)}`);

class Printer {
  constructor(private readonly doc: OpenApiDocument) {}

  resolve(ref: unknown): Schema | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
    let cur: unknown = this.doc;
    for (const k of ref.slice(1).split('/')) {
      if (!k) continue;
      if (!isObj(cur) || !isObj(cur[k])) return undefined;
      cur = cur[k];
    }
    return cur as Schema;
  }

  private resolvedOr(schema: Schema): Schema {
    const r = this.resolve(schema.$ref);
    return r && truthy(r) ? r : schema;
  }

  typeGuess(schema: Schema): string {
    if (truthy(schema.items)) return `[]${this.typeGuess(schema.items as Schema)}`;
    if (isObj(schema.additionalProperties) && truthy(schema.additionalProperties)) return `map[string]${this.typeGuess(schema.additionalProperties)}`;
    const allOf = schema.allOf as Schema[] | undefined;
    if (truthy(allOf) && !truthy(schema.properties) && allOf!.length === 1) return this.typeGuess(allOf![0]!);
    if (schema.$ref) {
      const ref = String(schema.$ref);
      const target = this.resolve(ref);
      if (!target || !truthy(target) || !target.type || target.type === 'object') return ref.split('/').pop()!.split('.').pop() || 'Object';
      return String(target.type);
    }
    return schema.type === 'object' ? 'Object' : String(schema.type || 'Object');
  }

  enumText(schema: Schema, long: boolean, limit: number, indentAmount = 0): string {
    const values = schema.enum as unknown[] | undefined;
    if (!truthy(values)) return '';
    let out = long ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
    for (const [i, v] of values!.entries()) {
      if (limit > -1 && i >= limit) {
        out += ', ....';
        break;
      }
      if (i > 0 && !long) out += ', ';
      else if (long) out += '\n    ';
      out += v === '' ? '""' : String(v);
    }
    return out;
  }

  description(schema: Schema): string {
    const s = this.resolvedOr(schema);
    let out = s.description ? `${String(s.description)}\n` : '';
    for (const a of (s.allOf as Schema[] | undefined) ?? []) out += this.description(a);
    if (truthy(s.items)) out += this.description(s.items as Schema);
    if (isObj(s.additionalProperties) && truthy(s.additionalProperties)) out += this.description(s.additionalProperties);
    return out;
  }

  fieldDetail(name: string, schema: Schema, short: boolean, level: number): string {
    const n = level * 2;
    const field = (schema.properties as Record<string, Schema>)[name]!;
    let out = `${indent(n, name)}\t<${this.typeGuess(field)}>`;
    if (((schema.required as string[] | undefined) ?? []).includes(name)) out += ' -required-';
    out += this.enumText(field, false, 4, n);
    out += '\n';
    if (!short) out += `${indent(n + 2, wordWrap(String(field.description || '<no description>'), 78 - n))}\n\n`;
    return out;
  }

  fieldList(schema: Schema, level: number, recursive: boolean, history: Record<string, true>): string {
    const ref = typeof schema.$ref === 'string' ? schema.$ref : '';
    if (ref && history[ref]) return '';
    const next = { ...history, [ref]: true as const };
    const s = this.resolvedOr(schema);
    let out = '';
    const props = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const k of Object.keys(props).sort()) {
      out += this.fieldDetail(k, s, recursive, level);
      if (recursive) out += this.fieldList(props[k]!, level + 1, recursive, next);
    }
    for (const a of (s.allOf as Schema[] | undefined) ?? []) out += this.fieldList(a, level, recursive, next);
    if (truthy(s.items)) out += this.fieldList(s.items as Schema, level, recursive, next);
    if (isObj(s.additionalProperties) && truthy(s.additionalProperties)) out += this.fieldList(s.additionalProperties, level, recursive, next);
    return out;
  }

  output(schema: Schema, path: string[], recursive: boolean, history: Record<string, true>): string {
    const ref = typeof schema.$ref === 'string' ? schema.$ref : '';
    const next = { ...history, [ref]: true as const };
    const s = this.resolvedOr(schema);
    if (path.length === 0) {
      let out = `DESCRIPTION:\n${indent(4, wordWrap(this.description(s) || '<empty>', 76))}\n`;
      const fields = this.fieldList(s, 1, recursive, {});
      if (fields) out += `FIELDS:\n${fields}`;
      return out;
    }
    if (ref && history[ref]) return '';
    const props = s.properties as Record<string, Schema> | undefined;
    if (truthy(props) && truthy(props![path[0]!])) {
      const sub = props![path[0]!]!;
      let out = '';
      if (path.length === 1) out += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n${this.enumText(sub, true, -1)}\n\n`;
      return out + this.output(sub, path.slice(1), recursive, {});
    }
    if (truthy(s.items)) return this.output(s.items as Schema, path, recursive, next);
    if (isObj(s.additionalProperties) && truthy(s.additionalProperties)) return this.output(s.additionalProperties, path, recursive, next);
    for (const a of (s.allOf as Schema[] | undefined) ?? []) {
      const out = this.output(a, path, recursive, next);
      if (out) return out;
    }
    return '';
  }
}

const sameGvk = (a: unknown, g: Gvk) => isObj(a) && Object.keys(a).length === 3 && a.group === g.group && a.version === g.version && a.kind === g.kind;

/** The text `kubectl explain` prints for a kind (and a field path inside it), read from the group/version's document. */
export function explainText(doc: OpenApiDocument, gvk: Gvk, fieldPath: string[], recursive: boolean): string {
  const p = new Printer(doc);
  let out = gvk.group ? `GROUP:      ${gvk.group}\n` : '';
  out += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const schemas = doc.components.schemas;
  const name = Object.keys(schemas)
    .sort()
    .find((n) => ((schemas[n]!['x-kubernetes-group-version-kind'] as unknown[] | undefined) ?? []).some((x) => sameGvk(x, gvk)));
  if (!name) throw new ExplainError(`GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema`, out);
  const body = p.output(schemas[name]!, fieldPath, recursive, {});
  if (!body) throw new ExplainError(`field "${fieldPath[fieldPath.length - 1]}" does not exist`, out);
  return `${out + body}\n`;
}
