// OpenAPI documents for kubectl: the v3 index and per-group/version documents (built in src/explain/openapi-document.ts,
// where the emulated `kubectl explain` reads them too), and an empty v2 document.
import { serverVersion } from '../../src/sim/cluster-config';
import { gvPath, openApiV3Document as documentOf } from '../../src/explain/openapi-document';
import { servedGroups } from './discovery';

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
      // The schemas' version is part of the hash, so kubectl's cache never keeps an older document.
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hashOf(`${minor}/${p}/schemas-1`)}` };
    }
  }
  return { paths };
}

/** GET /openapi/v3/api/v1, /openapi/v3/apis/GROUP/VERSION. */
export function openApiV3Document(minor: number, relative: string): Record<string, unknown> | undefined {
  const key = `${minor}/${relative}`;
  if (!documents.has(key)) documents.set(key, documentOf(minor, relative));
  return documents.get(key);
}

const documents = new Map<string, Record<string, unknown> | undefined>();

/** GET /openapi/v2: an empty but valid Swagger document (kubectl 1.27+ prefers v3). */
export function openApiV2(minor: number): Record<string, unknown> {
  return { swagger: '2.0', info: { title: 'Kubernetes', version: serverVersion(minor) }, paths: {}, definitions: {} };
}
