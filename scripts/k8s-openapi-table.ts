// Generates src/explain/openapi-types.generated.ts: the OpenAPI types (names, descriptions, required fields, field
// types and enums) of the kinds the simulator serves and every type they reference, read from kubernetes-models'
// type declarations (their doc comments are the API's descriptions), with integer widths from its precompiled
// validators. kubeville serve builds its /openapi/v3 documents from the table, and the emulated `kubectl explain`
// prints from the same documents.
//   npx tsx scripts/k8s-openapi-table.ts          writes the table
//   npx tsx scripts/k8s-openapi-table.ts --check  exits 1 if the committed table is not what it would write
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { integerWidths, machineryRoot, modelsRoot as root } from './kubernetes-models';

const OUT = join(import.meta.dirname, '../src/explain/openapi-types.generated.ts');

/** The kinds of the table: `apiVersion kind` → declaration file under kubernetes-models. */
const KINDS: [string, string, string][] = [
  ['v1', 'Pod', 'v1/Pod'],
  ['v1', 'Service', 'v1/Service'],
  ['v1', 'ConfigMap', 'v1/ConfigMap'],
  ['v1', 'Secret', 'v1/Secret'],
  ['v1', 'Namespace', 'v1/Namespace'],
  ['v1', 'Node', 'v1/Node'],
  ['v1', 'Endpoints', 'v1/Endpoints'],
  ['v1', 'Event', 'v1/Event'],
  ['v1', 'ServiceAccount', 'v1/ServiceAccount'],
  ['v1', 'PersistentVolumeClaim', 'v1/PersistentVolumeClaim'],
  ['apps/v1', 'Deployment', 'apps/v1/Deployment'],
  ['apps/v1', 'ReplicaSet', 'apps/v1/ReplicaSet'],
  ['apps/v1', 'StatefulSet', 'apps/v1/StatefulSet'],
  ['apps/v1', 'DaemonSet', 'apps/v1/DaemonSet'],
  ['batch/v1', 'Job', 'batch/v1/Job'],
  ['batch/v1', 'CronJob', 'batch/v1/CronJob'],
  ['networking.k8s.io/v1', 'Ingress', 'networking.k8s.io/v1/Ingress'],
  ['policy/v1', 'PodDisruptionBudget', 'policy/v1/PodDisruptionBudget'],
  ['policy/v1', 'Eviction', 'policy/v1/Eviction'],
];

/** A type's OpenAPI name from its declaration file: `v1/PodSpec` → `io.k8s.api.core.v1.PodSpec`. */
function openApiName(decl: ts.Node): string {
  const file = decl.getSourceFile().fileName.replace(/\.d\.ts$/, '');
  if (file.startsWith(machineryRoot)) return `io.k8s.apimachinery.pkg.${relative(machineryRoot, file).split('/').join('.')}`;
  const parts = relative(root, file).split('/');
  const group = parts.length === 2 ? 'core' : parts[0]!.replace(/\.k8s\.io$/, '');
  return `io.k8s.api.${group}.${parts.slice(-2).join('.')}`;
}

/** The text of a declaration's doc comment, as the API's description (line breaks kept). */
function docOf(node: ts.Node): string | undefined {
  const text = node.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const last = ranges.filter((r) => text.startsWith('/**', r.pos)).pop();
  if (!last) return undefined;
  const body = text.slice(last.pos + 3, last.end - 2);
  const lines = body.split('\n').map((l) => l.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n').replace(/\*\\\//g, '*/') || undefined;
}

const program = ts.createProgram(
  [...KINDS.map(([, , f]) => join(root, `${f}.d.ts`)), join(machineryRoot, 'apis/meta/v1/DeleteOptions.d.ts')],
  { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true },
);
const checker = program.getTypeChecker();

/** [type, description]: a type is string, boolean, number, int32, int64, object, `enum:A|B`, `[]T`, `map:T` or `#Name`. */
type Field = [string, string?];
interface OpenApiType {
  /** description */
  d?: string;
  /** required fields */
  r?: string[];
  /** properties */
  p?: Record<string, Field>;
  /** a named scalar: `date-time` (Time), `quantity`, `int-or-string` */
  s?: string;
}

const types = new Map<string, OpenApiType>();
const pending: { name: string; long: string; type: ts.Type; decl: ts.InterfaceDeclaration }[] = [];

/** Named scalars (type aliases): their schema names and the files their descriptions come from. */
const SCALARS: [RegExp, string, string][] = [
  [/IntOrString$/, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', 'int-or-string'],
  [/Quantity$/, 'io.k8s.apimachinery.pkg.api.resource.Quantity', 'quantity'],
  [/MicroTime$/, 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', 'date-time'],
  [/Time$/, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'date-time'],
];

function scalar(type: ts.Type): string | undefined {
  const str = checker.typeToString(type);
  const found = SCALARS.find(([re]) => re.test(str));
  if (!found) return undefined;
  const [, name, s] = found;
  if (!types.has(name)) {
    const decl = type.aliasSymbol?.declarations?.[0];
    types.set(name, { d: decl ? docOf(decl) : undefined, s });
  }
  return `#${name}`;
}

function fieldType(type: ts.Type): string {
  const named = scalar(type);
  if (named) return named;
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (parts.every((t) => t.isStringLiteral())) return `enum:${parts.map((t) => (t as ts.StringLiteralType).value).sort().join('|')}`;
    if (parts.length === 1) return fieldType(parts[0]!);
    if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return 'boolean';
    return 'object';
  }
  if (type.flags & ts.TypeFlags.String) return 'string';
  if (type.flags & ts.TypeFlags.Number) return 'number';
  if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return 'boolean';
  if (checker.isArrayType(type)) return `[]${fieldType(checker.getTypeArguments(type as ts.TypeReference)[0]!)}`;
  const index = type.getStringIndexType();
  if (index && type.getProperties().length === 0) return `map:${fieldType(index)}`;
  const decl = type.getSymbol()?.declarations?.find(ts.isInterfaceDeclaration);
  if (decl) {
    const name = openApiName(decl);
    if (!types.has(name) && !pending.some((p) => p.name === name)) pending.push({ name, long: longName(decl), type, decl });
    return `#${name}`;
  }
  return 'object';
}

/** `IoK8sApiCoreV1PodSpec`: the name of the type's precompiled validator. */
function longName(decl: ts.InterfaceDeclaration): string {
  const m = new RegExp(`export \\{ ${decl.name.text} as I(IoK8s\\w+)`).exec(decl.getSourceFile().text);
  if (!m) throw new Error(`no canonical name for ${decl.name.text}`);
  return m[1]!;
}

/** Integer fields of a type, with their width, found by asking its precompiled validator about 1.5 and 2^40. */

/** apiVersion and kind, described as in every kind's schema (kubernetes-models types them as literals). */
function typeMetaFields(): Record<string, Field> {
  const source = program.getSourceFile(join(machineryRoot, 'apis/meta/v1/DeleteOptions.d.ts'))!;
  const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s))!;
  const out: Record<string, Field> = {};
  for (const m of decl.members) {
    const name = m.name && ts.isStringLiteral(m.name) ? m.name.text : m.name?.getText();
    if (name === 'apiVersion' || name === 'kind') out[name] = ['string', docOf(m)];
  }
  return out;
}

async function main(): Promise<void> {
  const kinds: Record<string, string> = {};
  for (const [apiVersion, kind, file] of KINDS) {
    const source = program.getSourceFile(join(root, `${file}.d.ts`))!;
    const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === `I${kind}`)!;
    kinds[`${apiVersion} ${kind}`] = fieldType(checker.getTypeAtLocation(decl)).slice(1);
  }
  const typeMeta = typeMetaFields();
  while (pending.length) {
    const { name, long, type, decl } = pending.shift()!;
    const t: OpenApiType = { d: docOf(decl) };
    types.set(name, t);
    const isKind = Object.values(kinds).includes(name);
    const props: Record<string, Field> = {};
    const required: string[] = [];
    const numeric: string[] = [];
    for (const prop of type.getProperties()) {
      const pdecl = prop.declarations?.[0];
      if (isKind && (prop.name === 'apiVersion' || prop.name === 'kind')) {
        props[prop.name] = typeMeta[prop.name]!;
        continue;
      }
      const f = fieldType(checker.getTypeOfSymbol(prop));
      const doc = pdecl ? docOf(pdecl) : undefined;
      props[prop.name] = doc === undefined ? [f] : [f, doc];
      if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(prop.name);
      if (f === 'number' || f === '[]number') numeric.push(prop.name);
    }
    const widths = await integerWidths(long, numeric);
    for (const n of numeric) props[n]![0] = props[n]![0].replace('number', widths[n]!);
    const sorted = Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (Object.keys(sorted).length) t.p = sorted;
    if (required.length) t.r = required;
  }
  const table = Object.fromEntries([...types].sort(([a], [b]) => (a < b ? -1 : 1)));
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const text =
    `// Generated by scripts/k8s-openapi-table.ts from kubernetes-models ${version}: do not edit.\n` +
    '// Each type: d (description), r (required fields), p (field → [type, description]; a type is string, boolean, number,\n' +
    '// int32, int64, object, `enum:A|B`, `[]T`, `map:T` or `#Name`), s (a named scalar: date-time, quantity, int-or-string).\n\n' +
    `export const OPENAPI_SOURCE = 'kubernetes-models ${version}';\n\n` +
    `export const OPENAPI_KINDS: Record<string, string> = ${JSON.stringify(kinds)};\n\n` +
    `export const OPENAPI_TYPES: Record<string, { d?: string; r?: string[]; p?: Record<string, [string, string?]>; s?: string }> = ${JSON.stringify(table)};\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      console.error(`${OUT} is out of date: run npx tsx scripts/k8s-openapi-table.ts`);
      process.exit(1);
    }
    console.log('the OpenAPI table is up to date');
    return;
  }
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${Object.keys(kinds).length} kinds, ${types.size} types, ${text.length} bytes`);
}

await main();
