// OpenAPI documents, just enough for kubectl: each group/version's v3 document lists the PATCH operation of every
// kind with its `fieldValidation` parameter, so `kubectl apply`/`create` validate on the server (fieldValidation=
// Strict) instead of downloading schemas. No component schemas are served: kubectl then computes strategic merge
// patches from its compiled-in types, and `kubectl explain` has nothing to explain (a known difference).
import { groupVersion } from '../../src/api/resources';
import { serverVersion } from '../../src/sim/cluster-config';
import { servedGroups, resourcesIn } from './discovery';

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** A stable hash of what a document depends on (kubectl caches per hash). */
function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).toUpperCase().padStart(8, '0').repeat(16);
}

/** GET /openapi/v3: where each group/version's document is. */
export function openApiV3Index(minor: number): Record<string, unknown> {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const g of servedGroups(minor)) {
    for (const v of g.versions) {
      const p = gvPath(g.name, v);
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hashOf(`${minor}/${p}`)}` };
    }
  }
  return { paths };
}

const FIELD_VALIDATION = {
  name: 'fieldValidation',
  in: 'query',
  description: 'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields.',
  schema: { type: 'string', uniqueItems: true },
};

/** GET /openapi/v3/api/v1, /openapi/v3/apis/GROUP/VERSION. */
export function openApiV3Document(minor: number, relative: string): Record<string, unknown> | undefined {
  const m = /^(?:api\/(v\d\w*)|apis\/([^/]+)\/([^/]+))$/.exec(relative);
  if (!m) return undefined;
  const group = m[1] ? '' : m[2];
  const version = m[1] ?? m[3];
  const types = resourcesIn(minor, group, version);
  if (types.length === 0) return undefined;
  const paths: Record<string, unknown> = {};
  for (const t of types) {
    if (!t.verbs.includes('patch')) continue;
    const prefix = `/${gvPath(group, version)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.name}/{name}`;
    paths[prefix] = {
      patch: {
        description: `partially update the specified ${t.kind}`,
        operationId: `patch${t.kind}`,
        parameters: [FIELD_VALIDATION],
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: t.group, version: t.version, kind: t.kind },
      },
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: serverVersion(minor) },
    paths,
    components: { schemas: {} },
    'x-kubeville-group-version': groupVersion(types[0]),
  };
}

/** GET /openapi/v2: an empty but valid Swagger document (kubectl 1.27+ prefers v3). */
export function openApiV2(minor: number): Record<string, unknown> {
  return { swagger: '2.0', info: { title: 'Kubernetes', version: serverVersion(minor) }, paths: {}, definitions: {} };
}
