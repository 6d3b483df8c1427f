// What server-side apply needs to know of a field's type: a struct (declared fields), a map (free keys), a list and
// how its items are identified (x-kubernetes-list-type map with its keys, set, or atomic), or a scalar. Structs and
// field types come from the generated schema table (src/explain); list types and atomic structs/maps are the
// `+listType`, `+listMapKey`, `+patchMergeKey`, `+structType`/`+mapType=atomic` markers of the Kubernetes 1.32 types.
import { SCHEMA_KINDS, SCHEMA_TYPES } from '../explain/k8s-schema.generated';

export type ListType = 'atomic' | 'set' | { keys: string[] };

export type FieldType =
  | { k: 'scalar' }
  | { k: 'struct'; id: string; atomic: boolean }
  | { k: 'map'; elem: FieldType; atomic: boolean }
  | { k: 'list'; elem: FieldType; list: ListType }
  /** Not in the table: maps are walked with free keys, lists are atomic (structured-merge-diff's deduced type). */
  | { k: 'deduced' };

const SCALAR: FieldType = { k: 'scalar' };
export const DEDUCED: FieldType = { k: 'deduced' };

const byName = (...keys: string[]): ListType => ({ keys });

/** `Type.field` → how the list merges; lists not named here are atomic. */
const LIST_TYPES: Record<string, ListType> = {
  'MetaV1ObjectMeta.finalizers': 'set',
  'MetaV1ObjectMeta.ownerReferences': byName('uid'),
  'CoreV1PodSpec.containers': byName('name'),
  'CoreV1PodSpec.initContainers': byName('name'),
  'CoreV1PodSpec.ephemeralContainers': byName('name'),
  'CoreV1PodSpec.volumes': byName('name'),
  'CoreV1PodSpec.imagePullSecrets': byName('name'),
  'CoreV1PodSpec.hostAliases': byName('ip'),
  'CoreV1PodSpec.topologySpreadConstraints': byName('topologyKey', 'whenUnsatisfiable'),
  'CoreV1PodSpec.schedulingGates': byName('name'),
  'CoreV1PodSpec.resourceClaims': byName('name'),
  'CoreV1Container.ports': byName('containerPort', 'protocol'),
  'CoreV1Container.env': byName('name'),
  'CoreV1Container.volumeMounts': byName('mountPath'),
  'CoreV1Container.volumeDevices': byName('devicePath'),
  'CoreV1EphemeralContainer.ports': byName('containerPort', 'protocol'),
  'CoreV1EphemeralContainer.env': byName('name'),
  'CoreV1EphemeralContainer.volumeMounts': byName('mountPath'),
  'CoreV1EphemeralContainer.volumeDevices': byName('devicePath'),
  'CoreV1ServiceSpec.ports': byName('port', 'protocol'),
};

/** How a struct's list field merges (`CoreV1PodSpec`, `containers`), when the Kubernetes types say (else atomic). */
export function declaredListType(typeId: string, field: string): ListType | undefined {
  return LIST_TYPES[`${typeId}.${field}`];
}

/** Key fields a list item may leave out, with the default the schema gives them. */
export const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

/** Structs replaced whole (`+structType=atomic` / `x-kubernetes-map-type: atomic`). */
const ATOMIC_STRUCTS = new Set([
  'MetaV1LabelSelector',
  'CoreV1LocalObjectReference',
  'CoreV1ObjectFieldSelector',
  'CoreV1ResourceFieldSelector',
  'CoreV1ConfigMapKeySelector',
  'CoreV1SecretKeySelector',
  'CoreV1NodeSelector',
  'CoreV1NodeSelectorTerm',
  'CoreV1TypedLocalObjectReference',
  'CoreV1ObjectReference',
]);

/** Maps replaced whole (`+mapType=atomic`). */
const ATOMIC_MAPS = new Set(['CoreV1ServiceSpec.selector', 'CoreV1PodSpec.nodeSelector']);

function parse(type: string, owner: string, field: string): FieldType {
  if (type.startsWith('[]')) return { k: 'list', elem: parse(type.slice(2), owner, field), list: LIST_TYPES[`${owner}.${field}`] ?? 'atomic' };
  if (type.startsWith('map:')) return { k: 'map', elem: parse(type.slice(4), owner, field), atomic: ATOMIC_MAPS.has(`${owner}.${field}`) };
  if (type === 'any') return DEDUCED;
  if (SCHEMA_TYPES[type]) return { k: 'struct', id: type, atomic: ATOMIC_STRUCTS.has(type) };
  return SCALAR;
}

/** The type of a kind's objects (deduced when the table does not have the kind). */
export function rootType(apiVersion: string, kind: string): FieldType {
  const id = SCHEMA_KINDS[`${apiVersion} ${kind}`];
  return id ? { k: 'struct', id, atomic: false } : DEDUCED;
}

/** The type of `key` inside a struct or map (deduced for what the table does not declare). */
export function childType(t: FieldType, key: string): FieldType {
  if (t.k === 'map') return t.elem;
  if (t.k !== 'struct') return DEDUCED;
  const f = SCHEMA_TYPES[t.id]?.[key];
  return f === undefined ? DEDUCED : parse(f, t.id, key);
}

/** Whether `key` is a declared field of a struct (declared fields are not members by themselves). */
export function isDeclaredField(t: FieldType, key: string): boolean {
  return t.k === 'struct' && SCHEMA_TYPES[t.id]?.[key] !== undefined;
}
