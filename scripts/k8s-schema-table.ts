// Generates src/explain/k8s-schema.generated.ts: the fields of the Kubernetes kinds learners write (their names, Go
// types and nested types), read from kubernetes-models' type declarations, with integer widths taken from its
// precompiled JSON-schema validators. The table feeds the YAML editor's key completion and the strict decoding and
// type checks of src/explain/schema-check.ts, without shipping the validators.
//   npx tsx scripts/k8s-schema-table.ts          writes the table
//   npx tsx scripts/k8s-schema-table.ts --check  exits 1 if the committed table is not what it would write
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { integerWidths, machineryRoot, modelsRoot as root } from './kubernetes-models';

const OUT = join(import.meta.dirname, '../src/explain/k8s-schema.generated.ts');

/** The kinds of the table: `apiVersion kind` → declaration file under kubernetes-models. */
const KINDS: [string, string, string][] = [
  ['v1', 'Pod', 'v1/Pod'],
  ['v1', 'Service', 'v1/Service'],
  ['v1', 'ConfigMap', 'v1/ConfigMap'],
  ['v1', 'Secret', 'v1/Secret'],
  ['v1', 'Namespace', 'v1/Namespace'],
  ['v1', 'ServiceAccount', 'v1/ServiceAccount'],
  ['v1', 'PersistentVolumeClaim', 'v1/PersistentVolumeClaim'],
  ['v1', 'Endpoints', 'v1/Endpoints'],
  ['apps/v1', 'Deployment', 'apps/v1/Deployment'],
  ['apps/v1', 'ReplicaSet', 'apps/v1/ReplicaSet'],
  ['apps/v1', 'StatefulSet', 'apps/v1/StatefulSet'],
  ['apps/v1', 'DaemonSet', 'apps/v1/DaemonSet'],
  ['batch/v1', 'Job', 'batch/v1/Job'],
  ['batch/v1', 'CronJob', 'batch/v1/CronJob'],
  ['networking.k8s.io/v1', 'Ingress', 'networking.k8s.io/v1/Ingress'],
];

/** Server-filled parts kept unchecked: learners never write them, and their types are large. */
const OPAQUE_FIELDS = new Set(['managedFields']);

const program = ts.createProgram(
  KINDS.map(([, , f]) => join(root, `${f}.d.ts`)),
  { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true },
);
const checker = program.getTypeChecker();

/** `IIoK8sApiCoreV1ServicePort` → `CoreV1ServicePort` (the table's short id); the Go name is the last word. */
function idOf(decl: ts.Declaration): { id: string; long: string } {
  const file = decl.getSourceFile();
  const name = (decl as ts.InterfaceDeclaration).name.text;
  const m = new RegExp(`export \\{ ${name} as I(IoK8s\\w+)`).exec(file.text);
  if (!m) throw new Error(`no canonical name for ${name} in ${file.fileName}`);
  return { id: m[1]!.replace(/^IoK8sApimachineryPkg(Apis|Api|Util)?/, '').replace(/^IoK8sApi/, ''), long: m[1]! };
}

type Field = string;
const types = new Map<string, { fields: Record<string, Field> }>();
const pending: { id: string; long: string; type: ts.Type }[] = [];

function fieldOf(type: ts.Type): Field {
  const str = checker.typeToString(type);
  if (/IntOrString$/.test(str)) return 'intstr';
  if (/Quantity$/.test(str)) return 'quantity';
  if (/Time$|MicroTime$/.test(str) && type.flags & ts.TypeFlags.String) return 'string';
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (parts.every((t) => t.isStringLiteral())) return `enum:${parts.map((t) => (t as ts.StringLiteralType).value).sort().join('|')}`;
    if (parts.length === 1) return fieldOf(parts[0]!);
    if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return 'bool';
    if (parts.length === 2 && parts.some((t) => t.flags & ts.TypeFlags.String) && parts.some((t) => t.flags & ts.TypeFlags.Number)) return 'intstr';
    return 'any';
  }
  if (type.flags & ts.TypeFlags.String) return 'string';
  if (type.flags & ts.TypeFlags.Number) return 'number';
  if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return 'bool';
  if (type.flags & ts.TypeFlags.Any || type.flags & ts.TypeFlags.Unknown) return 'any';
  if (checker.isArrayType(type)) return `[]${fieldOf(checker.getTypeArguments(type as ts.TypeReference)[0]!)}`;
  const index = type.getStringIndexType();
  if (index && type.getProperties().length === 0) return `map:${fieldOf(index)}`;
  const decl = type.getSymbol()?.declarations?.find(ts.isInterfaceDeclaration);
  if (decl) {
    const { id, long } = idOf(decl);
    if (!types.has(id) && !pending.some((p) => p.id === id)) pending.push({ id, long, type });
    return id;
  }
  return 'any';
}


async function main(): Promise<void> {
  const kinds: Record<string, string> = {};
  for (const [apiVersion, kind, file] of KINDS) {
    const source = program.getSourceFile(join(root, `${file}.d.ts`))!;
    const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === `I${kind}`)!;
    kinds[`${apiVersion} ${kind}`] = fieldOf(checker.getTypeAtLocation(decl));
  }
  while (pending.length) {
    const { id, long, type } = pending.shift()!;
    const fields: Record<string, Field> = {};
    types.set(id, { fields });
    const numeric: string[] = [];
    const root = type.getProperty('apiVersion') && type.getProperty('kind');
    for (const prop of type.getProperties()) {
      if (OPAQUE_FIELDS.has(prop.name) || (root && prop.name === 'status')) {
        fields[prop.name] = 'any';
        continue;
      }
      const f = fieldOf(checker.getTypeOfSymbol(prop));
      fields[prop.name] = f;
      if (f === 'number' || f === '[]number') numeric.push(prop.name);
    }
    const widths = await integerWidths(long, numeric);
    for (const n of numeric) fields[n] = fields[n]!.replace('number', widths[n]!);
  }
  const goNames = Object.fromEntries([...types.keys()].map((id) => [id, goName(id)]));
  const table = Object.fromEntries([...types].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, t]) => [id, t.fields]));
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const text = `// Generated by scripts/k8s-schema-table.ts from kubernetes-models ${version}: do not edit.\n// The fields of each type: a Go type (string, bool, int32, int64, number, intstr, quantity, any), \`enum:A|B\`, \`[]T\`, \`map:T\` or another type's id.\n\nexport const SCHEMA_KINDS: Record<string, string> = ${JSON.stringify(kinds)};\n\n/** Go struct names, as the API server's decoding errors name them. */\nexport const SCHEMA_GO_NAMES: Record<string, string> = ${JSON.stringify(goNames)};\n\nexport const SCHEMA_TYPES: Record<string, Record<string, string>> = ${JSON.stringify(table)};\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      console.error(`${OUT} is out of date: run npx tsx scripts/k8s-schema-table.ts`);
      process.exit(1);
    }
    console.log('the schema table is up to date');
    return;
  }
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${Object.keys(kinds).length} kinds, ${types.size} types, ${text.length} bytes`);
}

/** `CoreV1ServicePort` → `ServicePort`, `MetaV1ObjectMeta` → `ObjectMeta`. */
function goName(id: string): string {
  return id.replace(/^.*?V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, '');
}

await main();
