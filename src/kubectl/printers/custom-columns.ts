// `-o custom-columns=HEADER:.path,…` and `-o custom-columns-file=FILE`: one column per JSONPath, `<none>` where
// nothing is found, several values joined with commas.
import { JsonPath, JsonPathError, relaxedJsonPath } from './jsonpath';
import { formatNumber } from './yaml';

export interface CustomColumn {
  header: string;
  path: JsonPath;
}

/** Parses `NAME:.metadata.name,IP:.status.podIP`. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new JsonPathError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0 || part.indexOf(':', colon + 1) >= 0) {
      throw new JsonPathError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    return { header: part.slice(0, colon), path: new JsonPath(relaxedJsonPath(part.slice(colon + 1))) };
  });
}

/** Parses a custom-columns file: a header line and a line of JSONPaths, split on whitespace. */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  const lines = text.split('\n');
  if (lines.length < 2 || !lines[0].trim()) throw new JsonPathError('either a header or a column line is missing');
  const headers = lines[0].trim().split(/\s+/);
  const paths = lines[1].trim().split(/\s+/);
  if (headers.length !== paths.length) {
    throw new JsonPathError(`number of columns in header line (${headers.length}) does not match number of columns in column line (${paths.length})`);
  }
  return headers.map((header, i) => ({ header, path: new JsonPath(relaxedJsonPath(paths[i])) }));
}

/** The tab-separated lines for objects (before the tabwriter). */
export function customColumnLines(columns: CustomColumn[], objects: unknown[], noHeaders: boolean): string {
  let text = noHeaders ? '' : columns.map((c) => c.header).join('\t') + '\n';
  for (const obj of objects) {
    const cells = columns.map((c) => {
      const values = c.path.find(obj);
      if (values.length === 0) return '<none>';
      return values.map(goSprint).join(',');
    });
    text += cells.join('\t') + '\n';
  }
  return text;
}

/** fmt.Sprint of a value decoded from JSON: `map[k:v]`, `[a b]`, `<nil>`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${keys.map((k) => `${k}:${goSprint(o[k])}`).join(' ')}]`;
  }
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}
