// Discovery documents: /api, /apis, the per-group-version resource lists, and aggregated discovery
// (apidiscovery.k8s.io/v2, what kubectl 1.30+ asks for first).
import { groupVersion, servedResources, type ResourceType } from '../../src/api/resources';

export const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Subresources the simulator serves, with their verbs and the kind they answer with. */
export function subresourcesOf(t: ResourceType): { name: string; kind: string; group: string; version: string; verbs: string[] }[] {
  const out: { name: string; kind: string; group: string; version: string; verbs: string[] }[] = [];
  const withStatus = !['ConfigMap', 'Secret', 'Event', 'Endpoints', 'EndpointSlice', 'ServiceAccount', 'Binding', 'ComponentStatus', 'Lease', 'ControllerRevision', 'PodTemplate'].includes(t.kind);
  const writable = t.verbs.includes('update');
  if (t.kind === 'Pod') out.push({ name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] });
  if (t.kind === 'Pod') out.push({ name: 'log', kind: 'Pod', group: '', version: 'v1', verbs: ['get'] });
  if (withStatus && writable) out.push({ name: 'status', kind: t.kind, group: t.group, version: t.version, verbs: ['get', 'patch', 'update'] });
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(t.kind)) {
    out.push({ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] });
  }
  return out;
}

interface GroupVersions {
  name: string;
  versions: string[];
}

/** Served groups in discovery order (core first), each with its versions, preferred first. */
export function servedGroups(minor: number): GroupVersions[] {
  const groups: GroupVersions[] = [];
  for (const t of servedResources(minor)) {
    let g = groups.find((x) => x.name === t.group);
    if (!g) groups.push((g = { name: t.group, versions: [] }));
    if (!g.versions.includes(t.version)) g.versions.push(t.version);
  }
  return groups;
}

export function resourcesIn(minor: number, group: string, version: string): ResourceType[] {
  return servedResources(minor).filter((t) => t.group === group && t.version === version);
}

/** GET /api (legacy form). */
export function apiVersions(): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }] };
}

/** GET /apis (legacy form). */
export function apiGroupList(minor: number): Record<string, unknown> {
  const groups = servedGroups(minor)
    .filter((g) => g.name !== '')
    .map((g) => {
      const versions = g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v }));
      return { name: g.name, versions, preferredVersion: versions[0] };
    });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** GET /api/v1, /apis/GROUP/VERSION: an APIResourceList. */
export function apiResourceList(minor: number, group: string, version: string): Record<string, unknown> | undefined {
  const types = resourcesIn(minor, group, version);
  if (types.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const t of types) {
    const r: Record<string, unknown> = { name: t.name, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: t.verbs };
    if (t.shortNames.length) r.shortNames = t.shortNames;
    if (t.categories) r.categories = t.categories;
    resources.push(r);
    for (const s of subresourcesOf(t)) {
      const sub: Record<string, unknown> = { name: `${t.name}/${s.name}`, singularName: '', namespaced: t.namespaced, kind: s.kind, verbs: s.verbs };
      if (s.group !== t.group || s.version !== t.version) Object.assign(sub, { group: s.group, version: s.version });
      resources.push(sub);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(types[0]), resources };
}

/** GET /api or /apis with the aggregated Accept: an APIGroupDiscoveryList. */
export function aggregatedDiscovery(minor: number, legacy: boolean): Record<string, unknown> {
  const items = servedGroups(minor)
    .filter((g) => (legacy ? g.name === '' : g.name !== ''))
    .map((g) => ({
      metadata: { name: g.name, creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v,
        resources: resourcesIn(minor, g.name, v).map((t) => {
          const r: Record<string, unknown> = {
            resource: t.name,
            responseKind: { group: t.group, version: t.version, kind: t.kind },
            scope: t.namespaced ? 'Namespaced' : 'Cluster',
            singularResource: t.singular,
            verbs: t.verbs,
          };
          if (t.shortNames.length) r.shortNames = t.shortNames;
          if (t.categories) r.categories = t.categories;
          const subs = subresourcesOf(t);
          if (subs.length) r.subresources = subs.map((s) => ({ subresource: s.name, responseKind: { group: s.group, version: s.version, kind: s.kind }, verbs: s.verbs }));
          return r;
        }),
        freshness: 'Current',
      })),
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}
