// Completion for the YAML editor from the generated schema table: the keys allowed where the cursor is (from the
// parent keys above it and the document's apiVersion and kind), and values for enums, booleans and a few keys.
import { SCHEMA_TYPES } from './k8s-schema.generated';
import { schemaTypeAt, schemaTypeOf } from './schema-check';

export interface CompletionOption {
  label: string;
  /** The field's type, shown beside it. */
  detail?: string;
  type: 'property' | 'enum';
  /** What is inserted (a key gets `: `). */
  apply?: string;
}

export interface ManifestCompletion {
  /** 0-based offset in the text where the completed word starts. */
  from: number;
  options: CompletionOption[];
}

/** Values worth offering after some keys, beyond the schema's enums. */
const VALUES: Record<string, string[]> = {
  apiVersion: ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1'],
  kind: ['Pod', 'Deployment', 'Service', 'Job', 'CronJob', 'ConfigMap', 'Secret', 'Namespace', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Ingress'],
  restartPolicy: ['Always', 'OnFailure', 'Never'],
  type: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  image: ['busybox', 'nginx', 'mongo:4.0', 'alpine:3.15'],
};

/** The parent keys of a line, from the lines above with less indentation (a `- ` item counts as deeper). */
export function parentsOf(lines: string[], lineIndex: number, column: number): string[] {
  const parents: string[] = [];
  let indent = column;
  for (let i = lineIndex - 1; i >= 0 && indent > 0; i--) {
    const line = lines[i]!;
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^---(\s|$)/.test(line)) break;
    // A list item's keys start after its `- `: that is the column that compares with the cursor's.
    const lead = line.length - line.trimStart().length;
    const keyColumn = lead + (line.trimStart().startsWith('- ') ? 2 : 0);
    const m = /^(\s*)(- )?([A-Za-z][\w.-]*):\s*(#.*)?$/.exec(line);
    if (keyColumn < indent && m) parents.unshift(m[3]!);
    if (keyColumn < indent) indent = keyColumn;
  }
  return parents;
}

/** The document around line `lineIndex`: its apiVersion and kind. */
function kindAround(lines: string[], lineIndex: number): { apiVersion?: string; kind?: string } {
  let start = lineIndex;
  while (start > 0 && !/^---(\s|$)/.test(lines[start - 1]!)) start--;
  let end = lineIndex;
  while (end < lines.length - 1 && !/^---(\s|$)/.test(lines[end + 1]!)) end++;
  const doc = lines.slice(start, end + 1).join('\n');
  const unquote = (s?: string) => s?.replace(/^["']|["']$/g, '');
  return { apiVersion: unquote(/^apiVersion:\s*(\S+)/m.exec(doc)?.[1]), kind: unquote(/^kind:\s*(\S+)/m.exec(doc)?.[1]) };
}

function describe(t: string): string {
  if (t.startsWith('enum:')) return 'string';
  if (t.startsWith('[]')) return `[]${describe(t.slice(2))}`;
  if (t.startsWith('map:')) return `map[string]${describe(t.slice(4))}`;
  return SCHEMA_TYPES[t] ? 'object' : t;
}

/** What to offer at `offset` in `text` (null: nothing here). `explicit`: asked with Ctrl-Space, so an empty word counts. */
export function completeManifest(text: string, offset: number, explicit = false): ManifestCompletion | null {
  const lines = text.split('\n');
  const before = text.slice(0, offset);
  const lineIndex = before.split('\n').length - 1;
  const lineText = before.slice(before.lastIndexOf('\n') + 1);
  const { apiVersion, kind } = kindAround(lines, lineIndex);
  const root = apiVersion && kind ? schemaTypeOf(apiVersion, kind) : undefined;

  const valueMatch = /^(\s*)(- )?([A-Za-z][\w]*):\s+(\S*)$/.exec(lineText);
  if (valueMatch) {
    const key = valueMatch[3]!;
    const column = valueMatch[1]!.length + (valueMatch[2] ? 2 : 0);
    const t = root ? schemaTypeAt(root, [...parentsOf(lines, lineIndex, column), key]) : undefined;
    const values = t?.startsWith('enum:') ? t.slice(5).split('|') : t === 'bool' ? ['true', 'false'] : (VALUES[key] ?? []);
    if (!values.length) return null;
    return { from: offset - valueMatch[4]!.length, options: values.map((v) => ({ label: v, type: 'enum' })) };
  }
  const keyMatch = /^(\s*)(- )?([A-Za-z]\w*)?$/.exec(lineText);
  if (!keyMatch || (!explicit && !keyMatch[3])) return null;
  const column = keyMatch[1]!.length + (keyMatch[2] ? 2 : 0);
  const parents = parentsOf(lines, lineIndex, column);
  let fields: Record<string, string> | undefined;
  if (parents.length === 0) fields = root ? SCHEMA_TYPES[root] : { apiVersion: 'string', kind: 'string', metadata: 'MetaV1ObjectMeta', spec: 'object', data: 'map:string' };
  else if (root) fields = SCHEMA_TYPES[schemaTypeAt(root, parents) ?? ''];
  if (!fields) return null;
  const options = Object.entries(fields)
    .filter(([k]) => k !== 'status' || parents.length > 0)
    .map(([k, t]): CompletionOption => ({ label: k, detail: describe(t), type: 'property', apply: `${k}: ` }));
  return options.length ? { from: offset - (keyMatch[3]?.length ?? 0), options } : null;
}
