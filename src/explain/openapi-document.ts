// The OpenAPI v3 documents of the served group/versions, as the API server publishes them at /openapi/v3/...: each
// kind's PATCH operation (with its fieldValidation parameter and x-kubernetes-group-version-kind) and the component
// schemas of the kinds the generated table knows, with everything they reference. kubeville serve sends them to the
// real kubectl (`apply` validation, `explain`), and the emulated `kubectl explain` prints from the same documents.
import { groupVersion, servedResources } from '../api/resources';
import { serverVersion } from '../sim/cluster-config';
import { declaredListType } from '../apiserver/field-types';
import { OPENAPI_KINDS, OPENAPI_TYPES } from './openapi-types.generated';

export type OpenApiSchema = Record<string, unknown>;
export type OpenApiDocument = { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, OpenApiSchema> } } & Record<string, unknown>;

const REF = '#/components/schemas/';

/** `io.k8s.api.core.v1.PodSpec` → `CoreV1PodSpec` (the id of the field-type tables). */
function tableId(name: string): string {
  const parts = name.split('.');
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const group = name.startsWith('io.k8s.apimachinery.') ? parts[parts.length - 3]! : parts[3]!;
  return `${cap(group)}${cap(parts[parts.length - 2]!)}${parts[parts.length - 1]}`;
}

function itemSchema(type: string, refs: Set<string>): OpenApiSchema {
  if (type.startsWith('#')) {
    refs.add(type.slice(1));
    return { allOf: [{ $ref: REF + type.slice(1) }], default: {} };
  }
  return fieldSchema(type, undefined, refs);
}

function fieldSchema(type: string, description: string | undefined, refs: Set<string>): OpenApiSchema {
  const d = description === undefined ? {} : { description };
  if (type.startsWith('[]')) return { ...d, type: 'array', items: itemSchema(type.slice(2), refs) };
  if (type.startsWith('map:')) return { ...d, type: 'object', additionalProperties: itemSchema(type.slice(4), refs) };
  if (type.startsWith('enum:')) return { ...d, type: 'string', enum: type.slice(5).split('|') };
  if (type.startsWith('#')) {
    refs.add(type.slice(1));
    return { ...d, allOf: [{ $ref: REF + type.slice(1) }] };
  }
  if (type === 'int32' || type === 'int64') return { ...d, type: 'integer', format: type };
  if (type === 'number') return { ...d, type: 'number', format: 'double' };
  return { ...d, type };
}

/** The list extensions of a field (x-kubernetes-list-type, map keys, the patch merge key). */
function listExtensions(owner: string, field: string): OpenApiSchema {
  const lt = declaredListType(tableId(owner), field);
  if (!lt) return {};
  if (lt === 'set') return { 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' };
  if (lt === 'atomic') return { 'x-kubernetes-list-type': 'atomic' };
  return {
    'x-kubernetes-list-map-keys': lt.keys,
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-patch-merge-key': lt.keys[0],
    'x-kubernetes-patch-strategy': field === 'volumes' ? 'merge,retainKeys' : 'merge',
  };
}

/** One component schema and the names it references. */
function componentSchema(name: string, gvk: { group: string; version: string; kind: string } | undefined, refs: Set<string>): OpenApiSchema {
  const t = OPENAPI_TYPES[name]!;
  const d = t.d === undefined ? {} : { description: t.d };
  if (t.s === 'date-time') return { ...d, type: 'string', format: 'date-time' };
  if (t.s === 'quantity') return { ...d, oneOf: [{ type: 'string' }, { type: 'number' }] };
  if (t.s === 'int-or-string') return { ...d, format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] };
  const schema: OpenApiSchema = { ...d };
  if (t.p) {
    schema.properties = Object.fromEntries(
      Object.entries(t.p).map(([field, [type, description]]) => [field, { ...fieldSchema(type, description, refs), ...(type.startsWith('[]') ? listExtensions(name, field) : {}) }]),
    );
  }
  if (t.r) schema.required = t.r;
  schema.type = 'object';
  if (gvk) schema['x-kubernetes-group-version-kind'] = [gvk];
  return schema;
}

/** The component schemas of some kinds (`apiVersion kind`) and of every type they reference, by name. */
export function componentSchemas(kinds: { group: string; version: string; kind: string }[]): Record<string, OpenApiSchema> {
  const out: Record<string, OpenApiSchema> = {};
  const gvkOf = new Map<string, { group: string; version: string; kind: string }>();
  const todo: string[] = [];
  for (const k of kinds) {
    const name = OPENAPI_KINDS[`${k.group ? `${k.group}/` : ''}${k.version} ${k.kind}`];
    if (!name) continue;
    gvkOf.set(name, { group: k.group, kind: k.kind, version: k.version });
    todo.push(name);
  }
  while (todo.length) {
    const name = todo.shift()!;
    if (out[name] || !OPENAPI_TYPES[name]) continue;
    const refs = new Set<string>();
    out[name] = componentSchema(name, gvkOf.get(name), refs);
    for (const r of refs) if (!out[r]) todo.push(r);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

const FIELD_VALIDATION = {
  name: 'fieldValidation',
  in: 'query',
  description: 'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields.',
  schema: { type: 'string', uniqueItems: true },
};

/** The document of one group/version (`api/v1`, `apis/apps/v1`), or undefined when it is not served. */
export function openApiV3Document(minor: number, relative: string): OpenApiDocument | undefined {
  const m = /^(?:api\/(v\d\w*)|apis\/([^/]+)\/([^/]+))$/.exec(relative);
  if (!m) return undefined;
  const group = m[1] ? '' : m[2]!;
  const version = (m[1] ?? m[3])!;
  const types = servedResources(minor).filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const t of types) {
    // No requestBody: kubectl then computes strategic merge patches from its compiled-in types, not from these schemas.
    if (!t.verbs.includes('patch')) continue;
    const prefix = `/${gvPath(group, version)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.name}/{name}`;
    paths[prefix] = {
      patch: {
        description: `partially update the specified ${t.kind}`,
        operationId: `patch${t.kind}`,
        parameters: [FIELD_VALIDATION],
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: t.group, kind: t.kind, version: t.version },
      },
    };
  }
  const kinds = types.map((t) => ({ group: t.group, version: t.version, kind: t.kind }));
  // pods/eviction is a core/v1 path, so the core document carries policy/v1 Eviction (as a real API server's does).
  if (group === '' && version === 'v1') kinds.push({ group: 'policy', version: 'v1', kind: 'Eviction' });
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: serverVersion(minor) },
    paths,
    components: { schemas: componentSchemas(kinds) },
    'x-kubeville-group-version': groupVersion(types[0]!),
  };
}
