// The API server's decoding of a manifest against the real types (the generated table of kubernetes-models'
// schemas): a value of the wrong JSON type stops decoding with Go's json error, then strict field validation lists
// every unknown field — both worded as `kubectl apply` shows them.
import { SCHEMA_GO_NAMES, SCHEMA_KINDS, SCHEMA_TYPES } from './k8s-schema.generated';

export interface SchemaProblem {
  /** Where, as keys and list indices from the document's root. */
  path: (string | number)[];
  message: string;
}

/** The type id of a kind's root object, if the table has it. */
export function schemaTypeOf(apiVersion: string, kind: string): string | undefined {
  return SCHEMA_KINDS[`${apiVersion} ${kind}`];
}

/** The type a field path leads to (list items and map values are looked through). */
export function schemaTypeAt(root: string, keys: string[]): string | undefined {
  let type: string | undefined = root;
  for (const key of keys) {
    const fields: Record<string, string> | undefined = type === undefined ? undefined : SCHEMA_TYPES[type];
    if (!fields) return undefined;
    type = fields[key];
    while (type?.startsWith('[]')) type = type.slice(2);
  }
  return type;
}

const jsonKind = (v: unknown) => (typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : Array.isArray(v) ? 'array' : 'object');

/** Go's spelling of a field type (`int32`, `[]v1.Container`, `map[string]string`). */
function goType(t: string): string {
  if (t.startsWith('[]')) return `[]${goType(t.slice(2))}`;
  if (t.startsWith('map:')) return `map[string]${goType(t.slice(4))}`;
  if (t.startsWith('enum:')) return 'string';
  if (t === 'intstr') return 'intstr.IntOrString';
  if (t === 'quantity') return 'resource.Quantity';
  if (t === 'number') return 'float64';
  if (SCHEMA_TYPES[t]) return `v1.${SCHEMA_GO_NAMES[t] ?? t}`;
  return t;
}

/** Does `value` decode into a field of type `t`? (The value's own fields are checked separately.) */
function fits(value: unknown, t: string): boolean {
  if (value === null || t === 'any') return true;
  if (t.startsWith('[]')) return Array.isArray(value);
  if (t.startsWith('map:') || SCHEMA_TYPES[t]) return typeof value === 'object' && !Array.isArray(value);
  if (t === 'string' || t.startsWith('enum:')) return typeof value === 'string';
  if (t === 'bool') return typeof value === 'boolean';
  if (t === 'int32' || t === 'int64') return typeof value === 'number' && Number.isInteger(value);
  if (t === 'number') return typeof value === 'number';
  if (t === 'intstr' || t === 'quantity') return typeof value === 'string' || (typeof value === 'number' && (t === 'quantity' || Number.isInteger(value)));
  return true;
}

const display = (path: (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** Problems the API server's decoder finds in `obj` (a document of `apiVersion`/`kind`); none if the kind is not in the table. */
export function checkAgainstSchema(obj: Record<string, unknown>, apiVersion: string, kind: string): SchemaProblem[] {
  const root = schemaTypeOf(apiVersion, kind);
  if (!root) return [];
  const prefix = `${kind} in version "${apiVersion.split('/').pop()}" cannot be handled as a ${kind}: `;
  const unknown: (string | number)[][] = [];
  let typeError: SchemaProblem | undefined;

  const walk = (value: unknown, t: string, path: (string | number)[], struct: string) => {
    if (typeError || value === null || value === undefined || t === 'any') return;
    if (!fits(value, t)) {
      const n = typeof value === 'number' && (t === 'int32' || t === 'int64') ? `number ${value}` : jsonKind(value);
      const field = path.filter((p) => typeof p === 'string').join('.');
      typeError = { path, message: `${prefix}json: cannot unmarshal ${n} into Go struct field ${struct}.${field} of type ${goType(t)}` };
      return;
    }
    if (t.startsWith('[]')) (value as unknown[]).forEach((item, i) => walk(item, t.slice(2), [...path, i], struct));
    else if (t.startsWith('map:')) for (const [k, v] of Object.entries(value as object)) walk(v, t.slice(4), [...path, k], struct);
    else if (SCHEMA_TYPES[t]) {
      const fields = SCHEMA_TYPES[t]!;
      for (const [k, v] of Object.entries(value as object)) {
        if (!(k in fields)) unknown.push([...path, k]);
        else walk(v, fields[k]!, [...path, k], SCHEMA_GO_NAMES[t] ?? t);
      }
    }
  };
  walk(obj, root, [], SCHEMA_GO_NAMES[root] ?? kind);
  if (typeError) return [typeError];
  return unknown.map((path) => ({ path, message: `${prefix}strict decoding error: unknown field "${display(path)}"` }));
}
