// Parses the resource paths of the Kubernetes API: /api/v1/namespaces/NS/pods/NAME/status,
// /apis/GROUP/VERSION/RESOURCE… into what they name.
import { servedResources, type ResourceType } from '../../src/api/resources';

export interface ResourcePath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type ParsedPath =
  | { kind: 'resource'; path: ResourcePath }
  /** /api/v1 or /apis/GROUP/VERSION */
  | { kind: 'group-version'; group: string; version: string }
  /** /apis/GROUP */
  | { kind: 'group'; group: string }
  | { kind: 'unknown' };

/** What a URL path names, for a cluster of the given minor version. */
export function parseResourcePath(pathname: string, minor: number): ParsedPath {
  const parts = pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length < 2) return { kind: 'unknown' };
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 2) return servedResources(minor).some((t) => t.group === parts[1]) ? { kind: 'group', group: parts[1] } : { kind: 'unknown' };
    if (parts.length < 3) return { kind: 'unknown' };
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else return { kind: 'unknown' };
  const inGv = servedResources(minor).filter((t) => t.group === group && t.version === version);
  if (inGv.length === 0) return { kind: 'unknown' };
  if (rest.length === 0) return { kind: 'group-version', group, version };
  const find = (name: string) => inGv.find((t) => t.name === name);
  let namespace: string | undefined;
  // namespaces/NS/RESOURCE… names a namespaced resource; namespaces/NS[/status|finalize] names the namespace itself.
  if (rest[0] === 'namespaces' && rest.length >= 3 && find(rest[2])?.namespaced) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const type = find(rest[0]);
  if (!type || rest.length > 3) return { kind: 'unknown' };
  if (namespace === undefined && rest.length > 1 && type.namespaced && type.name !== 'namespaces') return { kind: 'unknown' };
  return { kind: 'resource', path: { type, namespace, name: rest[1], subresource: rest[2] } };
}
